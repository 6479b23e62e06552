/**
 * The Wix mock over HTTP: auth, validation, per-address rules, siblings, fault scenarios. Every JSON
 * answer is held to the schemas transcribed from Wix's docs (contract test).
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createScenario } from '../scenario.ts';
import {
  WIX_FIXTURE_ACCOUNT_ID,
  WIX_FIXTURE_BLOG_WRITER_POLICY_ID,
  WIX_FIXTURE_CONTRIBUTOR_EMAILS,
  WIX_FIXTURE_DESIGNER_POLICY_ID,
  WIX_FIXTURE_EXAMPLE_POLICY_ID,
  WIX_FIXTURE_EXPIRED_EMAIL,
  WIX_FIXTURE_EXPIRED_INVITE_ID,
  WIX_FIXTURE_PENDING_EMAIL,
  WIX_FIXTURE_PENDING_INVITE_ID,
  WIX_FIXTURE_SITE_ID,
  wixFixture,
} from './fixtures.ts';
import { createWixMock, type WixMockOptions } from './index.ts';
import {
  bulkInviteResponseSchema,
  resendInviteResponseSchema,
  revokeInviteResponseSchema,
  wixErrorSchema,
} from './schemas.ts';

const BASE = 'https://www.wixapis.com';
const NOW = new Date('2026-11-25T12:00:00.345Z');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const KEY_HEADERS = { authorization: 'IST.test-api-key', 'wix-site-id': WIX_FIXTURE_SITE_ID };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function mockWith(options: WixMockOptions = {}) {
  const mock = createWixMock({ now: () => NOW, ...options });
  server.use(...mock.handlers);
  return mock;
}

const scenario = createScenario;

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** The schema a JSON answer from this path and status must match. */
function contractFor(path: string, status: number) {
  if (status >= 400) return wixErrorSchema;
  if (path.endsWith('/bulk')) return bulkInviteResponseSchema;
  if (path.endsWith('/resend')) return resendInviteResponseSchema;
  return revokeInviteResponseSchema;
}

async function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = KEY_HEADERS,
  init: { base?: string; signal?: AbortSignal } = {},
): Promise<Answer> {
  const sent = new Headers(headers);
  if (!sent.has('content-type')) sent.set('content-type', 'application/json');
  const response = await fetch(`${init.base ?? BASE}${path}`, {
    method: 'POST',
    headers: sent,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const json: unknown = await response.json();
  const contract = contractFor(path, response.status).safeParse(json);
  expect(contract.success, `${path} ${response.status} breaks the contract: ${JSON.stringify(contract.error?.issues)}`).toBe(
    true,
  );
  return { status: response.status, headers: response.headers, body: json };
}

const bulk = (body: unknown, headers?: Record<string, string>, init?: { base?: string; signal?: AbortSignal }) =>
  post('/invites/site-invite/bulk', body, headers, init);

describe("Wix's documented curl example", () => {
  // Verbatim from the BulkInvite reference (seed 002): the key is left blank in the doc.
  const exampleBody = `{
    "policyIds": [
      "6600344420111308827"
    ],
    "emails": [
      "some@email.com"
    ]
  }`;

  // curl drops a header left blank (`-H 'Authorization: '`); fetch sends it empty. Either way no key
  // arrives, and the doc's example carries no wix-site-id either: Wix would answer 401, so does the mock.
  it('as published (blank Authorization, no site header) gets the 401 of a missing key', async () => {
    mockWith();
    const answer = await bulk(exampleBody, { 'Content-Type': 'application/json', Authorization: '' });
    expect(answer.status).toBe(401);
    expect(answer.body.details.applicationError.code).toBe('UNAUTHENTICATED');
    const asCurlSendsIt = await bulk(exampleBody, { 'Content-Type': 'application/json' });
    expect(asCurlSendsIt.status).toBe(401);
    expect(asCurlSendsIt.body).toEqual(answer.body);
  });

  it('with a key and the wix-site-id header filled in, invites some@email.com', async () => {
    const mock = mockWith();
    const answer = await bulk(exampleBody, {
      'Content-Type': 'application/json',
      Authorization: 'IST.eyJraWQiOiJQb3pIX2FDMiIsImFsZyI6IlJTMjU2In0',
      'wix-site-id': WIX_FIXTURE_SITE_ID,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.failedEmails).toEqual([]);
    expect(answer.body.invites).toHaveLength(1);
    const invite = answer.body.invites[0];
    expect(invite).toEqual({
      id: expect.stringMatching(GUID),
      siteId: WIX_FIXTURE_SITE_ID,
      email: 'some@email.com',
      policyIds: ['6600344420111308827'],
      status: 'Pending',
      acceptLink: `https://www.wix.com/accept-invite?inviteToken=${invite.id}`,
      inviterAccountId: WIX_FIXTURE_ACCOUNT_ID,
      dateCreated: '2026-11-25T12:00:00.000Z',
      expirationDate: '2026-12-25T12:00:00.000Z',
      locationIds: [],
      callerCapabilities: [],
    });
    expect(mock.state().invites.map((i) => i.email)).toContain('some@email.com');
  });
});

describe('base URLs', () => {
  it('answers under a host proxy prefix as well as at www.wixapis.com', async () => {
    mockWith();
    const proxied = await bulk(
      { policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails: ['via.proxy@example.com'] },
      KEY_HEADERS,
      { base: 'http://localhost:5173/api/vendors/wix' },
    );
    expect(proxied.status).toBe(200);
    expect(proxied.body.invites[0].email).toBe('via.proxy@example.com');
  });
});

describe('auth', () => {
  const body = { policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails: ['auth.check@example.com'] };
  it.each([
    ['no Authorization header', {}, { 'wix-site-id': WIX_FIXTURE_SITE_ID }, 401, 'UNAUTHENTICATED'],
    ['a Bearer-prefixed key', {}, { ...KEY_HEADERS, authorization: 'Bearer IST.key' }, 401, 'UNAUTHENTICATED'],
    ['a key not in keys', { keys: ['IST.good'] }, { ...KEY_HEADERS, authorization: 'IST.bad' }, 401, 'UNAUTHENTICATED'],
    ['a key without the contributors scope', { keysWithoutScope: ['IST.narrow'] }, { ...KEY_HEADERS, authorization: 'IST.narrow' }, 403, 'PERMISSION_DENIED'],
    ['neither wix-site-id nor wix-account-id', {}, { authorization: 'IST.key' }, 403, 'PERMISSION_DENIED'],
    ['both wix-site-id and wix-account-id', {}, { ...KEY_HEADERS, 'wix-account-id': WIX_FIXTURE_ACCOUNT_ID }, 403, 'PERMISSION_DENIED'],
    ['only wix-account-id', {}, { authorization: 'IST.key', 'wix-account-id': WIX_FIXTURE_ACCOUNT_ID }, 403, 'PERMISSION_DENIED'],
    ['another account', {}, { authorization: 'IST.key', 'wix-account-id': 'someone-else' }, 403, 'PERMISSION_DENIED'],
    ['a site outside the account', {}, { ...KEY_HEADERS, 'wix-site-id': 'a-stranger-site' }, 403, 'PERMISSION_DENIED'],
  ] as const)('refuses %s', async (_, options, headers, status, code) => {
    const mock = mockWith(options);
    const answer = await bulk(body, headers);
    expect(answer.status).toBe(status);
    expect(answer.body.details.applicationError.code).toBe(code);
    expect(answer.body.details.applicationError.description.length).toBeGreaterThan(10);
    expect(mock.state().invites).toHaveLength(wixFixture.invites.length);
  });

  it('accepts a listed key', async () => {
    mockWith({ keys: ['IST.good'] });
    const answer = await bulk(body, { ...KEY_HEADERS, authorization: 'IST.good' });
    expect(answer.status).toBe(200);
  });

  it('checks auth before the body', async () => {
    mockWith();
    const answer = await bulk({}, { 'wix-site-id': WIX_FIXTURE_SITE_ID });
    expect(answer.status).toBe(401);
  });
});

describe('validation', () => {
  it('requires policyIds and emails', async () => {
    mockWith();
    const answer = await bulk({});
    expect(answer.status).toBe(400);
    expect(answer.body.details.validationError.fieldViolations).toEqual([
      { field: 'policyIds', description: 'is required', violatedRule: 'REQUIRED_FIELD' },
      { field: 'emails', description: 'is required', violatedRule: 'REQUIRED_FIELD' },
    ]);
    expect(answer.body.message).toBe('policyIds is required, emails is required');
  });

  it('refuses empty lists', async () => {
    mockWith();
    const answer = await bulk({ policyIds: [], emails: [] });
    expect(answer.status).toBe(400);
    expect(answer.body.details.validationError.fieldViolations).toEqual([
      { field: 'policyIds', description: 'must not be empty', violatedRule: 'REQUIRED_FIELD' },
      { field: 'emails', description: 'must not be empty', violatedRule: 'REQUIRED_FIELD' },
    ]);
  });

  it('names the field of a wrong type', async () => {
    mockWith();
    const notAList = await bulk({ policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails: 'one@example.com' });
    expect(notAList.body.details.validationError.fieldViolations).toEqual([
      { field: 'emails', description: 'must be an array', violatedRule: 'FORMAT' },
    ]);
    const notAString = await bulk({ policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails: ['ok@example.com', 7] });
    expect(notAString.status).toBe(400);
    expect(notAString.body.details.validationError.fieldViolations).toEqual([
      { field: 'emails[1]', description: 'must be a string', violatedRule: 'FORMAT' },
    ]);
  });

  it('refuses a body that is not JSON', async () => {
    mockWith();
    const answer = await bulk('policyIds=1&emails=a@example.com');
    expect(answer.status).toBe(400);
    expect(answer.body.details.applicationError.code).toBe('INVALID_ARGUMENT');
  });

  it('refuses a role id the site does not have, inviting nobody', async () => {
    const mock = mockWith();
    const answer = await bulk({ policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID, '999'], emails: ['x@example.com'] });
    expect(answer.status).toBe(400);
    expect(answer.body.details.applicationError).toMatchObject({ code: 'INVALID_ARGUMENT', data: { policyIds: ['999'] } });
    expect(mock.state().invites).toHaveLength(wixFixture.invites.length);
  });
});

describe('per-address rules', () => {
  it('invites the new addresses and lists every other one, raw, in failedEmails', async () => {
    const mock = mockWith();
    const emails = [
      'new.one@example.com',
      WIX_FIXTURE_CONTRIBUTOR_EMAILS[0].toUpperCase(),
      WIX_FIXTURE_PENDING_EMAIL,
      'not-an-email',
      'New.One@Example.com',
      WIX_FIXTURE_EXPIRED_EMAIL,
    ];
    const answer = await bulk({
      policyIds: [WIX_FIXTURE_DESIGNER_POLICY_ID, WIX_FIXTURE_BLOG_WRITER_POLICY_ID],
      emails,
      defaultEmailLanguage: 'es',
      invitePurpose: 'Help with the shop',
      locationRestriction: { locationIds: ['loc-1'] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.invites.map((i: { email: string }) => i.email)).toEqual(['new.one@example.com', WIX_FIXTURE_EXPIRED_EMAIL]);
    expect(answer.body.failedEmails).toEqual([emails[1], emails[2], emails[3], emails[4]]);
    expect(answer.body.invites[0]).toMatchObject({
      policyIds: [WIX_FIXTURE_DESIGNER_POLICY_ID, WIX_FIXTURE_BLOG_WRITER_POLICY_ID],
      locationIds: ['loc-1'],
    });
    expect(Object.keys(answer.body.invites[0])).not.toContain('acceptedByAccountId');
    expect(Object.keys(answer.body.invites[0])).not.toContain('staffId');
    const sent = mock.state().emailsSent;
    expect(sent.map((e) => [e.to, e.language, e.invitePurpose])).toEqual([
      ['new.one@example.com', 'es', 'Help with the shop'],
      [WIX_FIXTURE_EXPIRED_EMAIL, 'es', 'Help with the shop'],
    ]);
  });

  it('repeats a request: the second time every address is already pending', async () => {
    mockWith();
    const body = { policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails: ['twice@example.com'] };
    expect((await bulk(body)).body.invites).toHaveLength(1);
    const again = await bulk(body);
    expect(again.body).toEqual({ invites: [], failedEmails: ['twice@example.com'] });
  });

  it('stops at the contributor limit (contributors + pending invites)', async () => {
    mockWith({ fixture: { ...wixFixture, sites: wixFixture.sites.map((site) => ({ ...site, contributorLimit: 10 })) } });
    // Fixture: 2 contributors + 1 pending invite, limit 10 → room for 7.
    const emails = Array.from({ length: 9 }, (_, i) => `seat${i}@example.com`);
    const answer = await bulk({ policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails });
    expect(answer.body.invites).toHaveLength(7);
    expect(answer.body.failedEmails).toEqual(['seat7@example.com', 'seat8@example.com']);
  });
});

describe('resend and revoke', () => {
  const resend = (id: string, body?: unknown) => post(`/invites/site-invite/${id}/resend`, body);
  const revoke = (id: string) => post(`/invites/site-invite/${id}/revoke`, undefined);

  it('resends a pending invite: renewed expiry, one more email', async () => {
    const mock = mockWith();
    const answer = await resend(WIX_FIXTURE_PENDING_INVITE_ID, { defaultEmailLanguage: 'it' });
    expect(answer.status).toBe(200);
    expect(answer.body.invite).toMatchObject({
      id: WIX_FIXTURE_PENDING_INVITE_ID,
      status: 'Pending',
      expirationDate: '2026-12-25T12:00:00.000Z',
    });
    expect(mock.state().emailsSent).toEqual([
      { inviteId: WIX_FIXTURE_PENDING_INVITE_ID, to: WIX_FIXTURE_PENDING_EMAIL, language: 'it', sentAt: '2026-11-25T12:00:00.000Z' },
    ]);
  });

  it('resends an expired invite with an empty body, back to Pending', async () => {
    mockWith();
    const answer = await resend(WIX_FIXTURE_EXPIRED_INVITE_ID);
    expect(answer.status).toBe(200);
    expect(answer.body.invite.status).toBe('Pending');
  });

  it('revokes a pending invite, idempotently, and frees the address', async () => {
    const mock = mockWith();
    expect(await revoke(WIX_FIXTURE_PENDING_INVITE_ID)).toMatchObject({ status: 200, body: {} });
    expect(mock.state().invites.find((i) => i.id === WIX_FIXTURE_PENDING_INVITE_ID)?.status).toBe('Deleted');
    expect(await revoke(WIX_FIXTURE_PENDING_INVITE_ID)).toMatchObject({ status: 200, body: {} });
    const reinvite = await bulk({ policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails: [WIX_FIXTURE_PENDING_EMAIL] });
    expect(reinvite.body.invites).toHaveLength(1);
    const resendRevoked = await resend(WIX_FIXTURE_PENDING_INVITE_ID);
    expect(resendRevoked.status).toBe(428);
    expect(resendRevoked.body.details.applicationError.code).toBe('FAILED_PRECONDITION');
  });

  it('refuses to revoke an answered invite and answers 404 for an unknown id', async () => {
    mockWith();
    expect((await revoke(WIX_FIXTURE_EXPIRED_INVITE_ID)).status).toBe(428);
    const missing = await resend('00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.details.applicationError.code).toBe('NOT_FOUND');
    expect((await revoke('00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('applies auth to the siblings too', async () => {
    mockWith();
    const answer = await post(`/invites/site-invite/${WIX_FIXTURE_PENDING_INVITE_ID}/revoke`, undefined, {
      'wix-site-id': WIX_FIXTURE_SITE_ID,
    });
    expect(answer.status).toBe(401);
  });
});

describe('scenarios', () => {
  const body = { policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails: ['scenario@example.com'] };

  it('slow: answers after the latency', async () => {
    mockWith({ scenario: scenario({ name: 'slow', latencyMs: [20, 20] }) });
    const started = performance.now();
    const answer = await bulk(body);
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('flaky: a 500 or 503 with the empty system-error envelope', async () => {
    mockWith({ scenario: scenario({ name: 'flaky', failureRate: 1 }) });
    const answer = await bulk(body);
    expect([500, 503]).toContain(answer.status);
    expect(answer.body).toEqual({ message: '', details: {} });
  });

  it('rate-limited: 429 RESOURCE_EXHAUSTED with Retry-After past the window, siblings counted', async () => {
    mockWith({ scenario: scenario({ name: 'rate-limited', rateLimit: { limit: 2, windowMs: 60_000 } }) });
    expect((await bulk(body)).status).toBe(200);
    expect((await post(`/invites/site-invite/${WIX_FIXTURE_PENDING_INVITE_ID}/resend`, {})).status).toBe(200);
    const limited = await bulk(body);
    expect(limited.status).toBe(429);
    expect(limited.body.details.applicationError.code).toBe('RESOURCE_EXHAUSTED');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it("rate-limited: by default Wix's documented 200 requests per minute", async () => {
    mockWith({ scenario: scenario('rate-limited') });
    const revoke = () => post(`/invites/site-invite/${WIX_FIXTURE_PENDING_INVITE_ID}/revoke`, undefined);
    for (let i = 0; i < 200; i++) expect((await revoke()).status).toBe(200);
    expect((await revoke()).status).toBe(429);
  });

  it('auth-expired: 401 UNAUTHENTICATED once the key expires', async () => {
    mockWith({ scenario: scenario({ name: 'auth-expired', authExpiresAfter: 1 }) });
    expect((await bulk(body)).status).toBe(200);
    const expired = await bulk({ ...body, emails: ['later@example.com'] });
    expect(expired.status).toBe(401);
    expect(expired.body.details.applicationError.code).toBe('UNAUTHENTICATED');
  });

  it('network-error: the request fails at the network level', async () => {
    mockWith({ scenario: scenario('network-error') });
    await expect(bulk(body)).rejects.toThrow(TypeError);
  });

  it('timeout: no answer before the caller gives up', async () => {
    mockWith({ scenario: scenario('timeout') });
    await expect(bulk(body, KEY_HEADERS, { signal: AbortSignal.timeout(30) })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('partial: the refused addresses land in failedEmails, the rest are invited', async () => {
    const partial = scenario({ name: 'partial', seed: 3, partialRate: 0.5 });
    mockWith({ scenario: partial });
    const emails = Array.from({ length: 6 }, (_, i) => `partial${i}@example.com`);
    const refused = emails.filter((e) => partial.refuses(e));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(emails.length);
    const answer = await bulk({ ...body, emails });
    expect(answer.body.failedEmails).toEqual(refused);
    expect(answer.body.invites.map((i: { email: string }) => i.email)).toEqual(emails.filter((e) => !refused.includes(e)));
  });
});

describe('reset', () => {
  it('returns to the fixture and restarts the scenario counters', async () => {
    const shared = scenario({ name: 'auth-expired', authExpiresAfter: 1 });
    const mock = mockWith({ scenario: shared });
    expect((await bulk({ policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails: ['r@example.com'] })).status).toBe(200);
    expect(mock.state().invites).toHaveLength(wixFixture.invites.length + 1);
    mock.reset();
    expect(mock.state()).toEqual(wixFixture);
    expect(shared.requestCount('wix')).toBe(0);
    expect((await bulk({ policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails: ['r@example.com'] })).status).toBe(200);
  });
});
