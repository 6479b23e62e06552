import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createScenario, type ScenarioConfig } from '../scenario.ts';
import { ATHENA_DEMO_KEYS, ATHENA_FIXTURE_IDS as ids, createAthenaMock, type AthenaMockOptions } from './index.ts';
import {
  bulkInviteResponseSchema,
  createInviteResponseSchema,
  errorResponseSchema,
  rateLimitHeadersSchema,
  XOR_ERROR,
} from './schemas.ts';

const BASE = 'https://api.athenahq.ai';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function useMock(options: AthenaMockOptions = {}) {
  const mock = createAthenaMock(options);
  server.use(...mock.handlers);
  return mock;
}

interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * Posts and checks the answer against the published shapes: 200 bodies against the endpoint's response
 * schema, everything else against the error envelope, and the rate-limit headers on every authenticated
 * answer (all but 401 and the gateway's 5xx).
 */
async function post(
  path: '/api/v1/invites/bulk' | '/api/v1/invites',
  body: unknown,
  { key = 'any-key' as string | null, base = BASE, raw = false } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers['x-api-key'] = key;
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers,
    body: raw ? (body as string) : JSON.stringify(body),
  });
  const json: unknown = await response.json();
  const schema =
    response.status === 200
      ? path === '/api/v1/invites/bulk'
        ? bulkInviteResponseSchema
        : createInviteResponseSchema
      : errorResponseSchema;
  const checked = z.safeParse(schema, json);
  expect(checked.success, `${response.status} ${JSON.stringify(json)}`).toBe(true);
  if (![401, 500, 503].includes(response.status)) {
    expect(z.safeParse(rateLimitHeadersSchema, Object.fromEntries(response.headers)).success).toBe(true);
  }
  return { status: response.status, headers: response.headers, body: json };
}

const bulk = (body: unknown, options?: Parameters<typeof post>[2]) => post('/api/v1/invites/bulk', body, options);
const single = (body: unknown, options?: Parameters<typeof post>[2]) => post('/api/v1/invites', body, options);

/** The request body of the doc's curl example, verbatim. */
const docExample = {
  invite_method: 'direct',
  email: 'user@example.com',
  role: 'viewer',
  website_ids: ['123e4567-e89b-12d3-a456-426614174000', '987e6543-e21b-12d3-a456-426614174000'],
  group_ids: ['456e7890-e89b-12d3-a456-426614174000', '789e0123-e89b-12d3-a456-426614174000'],
  first_name: 'John',
  last_name: 'Doe',
};

describe('the doc example', () => {
  it('answers the curl example as published 400: it sends both website_ids and group_ids', async () => {
    const mock = useMock();
    const reply = await bulk(docExample);
    expect(reply).toMatchObject({ status: 400, body: { success: false, error: XOR_ERROR } });
    expect(mock.state().memberships).toHaveLength(4);
  });

  it('answers the corrected example (website_ids only) with exactly the documented response', async () => {
    useMock();
    const { group_ids: _, ...corrected } = docExample;
    const reply = await bulk(corrected);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      success: true,
      results: [
        {
          website_id: '123e4567-e89b-12d3-a456-426614174000',
          success: true,
          message: 'User added to website',
          user_id: 'abc12345-e89b-12d3-a456-426614174000',
        },
        {
          website_id: '987e6543-e21b-12d3-a456-426614174000',
          success: false,
          error: 'User is already a member of this website',
        },
      ],
    });
  });

  it('answers the corrected example with group_ids only, per group', async () => {
    const mock = useMock();
    const { website_ids: _, ...corrected } = docExample;
    const reply = await bulk(corrected);
    expect(reply.body.results).toEqual([
      { group_id: ids.groupMarketing, success: true, message: 'User added to group', user_id: ids.userExample },
      { group_id: ids.groupCommerce, success: true, message: 'User added to group', user_id: ids.userExample },
    ]);
    expect(mock.state().memberships.filter((m) => m.target_type === 'group' && m.user_id === ids.userExample)).toHaveLength(2);
  });

  it('answers under a proxy prefix too', async () => {
    useMock();
    const { group_ids: _, ...corrected } = docExample;
    const reply = await bulk(corrected, { base: 'https://app.example.test/proxy/athena' });
    expect(reply.status).toBe(200);
  });
});

describe('authentication', () => {
  it('401 without x-api-key, and no rate-limit headers', async () => {
    useMock();
    const reply = await bulk({ ...docExample, group_ids: undefined }, { key: null });
    expect(reply).toMatchObject({ status: 401, body: { success: false, error: 'Missing API key' } });
    expect(reply.headers.get('x-rate-limit-limit')).toBeNull();
  });

  it('401 "Invalid API key" for a key the mock does not hold when keys are restricted', async () => {
    useMock({ keys: ['k-live'] });
    const body = { invite_method: 'direct', email: 'new@example.com', website_ids: [ids.siteExample] };
    expect(await bulk(body, { key: 'k-wrong' })).toMatchObject({ status: 401, body: { error: 'Invalid API key' } });
    expect(await bulk(body, { key: ATHENA_DEMO_KEYS.global })).toMatchObject({ status: 401 });
    expect((await bulk(body, { key: 'k-live' })).status).toBe(200);
  });

  it('a scoped key cannot invite to groups: 403', async () => {
    useMock();
    const reply = await bulk(
      { invite_method: 'direct', email: 'new@example.com', group_ids: [ids.groupMarketing] },
      { key: ATHENA_DEMO_KEYS.scoped },
    );
    expect(reply).toMatchObject({ status: 403, body: { success: false, error: 'Group invites require a global API key' } });
  });

  it("a scoped key's other websites read as 'Website not found', per target", async () => {
    const mock = useMock({ apiKeys: [{ key: 'scoped', websiteIds: [ids.siteShop] }] });
    const reply = await bulk(
      { invite_method: 'direct', email: 'new@example.com', website_ids: [ids.siteExample, ids.siteShop] },
      { key: 'scoped' },
    );
    expect(reply.body.results).toEqual([
      { website_id: ids.siteExample, success: false, error: 'Website not found' },
      expect.objectContaining({ website_id: ids.siteShop, success: true, message: 'User added to website' }),
    ]);
    const user = mock.state().users.find((u) => u.email === 'new@example.com');
    expect(mock.state().memberships.filter((m) => m.user_id === user?.id).map((m) => m.target_id)).toEqual([ids.siteShop]);
  });
});

describe('validation: 400 in the vendor envelope', () => {
  const valid = { invite_method: 'direct', email: 'new@example.com', website_ids: [ids.siteExample] };
  it.each([
    ['neither id array', { invite_method: 'direct', email: 'new@example.com' }, XOR_ERROR],
    ['an empty website_ids', { ...valid, website_ids: [] }, 'website_ids must contain between 1 and 50 IDs'],
    [
      '51 group_ids',
      { ...valid, website_ids: undefined, group_ids: Array.from({ length: 51 }, () => ids.groupMarketing) },
      'group_ids must contain between 1 and 50 IDs',
    ],
    ['a non-uuid id', { ...valid, website_ids: [ids.siteExample, 'site-2'] }, 'website_ids must contain only valid UUIDs'],
    ['website_ids not an array', { ...valid, website_ids: ids.siteExample }, 'website_ids must be an array of UUIDs'],
    ['a bad email', { ...valid, email: 'not-an-email' }, 'email must be a valid email address'],
    ['no email', { ...valid, email: undefined }, 'email is required'],
    ['no invite_method', { ...valid, invite_method: undefined }, 'invite_method is required'],
    ['an unknown invite_method', { ...valid, invite_method: 'sms' }, 'invite_method must be one of: direct, email'],
    ['an unknown role', { ...valid, role: 'owner' }, 'role must be one of: admin, viewer'],
    ['a non-string first_name', { ...valid, first_name: 7 }, 'first_name must be a string'],
    ['an array body', [valid], 'Request body must be a JSON object'],
  ])('%s', async (_, body, error) => {
    const mock = useMock();
    expect(await bulk(body)).toMatchObject({ status: 400, body: { success: false, error } });
    expect(mock.state().users).toHaveLength(3);
  });

  it('accepts exactly 50 targets', async () => {
    useMock();
    const fifty = Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const reply = await bulk({ ...valid, website_ids: fifty });
    expect(reply.status).toBe(200);
    expect(reply.body.results).toHaveLength(50);
    expect(reply.body.results[49]).toEqual({ website_id: fifty[49], success: false, error: 'Website not found' });
  });

  it('rejects a body that is not JSON', async () => {
    useMock();
    expect(await bulk('{"email": ', { raw: true })).toMatchObject({ status: 400, body: { error: 'Invalid JSON body' } });
  });
});

describe('business rules', () => {
  it('direct: creates the account unverified with the names given, default role viewer', async () => {
    const mock = useMock();
    const reply = await bulk({
      invite_method: 'direct',
      email: 'Ada@Example.com',
      website_ids: [ids.siteExample, ids.siteShop],
      first_name: 'Ada',
      last_name: 'Lovelace',
    });
    const user = mock.state().users.find((u) => u.email === 'ada@example.com');
    expect(user).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', email_verified: false });
    expect(user?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(user?.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(reply.body.results.map((r: { user_id: string }) => r.user_id)).toEqual([user?.id, user?.id]);
    const roles = mock.state().memberships.filter((m) => m.user_id === user?.id).map((m) => [m.target_id, m.role]);
    expect(roles).toEqual([
      [ids.siteExample, 'viewer'],
      [ids.siteShop, 'viewer'],
    ]);
    expect(mock.state().emails).toEqual([]);
  });

  it('direct twice: the second call finds a member on every target', async () => {
    useMock();
    const body = { invite_method: 'direct', email: 'ada@example.com', role: 'admin', website_ids: [ids.siteExample] };
    await bulk(body);
    expect((await bulk(body)).body.results).toEqual([
      { website_id: ids.siteExample, success: false, error: 'User is already a member of this website' },
    ]);
  });

  it('email: pending invites per target, one consolidated email, then "pending invite" on a repeat', async () => {
    const mock = useMock();
    const body = { invite_method: 'email', email: 'bob@example.com', role: 'admin', website_ids: [ids.siteExample, ids.siteBlog] };
    const reply = await bulk(body);
    const invites = mock.state().invites.filter((i) => i.email === 'bob@example.com');
    expect(invites.map((i) => [i.target_type, i.target_id, i.role, i.status])).toEqual([
      ['website', ids.siteExample, 'admin', 'pending'],
      ['website', ids.siteBlog, 'admin', 'pending'],
    ]);
    expect(reply.body.results).toEqual([
      { website_id: ids.siteExample, success: true, message: 'Invitation sent', invite_id: invites[0]?.id },
      { website_id: ids.siteBlog, success: true, message: 'Invitation sent', invite_id: invites[1]?.id },
    ]);
    expect(mock.state().emails).toEqual([
      expect.objectContaining({ to: 'bob@example.com', invite_ids: invites.map((i) => i.id) }),
    ]);
    expect(mock.state().users.some((u) => u.email === 'bob@example.com')).toBe(false);

    expect((await bulk(body)).body.results).toEqual([
      { website_id: ids.siteExample, success: false, error: 'User already has a pending invite for this website' },
      { website_id: ids.siteBlog, success: false, error: 'User already has a pending invite for this website' },
    ]);
    expect(mock.state().emails).toHaveLength(1);
  });

  it('fixture pending invites and organization members', async () => {
    useMock();
    const pending = await bulk({ invite_method: 'direct', email: 'PENDING@example.com', group_ids: [ids.groupCommerce] });
    expect(pending.body.results).toEqual([
      { group_id: ids.groupCommerce, success: false, error: 'User already has a pending invite for this group' },
    ]);
    const owner = await bulk({ invite_method: 'email', email: 'owner@example.com', website_ids: [ids.siteShop, ids.siteBlog] });
    expect(owner.body.results.map((r: { error: string }) => r.error)).toEqual([
      'User is already a member of this website',
      'User is already a member of this website',
    ]);
  });

  it('unknown websites and groups, and a repeated id, are per-target errors', async () => {
    useMock();
    const unknown = '0b5c8c1e-7d2a-4f3b-9c4d-5e6f7a8b9c0d';
    const sites = await bulk({ invite_method: 'direct', email: 'eve@example.com', website_ids: [unknown, ids.siteShop, ids.siteShop] });
    expect(sites.body.results).toEqual([
      { website_id: unknown, success: false, error: 'Website not found' },
      expect.objectContaining({ website_id: ids.siteShop, success: true }),
      { website_id: ids.siteShop, success: false, error: 'User is already a member of this website' },
    ]);
    const groups = await bulk({ invite_method: 'direct', email: 'eve@example.com', group_ids: [unknown] });
    expect(groups.body.results).toEqual([{ group_id: unknown, success: false, error: 'Group not found' }]);
  });
});

describe('rate limit: 60 per minute per organization', () => {
  const body = (n: number) => ({ invite_method: 'direct', email: `p${n}@example.com`, website_ids: [ids.siteExample] });

  it('sends the headers on every authenticated answer (including 400 and 403), counting down', async () => {
    const t = Date.parse('2026-03-01T10:00:00Z');
    useMock({ now: () => t });
    const first = await bulk(body(1));
    const bad = await bulk({ ...body(2), email: 'nope' });
    const forbidden = await bulk({ ...body(3), website_ids: undefined, group_ids: [ids.groupCommerce] }, { key: ATHENA_DEMO_KEYS.scoped });
    expect([first, bad, forbidden].map((r) => [r.status, r.headers.get('x-rate-limit-remaining')])).toEqual([
      [200, '59'],
      [400, '58'],
      [403, '57'],
    ]);
    expect(first.headers.get('x-rate-limit-limit')).toBe('60');
    expect(first.headers.get('x-rate-limit-reset')).toBe(String(t / 1000 + 60));
    expect(first.headers.get('retry-after')).toBeNull();
  });

  it('is not enforced by default: past 60 the answers stay 200 with remaining 0', async () => {
    const mock = useMock();
    const replies = [];
    for (let n = 0; n < 65; n++) replies.push(await bulk(body(n)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(replies[64]?.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(mock.state().users).toHaveLength(3 + 65);
  });

  it('enforceRateLimit: the 61st request in the window gets 429 with retry-after; the next window opens', async () => {
    let t = Date.parse('2026-03-01T10:00:00Z');
    useMock({ enforceRateLimit: true, now: () => t });
    for (let n = 0; n < 60; n++) expect((await bulk(body(n))).status).toBe(200);
    t += 45_000;
    const limited = await bulk(body(60));
    expect(limited).toMatchObject({ status: 429, body: { success: false, error: 'Rate limit exceeded' } });
    expect(Object.fromEntries(limited.headers)).toMatchObject({
      'retry-after': '15',
      'x-rate-limit-limit': '60',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': String(Date.parse('2026-03-01T10:01:00Z') / 1000),
    });
    t += 15_000;
    const next = await bulk(body(61));
    expect(next.status).toBe(200);
    expect(next.headers.get('x-rate-limit-remaining')).toBe('59');
  });

  it('counts per organization: every key shares the window', async () => {
    useMock({ enforceRateLimit: true, rateLimit: { limit: 2, windowMs: 60_000 } });
    expect((await bulk(body(1), { key: ATHENA_DEMO_KEYS.global })).status).toBe(200);
    expect((await bulk(body(2), { key: ATHENA_DEMO_KEYS.scoped })).status).toBe(200);
    expect((await bulk(body(3), { key: 'another-key' })).status).toBe(429);
  });
});

describe('scenarios', () => {
  const body = { invite_method: 'direct', email: 'new@example.com', website_ids: [ids.siteExample] };
  const withScenario = (config: ScenarioConfig) => {
    const scenario = createScenario(config);
    return { scenario, mock: useMock({ scenario }) };
  };

  it('rate-limited: the documented 60 per minute by default, 429 with the vendor headers', async () => {
    withScenario({ name: 'rate-limited' });
    for (let n = 0; n < 60; n++) expect((await bulk({ ...body, email: `p${n}@example.com` })).status).toBe(200);
    const limited = await bulk(body);
    expect(limited).toMatchObject({ status: 429, body: { success: false, error: 'Rate limit exceeded' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('x-rate-limit-limit')).toBe('60');
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
  });

  it('rate-limited with its own window reports that window in the headers', async () => {
    withScenario({ name: 'rate-limited', rateLimit: { limit: 2, windowMs: 30_000 } });
    const first = await bulk(body);
    expect(first.headers.get('x-rate-limit-limit')).toBe('2');
    expect(first.headers.get('x-rate-limit-remaining')).toBe('1');
    await bulk(body);
    const limited = await bulk(body);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-limit')).toBe('2');
  });

  it('flaky: 500 and 503 in the vendor envelope', async () => {
    withScenario({ name: 'flaky', failureRate: 1, seed: 3 });
    const statuses = new Map<number, string>();
    for (let n = 0; n < 12; n++) {
      const reply = await bulk(body);
      statuses.set(reply.status, reply.body.error);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 500: 'Internal server error', 503: 'Service temporarily unavailable' });
  });

  it('auth-expired: 401 after N requests', async () => {
    withScenario({ name: 'auth-expired', authExpiresAfter: 2 });
    expect([(await bulk(body)).status, (await bulk(body)).status]).toEqual([200, 200]);
    expect(await bulk(body)).toMatchObject({ status: 401, body: { success: false, error: 'Invalid API key' } });
  });

  it('network-error: the fetch itself fails', async () => {
    withScenario({ name: 'network-error' });
    await expect(fetch(`${BASE}/api/v1/invites/bulk`, { method: 'POST', body: '{}' })).rejects.toThrow(TypeError);
  });

  it('slow: answers after the latency', async () => {
    withScenario({ name: 'slow', latencyMs: [20, 20] });
    const started = performance.now();
    expect((await bulk(body)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('partial: refused addresses get the per-target refusal, others go through', async () => {
    const { scenario, mock } = withScenario({ name: 'partial', partialRate: 0.5, seed: 7 });
    const emails = Array.from({ length: 12 }, (_, n) => `person${n}@example.com`);
    const refused = emails.filter((e) => scenario.refuses(e));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(emails.length);
    for (const email of emails) {
      const reply = await bulk({ ...body, email, website_ids: [ids.siteExample, ids.siteShop] });
      const expected = scenario.refuses(email)
        ? [false, false]
        : [true, true];
      expect(reply.body.results.map((r: { success: boolean }) => r.success)).toEqual(expected);
      if (scenario.refuses(email)) expect(reply.body.results[0].error).toBe('User cannot be invited to this website');
    }
    expect(mock.state().users).toHaveLength(3 + emails.length - refused.length);
  });

  it('reset() empties the store back to the fixture and restarts the scenario', async () => {
    const { scenario, mock } = withScenario({ name: 'auth-expired', authExpiresAfter: 1 });
    await bulk(body);
    expect((await bulk(body)).status).toBe(401);
    mock.reset();
    expect(scenario.requestCount('athenahq')).toBe(0);
    expect(mock.state().users).toHaveLength(3);
    expect((await bulk(body)).status).toBe(200);
  });
});

describe('POST /api/v1/invites (one target)', () => {
  it("the doc's example: an organization invite by email", async () => {
    const mock = useMock();
    const reply = await single({
      type: 'organization',
      invite_method: 'email',
      email: 'user@example.com',
      role: 'viewer',
      website_id: '123e4567-e89b-12d3-a456-426614174000',
      group_id: '456e7890-e89b-12d3-a456-426614174000',
      first_name: 'John',
      last_name: 'Doe',
    });
    const invite = mock.state().invites.find((i) => i.target_type === 'organization');
    expect(reply).toMatchObject({ status: 200, body: { success: true, message: 'Invitation sent', invite_id: invite?.id } });
    expect(invite).toMatchObject({ email: 'user@example.com', target_id: ids.organization, first_name: 'John' });
    expect(mock.state().emails).toHaveLength(1);
  });

  it('direct to a website and a group', async () => {
    useMock();
    const site = await single({ type: 'website', invite_method: 'direct', email: 'kim@example.com', website_id: ids.siteShop });
    expect(site.body).toEqual({ success: true, message: 'User added to website', user_id: expect.any(String) });
    const group = await single({ type: 'group', invite_method: 'direct', email: 'kim@example.com', group_id: ids.groupCommerce });
    expect(group.body).toEqual({ success: true, message: 'User added to group', user_id: site.body.user_id });
    const org = await single({ type: 'organization', invite_method: 'direct', email: 'kim@example.com' });
    expect(org.body.message).toBe('User added to organization');
  });

  it('errors: 400 missing website_id, 403 scoped key for organization and group, 404 unknown website, 409 member or pending', async () => {
    useMock();
    expect(await single({ type: 'website', invite_method: 'direct', email: 'kim@example.com' })).toMatchObject({
      status: 400,
      body: { error: "website_id is required when type is 'website'" },
    });
    expect(
      await single({ type: 'organization', invite_method: 'direct', email: 'kim@example.com' }, { key: ATHENA_DEMO_KEYS.scoped }),
    ).toMatchObject({ status: 403, body: { error: 'Organization invites require a global API key' } });
    expect(
      await single(
        { type: 'group', invite_method: 'direct', email: 'kim@example.com', group_id: ids.groupCommerce },
        { key: ATHENA_DEMO_KEYS.scoped },
      ),
    ).toMatchObject({ status: 403, body: { error: 'Group invites require a global API key' } });
    expect(
      await single(
        { type: 'website', invite_method: 'direct', email: 'kim@example.com', website_id: ids.siteShop },
        { key: ATHENA_DEMO_KEYS.scoped },
      ),
    ).toMatchObject({ status: 404, body: { error: 'Website not found' } });
    expect(
      await single({ type: 'website', invite_method: 'email', email: 'user@example.com', website_id: ids.siteBlog }),
    ).toMatchObject({ status: 409, body: { error: 'User is already a member of this website' } });
    expect(
      await single({ type: 'group', invite_method: 'direct', email: 'pending@example.com', group_id: ids.groupCommerce }),
    ).toMatchObject({ status: 409, body: { error: 'User already has a pending invite for this group' } });
  });

  it('leaves other paths to other handlers', async () => {
    server.use(http.post('*', () => HttpResponse.json({ fallthrough: true }, { status: 418 })));
    useMock();
    const reply = await fetch(`${BASE}/api/v1/invites/bulk/extra`, { method: 'POST', body: '{}' });
    expect(reply.status).toBe(418);
  });
});
