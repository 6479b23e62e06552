/**
 * The run against an in-process vendor on a virtual clock: every rule of sending, one at a time.
 * (send.mocks.test.ts runs the real adapters against the HTTP mocks; send.property.test.ts mixes faults.)
 */
import { describe, expect, it, vi } from 'vitest';
import type { AddressOutcome, InviteAdapter, InviteErrorCode, Invitee } from '../contract.ts';
import { InviteError } from '../contract.ts';
import { CONFIRMED_MESSAGE } from './delivery.ts';
import { createFakeVendor, type FakeFault, type FakeRequest, type FakeVendor, type FakeVendorOptions } from '../testing/fake-vendor.ts';
import { createInviteRun, restoreInviteRun, RunActiveError, type InviteRun, type SendOptions } from './run.ts';
import type { RunSnapshot } from './run-store.ts';
import { createVirtualClock, type VirtualClock } from '../testing/virtual-clock.ts';

const people = (n: number, prefix = 'p'): Invitee[] =>
  Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@example.com`, line: i + 2 }));

/** Counts add up, and match the records, in every snapshot a listener is shown. */
function watch(run: InviteRun): RunSnapshot[] {
  const seen: RunSnapshot[] = [];
  run.subscribe(() => {
    const snapshot = run.getSnapshot();
    const { queued, inFlight, sent, skipped, failed, pending } = snapshot.counts;
    expect(queued + inFlight + sent + skipped + failed + pending).toBe(snapshot.total);
    const recount = { queued: 0, 'in-flight': 0, sent: 0, skipped: 0, failed: 0, pending: 0 };
    for (const record of snapshot.outcomes) recount[record.status]++;
    expect(recount).toEqual({ queued, 'in-flight': inFlight, sent, skipped, failed, pending });
    seen.push(snapshot);
  });
  return seen;
}

interface Setup {
  clock: VirtualClock;
  vendor: FakeVendor;
  run: InviteRun;
  snapshots: RunSnapshot[];
  /** When each request arrived at the vendor (clock ms). */
  arrivals: number[];
  options: SendOptions;
}

function setup(n: number, vendor: Omit<FakeVendorOptions, 'clock'> = {}, send: Partial<SendOptions> = {}): Setup {
  const clock = createVirtualClock();
  const arrivals: number[] = [];
  const fault = vendor.fault;
  const fake = createFakeVendor({
    latencyMs: 10,
    ...vendor,
    clock,
    fault: (request) => {
      arrivals.push(clock.now());
      return fault?.(request);
    },
  });
  const run = createInviteRun(people(n), { clock, random: () => 0.5 });
  const snapshots = watch(run);
  return { clock, vendor: fake, run, snapshots, arrivals, options: { adapter: fake, rateLimit: false, retry: { baseDelayMs: 100 }, ...send } };
}

/** Lets pending work run until `condition` holds (it must, or the test is wrong). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}

const on = (numbers: number[], fault: FakeFault) => (request: FakeRequest) => (numbers.includes(request.number) ? fault : null);

/** Every address the vendor answered for was never carried by a later request of the same pass. */
function expectNoResendAfterAnswer(vendor: FakeVendor) {
  const answeredAt = new Map<string, number>();
  for (const entry of vendor.log) {
    for (const email of entry.emails) expect(answeredAt.has(email), `${email} re-sent after an answer`).toBe(false);
    if (entry.result === 'answered') for (const email of entry.emails) answeredAt.set(email, entry.number);
  }
}

describe('send', () => {
  it('sends everyone once, in batches, and ends done', async () => {
    const { run, vendor, snapshots } = setup(120);
    const final = await run.send({ adapter: vendor, rateLimit: false });
    expect(final.status).toBe('done');
    expect(final.counts).toEqual({ queued: 0, inFlight: 0, sent: 120, skipped: 0, failed: 0, pending: 0 });
    expect(final.requests).toEqual({ made: 3, batches: 3, rateLimited: 0, failed: 0 });
    expect(vendor.log.map((entry) => entry.emails.length)).toEqual([50, 50, 20]);
    expect([...vendor.created.values()].every((count) => count === 1)).toBe(true);
    expect(final.at(0)).toMatchObject({ email: 'p0@example.com', line: 2, status: 'sent', attempts: 1, vendorId: 'inv-p0@example.com', startedAt: 0, finishedAt: 10 });
    expect(snapshots.at(-1)).toBe(final);
    expect(snapshots.some((s) => s.counts.inFlight > 0)).toBe(true);
  });

  it('sends nothing for an empty list and is done', async () => {
    const { clock } = setup(0);
    const vendor = createFakeVendor({ clock });
    const run = createInviteRun([], { clock });
    const final = await run.send({ adapter: vendor });
    expect(final).toMatchObject({ status: 'done', total: 0 });
    expect(vendor.log).toHaveLength(0);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const { run, vendor, options } = setup(20, { maxBatchSize: 1 });
    await run.send({ ...options, concurrency: 3 });
    expect(vendor.maxInFlight).toBe(3);
    expect(vendor.log).toHaveLength(20);
  });

  it('spaces requests by the rate limit, and by minute too', async () => {
    const a = setup(5, { maxBatchSize: 1, latencyMs: 0 });
    await a.run.send({ ...a.options, rateLimit: { requests: 10, per: 'second' } });
    expect(a.arrivals).toEqual([0, 100, 200, 300, 400]);

    const b = setup(3, { maxBatchSize: 1, latencyMs: 0 });
    await b.run.send({ ...b.options, rateLimit: { requests: 60, per: 'minute' } });
    expect(b.arrivals).toEqual([0, 1000, 2000]);
  });

  it('retries network errors, timeouts, 5xx and 429, then reports the address sent', async () => {
    const codes: InviteErrorCode[] = ['NETWORK_ERROR', 'TIMEOUT', 'SERVER_ERROR', 'RATE_LIMITED'];
    const { run, options, vendor } = setup(3, {
      fault: (request) => (request.number <= codes.length ? { kind: 'error', code: codes[request.number - 1]! } : null),
    });
    const final = await run.send(options);
    expect(vendor.log.map((entry) => entry.result)).toEqual([...codes, 'answered']);
    expect(final.counts.sent).toBe(3);
    expect(final.at(0)).toMatchObject({ status: 'sent', attempts: 5 });
    expect(final.requests).toEqual({ made: 5, batches: 1, rateLimited: 1, failed: 4 });
  });

  it('waits with capped exponential backoff and full jitter between retries', async () => {
    const { run, options, arrivals } = setup(1, { latencyMs: 0, fault: (r) => (r.number <= 4 ? { kind: 'error', code: 'SERVER_ERROR' } : null) });
    // random() = 0.5: half of 100, 200, 400, then the 300 cap.
    await run.send({ ...options, retry: { baseDelayMs: 100, maxDelayMs: 300 } });
    expect(arrivals).toEqual([0, 50, 150, 300, 450]);
  });

  it.each<InviteErrorCode>(['BAD_REQUEST', 'AUTH_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_RESPONSE'])(
    'never retries %s',
    async (code) => {
      const { run, options, vendor } = setup(3, { fault: on([1], { kind: 'error', code }) });
      const final = await run.send({ ...options, stopOn: [] });
      expect(vendor.log).toHaveLength(1);
      expect(final.at(0)).toMatchObject({ status: 'failed', code, retryable: false, attempts: 1 });
      expect(final.status).toBe('done');
    },
  );

  it('gives up after maxAttempts and marks the failure retryable and possibly delivered', async () => {
    const { run, options, vendor } = setup(2, { fault: () => ({ kind: 'error', code: 'SERVER_ERROR' }) });
    const final = await run.send({ ...options, retry: { maxAttempts: 3, baseDelayMs: 10 } });
    expect(vendor.log).toHaveLength(3);
    expect(final.at(1)).toMatchObject({ status: 'failed', code: 'SERVER_ERROR', retryable: true, maybeDelivered: true, attempts: 3 });
    expect(final.at(1).message).toMatch(/may have been delivered/);
    expect(final.retryable).toBe(2);
  });

  it("honours Retry-After and holds every worker until it has passed", async () => {
    const { run, options, arrivals, vendor } = setup(6, {
      maxBatchSize: 1,
      fault: on([1], { kind: 'error', code: 'RATE_LIMITED', retryAfterMs: 5000 }),
    });
    const final = await run.send({ ...options, concurrency: 2 });
    expect(final.counts.sent).toBe(6);
    // Request 2 was already in flight; every request after the 429 came back waits until 10 + 5000.
    expect(arrivals.slice(0, 2)).toEqual([0, 0]);
    expect(arrivals.slice(2).every((t) => t >= 5010)).toBe(true);
    expect(vendor.log[0]!.result).toBe('RATE_LIMITED');
    expect(final.requests.rateLimited).toBe(1);
  });

  it('fails a batch as RATE_LIMITED (retryable) when the server asks for a longer wait than allowed', async () => {
    const { run, options, vendor } = setup(1, { fault: on([1], { kind: 'error', code: 'RATE_LIMITED', retryAfterMs: 3_600_000 }) });
    const final = await run.send(options);
    expect(vendor.log).toHaveLength(1);
    expect(final.at(0)).toMatchObject({ status: 'failed', code: 'RATE_LIMITED', retryable: true });
    expect(final.at(0).maybeDelivered).toBeUndefined();
  });

  it('times out a request that gets no answer, even from an adapter that ignores its signal', async () => {
    const { run, options, vendor } = setup(2, { ignoreSignal: true, fault: on([1], { kind: 'hang' }) });
    const final = await run.send({ ...options, timeoutMs: 1000 });
    expect(vendor.log).toHaveLength(2);
    expect(final.counts.sent).toBe(2);
    expect(final.at(0)).toMatchObject({ status: 'sent', attempts: 2 });
    // The retry's "sent" answer settles the doubt.
    expect(final.at(0).maybeDelivered).toBeUndefined();
  });
});

describe('a retry after a request that may have landed', () => {
  it('counts "already invited" as sent (confirmed on retry)', async () => {
    const { run, options, vendor } = setup(3, { fault: on([1], { kind: 'error', code: 'NETWORK_ERROR', landed: true }) });
    const final = await run.send(options);
    expect(vendor.log.map((e) => [e.result, e.landed])).toEqual([
      ['NETWORK_ERROR', true],
      ['answered', true],
    ]);
    expect(final.counts).toMatchObject({ sent: 3, skipped: 0, failed: 0 });
    expect(final.at(0)).toMatchObject({ status: 'sent', code: 'CONFIRMED_ON_RETRY', message: CONFIRMED_MESSAGE, attempts: 2 });
    expect([...vendor.created.values()]).toEqual([1, 1, 1]);
  });

  it('does the same after a timeout whose request landed', async () => {
    const { run, options } = setup(2, { fault: on([1], { kind: 'hang', landed: true }) });
    const final = await run.send({ ...options, timeoutMs: 500 });
    expect(final.outcomes.map((r) => r.code)).toEqual(['CONFIRMED_ON_RETRY', 'CONFIRMED_ON_RETRY']);
  });

  it('keeps an address already invited before the run as skipped when no request was lost', async () => {
    const { run, options } = setup(2, { existing: ['p1@example.com'] });
    const final = await run.send(options);
    expect(final.at(1)).toMatchObject({ status: 'skipped', code: 'ALREADY_INVITED' });
  });

  it('reports an unexplained refusal (Wix failedEmails) as UNCERTAIN, not failed, and does not retry it', async () => {
    const { run, options, vendor } = setup(2, { repeats: 'ambiguous', vendor: 'wix', fault: on([1], { kind: 'error', code: 'SERVER_ERROR', landed: true }) });
    const final = await run.send(options);
    expect(final.at(0)).toMatchObject({ status: 'failed', code: 'UNCERTAIN', retryable: false, maybeDelivered: true });
    expect(final.at(0).message).toMatch(/May have been delivered/);
    expect(final.retryable).toBe(0);
    const again = await run.retryFailed();
    expect(vendor.log).toHaveLength(2);
    expect(again.at(0).code).toBe('UNCERTAIN');
  });

  it('reads an unexplained refusal as a plain failure when nothing was lost before it', async () => {
    const { run, options } = setup(2, { repeats: 'ambiguous', vendor: 'wix', existing: ['p0@example.com'] });
    const final = await run.send(options);
    expect(final.at(0)).toMatchObject({ status: 'failed', code: 'VENDOR_REJECTED', retryable: false });
  });

  it('keeps "already a member" skipped but says an earlier request may have done it', async () => {
    let calls = 0;
    const adapter: InviteAdapter = {
      vendor: 'athenahq',
      roles: ['viewer'],
      maxBatchSize: 1,
      async send(batch) {
        calls++;
        if (calls === 1) throw new InviteError('TIMEOUT', 'lost');
        return batch.map((i): AddressOutcome => ({ email: i.email, status: 'skipped', code: 'ALREADY_MEMBER', vendorMessage: 'User is already a member of this website' }));
      },
    };
    const run = createInviteRun(people(1), { clock: createVirtualClock(), random: () => 0 });
    const final = await run.send({ adapter, rateLimit: false });
    expect(final.at(0)).toMatchObject({ status: 'skipped', code: 'ALREADY_MEMBER' });
    expect(final.at(0).message).toMatch(/may be what made this address a member/);
  });
});

describe('stop, cancel, pause', () => {
  it('stops on an auth failure, leaves every unsent address pending, and resumes with a new adapter', async () => {
    let expired = true;
    const { run, options, vendor } = setup(10, {
      maxBatchSize: 1,
      fault: (request) => (expired && request.number >= 3 ? { kind: 'error', code: 'AUTH_FAILED' } : null),
    });
    const stopped = await run.send({ ...options, concurrency: 1 });
    expect(stopped.status).toBe('stopped');
    expect(stopped.stopReason).toEqual({ code: 'AUTH_FAILED', params: {}, message: 'The vendor refused the credentials.' });
    expect(stopped.counts).toEqual({ queued: 0, inFlight: 0, sent: 2, skipped: 0, failed: 0, pending: 8 });
    expect(vendor.log).toHaveLength(3);
    expect(stopped.at(2).maybeDelivered).toBeUndefined();

    expired = false;
    const renewed: InviteAdapter = { vendor: 'fake', roles: vendor.roles, maxBatchSize: 1, send: (batch, context) => vendor.send(batch, context) };
    const resumed = await run.send({ ...options, adapter: renewed, concurrency: 1 });
    expect(resumed.status).toBe('done');
    expect(resumed.counts.sent).toBe(10);
    expect(vendor.log).toHaveLength(11);
    expectNoResendAfterAnswer(vendor);
  });

  it('is no longer active when listeners hear the final status, so a listener may resume at once', async () => {
    let expired = true;
    const { run, options, vendor } = setup(4, {
      maxBatchSize: 1,
      fault: (request) => (expired && request.number === 2 ? { kind: 'error', code: 'AUTH_FAILED' } : null),
    });
    let resumed: Promise<unknown> | undefined;
    run.subscribe(() => {
      if (run.getSnapshot().status === 'stopped' && !resumed) {
        expired = false;
        resumed = run.send({ ...options, concurrency: 1 });
      }
    });
    await run.send({ ...options, concurrency: 1 });
    await until(() => resumed !== undefined);
    await resumed;
    expect(run.getSnapshot()).toMatchObject({ status: 'done', counts: { sent: 4 } });
    expect(vendor.log).toHaveLength(5);
  });

  it('lets sibling requests in flight finish when a stop comes', async () => {
    const { run, options, vendor } = setup(6, { maxBatchSize: 1, fault: on([1], { kind: 'error', code: 'FORBIDDEN' }) });
    const final = await run.send({ ...options, concurrency: 3 });
    expect(final.status).toBe('stopped');
    expect(vendor.log).toHaveLength(3);
    expect(final.counts).toMatchObject({ sent: 2, pending: 4, failed: 0 });
  });

  it('cancels through the signal: waits end, requests in flight abort, all unsent become pending', async () => {
    const controller = new AbortController();
    const { run, options, vendor } = setup(10, {
      maxBatchSize: 2,
      fault: (request) => {
        // Request 2 lands, then its answer never comes; the caller cancels as request 4 goes out.
        if (request.number === 2) return { kind: 'hang', landed: true };
        if (request.number === 4) controller.abort();
        return null;
      },
    });
    const final = await run.send({ ...options, concurrency: 2, signal: controller.signal });
    expect(final.status).toBe('cancelled');
    expect(final.counts).toMatchObject({ sent: 4, pending: 6, queued: 0, inFlight: 0 });
    expect(vendor.log.map((e) => e.result)).toEqual(['answered', 'ABORTED', 'answered', 'ABORTED']);
    // Both requests in flight at the cancel may have landed (request 2 did); batch 5 never went out.
    expect([2, 3, 6, 7, 8].map((i) => final.at(i).maybeDelivered)).toEqual([true, true, true, true, undefined]);

    const resumed = await run.send(options);
    expect(resumed.counts.sent).toBe(10);
    expect(resumed.outcomes.map((r) => r.code ?? '')).toEqual(['', '', 'CONFIRMED_ON_RETRY', 'CONFIRMED_ON_RETRY', '', '', '', '', '', '']);
    expect([...vendor.created.values()].every((count) => count === 1)).toBe(true);
    expectNoResendAfterAnswer(vendor);
  });

  it('cancels a run that is waiting out a backoff', async () => {
    const { run, options, clock } = setup(2, { fault: on([1], { kind: 'error', code: 'RATE_LIMITED', retryAfterMs: 60_000 }) });
    const sending = run.send(options);
    await until(() => clock.pendingTimers > 0 && run.getSnapshot().requests.rateLimited === 1);
    run.cancel();
    const final = await sending;
    expect(final.status).toBe('cancelled');
    expect(final.counts.pending).toBe(2);
    expect(final.at(0).maybeDelivered).toBeUndefined();
    expect(clock.pendingTimers).toBe(0);
  });

  it('is cancelled at once by a signal that is already aborted', async () => {
    const { run, options, vendor } = setup(4);
    const final = await run.send({ ...options, signal: AbortSignal.abort() });
    expect(final.status).toBe('cancelled');
    expect(final.counts.pending).toBe(4);
    expect(vendor.log).toHaveLength(0);
  });

  it('pauses: no new request starts, those in flight finish; resume sends the rest', async () => {
    let run!: InviteRun;
    const s = setup(10, { maxBatchSize: 1, fault: (request) => (request.number === 3 ? void run.pause() : null) });
    run = s.run;
    const sending = run.send({ ...s.options, concurrency: 2 });
    await until(() => s.vendor.inFlight === 0 && s.clock.pendingTimers === 0 && s.vendor.log.length === 3);
    const paused = run.getSnapshot();
    expect(paused.status).toBe('paused');
    expect(paused.counts).toMatchObject({ sent: 3, queued: 7, inFlight: 0 });
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(s.vendor.log).toHaveLength(3);

    run.resume();
    expect(run.getSnapshot().status).toBe('sending');
    const final = await sending;
    expect(final).toMatchObject({ status: 'done', counts: { sent: 10 } });
    expect(s.vendor.log).toHaveLength(10);
  });

  it('cancels a paused run', async () => {
    let run!: InviteRun;
    const s = setup(6, { maxBatchSize: 1, fault: (request) => (request.number === 2 ? void run.pause() : null) });
    run = s.run;
    const sending = run.send({ ...s.options, concurrency: 1 });
    await until(() => run.getSnapshot().counts.sent === 2);
    run.cancel();
    const final = await sending;
    expect(final.status).toBe('cancelled');
    expect(final.counts).toMatchObject({ sent: 2, pending: 4 });
  });

  it('refuses a second send (and retryFailed) while one runs, and never doubles a request', async () => {
    const { run, options, vendor } = setup(5, { maxBatchSize: 1 });
    const first = run.send(options);
    await expect(run.send(options)).rejects.toBeInstanceOf(RunActiveError);
    await expect(run.retryFailed()).rejects.toMatchObject({ code: 'RUN_ACTIVE' });
    const final = await first;
    expect(final.counts.sent).toBe(5);
    expect(vendor.log).toHaveLength(5);
    // Once done, sending again has nothing to do.
    await run.send(options);
    expect(vendor.log).toHaveLength(5);
  });
});

describe('retryFailed', () => {
  it('re-sends only failed addresses whose failure was retryable', async () => {
    let faulty = true;
    const { run, options, vendor } = setup(4, {
      maxBatchSize: 1,
      refuses: (email) => email === 'p2@example.com',
      fault: (request) => {
        if (!faulty) return null;
        if (request.emails[0] === 'p0@example.com') return { kind: 'error', code: 'SERVER_ERROR' };
        if (request.emails[0] === 'p1@example.com') return { kind: 'error', code: 'BAD_REQUEST' };
        return null;
      },
    });
    const first = await run.send({ ...options, concurrency: 1, retry: { maxAttempts: 2, baseDelayMs: 10 } });
    expect(first.outcomes.map((r) => [r.status, r.code, r.retryable])).toEqual([
      ['failed', 'SERVER_ERROR', true],
      ['failed', 'BAD_REQUEST', false],
      ['failed', 'VENDOR_REJECTED', false],
      ['sent', undefined, undefined],
    ]);
    expect(first.retryable).toBe(1);
    const before = vendor.log.length;

    faulty = false;
    const second = await run.retryFailed();
    expect(vendor.log.slice(before).map((e) => e.emails)).toEqual([['p0@example.com']]);
    expect(second.outcomes.map((r) => r.status)).toEqual(['sent', 'failed', 'failed', 'sent']);
    expect(second.at(0)).toMatchObject({ attempts: 3 });
    expect(second.retryable).toBe(0);
  });

  it('needs an adapter when the run never sent', async () => {
    const run = createInviteRun(people(1));
    await expect(run.retryFailed()).rejects.toThrow(/needs an adapter/);
  });
});

describe('a target that cannot be reached', () => {
  const connectFailed: FakeFault = { kind: 'error', code: 'CONNECT_FAILED' };

  it('retries a connection that was never made as safe, and never flags it maybe-delivered', async () => {
    const { run, options, vendor } = setup(2, { fault: () => connectFailed });
    const final = await run.send({ ...options, unreachableAfter: 0, retry: { maxAttempts: 3, baseDelayMs: 10 } });
    expect(vendor.log.map((entry) => entry.result)).toEqual(['CONNECT_FAILED', 'CONNECT_FAILED', 'CONNECT_FAILED']);
    expect(final.status).toBe('done');
    expect(final.at(0)).toMatchObject({ status: 'failed', code: 'CONNECT_FAILED', retryable: true, attempts: 3 });
    expect(final.at(0).maybeDelivered).toBeUndefined();
    expect(final.at(0).message).not.toMatch(/may have been delivered/);
    expect(final.retryable).toBe(2);
  });

  it('after a connect failure, an "already invited" answer is a skip, not a confirmed delivery', async () => {
    const { run, options } = setup(1, { existing: ['p0@example.com'], fault: on([1], connectFailed) });
    const final = await run.send(options);
    expect(final.at(0)).toMatchObject({ status: 'skipped', code: 'ALREADY_INVITED', attempts: 2 });
  });

  it('stops, everything pending, when the first 3 requests all failed to connect', async () => {
    const { run, options, vendor, clock } = setup(200, { maxBatchSize: 1, fault: () => connectFailed });
    const final = await run.send({ ...options, concurrency: 1, rateLimit: { requests: 1, per: 'minute' } });
    expect(final.status).toBe('stopped');
    expect(final.stopReason).toEqual({
      code: 'CONNECT_FAILED',
      params: { requests: 3 },
      message: 'The first 3 requests could not connect; nothing was sent.',
    });
    expect(final.counts).toEqual({ queued: 0, inFlight: 0, sent: 0, skipped: 0, failed: 0, pending: 200 });
    expect(vendor.log).toHaveLength(3);
    // Three requests at 1 a minute: minutes, not the 200 minutes (and backoffs) of the whole list.
    expect(clock.now()).toBeLessThan(3 * 60_000);
    for (let i = 0; i < 200; i++) expect(final.at(i).maybeDelivered).toBeUndefined();
  });

  it('stops with several workers too, counting the requests in the order they end', async () => {
    const { run, options, vendor } = setup(40, { maxBatchSize: 1, fault: () => connectFailed });
    const final = await run.send({ ...options, concurrency: 4 });
    expect(final).toMatchObject({ status: 'stopped', stopReason: { code: 'CONNECT_FAILED' }, counts: { pending: 40 } });
    expect(vendor.log.length).toBeLessThanOrEqual(4);
  });

  it('does not stop once a request got through: later connect failures are retried', async () => {
    const { run, options } = setup(6, { maxBatchSize: 1, fault: on([2, 3, 4, 5], connectFailed) });
    const final = await run.send({ ...options, concurrency: 1 });
    expect(final.status).toBe('done');
    expect(final.counts.sent).toBe(6);
  });

  it('does not stop when the first failures are not connect failures', async () => {
    const { run, options } = setup(1, { fault: (r) => (r.number === 1 ? { kind: 'error', code: 'SERVER_ERROR' } : r.number <= 4 ? connectFailed : null) });
    const final = await run.send(options);
    expect(final).toMatchObject({ status: 'done', counts: { sent: 1 } });
  });
});

describe('options are checked', () => {
  it.each([-1, Number.NaN])('refuses timeoutMs %s', async (timeoutMs) => {
    const { run, options } = setup(1);
    await expect(run.send({ ...options, timeoutMs })).rejects.toThrow(RangeError);
  });

  it('refuses a negative or fractional unreachableAfter', async () => {
    const { run, options } = setup(1);
    await expect(run.send({ ...options, unreachableAfter: -1 })).rejects.toThrow(RangeError);
    await expect(run.send({ ...options, unreachableAfter: 1.5 })).rejects.toThrow(RangeError);
  });

  it('honours a deadline past the timer limit (2^31-1 ms) instead of firing it at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const vendor = createFakeVendor({ fault: () => ({ kind: 'hang' }) });
      const run = createInviteRun(people(1));
      const done = run.send({ adapter: vendor, rateLimit: false, timeoutMs: 3_000_000_000 });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(run.getSnapshot().counts.inFlight).toBe(1);
      await vi.advanceTimersByTimeAsync(3_000_000_000);
      expect(run.getSnapshot().at(0).attempts).toBeGreaterThan(1);
      run.cancel();
      await vi.runAllTimersAsync();
      expect((await done).status).toBe('cancelled');
    } finally {
      vi.useRealTimers();
    }
  });

  it('adds one abort listener per worker, not one per waiting worker on a shared signal (no MaxListenersExceededWarning)', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const { run, options } = setup(64, { maxBatchSize: 1, latencyMs: 1 });
      const caller = new AbortController();
      const final = await run.send({ ...options, concurrency: 16, rateLimit: { requests: 100, per: 'second' }, signal: caller.signal });
      expect(final.counts.sent).toBe(64);
      // Warnings are emitted on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('adapters that break the contract', () => {
  it('fails the batch with ADAPTER_ERROR when the adapter throws something else, without retrying', async () => {
    let calls = 0;
    const adapter: InviteAdapter = {
      vendor: 'broken',
      roles: [],
      maxBatchSize: 10,
      send() {
        calls++;
        throw new TypeError('boom');
      },
    };
    const run = createInviteRun(people(2), { clock: createVirtualClock() });
    const final = await run.send({ adapter, rateLimit: false });
    expect(calls).toBe(1);
    expect(final.at(0)).toMatchObject({ status: 'failed', code: 'ADAPTER_ERROR', retryable: false });
    expect(final.at(0).message).toMatch(/boom/);
  });

  it('fails the batch when the adapter answers for the wrong number of invitees', async () => {
    const adapter: InviteAdapter = { vendor: 'short', roles: [], maxBatchSize: 10, send: async () => [] };
    const run = createInviteRun(people(2), { clock: createVirtualClock() });
    const final = await run.send({ adapter, rateLimit: false });
    expect(final.at(1)).toMatchObject({ status: 'failed', code: 'ADAPTER_ERROR', maybeDelivered: true });
  });
});

describe('serialize and restore', () => {
  it('resumes after a "reload" mid-request without sending anything twice', async () => {
    const oldClock = createVirtualClock();
    let saved: unknown;
    let run!: InviteRun;
    const vendor = createFakeVendor({
      clock: oldClock,
      maxBatchSize: 2,
      // No latency: the vendor must not run on either run's clock.
      latencyMs: 0,
      fault: (request) => {
        if (request.number !== 3) return null;
        // The page goes away while request 3 (which lands) is in flight.
        saved = JSON.parse(JSON.stringify(run.serialize()));
        return { kind: 'hang', landed: true };
      },
    });
    run = createInviteRun(people(9), { clock: oldClock });
    void run.send({ adapter: vendor, concurrency: 1, rateLimit: false, timeoutMs: 0 });
    await until(() => saved !== undefined && vendor.inFlight === 1);

    const clock = createVirtualClock();
    const restored = restoreInviteRun(saved, { clock });
    const before = restored.getSnapshot();
    expect(before.status).toBe('idle');
    expect(before.counts).toEqual({ queued: 3, inFlight: 0, sent: 4, skipped: 0, failed: 0, pending: 2 });
    expect([before.at(4).status, before.at(4).maybeDelivered]).toEqual(['pending', true]);
    expect(before.at(0)).toMatchObject({ status: 'sent', attempts: 1, vendorId: 'inv-p0@example.com' });
    expect(before.at(4)).toMatchObject({ attempts: 1 });

    const renewed: InviteAdapter = { vendor: 'fake', roles: [], maxBatchSize: 2, send: (batch, context) => vendor.send(batch, context) };
    const final = await restored.send({ adapter: renewed, rateLimit: false });
    expect(final.status).toBe('done');
    expect(final.counts.sent).toBe(9);
    expect(final.at(4).code).toBe('CONFIRMED_ON_RETRY');
    expect([...vendor.created.values()].every((count) => count === 1)).toBe(true);
    expect(vendor.created.size).toBe(9);
    // Addresses answered before the reload were never sent again.
    const after = vendor.log.slice(3).flatMap((e) => e.emails);
    expect(after).not.toContain('p0@example.com');
    expect(after).not.toContain('p3@example.com');
  });

  it('refuses something that is not a saved run', () => {
    expect(() => restoreInviteRun({ format: 'nope' })).toThrow(/Not a saved invite run: format/);
    expect(() => restoreInviteRun({ ...createInviteRun(people(2)).serialize(), records: [] })).toThrow(/0 records for 2 invitees/);
  });
});
