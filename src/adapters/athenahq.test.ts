import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, type ScenarioConfig } from '../../mocks/scenario.ts';
import {
  ATHENA_DEMO_KEYS,
  ATHENA_FIXTURE_IDS as ids,
  createAthenaMock,
  type AthenaMockOptions,
} from '../../mocks/athenahq/index.ts';
import {
  ATHENA_BASE_URL,
  ATHENA_DEFAULT_ROLE,
  ATHENA_ROLES,
  createAthenaAdapter,
  type AthenaAdapterOptions,
} from './athenahq.ts';
import { InviteError, type Invitee } from '../core/contract.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function useMock(options: AthenaMockOptions = {}) {
  const mock = createAthenaMock(options);
  server.use(...mock.handlers);
  return mock;
}

function useScenario(config: ScenarioConfig, options: AthenaMockOptions = {}) {
  const scenario = createScenario(config);
  return { scenario, mock: useMock({ ...options, scenario }) };
}

const adapter = (options: Partial<AthenaAdapterOptions> = {}) =>
  createAthenaAdapter({
    websiteIds: [ids.siteExample, ids.siteShop],
    inviteMethod: 'direct',
    apiKey: 'test-key',
    ...options,
  } as AthenaAdapterOptions);

const person = (email: string, extra: Partial<Invitee> = {}): Invitee => ({ email, ...extra });

async function failure(promise: Promise<unknown>): Promise<InviteError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InviteError);
  return error as InviteError;
}

describe('createAthenaAdapter: rules and construction', () => {
  it('publishes the vendor rules', () => {
    const a = adapter();
    expect(ATHENA_BASE_URL).toBe('https://api.athenahq.ai');
    expect(a).toMatchObject({ vendor: 'athenahq', roles: ['admin', 'viewer'], defaultRole: 'viewer', maxBatchSize: 1 });
    // Documented: 60 requests a minute per organization; the engine keeps to it unless told otherwise.
    expect(a.rateLimit).toEqual({ requests: 60, per: 'minute' });
    expect(ATHENA_ROLES).toEqual(['admin', 'viewer']);
    expect(ATHENA_DEFAULT_ROLE).toBe('viewer');
  });

  it('groups by role and invite method', () => {
    const direct = adapter();
    expect(direct.groupBy?.(person('a@x.io'))).toBe('viewer|direct');
    expect(direct.groupBy?.(person('a@x.io', { role: 'Admin' }))).toBe('admin|direct');
    expect(adapter({ inviteMethod: 'email' }).groupBy?.(person('a@x.io', { role: 'viewer' }))).toBe('viewer|email');
  });

  it.each([
    ['both', { websiteIds: [ids.siteExample], groupIds: [ids.groupMarketing] }, /exactly one of websiteIds or groupIds, not both/],
    ['neither', { websiteIds: undefined, groupIds: undefined }, /exactly one of websiteIds or groupIds/],
    ['no websites', { websiteIds: [] }, /websiteIds must hold 1–50 ids \(got 0 ids\)/],
    [
      '51 groups',
      { websiteIds: undefined, groupIds: Array.from({ length: 51 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) },
      /groupIds must hold 1–50 ids \(got 51 ids\)/,
    ],
    ['a non-uuid', { websiteIds: [ids.siteExample, 'shop'] }, /websiteIds\[1\] is not a UUID: "shop"/],
    ['a repeated id', { websiteIds: [ids.siteExample, ids.siteExample] }, /lists 123e4567-e89b-12d3-a456-426614174000 twice/],
    ['an unknown invite method', { inviteMethod: 'sms' }, /inviteMethod must be 'direct' or 'email' \(got "sms"\)/],
  ])('refuses %s at construction', (_, options, message) => {
    expect(() => adapter(options as Partial<AthenaAdapterOptions>)).toThrow(TypeError);
    expect(() => adapter(options as Partial<AthenaAdapterOptions>)).toThrow(message);
  });

  it('accepts 50 targets', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(adapter({ websiteIds: fifty }).maxBatchSize).toBe(1);
  });

  it('sends nothing for an empty batch and refuses a batch of two', async () => {
    useMock();
    expect(await adapter().send([])).toEqual([]);
    await expect(adapter().send([person('a@x.io'), person('b@x.io')])).rejects.toThrow(RangeError);
  });

  it('fails an unknown role without sending', async () => {
    const { scenario } = useScenario({ name: 'ok' });
    expect(await adapter().send([person('a@x.io', { role: 'owner' })])).toEqual([
      { email: 'a@x.io', status: 'failed', code: 'ROLE_NOT_ALLOWED' },
    ]);
    expect(scenario.requestCount('athenahq')).toBe(0);
  });
});

describe('round trips: outcomes', () => {
  it('direct to websites: sent, the user id as vendorId, names and role carried', async () => {
    const mock = useMock();
    const [outcome] = await adapter().send([person('ada@example.com', { name: 'Ada King Lovelace', role: 'ADMIN' })]);
    const user = mock.state().users.find((u) => u.email === 'ada@example.com');
    expect(outcome).toEqual({ email: 'ada@example.com', status: 'sent', vendorMessage: 'User added to website', vendorId: user?.id });
    expect(user).toMatchObject({ first_name: 'Ada', last_name: 'King Lovelace', email_verified: false });
    expect(mock.state().memberships.filter((m) => m.user_id === user?.id).map((m) => [m.target_id, m.role])).toEqual([
      [ids.siteExample, 'admin'],
      [ids.siteShop, 'admin'],
    ]);
  });

  it('email to groups: sent with one invite per group and one email', async () => {
    const mock = useMock();
    const a = adapter({ websiteIds: undefined, groupIds: [ids.groupMarketing, ids.groupCommerce], inviteMethod: 'email' });
    const [outcome] = await a.send([person('bo@example.com', { firstName: 'Bo', lastName: 'Li' })]);
    const invites = mock.state().invites.filter((i) => i.email === 'bo@example.com');
    expect(invites.map((i) => [i.target_type, i.target_id, i.role, i.first_name, i.last_name])).toEqual([
      ['group', ids.groupMarketing, 'viewer', 'Bo', 'Li'],
      ['group', ids.groupCommerce, 'viewer', 'Bo', 'Li'],
    ]);
    expect(outcome).toEqual({
      email: 'bo@example.com',
      status: 'sent',
      vendorMessage: 'Invitation sent',
      vendorId: invites.map((i) => i.id).join(','),
    });
    expect(mock.state().emails).toHaveLength(1);
  });

  it('already a member on every target: skipped ALREADY_MEMBER', async () => {
    useMock();
    const [outcome] = await adapter({ websiteIds: [ids.siteBlog] }).send([person('user@example.com')]);
    expect(outcome).toEqual({
      email: 'user@example.com',
      status: 'skipped',
      code: 'ALREADY_MEMBER',
      vendorMessage: 'User is already a member of this website',
    });
  });

  it('pending invite on every target: skipped ALREADY_INVITED (a retry that had landed)', async () => {
    useMock();
    const a = adapter({ inviteMethod: 'email' });
    expect((await a.send([person('cy@example.com')]))[0]?.status).toBe('sent');
    expect(await a.send([person('cy@example.com')])).toEqual([
      {
        email: 'cy@example.com',
        status: 'skipped',
        code: 'ALREADY_INVITED',
        vendorMessage: 'User already has a pending invite for this website',
      },
    ]);
  });

  it("the doc's mixed answer (added + already a member): failed, listing each target", async () => {
    useMock();
    const a = adapter({ websiteIds: [ids.siteExample, ids.siteBlog] });
    expect(await a.send([person('user@example.com')])).toEqual([
      {
        email: 'user@example.com',
        status: 'failed',
        code: 'VENDOR_REJECTED',
        vendorMessage:
          `website ${ids.siteExample}: User added to website; ` +
          `website ${ids.siteBlog}: User is already a member of this website`,
      },
    ]);
    // Sending again finds a member everywhere: the address converges to skipped.
    expect((await a.send([person('user@example.com')]))[0]).toMatchObject({ status: 'skipped', code: 'ALREADY_MEMBER' });
  });

  it('a member on one target, pending on another: skipped ALREADY_INVITED with both listed', async () => {
    useMock();
    const a = adapter({ websiteIds: undefined, groupIds: [ids.groupMarketing, ids.groupCommerce] });
    await adapter({ websiteIds: undefined, groupIds: [ids.groupMarketing] }).send([person('pending@example.com')]);
    expect(await a.send([person('pending@example.com')])).toEqual([
      {
        email: 'pending@example.com',
        status: 'skipped',
        code: 'ALREADY_INVITED',
        vendorMessage:
          `group ${ids.groupMarketing}: User is already a member of this group; ` +
          `group ${ids.groupCommerce}: User already has a pending invite for this group`,
      },
    ]);
  });

  it('an unknown website: failed TARGET_NOT_FOUND', async () => {
    useMock();
    const unknown = '0b5c8c1e-7d2a-4f3b-9c4d-5e6f7a8b9c0d';
    expect(await adapter({ websiteIds: [ids.siteShop, unknown] }).send([person('di@example.com')])).toEqual([
      {
        email: 'di@example.com',
        status: 'failed',
        code: 'TARGET_NOT_FOUND',
        vendorMessage: `website ${ids.siteShop}: User added to website; website ${unknown}: Website not found`,
      },
    ]);
  });

  it("a scoped key's other website: failed TARGET_NOT_FOUND", async () => {
    useMock();
    const [outcome] = await adapter({ apiKey: ATHENA_DEMO_KEYS.scoped }).send([person('ed@example.com')]);
    expect(outcome).toMatchObject({ status: 'failed', code: 'TARGET_NOT_FOUND' });
    expect(outcome?.vendorMessage).toContain(`website ${ids.siteShop}: Website not found`);
  });

  it('works through a proxy base URL that adds the key itself', async () => {
    const mock = useMock({ keys: ['server-side-key'] });
    const proxyFetch: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      expect(headers.has('x-api-key')).toBe(false);
      headers.set('x-api-key', 'server-side-key');
      return fetch(input, { ...init, headers });
    };
    const a = createAthenaAdapter({
      baseUrl: 'https://app.example.test/proxy/athena/',
      fetch: proxyFetch,
      websiteIds: [ids.siteShop],
      inviteMethod: 'direct',
    });
    expect((await a.send([person('fi@example.com')]))[0]?.status).toBe('sent');
    expect(mock.state().users.some((u) => u.email === 'fi@example.com')).toBe(true);
  });

  it('reads the key from an async getter on every request', async () => {
    useMock({ keys: ['k2'] });
    let key = 'k1';
    const a = adapter({ websiteIds: [ids.siteShop], apiKey: async () => key });
    expect((await failure(a.send([person('gi@example.com')]))).code).toBe('AUTH_FAILED');
    key = 'k2';
    expect((await a.send([person('gi@example.com')]))[0]?.status).toBe('sent');
  });
});

describe('round trips: whole-request errors', () => {
  it('401 wrong key: AUTH_FAILED, not retryable, vendor text kept', async () => {
    useMock({ keys: ['right'] });
    const error = await failure(adapter({ apiKey: 'wrong' }).send([person('a@example.com')]));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 401, retryable: false, vendorCode: 'Invalid API key' });
    expect(error.message).toBe('AthenaHQ refused the request (401): Invalid API key');
  });

  it('401 no key at all', async () => {
    useMock();
    const error = await failure(adapter({ apiKey: undefined }).send([person('a@example.com')]));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', vendorCode: 'Missing API key' });
  });

  it('403 groups with a scoped key: FORBIDDEN', async () => {
    useMock();
    const a = adapter({ websiteIds: undefined, groupIds: [ids.groupCommerce], apiKey: ATHENA_DEMO_KEYS.scoped });
    expect(await failure(a.send([person('a@example.com')]))).toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
      retryable: false,
      vendorCode: 'Group invites require a global API key',
    });
  });

  it('400 an address the vendor finds invalid: BAD_REQUEST', async () => {
    useMock();
    expect(await failure(adapter().send([person('not-an-email')]))).toMatchObject({
      code: 'BAD_REQUEST',
      status: 400,
      retryable: false,
      vendorCode: 'email must be a valid email address',
    });
  });

  it('429 under enforceRateLimit: RATE_LIMITED with the retry-after wait', async () => {
    useMock({ enforceRateLimit: true, rateLimit: { limit: 1, windowMs: 60_000 } });
    await adapter().send([person('a@example.com')]);
    const error = await failure(adapter().send([person('b@example.com')]));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true, vendorCode: 'Rate limit exceeded' });
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(59_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('a 2xx body that is not the documented shape: INVALID_RESPONSE', async () => {
    server.use(
      http.post('*/api/v1/invites/bulk', () =>
        HttpResponse.json({ success: true, results: [{ website_id: ids.siteExample, success: true, message: 'ok' }] }),
      ),
    );
    const error = await failure(adapter().send([person('a@example.com')]));
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status: 200, retryable: false });
    expect(error.message).toContain('1 results for 2 websites');

    server.use(http.post('*/api/v1/invites/bulk', () => HttpResponse.json({ ok: true })));
    expect((await failure(adapter().send([person('a@example.com')]))).code).toBe('INVALID_RESPONSE');
  });

  it('a result for a target we did not name: INVALID_RESPONSE', async () => {
    server.use(
      http.post('*/api/v1/invites/bulk', () =>
        HttpResponse.json({
          success: true,
          results: [
            { website_id: ids.siteExample, success: true, message: 'ok', user_id: ids.userExample },
            { website_id: ids.siteBlog, success: true, message: 'ok', user_id: ids.userExample },
          ],
        }),
      ),
    );
    const error = await failure(adapter().send([person('a@example.com')]));
    expect(error.message).toContain(`no result for website ${ids.siteShop}`);
  });
});

describe('round trips: every scenario', () => {
  it('ok', async () => {
    useScenario({ name: 'ok' });
    expect((await adapter().send([person('ok@example.com')]))[0]?.status).toBe('sent');
  });

  it('slow (small latency)', async () => {
    useScenario({ name: 'slow', latencyMs: [5, 15] });
    expect((await adapter().send([person('slow@example.com')]))[0]?.status).toBe('sent');
  });

  it('flaky: 500/503 become a retryable SERVER_ERROR; a retry can land', async () => {
    const { mock } = useScenario({ name: 'flaky', failureRate: 0.5, seed: 11 });
    const a = adapter();
    const seen: string[] = [];
    for (let n = 0; n < 10; n++) {
      try {
        seen.push((await a.send([person(`f${n}@example.com`)]))[0]!.status);
      } catch (error) {
        expect(error).toMatchObject({ code: 'SERVER_ERROR', retryable: true });
        expect([500, 503]).toContain((error as InviteError).status);
        seen.push('error');
      }
    }
    expect(seen).toContain('sent');
    expect(seen).toContain('error');
    const sent = seen.filter((s) => s === 'sent').length;
    expect(mock.state().users).toHaveLength(3 + sent);
  });

  it('rate-limited: RATE_LIMITED past the window, with the wait from retry-after', async () => {
    useScenario({ name: 'rate-limited', rateLimit: { limit: 2, windowMs: 30_000 } });
    const a = adapter();
    await a.send([person('r1@example.com')]);
    await a.send([person('r2@example.com')]);
    const error = await failure(a.send([person('r3@example.com')]));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true });
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(1_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('rate-limited at the documented 60 per minute', async () => {
    useScenario({ name: 'rate-limited' });
    const a = adapter();
    for (let n = 0; n < 60; n++) await a.send([person(`r${n}@example.com`)]);
    expect((await failure(a.send([person('r60@example.com')]))).code).toBe('RATE_LIMITED');
  });

  it('auth-expired: AUTH_FAILED after N requests, not retryable', async () => {
    useScenario({ name: 'auth-expired', authExpiresAfter: 1 });
    const a = adapter();
    expect((await a.send([person('e1@example.com')]))[0]?.status).toBe('sent');
    expect(await failure(a.send([person('e2@example.com')]))).toMatchObject({
      code: 'AUTH_FAILED',
      retryable: false,
      vendorCode: 'Invalid API key',
    });
  });

  it('network-error: NETWORK_ERROR, retryable', async () => {
    useScenario({ name: 'network-error' });
    expect(await failure(adapter().send([person('n@example.com')]))).toMatchObject({ code: 'NETWORK_ERROR', retryable: true });
  });

  it('timeout: TIMEOUT via AbortSignal.timeout', async () => {
    useScenario({ name: 'timeout' });
    const error = await failure(adapter().send([person('t@example.com')], { signal: AbortSignal.timeout(50), idempotencyKey: 'k' }));
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });

  it('cancel: ABORTED', async () => {
    useScenario({ name: 'timeout' });
    const controller = new AbortController();
    const pending = adapter().send([person('c@example.com')], { signal: controller.signal, idempotencyKey: 'k' });
    setTimeout(() => controller.abort(), 5);
    expect(await failure(pending)).toMatchObject({ code: 'ABORTED', retryable: false });
  });

  it('partial: refused addresses fail VENDOR_REJECTED with each target listed, the rest are sent', async () => {
    const { scenario } = useScenario({ name: 'partial', partialRate: 0.5, seed: 5 });
    const emails = Array.from({ length: 10 }, (_, n) => `p${n}@example.com`);
    const expected = emails.map((email) =>
      scenario.refuses(email)
        ? {
            email,
            status: 'failed',
            code: 'VENDOR_REJECTED',
            vendorMessage:
              `website ${ids.siteExample}: User cannot be invited to this website; ` +
              `website ${ids.siteShop}: User cannot be invited to this website`,
          }
        : expect.objectContaining({ email, status: 'sent', vendorMessage: 'User added to website' }),
    );
    expect(expected.some((e) => 'code' in e)).toBe(true);
    const a = adapter();
    const outcomes = [];
    for (const email of emails) outcomes.push(...(await a.send([person(email)])));
    expect(outcomes).toEqual(expected);
  });
});
