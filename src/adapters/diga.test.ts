import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDigaMock, DIGA_FIXTURE, type DigaMockOptions } from '../../mocks/diga/index.ts';
import { createScenario, type ScenarioConfig } from '../../mocks/scenario.ts';
import { InviteError, type Invitee } from '../core/contract.ts';
import { createDigaAdapter, DIGA_BASE_URL, DIGA_DEFAULT_ROLE, DIGA_ROLES } from './diga.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function mockWith(options: DigaMockOptions = {}) {
  const mock = createDigaMock(options);
  server.use(...mock.handlers);
  return mock;
}
const withScenario = (config: ScenarioConfig) => mockWith({ scenario: createScenario(config) });
const adapter = createDigaAdapter({ apiKey: 'dg_test_key' });
const invitees = (...emails: string[]): Invitee[] => emails.map((email) => ({ email }));

async function failure(promise: Promise<unknown>): Promise<InviteError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InviteError);
  return error as InviteError;
}

describe('Diga adapter: rules', () => {
  it('publishes the base URL, the roles, the default role and the batch cap', () => {
    expect(DIGA_BASE_URL).toBe('https://api.diga.io');
    expect(adapter).toMatchObject({ vendor: 'diga', roles: ['admin', 'member', 'reader'], defaultRole: 'member', maxBatchSize: 50 });
    expect(DIGA_ROLES).toContain(DIGA_DEFAULT_ROLE);
    expect(adapter.groupBy).toBeUndefined(); // the role travels per item
    expect(adapter.rateLimit).toBeUndefined(); // Diga publishes none: the engine's default applies
    expect(createDigaAdapter({ maxBatchSize: 10 }).maxBatchSize).toBe(10);
  });

  it('sends nothing for an empty batch or a batch of unknown roles', async () => {
    const spy = vi.fn<typeof fetch>();
    const local = createDigaAdapter({ apiKey: 'k', fetch: spy });
    expect(await local.send([])).toEqual([]);
    // No words of the adapter's own: the engine words the code from the role and the adapter's roles.
    expect(await local.send([{ email: 'a@example.net', role: 'owner' }])).toEqual([{ email: 'a@example.net', status: 'failed', code: 'ROLE_NOT_ALLOWED' }]);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('Diga adapter ⇄ mock: scenarios', () => {
  it('ok: one outcome per invitee, in order, with per-item roles', async () => {
    const mock = mockWith();
    const batch: Invitee[] = [
      { email: 'new@example.net', role: 'admin' },
      { email: DIGA_FIXTURE.member.email },
      { email: DIGA_FIXTURE.pending.email, role: 'member' },
      { email: 'invalid@email' },
      { email: 'viewer@example.net', role: 'owner' },
      { email: DIGA_FIXTURE.registered.email, role: 'Reader' },
      { email: 'new@example.net' },
    ];
    const outcomes = await adapter.send(batch);
    const created = mock.state().invitations.slice(1);
    expect(created.map((i) => [i.invited_email, i.role])).toEqual([
      ['new@example.net', 'admin'],
      [DIGA_FIXTURE.registered.email, 'reader'],
    ]);
    expect(outcomes).toEqual([
      { email: 'new@example.net', status: 'sent', vendorId: created[0]!.id },
      {
        email: DIGA_FIXTURE.member.email,
        status: 'skipped',
        code: 'ALREADY_MEMBER',
        vendorMessage: 'User is already a member of this project',
      },
      {
        email: DIGA_FIXTURE.pending.email,
        status: 'skipped',
        code: 'ALREADY_INVITED',
        vendorMessage: 'Invitation already sent',
        vendorId: DIGA_FIXTURE.pending.invitationId,
      },
      { email: 'invalid@email', status: 'failed', code: 'INVALID_EMAIL', vendorMessage: 'The email invalid@email is not valid' },
      { email: 'viewer@example.net', status: 'failed', code: 'ROLE_NOT_ALLOWED' },
      { email: DIGA_FIXTURE.registered.email, status: 'sent', vendorId: created[1]!.id },
      // The repeat within the batch meets the invitation its first occurrence just made.
      { email: 'new@example.net', status: 'skipped', code: 'ALREADY_INVITED', vendorMessage: 'Invitation already sent', vendorId: created[0]!.id },
    ]);
  });

  it('ok: a retried batch reports the earlier invitations as already invited', async () => {
    mockWith();
    const batch = invitees('a@example.net', 'b@example.net');
    expect((await adapter.send(batch)).map((o) => o.status)).toEqual(['sent', 'sent']);
    expect((await adapter.send(batch)).map((o) => o.code)).toEqual(['ALREADY_INVITED', 'ALREADY_INVITED']);
  });

  it('slow: answers after the latency', async () => {
    withScenario({ name: 'slow', latencyMs: [5, 15] });
    expect(await adapter.send(invitees('slow@example.net'))).toMatchObject([{ status: 'sent' }]);
  });

  it('flaky: a 500 or 503 is a retryable SERVER_ERROR with Diga’s code', async () => {
    withScenario({ name: 'flaky', failureRate: 1, seed: 3 });
    const seen = new Map<number, string | undefined>();
    for (let i = 0; i < 12; i++) {
      const error = await failure(adapter.send(invitees('f@example.net')));
      expect(error).toMatchObject({ code: 'SERVER_ERROR', retryable: true });
      seen.set(error.status!, error.vendorCode);
    }
    expect(Object.fromEntries(seen)).toEqual({ 500: 'INTERNAL_SERVER_ERROR', 503: 'SERVICE_UNAVAILABLE' });
  });

  it('rate-limited: 429 is RATE_LIMITED with the Retry-After wait', async () => {
    withScenario({ name: 'rate-limited', rateLimit: { limit: 1, windowMs: 30_000 } });
    await adapter.send(invitees('first@example.net'));
    const error = await failure(adapter.send(invitees('second@example.net')));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, status: 429, vendorCode: 'RATE_LIMIT_EXCEEDED' });
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(29_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('auth-expired: the request after the cut-off is AUTH_FAILED, not retryable', async () => {
    withScenario({ name: 'auth-expired', authExpiresAfter: 1 });
    expect(await adapter.send(invitees('ok@example.net'))).toMatchObject([{ status: 'sent' }]);
    const error = await failure(adapter.send(invitees('late@example.net')));
    expect(error).toMatchObject({
      code: 'AUTH_FAILED',
      retryable: false,
      status: 401,
      vendorCode: 'UNAUTHORIZED',
      message: 'Invalid or missing API key',
    });
  });

  it('network-error: NETWORK_ERROR, retryable', async () => {
    withScenario({ name: 'network-error' });
    expect(await failure(adapter.send(invitees('n@example.net')))).toMatchObject({ code: 'NETWORK_ERROR', retryable: true });
  });

  it('timeout: a request with no answer ends as TIMEOUT at the caller’s deadline', async () => {
    const mock = withScenario({ name: 'timeout' });
    const error = await failure(adapter.send(invitees('t@example.net'), { signal: AbortSignal.timeout(50), idempotencyKey: 'k' }));
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(mock.state().invitations).toHaveLength(1);
  });

  it('partial: refused addresses fail with Diga’s words, the rest are sent', async () => {
    const scenario = createScenario({ name: 'partial', partialRate: 0.5, seed: 11 });
    mockWith({ scenario });
    const emails = Array.from({ length: 10 }, (_, i) => `member${i}@example.net`);
    const outcomes = await adapter.send(invitees(...emails));
    expect(outcomes.map((o) => o.email)).toEqual(emails);
    for (const outcome of outcomes) {
      if (scenario.refuses(outcome.email)) {
        expect(outcome).toEqual({
          email: outcome.email,
          status: 'failed',
          code: 'VENDOR_REJECTED',
          vendorMessage: 'Failed to send invitation email',
        });
      } else {
        expect(outcome).toMatchObject({ status: 'sent', vendorId: expect.any(String) });
      }
    }
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set(['sent', 'failed']));
  });
});

describe('Diga adapter ⇄ mock: documented errors', () => {
  it('401: a wrong or missing key is AUTH_FAILED', async () => {
    mockWith({ keys: ['right'] });
    expect(await failure(createDigaAdapter({ apiKey: 'wrong' }).send(invitees('a@example.net')))).toMatchObject({
      code: 'AUTH_FAILED',
      status: 401,
      vendorCode: 'UNAUTHORIZED',
    });
    expect(await failure(createDigaAdapter().send(invitees('a@example.net')))).toMatchObject({ code: 'AUTH_FAILED' });
    const rotating = vi.fn(async () => 'right');
    expect(await createDigaAdapter({ apiKey: rotating }).send(invitees('a@example.net'))).toMatchObject([{ status: 'sent' }]);
    expect(rotating).toHaveBeenCalledTimes(1);
  });

  it("404: the key's project is gone → NOT_FOUND with PROJECT_NOT_FOUND", async () => {
    const gone = '550e8400-e29b-41d4-a716-446655440000';
    mockWith({ projectKeys: { old: gone } });
    const error = await failure(createDigaAdapter({ apiKey: 'old' }).send(invitees('a@example.net')));
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      retryable: false,
      status: 404,
      vendorCode: 'PROJECT_NOT_FOUND',
      vendorMessage: `Project ${gone} not found`,
      message: `Project ${gone} not found`,
    });
  });

  it('422: FastAPI validation details end up in a BAD_REQUEST message', async () => {
    mockWith();
    // A proxy that rewrites the role, so the mock sees a body the adapter would never build.
    const tampering: typeof fetch = (input, init) =>
      fetch(input, { ...init, body: String(init?.body).replace('"member"', '"owner"').replace('"email"', '"mail"') });
    const error = await failure(createDigaAdapter({ apiKey: 'k', fetch: tampering }).send(invitees('a@example.net')));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', retryable: false, status: 422 });
    expect(error.message).toBe(
      "Diga rejected the request (422): body.invitations.0.role: Input should be 'admin', 'member' or 'reader'; " +
        'body.invitations.0.email: Field required',
    );
    // FastAPI's own words, verbatim, for the sentence people see.
    expect(error.vendorMessage).toBe("body.invitations.0.role: Input should be 'admin', 'member' or 'reader'; body.invitations.0.email: Field required");
  });

  it('proxy: a host base URL without a key, the proxy adding the bearer', async () => {
    const mock = mockWith({ keys: ['server-side-key'] });
    const proxy: typeof fetch = (input, init) => {
      expect(String(input)).toBe('https://app.example.test/api/diga/v1/project/invitation/send/bulk');
      expect(new Headers(init?.headers).has('authorization')).toBe(false);
      return fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: 'Bearer server-side-key' } });
    };
    const viaProxy = createDigaAdapter({ baseUrl: 'https://app.example.test/api/diga/', fetch: proxy });
    expect(await viaProxy.send(invitees('p@example.net'))).toMatchObject([{ status: 'sent' }]);
    expect(mock.state().invitations.at(-1)?.invited_email).toBe('p@example.net');
  });
});

describe('Diga adapter: answers that break the contract', () => {
  const answer = (status: number, body: unknown) =>
    server.use(http.post('*/v1/project/invitation/send/bulk', () => HttpResponse.json(body as object, { status })));

  it('a 201 that does not match the schema is INVALID_RESPONSE', async () => {
    answer(201, { successful: [{ id: 'x' }], failed: [] });
    expect(await failure(adapter.send(invitees('a@example.net')))).toMatchObject({
      code: 'INVALID_RESPONSE',
      retryable: false,
      status: 201,
    });
  });

  it('an address missing from both lists fails rather than vanishing', async () => {
    answer(201, { successful: [], failed: [] });
    expect(await adapter.send(invitees('a@example.net'))).toEqual([
      { email: 'a@example.net', status: 'failed', code: 'VENDOR_REJECTED', notInAnswer: true },
    ]);
  });

  it('a non-JSON gateway error is a SERVER_ERROR with the text', async () => {
    server.use(http.post('*/v1/project/invitation/send/bulk', () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })));
    expect(await failure(adapter.send(invitees('a@example.net')))).toMatchObject({
      code: 'SERVER_ERROR',
      status: 502,
      message: 'Diga answered HTTP 502: <h1>Bad gateway</h1>',
      vendorMessage: '<h1>Bad gateway</h1>',
    });
  });
});
