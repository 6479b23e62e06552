/** Wix adapter ⇄ Wix mock round trips: every scenario, every documented error, the sibling calls. */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createWixMock,
  WIX_FIXTURE_CONTRIBUTOR_EMAILS,
  WIX_FIXTURE_DESIGNER_POLICY_ID,
  WIX_FIXTURE_EXAMPLE_POLICY_ID,
  WIX_FIXTURE_EXPIRED_EMAIL,
  WIX_FIXTURE_EXPIRED_INVITE_ID,
  WIX_FIXTURE_PENDING_EMAIL,
  WIX_FIXTURE_PENDING_INVITE_ID,
  WIX_FIXTURE_SITE_ID,
  type WixMockOptions,
} from '../../mocks/wix/index.ts';
import { createScenario, type Scenario, type ScenarioConfig } from '../../mocks/scenario.ts';
import { InviteError, type Invitee } from '../core/contract.ts';
import {
  createWixAdapter,
  WIX_BASE_URL,
  WIX_DEFAULT_ROLE,
  WIX_EXAMPLE_POLICY_ID,
  WIX_MAX_BATCH_SIZE,
  WIX_ROLES,
  type WixAdapterOptions,
} from './wix.ts';

const KEY = 'IST.adapter-test-key';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function setup(
  mockOptions: Omit<WixMockOptions, 'scenario'> & { scenario?: ScenarioConfig | Scenario } = {},
  adapterOptions: Partial<WixAdapterOptions> = {},
) {
  const given = mockOptions.scenario ?? { name: 'ok' as const };
  const scenario = 'next' in given ? given : createScenario(given);
  // Only KEY is valid, so a key sent with a `Bearer ` prefix or not at all is refused.
  const mock = createWixMock({ keys: [KEY], ...mockOptions, scenario });
  server.use(...mock.handlers);
  const adapter = createWixAdapter({ siteId: WIX_FIXTURE_SITE_ID, apiKey: KEY, ...adapterOptions });
  return { mock, adapter, scenario };
}

const people = (...emails: string[]): Invitee[] => emails.map((email) => ({ email }));

async function failure(promise: Promise<unknown>): Promise<InviteError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InviteError);
  return error as InviteError;
}

describe('Wix adapter rules', () => {
  it("exports Wix's base URL, the default role table and the batch cap", () => {
    const adapter = createWixAdapter({ siteId: WIX_FIXTURE_SITE_ID });
    expect(WIX_BASE_URL).toBe('https://www.wixapis.com');
    expect(WIX_ROLES).toEqual(['contributor']);
    expect(adapter).toMatchObject({
      vendor: 'wix',
      roles: ['contributor'],
      defaultRole: WIX_DEFAULT_ROLE,
      maxBatchSize: WIX_MAX_BATCH_SIZE,
      refusalsMayBeRepeats: true,
      // Documented: 200 requests a minute per instance; the engine keeps to it unless told otherwise.
      rateLimit: { requests: 200, per: 'minute' },
    });
    expect(adapter.policyIdsFor({ email: 'a@example.com' })).toEqual([WIX_EXAMPLE_POLICY_ID]);
  });

  it('groups by the sorted policy set a role maps to', () => {
    const adapter = createWixAdapter({
      siteId: WIX_FIXTURE_SITE_ID,
      rolePolicies: { manager: ['222', '111'], 'co-manager': ['111', '222', '111'], writer: ['333'] },
      defaultRole: 'writer',
    });
    const key = (role?: string) => adapter.groupBy!({ email: 'a@example.com', ...(role ? { role } : {}) });
    expect(key('manager')).toBe(key('co-manager'));
    expect(key('Manager')).toBe(key('manager'));
    expect(key('manager')).not.toBe(key('writer'));
    expect(key()).toBe(key('writer'));
    expect(adapter.policyIdsFor({ email: 'a@example.com', role: 'co-manager' })).toEqual(['111', '222']);
  });

  it('takes policyIds as a one-role shorthand', () => {
    const adapter = createWixAdapter({ siteId: WIX_FIXTURE_SITE_ID, policyIds: ['9', '8'], defaultRole: 'editor' });
    expect(adapter.roles).toEqual(['editor']);
    expect(adapter.policyIdsFor({ email: 'a@example.com' })).toEqual(['8', '9']);
  });

  it.each([
    ['no siteId', { siteId: '' }],
    ['both policyIds and rolePolicies', { policyIds: ['1'], rolePolicies: { a: ['1'] } }],
    ['a role with no policy ids', { rolePolicies: { a: [] } }],
    ['a defaultRole outside the table', { rolePolicies: { a: ['1'] }, defaultRole: 'b' }],
  ])('refuses %s', (_, options) => {
    expect(() => createWixAdapter({ siteId: WIX_FIXTURE_SITE_ID, ...options })).toThrow(TypeError);
  });
});

describe('round trips (ok scenario)', () => {
  it('maps invites[] to sent and failedEmails[] to failed VENDOR_REJECTED, in batch order', async () => {
    const { adapter, mock } = setup();
    const outcomes = await adapter.send(
      people('new.person@example.com', WIX_FIXTURE_CONTRIBUTOR_EMAILS[0], WIX_FIXTURE_PENDING_EMAIL, 'Another.New@Example.com'),
    );
    expect(outcomes).toHaveLength(4);
    expect(outcomes[0]).toEqual({ email: 'new.person@example.com', status: 'sent', vendorId: expect.stringMatching(GUID) });
    // failedEmails gives no reason, and the adapter makes none up: no vendorMessage, and not "unmentioned".
    expect(outcomes[1]).toEqual({ email: WIX_FIXTURE_CONTRIBUTOR_EMAILS[0], status: 'failed', code: 'VENDOR_REJECTED' });
    expect(outcomes[2]).toEqual({ email: WIX_FIXTURE_PENDING_EMAIL, status: 'failed', code: 'VENDOR_REJECTED' });
    expect(outcomes[3]).toMatchObject({ email: 'Another.New@Example.com', status: 'sent' });
    const created = mock.state().invites.find((i) => i.id === outcomes[0]?.vendorId);
    expect(created).toMatchObject({ email: 'new.person@example.com', policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], status: 'Pending' });
  });

  it("sends the role's policy set and the request options", async () => {
    const { adapter, mock } = setup(
      {},
      {
        apiKey: async () => KEY,
        rolePolicies: { designer: [WIX_FIXTURE_DESIGNER_POLICY_ID] },
        defaultEmailLanguage: 'pt',
        invitePurpose: 'Refresh the gallery',
        locationIds: ['loc-9'],
      },
    );
    const [outcome] = await adapter.send([{ email: WIX_FIXTURE_EXPIRED_EMAIL, role: 'designer' }]);
    expect(outcome?.status).toBe('sent');
    const state = mock.state();
    expect(state.invites.find((i) => i.id === outcome?.vendorId)).toMatchObject({
      policyIds: [WIX_FIXTURE_DESIGNER_POLICY_ID],
      locationIds: ['loc-9'],
    });
    expect(state.emailsSent.at(-1)).toMatchObject({ to: WIX_FIXTURE_EXPIRED_EMAIL, language: 'pt', invitePurpose: 'Refresh the gallery' });
  });

  it('goes through a host proxy that adds the key', async () => {
    setup();
    // The browser holds no key: the proxy at the host's own URL adds it.
    const proxied = createWixAdapter({
      siteId: WIX_FIXTURE_SITE_ID,
      baseUrl: 'https://app.example.com/api/wix/',
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        expect(String(input)).toBe('https://app.example.com/api/wix/invites/site-invite/bulk');
        expect(headers.has('authorization')).toBe(false);
        expect(headers.get('wix-site-id')).toBe(WIX_FIXTURE_SITE_ID);
        headers.set('authorization', KEY);
        return fetch(input, { ...init, headers });
      },
    });
    const [outcome] = await proxied.send(people('proxied@example.com'));
    expect(outcome?.status).toBe('sent');
  });

  it('fails an unknown role on its own and sends the rest', async () => {
    const { adapter, scenario } = setup();
    const outcomes = await adapter.send([{ email: 'ghost@example.com', role: 'owner' }]);
    expect(outcomes).toEqual([{ email: 'ghost@example.com', status: 'failed', code: 'ROLE_NOT_ALLOWED' }]);
    expect(scenario.requestCount('wix')).toBe(0);
    const mixed = await adapter.send([{ email: 'ghost@example.com', role: 'owner' }, { email: 'real@example.com' }]);
    expect(mixed.map((o) => o.status)).toEqual(['failed', 'sent']);
  });

  it('refuses a batch mixing policy sets before sending anything', async () => {
    const { scenario } = setup();
    const adapter = createWixAdapter({
      siteId: WIX_FIXTURE_SITE_ID,
      apiKey: KEY,
      rolePolicies: { a: [WIX_FIXTURE_EXAMPLE_POLICY_ID], b: [WIX_FIXTURE_DESIGNER_POLICY_ID] },
    });
    const error = await failure(adapter.send([{ email: 'x@example.com', role: 'a' }, { email: 'y@example.com', role: 'b' }]));
    expect(error.code).toBe('BAD_REQUEST');
    expect(scenario.requestCount('wix')).toBe(0);
  });

  it('sends nothing for an empty batch', async () => {
    const { adapter, scenario } = setup();
    expect(await adapter.send([])).toEqual([]);
    expect(scenario.requestCount('wix')).toBe(0);
  });
});

describe('scenarios', () => {
  it('slow: still one sent outcome per address', async () => {
    const { adapter } = setup({ scenario: { name: 'slow', latencyMs: [5, 10] } });
    const outcomes = await adapter.send(people('s1@example.com', 's2@example.com'));
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'sent']);
  });

  it('flaky: a retryable SERVER_ERROR', async () => {
    const { adapter } = setup({ scenario: { name: 'flaky', failureRate: 1 } });
    const error = await failure(adapter.send(people('f@example.com')));
    expect(error).toMatchObject({ code: 'SERVER_ERROR', retryable: true });
    expect([500, 503]).toContain(error.status);
  });

  it("rate-limited: the 201st request within Wix's minute is RATE_LIMITED with a wait hint", async () => {
    const { adapter } = setup({ scenario: { name: 'rate-limited' } });
    for (let i = 0; i < 200; i++) {
      const [outcome] = await adapter.send(people(`burst${i}@example.com`));
      expect(outcome?.email).toBe(`burst${i}@example.com`);
    }
    const error = await failure(adapter.send(people('one.too.many@example.com')));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, status: 429, vendorCode: 'RESOURCE_EXHAUSTED' });
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('auth-expired: AUTH_FAILED, not retryable', async () => {
    const { adapter } = setup({ scenario: { name: 'auth-expired', authExpiresAfter: 1 } });
    expect((await adapter.send(people('before@example.com')))[0]?.status).toBe('sent');
    const error = await failure(adapter.send(people('after@example.com')));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', retryable: false, status: 401, vendorCode: 'UNAUTHENTICATED' });
  });

  it('network-error: a retryable NETWORK_ERROR', async () => {
    const { adapter } = setup({ scenario: { name: 'network-error' } });
    const error = await failure(adapter.send(people('n@example.com')));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', retryable: true });
  });

  it('timeout: TIMEOUT when the signal gives up; ABORTED when the caller cancels', async () => {
    const { adapter } = setup({ scenario: { name: 'timeout' } });
    const timedOut = await failure(adapter.send(people('t@example.com'), { signal: AbortSignal.timeout(50), idempotencyKey: 'k' }));
    expect(timedOut).toMatchObject({ code: 'TIMEOUT', retryable: true });
    const controller = new AbortController();
    const pending = adapter.send(people('c@example.com'), { signal: controller.signal, idempotencyKey: 'k' });
    controller.abort();
    expect(await failure(pending)).toMatchObject({ code: 'ABORTED', retryable: false });
  });

  it('partial: refused addresses fail with VENDOR_REJECTED, the others are sent', async () => {
    const partial = createScenario({ name: 'partial', seed: 11, partialRate: 0.5 });
    const { adapter } = setup({ scenario: partial });
    const emails = Array.from({ length: 6 }, (_, i) => `p${i}@example.com`);
    const refused = emails.filter((e) => partial.refuses(e));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(emails.length);
    const outcomes = await adapter.send(people(...emails));
    expect(outcomes.map((o) => o.email)).toEqual(emails);
    for (const outcome of outcomes) {
      if (refused.includes(outcome.email)) expect(outcome).toMatchObject({ status: 'failed', code: 'VENDOR_REJECTED' });
      else expect(outcome).toMatchObject({ status: 'sent', vendorId: expect.stringMatching(GUID) });
    }
  });
});

describe('documented errors', () => {
  it('401: a key Wix does not know', async () => {
    const { adapter } = setup({}, { apiKey: 'IST.not-this-one' });
    const error = await failure(adapter.send(people('a@example.com')));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', status: 401, vendorCode: 'UNAUTHENTICATED', retryable: false });
    expect(error.message).toMatch(/^Wix did not send the invites \(HTTP 401\): The Authorization header does not hold a valid API key\.$/);
    expect(error.vendorMessage).toBe('The Authorization header does not hold a valid API key.');
  });

  it('401: no key at all (no proxy to add it)', async () => {
    const { adapter } = setup({ keys: undefined }, { apiKey: undefined });
    const error = await failure(adapter.send(people('a@example.com')));
    expect(error).toMatchObject({ code: 'AUTH_FAILED', vendorCode: 'UNAUTHENTICATED' });
  });

  it('403: a key without the Manage Contributors scope', async () => {
    const { adapter } = setup({ keys: [], keysWithoutScope: [KEY] });
    const error = await failure(adapter.send(people('a@example.com')));
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403, vendorCode: 'PERMISSION_DENIED', retryable: false });
    expect(error.message).toContain('SCOPE.DC-IDENTITY.MANAGE-CONTRIBUTORS');
  });

  it("403: a site outside the key's account", async () => {
    const { adapter } = setup({}, { siteId: 'f0f0f0f0-0000-4000-8000-000000000000' });
    const error = await failure(adapter.send(people('a@example.com')));
    expect(error).toMatchObject({ code: 'FORBIDDEN', vendorCode: 'PERMISSION_DENIED' });
  });

  it('400: a policy id the site does not have', async () => {
    const { adapter } = setup({}, { policyIds: ['404404404'] });
    const error = await failure(adapter.send(people('a@example.com')));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 400, vendorCode: 'INVALID_ARGUMENT', retryable: false });
    expect(error.message).toContain('404404404');
  });

  it('400: a validation error (a proxy that drops the emails)', async () => {
    const { adapter } = setup(
      {},
      {
        fetch: (input, init) => {
          const { emails: _dropped, ...rest } = JSON.parse(String(init?.body)) as Record<string, unknown>;
          return fetch(input, { ...init, body: JSON.stringify(rest) });
        },
      },
    );
    const error = await failure(adapter.send(people('a@example.com')));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 400, vendorCode: 'REQUIRED_FIELD' });
    expect(error.message).toContain('emails is required');
  });

  it('2xx that is not a BulkSiteInviteResponse: INVALID_RESPONSE', async () => {
    const { adapter } = setup();
    server.use(http.post('*/invites/site-invite/bulk', () => HttpResponse.json({ invites: 'all of them' })));
    const error = await failure(adapter.send(people('a@example.com')));
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status: 200, retryable: false });
  });

  it('2xx with absent arrays: reads them as empty, and fails the unmentioned address', async () => {
    const { adapter } = setup();
    server.use(http.post('*/invites/site-invite/bulk', () => HttpResponse.json({})));
    const [outcome] = await adapter.send(people('a@example.com'));
    expect(outcome).toEqual({ email: 'a@example.com', status: 'failed', code: 'VENDOR_REJECTED', notInAnswer: true });
  });
});

describe('resend and revoke', () => {
  it('resends a pending invite and revokes it', async () => {
    const { adapter, mock } = setup({}, { defaultEmailLanguage: 'fr' });
    const invite = await adapter.resendInvite(WIX_FIXTURE_PENDING_INVITE_ID);
    expect(invite).toMatchObject({ id: WIX_FIXTURE_PENDING_INVITE_ID, email: WIX_FIXTURE_PENDING_EMAIL, status: 'Pending' });
    expect(mock.state().emailsSent.at(-1)).toMatchObject({ inviteId: WIX_FIXTURE_PENDING_INVITE_ID, language: 'fr' });
    await adapter.revokeInvite(WIX_FIXTURE_PENDING_INVITE_ID);
    expect(mock.state().invites.find((i) => i.id === WIX_FIXTURE_PENDING_INVITE_ID)?.status).toBe('Deleted');
  });

  it('404: an unknown invite id is NOT_FOUND', async () => {
    const { adapter } = setup();
    const error = await failure(adapter.resendInvite('00000000-0000-4000-8000-000000000000'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404, vendorCode: 'NOT_FOUND' });
  });

  it('428: revoking an invite nobody can answer any more is refused', async () => {
    const { adapter } = setup();
    const error = await failure(adapter.revokeInvite(WIX_FIXTURE_EXPIRED_INVITE_ID));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 428, vendorCode: 'FAILED_PRECONDITION' });
  });
});
