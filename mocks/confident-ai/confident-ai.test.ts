import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ZodMiniType } from 'zod/mini';
import { createScenario, type Scenario } from '../scenario.ts';
import { confidentAiFixture, confidentAiFixtureKeys, confidentAiRoleIds } from './fixtures.ts';
import { createConfidentAiMock, type ConfidentAiMockOptions } from './index.ts';
import {
  createInvitationsResponse,
  errorResponse,
  listInvitationsResponse,
  listRolesResponse,
  resendInvitationResponse,
  revokeInvitationResponse,
} from './schemas.ts';

const BASE = 'https://api.confident-ai.com';
const DOCS = 'projectId';
const SDK = 'clq9z3x1k0001la08f7t3g5p2';
const KEY = 'any-org-key';
const NOW = Date.parse('2025-03-10T12:00:00.000Z');
const { owner, member, analyst } = confidentAiRoleIds;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function useMock(options: ConfidentAiMockOptions = {}) {
  const mock = createConfidentAiMock({ now: () => NOW, ...options });
  server.use(...mock.handlers);
  return mock;
}

type Endpoint = 'create' | 'list' | 'resend' | 'revoke' | 'roles';
const successSchemas: Record<Endpoint, ZodMiniType> = {
  create: createInvitationsResponse,
  list: listInvitationsResponse,
  resend: resendInvitationResponse,
  revoke: revokeInvitationResponse,
  roles: listRolesResponse,
};
/** Which response kinds the contract check has seen: the last test proves every one was exercised. */
const seen = new Set<string>();

interface CallOptions {
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  contentType?: string | null;
  base?: string;
  signal?: AbortSignal;
}

/**
 * One request to the mock. Every answer is checked against the published schema for its endpoint (a
 * success) or the API Conventions error envelope (anything else): the contract test of the mock.
 */
async function call(endpoint: Endpoint, path: string, options: CallOptions = {}) {
  const method = { create: 'POST', list: 'GET', resend: 'PUT', revoke: 'DELETE', roles: 'GET' }[endpoint];
  const headers: Record<string, string> = {};
  if (options.key !== null) headers['CONFIDENT_API_KEY'] = options.key ?? KEY;
  const text = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (text !== undefined && options.contentType !== null) headers['Content-Type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${options.base ?? BASE}${path}`, {
    method,
    headers,
    ...(text === undefined ? {} : { body: text }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const body: unknown = await response.json();
  expect(response.headers.get('content-type')).toContain('application/json');
  if (response.ok) {
    expect(response.status).toBe(200);
    const check = successSchemas[endpoint].safeParse(body);
    expect(check.error?.issues).toBeUndefined();
    seen.add(endpoint);
  } else {
    const check = errorResponse.safeParse(body);
    expect(check.error?.issues).toBeUndefined();
    seen.add(`error ${response.status}`);
  }
  return { status: response.status, headers: response.headers, body: body as any };
}

const invitationsOf = (projectId: string) => `/v1/projects/${projectId}/invitations`;
const invitationPath = (projectId: string, id: number | string) => `${invitationsOf(projectId)}/${id}`;
const rolesOf = (projectId: string) => `/v1/projects/${projectId}/roles`;

describe('POST /v1/projects/:projectId/invitations', () => {
  it('creates PENDING invitations with integer ids from 201 and the given role', async () => {
    const mock = useMock();
    const { status, body } = await call('create', invitationsOf(DOCS), {
      body: { emails: ['Carol@Example.com', 'dave@example.com'], projectRoleId: analyst },
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      success: true,
      data: {
        invitations: [
          { id: 201, email: 'carol@example.com', status: 'PENDING', created_at: '2025-03-10T12:00:00.000Z', projectRoleId: analyst },
          { id: 202, email: 'dave@example.com', status: 'PENDING', created_at: '2025-03-10T12:00:00.000Z', projectRoleId: analyst },
        ],
      },
      deprecated: false,
    });
    expect(mock.state().invitations.map((i) => i.id)).toEqual([1, 2, 3, 201, 202]);
    expect(mock.state().nextInvitationId).toBe(203);
  });

  it('gives the Member role when the request names none', async () => {
    useMock();
    const { body } = await call('create', invitationsOf(DOCS), { body: { emails: ['henry@example.com'] } });
    expect(body.data.invitations[0].projectRoleId).toBe(member);
  });

  it('skips members, pending invitees and repeats, case-insensitively', async () => {
    const mock = useMock();
    const { status, body } = await call('create', invitationsOf(DOCS), {
      body: { emails: ['ALICE@example.com', 'erin@EXAMPLE.com', 'ivy@example.com', 'Ivy@example.com', ' bob@example.com '] },
    });
    expect(status).toBe(200);
    expect(body.data.invitations.map((i: { email: string }) => i.email)).toEqual(['ivy@example.com']);
    expect(mock.state().invitations.filter((i) => i.email === 'ivy@example.com')).toHaveLength(1);
  });

  it('answers 200 with an empty list when every address is skipped', async () => {
    const mock = useMock();
    const { status, body } = await call('create', invitationsOf(DOCS), { body: { emails: ['alice@example.com', 'erin@example.com'] } });
    expect(status).toBe(200);
    expect(body.data).toEqual({ invitations: [] });
    expect(mock.state().invitations).toHaveLength(3);
  });

  it('membership and invitations are per project', async () => {
    useMock();
    // bob is a member of the docs project only; grace is invited to the SDK project only.
    const { body } = await call('create', invitationsOf(SDK), { body: { emails: ['bob@example.com', 'grace@example.com'] } });
    expect(body.data.invitations.map((i: { email: string }) => i.email)).toEqual(['bob@example.com']);
  });

  it('replaces a declined invitation with a new pending one', async () => {
    const mock = useMock();
    const { body } = await call('create', invitationsOf(DOCS), { body: { emails: ['frank@example.com'] } });
    expect(body.data.invitations).toEqual([
      { id: 201, email: 'frank@example.com', status: 'PENDING', created_at: '2025-03-10T12:00:00.000Z', projectRoleId: member },
    ]);
    expect(mock.state().invitations.filter((i) => i.email === 'frank@example.com').map((i) => [i.id, i.status])).toEqual([
      [201, 'PENDING'],
    ]);
  });

  it('refuses the Owner role with 400', async () => {
    const mock = useMock();
    const { status, body } = await call('create', invitationsOf(DOCS), { body: { emails: ['jo@example.com'], projectRoleId: owner } });
    expect(status).toBe(400);
    expect(body).toEqual({ success: false, error: 'The Owner role cannot be assigned', deprecated: false });
    expect(mock.state().invitations).toHaveLength(3);
  });

  it("refuses a role id that is not one of the project's roles with 400", async () => {
    useMock();
    for (const [projectId, roleId] of [
      [DOCS, 'no-such-role'],
      [SDK, analyst], // Analyst is a custom role of the docs project
    ] as const) {
      const { status, body } = await call('create', invitationsOf(projectId), { body: { emails: ['jo@example.com'], projectRoleId: roleId } });
      expect(status).toBe(400);
      expect(body.error).toBe('Project role not found');
    }
  });

  it.each([
    ['no emails field', { projectRoleId: member }, 'emails is required'],
    ['an empty list', { emails: [] }, 'emails must contain at least one email address'],
    ['a string instead of a list', { emails: 'a@example.com' }, 'emails must be an array of strings'],
    ['a number in the list', { emails: ['a@example.com', 7] }, 'emails must be an array of strings'],
    ['a malformed address', { emails: ['a@example.com', 'not-an-email'] }, 'Invalid email address: not-an-email'],
    ['a non-string projectRoleId', { emails: ['a@example.com'], projectRoleId: 2 }, 'projectRoleId must be a string'],
    ['a JSON array body', ['a@example.com'], 'emails is required'],
  ])('answers 400 for %s and creates nothing', async (_, body, message) => {
    const mock = useMock();
    const response = await call('create', invitationsOf(DOCS), { body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ success: false, error: message, deprecated: false });
    expect(mock.state().invitations).toHaveLength(3);
  });

  it('answers 400 for a body that is not JSON', async () => {
    useMock();
    const { status, body } = await call('create', invitationsOf(DOCS), { rawBody: '{"emails": [' });
    expect(status).toBe(400);
    expect(body.error).toBe('Invalid JSON body');
  });

  it('does not read a body sent without Content-Type: application/json', async () => {
    useMock();
    const { status, body } = await call('create', invitationsOf(DOCS), {
      body: { emails: ['a@example.com'] },
      contentType: 'text/plain',
    });
    expect(status).toBe(400);
    expect(body.error).toBe('emails is required');
  });

  it('refuses a Free organization past its trial with 403, and lets it invite during the trial', async () => {
    const free = (trialEndsAt: string | null) => ({
      ...confidentAiFixture,
      organization: { ...confidentAiFixture.organization, plan: 'free' as const, trialEndsAt },
    });
    useMock({ fixture: free('2025-03-01T00:00:00.000Z') });
    const refused = await call('create', invitationsOf(DOCS), { body: { emails: ['kim@example.com'] } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('Inviting members is not available on the Free plan');
    // Listing is still allowed: only inviting is a paid feature.
    expect((await call('list', invitationsOf(DOCS))).status).toBe(200);

    server.resetHandlers();
    useMock({ fixture: free('2025-03-31T00:00:00.000Z') });
    expect((await call('create', invitationsOf(DOCS), { body: { emails: ['kim@example.com'] } })).status).toBe(200);
  });
});

describe('API keys', () => {
  const everyEndpoint = [
    ['create', invitationsOf(DOCS), { body: { emails: ['a@example.com'] } }],
    ['list', invitationsOf(DOCS), {}],
    ['resend', invitationPath(DOCS, 1), {}],
    ['revoke', invitationPath(DOCS, 1), {}],
    ['roles', rolesOf(DOCS), {}],
  ] as const;

  it('answers 401 without the CONFIDENT_API_KEY header or with an empty one', async () => {
    useMock();
    for (const [endpoint, path, options] of everyEndpoint) {
      for (const key of [null, '  ']) {
        const { status, body } = await call(endpoint, path, { ...options, key });
        expect(status).toBe(401);
        expect(body).toEqual({ success: false, error: 'Missing API key', deprecated: false });
      }
    }
  });

  it('accepts only the listed organization keys when keys are given', async () => {
    useMock({ keys: [confidentAiFixtureKeys.organization] });
    const wrong = await call('list', invitationsOf(DOCS), { key: 'guessed' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('Invalid API key');
    expect((await call('list', invitationsOf(DOCS), { key: confidentAiFixtureKeys.organization })).status).toBe(200);
  });

  it('refuses a project key with 403 on every endpoint', async () => {
    const mock = useMock({ keys: [confidentAiFixtureKeys.organization], projectKeys: [confidentAiFixtureKeys.project] });
    for (const [endpoint, path, options] of everyEndpoint) {
      const { status, body } = await call(endpoint, path, { ...options, key: confidentAiFixtureKeys.project });
      expect(status).toBe(403);
      expect(body.error).toBe('This endpoint requires an organization API key');
    }
    expect(mock.state()).toEqual(confidentAiFixture);
  });

  it('checks the key before the project', async () => {
    useMock();
    expect((await call('list', invitationsOf('nope'), { key: null })).status).toBe(401);
  });
});

describe('unknown project', () => {
  it('answers 404 on every endpoint', async () => {
    useMock();
    const cases = [
      ['create', invitationsOf('clq0000000000nope00000000'), { body: { emails: ['a@example.com'] } }],
      ['list', invitationsOf('clq0000000000nope00000000'), {}],
      ['resend', invitationPath('clq0000000000nope00000000', 1), {}],
      ['revoke', invitationPath('clq0000000000nope00000000', 1), {}],
      ['roles', rolesOf('clq0000000000nope00000000'), {}],
    ] as const;
    for (const [endpoint, path, options] of cases) {
      const { status, body } = await call(endpoint, path, options);
      expect(status).toBe(404);
      expect(body).toEqual({ success: false, error: 'Project not found', deprecated: false });
    }
  });
});

describe('GET /v1/projects/:projectId/invitations', () => {
  it("lists the project's pending and declined invitations, and only that project's", async () => {
    useMock();
    const { body } = await call('list', invitationsOf(DOCS));
    expect(body.data.invitations).toEqual([
      { id: 1, email: 'erin@example.com', status: 'PENDING', created_at: '2024-12-02T10:00:00.000Z', projectRoleId: member },
      { id: 2, email: 'frank@example.com', status: 'DECLINED', created_at: '2024-12-02T10:05:00.000Z', projectRoleId: analyst },
    ]);
    const other = await call('list', invitationsOf(SDK));
    expect(other.body.data.invitations.map((i: { id: number }) => i.id)).toEqual([3]);
  });
});

describe('PUT /v1/projects/:projectId/invitations/:invitationId (resend)', () => {
  it('resends a pending invitation, keeping its id and created_at', async () => {
    const mock = useMock();
    const { status, body } = await call('resend', invitationPath(DOCS, 1));
    expect(status).toBe(200);
    expect(body.data.invitation).toEqual({
      id: 1,
      email: 'erin@example.com',
      status: 'PENDING',
      created_at: '2024-12-02T10:00:00.000Z',
      projectRoleId: member,
    });
    expect(mock.state().invitations.find((i) => i.id === 1)?.lastSentAt).toBe('2025-03-10T12:00:00.000Z');
  });

  it('answers 400 for a declined invitation or a non-integer id, 404 for an unknown or foreign one', async () => {
    useMock();
    expect(await call('resend', invitationPath(DOCS, 2)).then((r) => [r.status, r.body.error])).toEqual([
      400,
      'Only pending invitations can be resent',
    ]);
    expect(await call('resend', invitationPath(DOCS, 'abc')).then((r) => [r.status, r.body.error])).toEqual([
      400,
      'invitationId must be an integer',
    ]);
    expect(await call('resend', invitationPath(DOCS, 99)).then((r) => [r.status, r.body.error])).toEqual([404, 'Invitation not found']);
    // Invitation 3 belongs to the SDK project.
    expect((await call('resend', invitationPath(DOCS, 3))).status).toBe(404);
  });
});

describe('DELETE /v1/projects/:projectId/invitations/:invitationId (revoke)', () => {
  it('revokes once, then answers 404', async () => {
    const mock = useMock();
    const first = await call('revoke', invitationPath(DOCS, 1));
    expect(first.body).toEqual({ success: true, data: { id: 1, deleted: true }, deprecated: false });
    expect(mock.state().invitations.map((i) => i.id)).toEqual([2, 3]);
    expect((await call('revoke', invitationPath(DOCS, 1))).status).toBe(404);
    expect((await call('revoke', invitationPath(DOCS, 'x'))).status).toBe(400);
    // A revoked address can be invited again.
    const again = await call('create', invitationsOf(DOCS), { body: { emails: ['erin@example.com'] } });
    expect(again.body.data.invitations.map((i: { id: number }) => i.id)).toEqual([201]);
  });
});

describe('GET /v1/projects/:projectId/roles', () => {
  it("lists the system roles and the project's custom roles", async () => {
    useMock();
    const docs = await call('roles', rolesOf(DOCS));
    expect(docs.body.data.roles.map((r: { id: string; projectId: string | null }) => [r.id, r.projectId])).toEqual([
      [owner, null],
      [member, null],
      [analyst, DOCS],
    ]);
    expect(docs.body.data.roles[0]).toEqual({
      id: 'project-role-uuid-1',
      name: 'Owner',
      description: 'Owner of the project with full access to all resources.',
      projectId: null,
      policies: [],
    });
    const sdk = await call('roles', rolesOf(SDK));
    expect(sdk.body.data.roles.map((r: { name: string }) => r.name)).toEqual(['Owner', 'Member']);
  });
});

describe('base URLs', () => {
  it('answers at the EU base URL and under a proxy prefix', async () => {
    useMock();
    for (const base of ['https://eu.api.confident-ai.com', 'http://localhost:3000/api/confident']) {
      expect((await call('list', invitationsOf(DOCS), { base })).status).toBe(200);
    }
  });
});

describe('scenarios', () => {
  const create = (emails: string[], options: CallOptions = {}) => call('create', invitationsOf(DOCS), { body: { emails }, ...options });

  it('slow: answers after a delay', async () => {
    useMock({ scenario: createScenario({ name: 'slow', latencyMs: [5, 10] }) });
    expect((await create(['a@example.com'])).status).toBe(200);
  });

  it('flaky: 500 and 503 in the error envelope', async () => {
    useMock({ scenario: createScenario({ name: 'flaky', failureRate: 1, seed: 3 }) });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const { status, body } = await create([`f${i}@example.com`]);
      statuses.add(status);
      expect(body.error).toBe(status === 503 ? 'Service unavailable' : 'Internal server error');
    }
    expect([...statuses].sort()).toEqual([500, 503]);
  });

  it('rate-limited: 429 with Retry-After past the limit', async () => {
    useMock({ scenario: createScenario({ name: 'rate-limited', rateLimit: { limit: 2, windowMs: 60_000 } }) });
    expect((await create(['a@example.com'])).status).toBe(200);
    expect((await call('list', invitationsOf(DOCS))).status).toBe(200);
    const limited = await create(['b@example.com']);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('Too many requests');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('auth-expired: 401 after N requests', async () => {
    useMock({ scenario: createScenario({ name: 'auth-expired', authExpiresAfter: 1 }) });
    expect((await create(['a@example.com'])).status).toBe(200);
    const expired = await create(['b@example.com']);
    expect([expired.status, expired.body.error]).toEqual([401, 'Invalid API key']);
  });

  it('network-error: the request fails at the network level', async () => {
    useMock({ scenario: createScenario('network-error') });
    await expect(create(['a@example.com'])).rejects.toThrow(TypeError);
  });

  it('timeout: no answer before the caller gives up', async () => {
    useMock({ scenario: createScenario('timeout') });
    await expect(create(['a@example.com'], { signal: AbortSignal.timeout(30) })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('partial: refused addresses are skipped like members (absent, nothing stored)', async () => {
    const scenario: Scenario = createScenario({ name: 'partial', seed: 7, partialRate: 0.5 });
    const mock = useMock({ scenario });
    const emails = Array.from({ length: 10 }, (_, i) => `p${i}@example.com`);
    const refused = emails.filter((email) => scenario.refuses(email));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(emails.length);
    const { status, body } = await create(emails);
    expect(status).toBe(200);
    expect(body.data.invitations.map((i: { email: string }) => i.email)).toEqual(emails.filter((e) => !refused.includes(e)));
    expect(mock.state().invitations.some((i) => refused.includes(i.email))).toBe(false);
  });
});

describe('state and reset', () => {
  it('state() is a JSON-serialisable copy; reset() restores the fixture and the scenario counters', async () => {
    const scenario = createScenario({ name: 'auth-expired', authExpiresAfter: 1 });
    const mock = useMock({ scenario });
    expect(mock.vendor).toBe('confident-ai');
    await call('create', invitationsOf(DOCS), { body: { emails: ['z@example.com'] } });
    const state = mock.state();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    state.invitations.length = 0;
    expect(mock.state().invitations).toHaveLength(4);
    expect(scenario.requestCount('confident-ai')).toBe(1);

    mock.reset();
    expect(mock.state()).toEqual(confidentAiFixture);
    expect(scenario.requestCount('confident-ai')).toBe(0);
    // The counter restarted, so the first request after reset is accepted again.
    expect((await call('list', invitationsOf(DOCS))).status).toBe(200);
  });
});

describe('contract', () => {
  it('every kind of response was produced above and matched the published schemas', () => {
    expect([...seen].sort()).toEqual(
      ['create', 'error 400', 'error 401', 'error 403', 'error 404', 'error 429', 'error 500', 'error 503', 'list', 'resend', 'revoke', 'roles'].sort(),
    );
  });

  it('the schemas reject what the docs do not allow', () => {
    const invitation = { id: 201, email: 'a@example.com', status: 'PENDING', created_at: '2024-12-04T23:00:00.000Z', projectRoleId: 'r' };
    const ok = { success: true, data: { invitations: [invitation] }, deprecated: false };
    expect(createInvitationsResponse.safeParse(ok).success).toBe(true);
    expect(createInvitationsResponse.safeParse({ ...ok, data: { invitations: [{ ...invitation, id: '201' }] } }).success).toBe(false);
    expect(createInvitationsResponse.safeParse({ ...ok, data: { invitations: [{ ...invitation, createdAt: 'x' }] } }).success).toBe(false);
    expect(
      createInvitationsResponse.safeParse({ ...ok, data: { invitations: [{ ...invitation, created_at: '2024-12-04T23:00:00Z' }] } }).success,
    ).toBe(false);
    expect(errorResponse.safeParse({ success: false, error: 'x', deprecated: false, code: 'X' }).success).toBe(false);
  });
});
