import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { confidentAiFixture, confidentAiFixtureKeys, confidentAiRoleIds, createConfidentAiMock } from '../../mocks/confident-ai/index.ts';
import type { ConfidentAiMockOptions } from '../../mocks/confident-ai/index.ts';
import { createScenario } from '../../mocks/scenario.ts';
import { InviteError, type Invitee } from '../core/contract.ts';
import {
  CONFIDENT_AI_BASE_URL,
  CONFIDENT_AI_EU_BASE_URL,
  createConfidentAiAdapter,
  loadConfidentAiRoles,
  type ConfidentAiAdapterOptions,
} from './confident-ai.ts';

const DOCS = 'projectId';
const KEY = 'org-key';
const { owner, member, analyst } = confidentAiRoleIds;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function useMock(options: ConfidentAiMockOptions = {}) {
  const mock = createConfidentAiMock(options);
  server.use(...mock.handlers);
  return mock;
}

/** A fetch that counts and records what the adapter sends. */
function recordingFetch() {
  const requests: { url: string; method: string; headers: Headers; body: unknown }[] = [];
  const wrapped = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.clone().text();
    requests.push({ url: request.url, method: request.method, headers: request.headers, body: text ? JSON.parse(text) : undefined });
    return fetch(request);
  }) as typeof fetch;
  return { fetch: wrapped, requests };
}

const adapterFor = (options: Partial<ConfidentAiAdapterOptions> = {}) =>
  createConfidentAiAdapter({ projectId: DOCS, apiKey: KEY, ...options });

const invitees = (...emails: string[]): Invitee[] => emails.map((email) => ({ email }));

async function sendError(promise: Promise<unknown>): Promise<InviteError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InviteError);
  return error as InviteError;
}

describe('createConfidentAiAdapter: rules', () => {
  it('describes the vendor: default role only until ids are given, batches of 50', () => {
    const adapter = adapterFor();
    expect(adapter.vendor).toBe('confident-ai');
    expect(adapter.roles).toEqual(['Member']);
    expect(adapter.defaultRole).toBe('Member');
    expect(adapter.maxBatchSize).toBe(50);
    expect(adapter.rateLimit).toBeUndefined(); // Confident AI publishes none: the engine's default applies
    expect(CONFIDENT_AI_BASE_URL).toBe('https://api.confident-ai.com');
  });

  it('offers the mapped roles, never Owner, and groups by projectRoleId', () => {
    const adapter = adapterFor({ roles: { Owner: owner, Member: member, Analyst: analyst, Reviewer: analyst } });
    expect(adapter.roles).toEqual(['Member', 'Analyst', 'Reviewer']);
    expect(adapter.groupBy?.({ email: 'a@x.io' })).toBe(member);
    expect(adapter.groupBy?.({ email: 'a@x.io', role: 'analyst' })).toBe(analyst);
    // Two names for one id share a request.
    expect(adapter.groupBy?.({ email: 'a@x.io', role: 'Reviewer' })).toBe(analyst);
    expect(adapter.groupBy?.({ email: 'a@x.io', role: 'Owner' })).toBe('unusable:owner');
    // Without a mapping the default role travels as "no projectRoleId".
    expect(adapterFor().groupBy?.({ email: 'a@x.io', role: 'member' })).toBe('');
  });

  it('refuses a default role it cannot send', () => {
    expect(() => adapterFor({ defaultRole: 'Analyst' })).toThrow(/defaultRole "Analyst"/);
    expect(adapterFor({ defaultRole: 'Analyst', roles: { Analyst: analyst } }).defaultRole).toBe('Analyst');
  });
});

describe('createConfidentAiAdapter ⇄ mock', () => {
  it('ok: sends new addresses and skips members and pending invitees, one outcome each, in order', async () => {
    const mock = useMock();
    const { fetch, requests } = recordingFetch();
    const outcomes = await adapterFor({ fetch }).send(
      invitees('carol@example.com', 'alice@example.com', 'erin@example.com', 'dave@example.com'),
    );
    expect(outcomes).toEqual([
      { email: 'carol@example.com', status: 'sent', vendorId: '201' },
      // Left out of the answer without a word: the engine says "a member or already invited".
      { email: 'alice@example.com', status: 'skipped', code: 'ALREADY_INVITED', notInAnswer: true },
      { email: 'erin@example.com', status: 'skipped', code: 'ALREADY_INVITED', notInAnswer: true },
      { email: 'dave@example.com', status: 'sent', vendorId: '202' },
    ]);
    // One request, key in the literal header, no projectRoleId for the default role.
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe('https://api.confident-ai.com/v1/projects/projectId/invitations');
    expect(requests[0]?.headers.get('CONFIDENT_API_KEY')).toBe(KEY);
    expect(requests[0]?.body).toEqual({ emails: ['carol@example.com', 'alice@example.com', 'erin@example.com', 'dave@example.com'] });
    const created = mock.state().invitations.filter((i) => i.id >= 201);
    expect(created.map((i) => [i.email, i.projectRoleId])).toEqual([
      ['carol@example.com', member],
      ['dave@example.com', member],
    ]);
  });

  it('a retried batch whose first try landed comes back skipped as ALREADY_INVITED, never failed', async () => {
    useMock();
    const adapter = adapterFor();
    const batch = invitees('kim@example.com', 'lee@example.com');
    expect((await adapter.send(batch)).map((o) => o.status)).toEqual(['sent', 'sent']);
    expect((await adapter.send(batch)).map((o) => [o.status, o.code])).toEqual([
      ['skipped', 'ALREADY_INVITED'],
      ['skipped', 'ALREADY_INVITED'],
    ]);
  });

  it('sends the role id the host mapped, found with loadConfidentAiRoles', async () => {
    const mock = useMock();
    const roles = await loadConfidentAiRoles({ projectId: DOCS, apiKey: KEY });
    expect(roles).toEqual({ Member: member, Analyst: analyst });
    const adapter = adapterFor({ roles });
    const outcomes = await adapter.send([{ email: 'mo@example.com', role: 'analyst' }]);
    expect(outcomes).toEqual([{ email: 'mo@example.com', status: 'sent', vendorId: '201' }]);
    expect(mock.state().invitations.at(-1)).toMatchObject({ email: 'mo@example.com', projectRoleId: analyst });
  });

  it('fails Owner and unknown roles per address without sending anything', async () => {
    useMock();
    const { fetch, requests } = recordingFetch();
    const adapter = adapterFor({ fetch, roles: { Owner: owner, Analyst: analyst } });
    expect(await adapter.send([{ email: 'a@example.com', role: 'Owner' }, { email: 'b@example.com', role: 'owner' }])).toEqual([
      { email: 'a@example.com', status: 'failed', code: 'ROLE_NOT_ALLOWED' },
      { email: 'b@example.com', status: 'failed', code: 'ROLE_NOT_ALLOWED' },
    ]);
    const [unknown] = await adapter.send([{ email: 'c@example.com', role: 'Wizard' }]);
    expect(unknown).toEqual({ email: 'c@example.com', status: 'failed', code: 'ROLE_NOT_ALLOWED' });
    expect(requests).toHaveLength(0);
  });

  it("the vendor's Owner refusal (Owner's id under another name) is a BAD_REQUEST with its text", async () => {
    useMock();
    const error = await sendError(adapterFor({ roles: { Boss: owner } }).send([{ email: 'a@example.com', role: 'Boss' }]));
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      status: 400,
      retryable: false,
      vendorCode: 'The Owner role cannot be assigned',
      vendorMessage: 'The Owner role cannot be assigned',
      message: 'Confident AI: The Owner role cannot be assigned',
    });
  });

  it('an unknown role id is a BAD_REQUEST', async () => {
    useMock();
    const error = await sendError(adapterFor({ roles: { Ghost: 'no-such-role' } }).send([{ email: 'a@example.com', role: 'Ghost' }]));
    expect([error.code, error.status, error.vendorCode]).toEqual(['BAD_REQUEST', 400, 'Project role not found']);
  });

  it('refuses a batch that mixes roles or exceeds the batch size, before any request', async () => {
    useMock();
    const { fetch, requests } = recordingFetch();
    const adapter = adapterFor({ fetch, roles: { Analyst: analyst }, maxBatchSize: 2 });
    expect((await sendError(adapter.send([{ email: 'a@example.com' }, { email: 'b@example.com', role: 'Analyst' }]))).code).toBe('BAD_REQUEST');
    expect((await sendError(adapter.send(invitees('a@example.com', 'b@example.com', 'c@example.com')))).code).toBe('BAD_REQUEST');
    expect(await adapter.send([])).toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it('gives each copy of a repeated address the invitation it got', async () => {
    useMock();
    expect(await adapterFor().send(invitees('nia@example.com', 'nia@example.com'))).toEqual([
      { email: 'nia@example.com', status: 'sent', vendorId: '201' },
      { email: 'nia@example.com', status: 'sent', vendorId: '201' },
    ]);
  });

  it('works at the EU base URL and through a proxy that adds the key', async () => {
    useMock({ keys: [confidentAiFixtureKeys.organization] });
    const eu = createConfidentAiAdapter({ projectId: DOCS, baseUrl: CONFIDENT_AI_EU_BASE_URL, apiKey: confidentAiFixtureKeys.organization });
    expect((await eu.send(invitees('eu@example.com')))[0]?.status).toBe('sent');

    // The browser holds no key: the host's proxy adds it on the way through.
    const proxy = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      expect(request.headers.has('CONFIDENT_API_KEY')).toBe(false);
      const url = new URL(request.url);
      const headers = new Headers(request.headers);
      headers.set('CONFIDENT_API_KEY', confidentAiFixtureKeys.organization);
      return fetch(new Request(CONFIDENT_AI_BASE_URL + url.pathname.replace('/api/confident', ''), { method: request.method, headers, body: await request.text() }));
    }) as typeof fetch;
    const viaProxy = createConfidentAiAdapter({ projectId: DOCS, baseUrl: 'https://app.example.com/api/confident/', fetch: proxy });
    expect((await viaProxy.send(invitees('proxied@example.com')))[0]?.status).toBe('sent');
  });

  it('reads the key from a function on every request', async () => {
    useMock({ keys: ['rotated-2'] });
    let current = 'rotated-1';
    const adapter = adapterFor({ apiKey: async () => current });
    expect((await sendError(adapter.send(invitees('a@example.com')))).code).toBe('AUTH_FAILED');
    current = 'rotated-2';
    expect((await adapter.send(invitees('a@example.com')))[0]?.status).toBe('sent');
  });
});

describe('documented errors', () => {
  it('401 without a key: AUTH_FAILED, not retryable', async () => {
    useMock();
    const error = await sendError(createConfidentAiAdapter({ projectId: DOCS }).send(invitees('a@example.com')));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 401, retryable: false, vendorCode: 'Missing API key' });
  });

  it('401 for a key the organization does not know', async () => {
    useMock({ keys: [confidentAiFixtureKeys.organization] });
    const error = await sendError(adapterFor({ apiKey: 'guessed' }).send(invitees('a@example.com')));
    expect([error.code, error.vendorCode]).toEqual(['AUTH_FAILED', 'Invalid API key']);
  });

  it('403 for a project key: FORBIDDEN', async () => {
    useMock({ projectKeys: [confidentAiFixtureKeys.project] });
    const error = await sendError(adapterFor({ apiKey: confidentAiFixtureKeys.project }).send(invitees('a@example.com')));
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403, retryable: false, vendorCode: 'This endpoint requires an organization API key' });
    const rolesError = await sendError(loadConfidentAiRoles({ projectId: DOCS, apiKey: confidentAiFixtureKeys.project }));
    expect(rolesError.code).toBe('FORBIDDEN');
  });

  it('403 on the Free plan past its trial', async () => {
    useMock({ fixture: { ...confidentAiFixture, organization: { ...confidentAiFixture.organization, plan: 'free', trialEndsAt: null } } });
    const error = await sendError(adapterFor().send(invitees('a@example.com')));
    expect([error.code, error.vendorCode]).toEqual(['FORBIDDEN', 'Inviting members is not available on the Free plan']);
  });

  it('404 for an unknown project: NOT_FOUND', async () => {
    useMock();
    const error = await sendError(adapterFor({ projectId: 'clq0000000000nope00000000' }).send(invitees('a@example.com')));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, vendorCode: 'Project not found' });
  });

  it('400 for an address the vendor finds malformed: BAD_REQUEST with its text', async () => {
    useMock();
    const error = await sendError(adapterFor().send(invitees('a@example.com', 'no-at-sign')));
    expect([error.code, error.vendorCode]).toEqual(['BAD_REQUEST', 'Invalid email address: no-at-sign']);
  });

  it('a 2xx that is not the documented body: INVALID_RESPONSE', async () => {
    for (const body of [
      { success: true, data: { invitations: [{ id: '201', email: 'a@example.com' }] } },
      { success: false, error: 'odd', deprecated: false },
      'OK',
    ]) {
      server.use(http.post('*/v1/projects/:projectId/invitations', () => HttpResponse.json(body)));
      const error = await sendError(adapterFor().send(invitees('a@example.com')));
      expect([error.code, error.status, error.retryable]).toEqual(['INVALID_RESPONSE', 200, false]);
    }
  });

  it('a non-JSON error page (e.g. a gateway 502): SERVER_ERROR without a vendor code', async () => {
    server.use(http.post('*/v1/projects/:projectId/invitations', () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })));
    const error = await sendError(adapterFor().send(invitees('a@example.com')));
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 502, retryable: true, message: 'Confident AI answered HTTP 502.' });
    expect(error.vendorCode).toBeUndefined();
  });
});

describe('scenarios', () => {
  it('slow: still answers', async () => {
    useMock({ scenario: createScenario({ name: 'slow', latencyMs: [5, 15] }) });
    expect((await adapterFor().send(invitees('a@example.com')))[0]?.status).toBe('sent');
  });

  it('flaky: 500/503 become retryable SERVER_ERROR', async () => {
    useMock({ scenario: createScenario({ name: 'flaky', failureRate: 1, seed: 3 }) });
    const adapter = adapterFor();
    const statuses = new Set<number | undefined>();
    for (let i = 0; i < 8; i++) {
      const error = await sendError(adapter.send(invitees(`f${i}@example.com`)));
      expect([error.code, error.retryable]).toEqual(['SERVER_ERROR', true]);
      statuses.add(error.status);
    }
    expect([...statuses].sort()).toEqual([500, 503]);
  });

  it('rate-limited: RATE_LIMITED with the Retry-After wait', async () => {
    const mock = useMock({ scenario: createScenario({ name: 'rate-limited', rateLimit: { limit: 1, windowMs: 60_000 } }) });
    const adapter = adapterFor();
    expect((await adapter.send(invitees('a@example.com')))[0]?.status).toBe('sent');
    const error = await sendError(adapter.send(invitees('b@example.com')));
    expect([error.code, error.status, error.retryable, error.vendorCode]).toEqual(['RATE_LIMITED', 429, true, 'Too many requests']);
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(mock.state().invitations.some((i) => i.email === 'b@example.com')).toBe(false);
  });

  it('auth-expired: AUTH_FAILED once the key expires', async () => {
    useMock({ scenario: createScenario({ name: 'auth-expired', authExpiresAfter: 1 }) });
    const adapter = adapterFor();
    expect((await adapter.send(invitees('a@example.com')))[0]?.status).toBe('sent');
    const error = await sendError(adapter.send(invitees('b@example.com')));
    expect([error.code, error.retryable, error.vendorCode]).toEqual(['AUTH_FAILED', false, 'Invalid API key']);
  });

  it('network-error: NETWORK_ERROR, retryable', async () => {
    useMock({ scenario: createScenario('network-error') });
    const error = await sendError(adapterFor().send(invitees('a@example.com')));
    expect([error.code, error.retryable]).toEqual(['NETWORK_ERROR', true]);
  });

  it('timeout: TIMEOUT through AbortSignal.timeout', async () => {
    useMock({ scenario: createScenario('timeout') });
    const error = await sendError(adapterFor().send(invitees('a@example.com'), { signal: AbortSignal.timeout(30), idempotencyKey: 'k' }));
    expect([error.code, error.retryable]).toEqual(['TIMEOUT', true]);
  });

  it('cancel: ABORTED, not retryable', async () => {
    useMock({ scenario: createScenario('timeout') });
    const controller = new AbortController();
    const pending = adapterFor().send(invitees('a@example.com'), { signal: controller.signal, idempotencyKey: 'k' });
    controller.abort();
    const error = await sendError(pending);
    expect([error.code, error.retryable]).toEqual(['ABORTED', false]);
  });

  it('partial: refused addresses come back skipped (the API has no per-address refusal)', async () => {
    const scenario = createScenario({ name: 'partial', seed: 7, partialRate: 0.5 });
    const mock = useMock({ scenario });
    const emails = Array.from({ length: 10 }, (_, i) => `p${i}@example.com`);
    const refused = new Set(emails.filter((email) => scenario.refuses(email)));
    expect(refused.size).toBeGreaterThan(0);
    expect(refused.size).toBeLessThan(emails.length);
    const outcomes = await adapterFor().send(invitees(...emails));
    expect(outcomes.map((o) => o.email)).toEqual(emails);
    for (const outcome of outcomes) {
      if (refused.has(outcome.email)) expect([outcome.status, outcome.code]).toEqual(['skipped', 'ALREADY_INVITED']);
      else expect(outcome.status).toBe('sent');
    }
    const stored = new Set(mock.state().invitations.map((i) => i.email));
    expect(emails.filter((e) => stored.has(e))).toEqual(emails.filter((e) => !refused.has(e)));
  });
});
