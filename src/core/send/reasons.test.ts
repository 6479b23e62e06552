/**
 * Every address says why, as data: a stable `code` and the `params` its sentence needs, with `message`
 * the English from the message table and the vendor's words verbatim in `vendorMessage`. The run says the
 * same of why it stopped, and says when a rate limit holds every request (`waiting`). On a virtual clock
 * against the in-process fake vendor.
 */
import { describe, expect, it } from 'vitest';
import { InviteError, type AddressOutcome, type InviteAdapter, type Invitee } from '../contract.ts';
import { formatOutcome, formatStopReason } from '../messages/run.ts';
import type { MessageOverrides } from '../messages/types.ts';
import { createFakeVendor, type FakeVendorOptions } from '../testing/fake-vendor.ts';
import { createVirtualClock, type VirtualClock } from '../testing/virtual-clock.ts';
import { resultsToCsv, resultsToJson } from './export.ts';
import { createRateLimiter } from './rate-limit.ts';
import { createInviteRun, RunActiveError, type InviteRun } from './run.ts';
import type { RunSnapshot } from './run-store.ts';

const people = (n: number, prefix = 'p'): Invitee[] => Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@example.com`, line: i + 2 }));

function setup(n: number, vendor: Omit<FakeVendorOptions, 'clock'> = {}): { clock: VirtualClock; run: InviteRun; fake: ReturnType<typeof createFakeVendor> } {
  const clock = createVirtualClock();
  const fake = createFakeVendor({ latencyMs: 10, ...vendor, clock });
  return { clock, run: createInviteRun(people(n), { clock, random: () => 0.5 }), fake };
}

/** Every snapshot a listener is shown. */
function watch(run: InviteRun): RunSnapshot[] {
  const seen: RunSnapshot[] = [];
  run.subscribe(() => seen.push(run.getSnapshot()));
  return seen;
}

/** An adapter answering each address with the outcome `answer` gives it. */
function answering(answer: (invitee: Invitee) => Omit<AddressOutcome, 'email'>, roles: readonly string[] = ['admin', 'member']): InviteAdapter {
  return {
    vendor: 'host',
    roles,
    defaultRole: 'member',
    maxBatchSize: 10,
    send: async (batch) => batch.map((invitee) => ({ email: invitee.email, ...answer(invitee) })),
  };
}

const de: MessageOverrides = {
  'outcome.VENDOR_REJECTED': (p) => (p.reason === 'SAID' ? `Vom Anbieter abgelehnt: „${p.vendorMessage}“.` : 'Vom Anbieter ohne Grund abgelehnt.'),
  'pending.AUTH_FAILED': () => 'Nicht gesendet: Zugangsdaten abgelehnt.',
  'runStop.AUTH_FAILED': ({ status }) => `Zugangsdaten abgelehnt (HTTP ${status}).`,
};

describe("each address's code, params, message and the vendor's words", () => {
  it("keeps the vendor's words verbatim in vendorMessage, a parameter the sentence quotes, never part of its template", async () => {
    const html = '<b onmouseover="alert(1)">Refused</b> {reason} %s';
    const run = createInviteRun(people(3));
    const final = await run.send({
      adapter: answering((invitee) =>
        invitee.email === 'p0@example.com'
          ? { status: 'failed', code: 'VENDOR_REJECTED', vendorMessage: html }
          : invitee.email === 'p1@example.com'
            ? { status: 'skipped', code: 'ALREADY_INVITED', vendorMessage: 'Invitation already sent' }
            : { status: 'failed', code: 'VENDOR_REJECTED' },
      ),
      rateLimit: false,
    });
    expect(final.at(0)).toMatchObject({
      status: 'failed',
      code: 'VENDOR_REJECTED',
      params: { reason: 'SAID', vendorMessage: html },
      message: `The vendor refused this address: "${html}".`,
      vendorMessage: html,
    });
    expect(final.at(1)).toMatchObject({
      status: 'skipped',
      code: 'ALREADY_INVITED',
      params: {},
      message: 'Already invited: an invitation is pending.',
      vendorMessage: 'Invitation already sent',
    });
    expect(final.at(2)).toMatchObject({ code: 'VENDOR_REJECTED', params: { reason: 'NO_REASON' }, vendorMessage: undefined });
    // A host's table words the same record from its code and params.
    expect(formatOutcome(final.at(0), de)).toBe(`Vom Anbieter abgelehnt: „${html}“.`);
    expect(formatOutcome(final.at(1), de)).toBe('Already invited: an invitation is pending.');
  });

  it('words a refused role from the role asked for (or the default) and the adapter’s roles', async () => {
    const run = createInviteRun([{ email: 'a@x.io', role: 'owner' }, { email: 'b@x.io' }]);
    const final = await run.send({ adapter: answering(() => ({ status: 'failed', code: 'ROLE_NOT_ALLOWED' }), ['admin', 'member']), rateLimit: false });
    expect(final.at(0)).toMatchObject({ params: { role: 'owner', roles: ['admin', 'member'] }, message: 'The vendor does not accept the role "owner"; choose one of: admin, member.' });
    expect(final.at(1).params).toEqual({ role: 'member', roles: ['admin', 'member'] });
  });

  it('says when retries were given up, and that the address may have been delivered', async () => {
    const { run, fake } = setup(1, { fault: () => ({ kind: 'error', code: 'SERVER_ERROR' }) });
    const final = await run.send({ adapter: fake, rateLimit: false, retry: { maxAttempts: 3, baseDelayMs: 100 } });
    expect(final.at(0)).toMatchObject({
      status: 'failed',
      code: 'SERVER_ERROR',
      params: { attempts: 3, maybeDelivered: true },
      retryable: true,
      maybeDelivered: true,
    });
    expect(final.at(0).message).toBe(
      "The vendor's server failed. Gave up after 3 attempts. It may have been delivered anyway: the request got no clear answer. " +
        'Retrying is safe where the vendor reports repeats as already invited.',
    );
  });

  it("says the engine's deadline in a timeout", async () => {
    const { run, fake } = setup(1, { fault: () => ({ kind: 'hang' }) });
    const final = await run.send({ adapter: fake, rateLimit: false, timeoutMs: 2000, retry: { maxAttempts: 1 } });
    expect(final.at(0)).toMatchObject({ code: 'TIMEOUT', params: { timeoutMs: 2000, maybeDelivered: true } });
    expect(final.at(0).message).toMatch(/^The request got no answer within 2 s\. It may have been delivered/);
  });

  it('gives an adapter bug its own code, with the thrown text as a parameter', async () => {
    const run = createInviteRun(people(1));
    const final = await run.send({ adapter: { vendor: 'x', roles: [], maxBatchSize: 1, send: () => Promise.reject(new TypeError('boom')) }, rateLimit: false });
    expect(final.at(0)).toMatchObject({ code: 'ADAPTER_ERROR', params: { reason: 'THREW', detail: 'boom', maybeDelivered: true } });
  });
});

describe('why addresses were left pending, and why the run stopped', () => {
  it('a cancel: ABORTED on every unsent address, "not confirmed" on the one whose request was out', async () => {
    const { run, fake } = setup(4, { maxBatchSize: 1, fault: (request) => (request.number === 2 ? { kind: 'hang', landed: true } : null) });
    const sending = run.send({ adapter: fake, rateLimit: false, concurrency: 1, timeoutMs: 0 });
    for (let i = 0; i < 1000 && fake.inFlight === 0; i++) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    run.cancel();
    const final = await sending;
    expect(final.status).toBe('cancelled');
    expect(final.outcomes.map((r) => [r.status, r.code, r.params])).toEqual([
      ['sent', undefined, undefined],
      ['pending', 'ABORTED', { maybeDelivered: true }],
      ['pending', 'ABORTED', {}],
      ['pending', 'ABORTED', {}],
    ]);
    expect(final.at(1).message).toBe(
      'Not confirmed: the run was cancelled while its request was out, so it may have been delivered; check the vendor before sending it again.',
    );
    expect(final.at(2).message).toBe('Not sent: the run was cancelled.');
    // Sending again clears the reason.
    const resumed = await run.send({ adapter: fake, rateLimit: false });
    expect(resumed.outcomes.every((r) => r.status === 'sent' && r.params === undefined && r.message === undefined)).toBe(true);
  });

  it("a stop: the stop reason's code, params and sentence, and the same code on every unsent address", async () => {
    const adapter: InviteAdapter = {
      vendor: 'host',
      roles: [],
      maxBatchSize: 1,
      async send(batch) {
        if (batch[0]!.email === 'p0@example.com') return [{ email: batch[0]!.email, status: 'sent' }];
        throw new InviteError('AUTH_FAILED', 'developer text, never shown', { status: 401, vendorMessage: 'Token expired' });
      },
    };
    const run = createInviteRun(people(3));
    const final = await run.send({ adapter, rateLimit: false, concurrency: 1 });
    expect(final.status).toBe('stopped');
    expect(final.stopReason).toEqual({
      code: 'AUTH_FAILED',
      params: { status: 401, vendorMessage: 'Token expired' },
      message: 'The vendor refused the credentials (HTTP 401): "Token expired".',
    });
    expect(formatStopReason(final.stopReason!, de)).toBe('Zugangsdaten abgelehnt (HTTP 401).');
    for (const index of [1, 2]) {
      expect(final.at(index)).toMatchObject({ status: 'pending', code: 'AUTH_FAILED', params: {}, message: 'Not sent: the run stopped because the vendor refused the credentials.' });
    }
    expect(JSON.stringify(final)).not.toContain('developer text');
    // The export words them from a host's table too.
    const json = resultsToJson(final, { messages: de });
    expect(json.outcomes.map((row) => row.message)).toEqual([undefined, 'Nicht gesendet: Zugangsdaten abgelehnt.', 'Nicht gesendet: Zugangsdaten abgelehnt.']);
    expect(resultsToCsv(final, { messages: de })).toContain('Nicht gesendet: Zugangsdaten abgelehnt.');
  });

  it('RunActiveError carries its code and params, its message from the table', async () => {
    const { run, fake } = setup(2);
    const first = run.send({ adapter: fake, rateLimit: false });
    const refused = await run.send({ adapter: fake }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RunActiveError);
    expect(refused).toMatchObject({ code: 'RUN_ACTIVE', params: {}, message: 'This run is already sending; wait for it to finish (or cancel it) before sending again.' });
    await first;
  });
});

describe('waiting: every request held by the rate limit', () => {
  it("is set from a 429's Retry-After until it passes, while the run stays sending, and cleared when sending resumes", async () => {
    const { run, fake, clock } = setup(4, {
      maxBatchSize: 1,
      fault: (request) => (request.number === 1 ? { kind: 'error', code: 'RATE_LIMITED', retryAfterMs: 5000 } : null),
    });
    const seen = watch(run);
    const heldAt: number[] = [];
    run.subscribe(() => {
      if (run.getSnapshot().waiting) heldAt.push(clock.now());
    });
    const final = await run.send({ adapter: fake, rateLimit: false, concurrency: 1 });
    const waits = seen.filter((s) => s.waiting);
    expect(waits.length).toBeGreaterThan(0);
    for (const snapshot of waits) {
      expect(snapshot.waiting).toEqual({ reason: 'RATE_LIMITED', until: 5010 });
      expect(snapshot.status).toBe('sending');
    }
    expect(Math.min(...heldAt)).toBe(10);
    expect(Math.max(...heldAt)).toBeLessThan(5010);
    // Cleared once the hold is over, before the run goes on.
    const cleared = seen.findIndex((s, i) => i > 0 && seen[i - 1]!.waiting && !s.waiting);
    expect(cleared).toBeGreaterThan(0);
    expect(seen.slice(cleared).every((s) => s.waiting === undefined)).toBe(true);
    expect(final.waiting).toBeUndefined();
    expect(final.counts.sent).toBe(4);
    expect(clock.pendingTimers).toBe(0);
  });

  it('is moved later when another 429 extends the hold, and never outlives the pass', async () => {
    const { run, fake } = setup(3, {
      maxBatchSize: 1,
      fault: (request) => (request.number <= 2 ? { kind: 'error', code: 'RATE_LIMITED', retryAfterMs: request.number * 1000 } : null),
    });
    const seen = watch(run);
    const final = await run.send({ adapter: fake, rateLimit: false, concurrency: 2 });
    expect([...new Set(seen.map((s) => s.waiting?.until).filter((u) => u !== undefined))]).toEqual([1010, 2010]);
    expect(final.waiting).toBeUndefined();
  });

  it("shows on every run that shares the limiter, whichever run's request met the 429", async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter(undefined, clock);
    const held = createFakeVendor({ clock, latencyMs: 10, fault: (request) => (request.number === 1 ? { kind: 'error', code: 'RATE_LIMITED', retryAfterMs: 3000 } : null) });
    const other = createFakeVendor({ clock, latencyMs: 50, maxBatchSize: 1 });
    const a = createInviteRun(people(1, 'a'), { clock });
    const b = createInviteRun(people(3, 'b'), { clock });
    const seenByB = watch(b);
    const [, finalB] = await Promise.all([a.send({ adapter: held, rateLimit: limiter }), b.send({ adapter: other, rateLimit: limiter, concurrency: 1 })]);
    expect(seenByB.some((s) => s.waiting?.until === 3010)).toBe(true);
    expect(finalB.waiting).toBeUndefined();
    expect(finalB.counts.sent).toBe(3);
  });

  it('is cleared by a cancel; and a pause by the user is the status, not a wait', async () => {
    const { run, fake } = setup(3, {
      maxBatchSize: 1,
      fault: (request) => (request.number === 1 ? { kind: 'error', code: 'RATE_LIMITED', retryAfterMs: 60_000 } : null),
    });
    const sending = run.send({ adapter: fake, rateLimit: false, concurrency: 1 });
    for (let i = 0; i < 1000 && !run.getSnapshot().waiting; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(run.getSnapshot()).toMatchObject({ status: 'sending', waiting: { reason: 'RATE_LIMITED', until: 60_010 } });
    run.pause();
    expect(run.getSnapshot()).toMatchObject({ status: 'paused', waiting: { reason: 'RATE_LIMITED' } });
    run.cancel();
    const final = await sending;
    expect(final.status).toBe('cancelled');
    expect(final.waiting).toBeUndefined();
  });
});
