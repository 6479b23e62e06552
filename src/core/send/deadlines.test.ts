/**
 * The per-request deadlines on one timer, and the lanes that share a signal between a worker's requests.
 */
import { describe, expect, it } from 'vitest';
import type { InviteAdapter, Invitee, SendContext } from '../contract.ts';
import { createVirtualClock } from '../testing/virtual-clock.ts';
import { createLane, SIGNAL_REUSES } from './attempt.ts';
import { createDeadlines } from './deadlines.ts';
import { createInviteRun } from './run.ts';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('deadlines', () => {
  it('expires each request its timeout after it started, in order, on one timer', async () => {
    const clock = createVirtualClock();
    const deadlines = createDeadlines(clock, 100);
    const expired: [string, number][] = [];
    const target = (name: string) => ({ expire: () => expired.push([name, clock.now()]) });
    deadlines.start(target('a'));
    clock.setTimer(() => {
      deadlines.start(target('b'));
      deadlines.start(target('c'));
    }, 30);
    expect(clock.pendingTimers).toBe(2);
    for (let i = 0; i < 5; i++) await settle();
    expect(expired).toEqual([
      ['a', 100],
      ['b', 130],
      ['c', 130],
    ]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('never expires a cleared one, and moves on to the oldest still running', async () => {
    const clock = createVirtualClock();
    const deadlines = createDeadlines(clock, 100);
    const expired: string[] = [];
    const a = deadlines.start({ expire: () => expired.push('a') });
    clock.setTimer(() => void deadlines.start({ expire: () => expired.push(`b@${clock.now()}`) }), 50);
    deadlines.clear(a);
    for (let i = 0; i < 5; i++) await settle();
    expect(expired).toEqual(['b@150']);
  });

  it('close cancels the timer and every deadline', async () => {
    const clock = createVirtualClock();
    const deadlines = createDeadlines(clock, 100);
    const expired: string[] = [];
    deadlines.start({ expire: () => expired.push('a') });
    deadlines.close();
    expect(clock.pendingTimers).toBe(0);
    for (let i = 0; i < 3; i++) await settle();
    expect(expired).toEqual([]);
  });

  it('needs one timer however many requests come and go', () => {
    const clock = createVirtualClock();
    const deadlines = createDeadlines(clock, 100);
    const started = Array.from({ length: 4 }, () => deadlines.start({ expire: () => {} }));
    for (let i = 0; i < 10_000; i++) {
      deadlines.clear(started.shift()!);
      started.push(deadlines.start({ expire: () => {} }));
    }
    // One timer for all of them.
    expect(clock.pendingTimers).toBe(1);
    deadlines.close();
  });
});

describe('lanes', () => {
  const people: Invitee[] = [{ email: 'a@example.com' }];
  function recording(answer: (context: SendContext) => Promise<unknown>) {
    const contexts: SendContext[] = [];
    const adapter: InviteAdapter = {
      vendor: 'rec',
      roles: [],
      maxBatchSize: 1,
      send: (_batch, context) => {
        contexts.push(context!);
        return answer(context!) as never;
      },
    };
    return { adapter, contexts };
  }

  it(`hands one signal to at most ${SIGNAL_REUSES} requests in a row, and a fresh one after an abort`, async () => {
    const { adapter, contexts } = recording(async () => [{ email: 'a@example.com', status: 'sent' }]);
    const lane = createLane(undefined, 0);
    for (let i = 0; i < SIGNAL_REUSES + 1; i++) expect(await lane.send(adapter, people, `k${i}`)).toMatchObject({ ok: true });
    const signals = contexts.map((c) => c.signal);
    expect(new Set(signals.slice(0, SIGNAL_REUSES)).size).toBe(1);
    expect(signals[SIGNAL_REUSES]).not.toBe(signals[0]);

    const hanging = recording(() => new Promise(() => {}));
    const sending = lane.send(hanging.adapter, people, 'k');
    lane.abort(new DOMException('Cancelled.', 'AbortError'));
    expect(await sending).toEqual({ ok: false, failure: { code: 'ABORTED', params: {} } });
    expect(hanging.contexts[0]!.signal!.aborted).toBe(true);
    await lane.send(adapter, people, 'next');
    expect(contexts.at(-1)!.signal!.aborted).toBe(false);
    expect(contexts.at(-1)!.signal).not.toBe(hanging.contexts[0]!.signal);
  });

  it('times out a request that ignores its signal, and an answer arriving later changes nothing', async () => {
    const clock = createVirtualClock();
    let answer!: (outcomes: unknown) => void;
    const { adapter, contexts } = recording(() => new Promise((resolve) => (answer = resolve)));
    const lane = createLane(createDeadlines(clock, 250), 250);
    const result = await lane.send(adapter, people, 'k');
    expect(result).toEqual({ ok: false, failure: { code: 'TIMEOUT', params: { timeoutMs: 250 } } });
    expect(clock.now()).toBe(250);
    expect((contexts[0]!.signal!.reason as Error).name).toBe('TimeoutError');
    answer([{ email: 'a@example.com', status: 'sent' }]);
    await settle();
    expect(clock.pendingTimers).toBe(0);
  });

  it('reads a throw, a rejection and a wrong answer into failures', async () => {
    const lane = createLane(undefined, 0);
    const throwing: InviteAdapter = { vendor: 'x', roles: [], maxBatchSize: 1, send: () => { throw new Error('boom'); } };
    expect(await lane.send(throwing, people, 'k')).toMatchObject({ ok: false, failure: { code: 'ADAPTER_ERROR' } });
    const rejecting = recording(() => Promise.reject(Object.assign(new Error('down'), { code: 'SERVER_ERROR' })));
    expect(await lane.send(rejecting.adapter, people, 'k')).toEqual({ ok: false, failure: { code: 'SERVER_ERROR', params: {} } });
    const short = recording(async () => []);
    expect(await lane.send(short.adapter, people, 'k')).toEqual({
      ok: false,
      failure: { code: 'ADAPTER_ERROR', params: { reason: 'WRONG_COUNT', expected: 1, got: 0 } },
    });
  });

  it('never piles up abort listeners an adapter leaves on its signal (no MaxListenersExceededWarning)', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const adapter: InviteAdapter = {
        vendor: 'careless',
        roles: [],
        maxBatchSize: 1,
        async send(batch, context) {
          // Added per request and never removed: harmless with a signal per request.
          context?.signal?.addEventListener('abort', () => {});
          return batch.map((invitee) => ({ email: invitee.email, status: 'sent' as const }));
        },
      };
      const invitees = Array.from({ length: 100 }, (_, i) => ({ email: `p${i}@example.com` }));
      const final = await createInviteRun(invitees).send({ adapter, concurrency: 1, rateLimit: false });
      expect(final.counts.sent).toBe(100);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
