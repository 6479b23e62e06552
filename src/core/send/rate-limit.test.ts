import { describe, expect, it } from 'vitest';
import { canTakeNow, createRateLimiter, takeNow } from './rate-limit.ts';
import { createVirtualClock } from '../testing/virtual-clock.ts';

/** Times at which `n` takes, started together, were granted. */
async function grants(n: number, limiter: ReturnType<typeof createRateLimiter>, now: () => number): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(Array.from({ length: n }, () => limiter.take().then(() => times.push(now()))));
  return times;
}

describe('createRateLimiter', () => {
  it('spaces requests evenly at the rate, first come first served', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ requests: 20, per: 'second' }, clock);
    expect(await grants(5, limiter, clock.now)).toEqual([0, 50, 100, 150, 200]);
  });

  it('allows a burst after a quiet spell, then the rate', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ requests: 10, per: 'second', burst: 3 }, clock);
    expect(await grants(5, limiter, clock.now)).toEqual([0, 0, 0, 100, 200]);
  });

  it('reads per minute and per N ms', async () => {
    const clock = createVirtualClock();
    expect(await grants(3, createRateLimiter({ requests: 60, per: 'minute' }, clock), clock.now)).toEqual([0, 1000, 2000]);
    const other = createVirtualClock();
    expect(await grants(3, createRateLimiter({ requests: 2, per: 500 }, other), other.now)).toEqual([0, 250, 500]);
  });

  it('does not drift: a slow taker does not push the schedule back', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ requests: 10, per: 'second' }, clock);
    await limiter.take();
    await new Promise<void>((resolve) => clock.setTimer(resolve, 250));
    // Idle time is not banked beyond the burst (1): the next goes now, the one after 100 ms later.
    expect(await grants(2, limiter, clock.now)).toEqual([250, 350]);
  });

  it('holds everyone until a given time, with or without a rate', async () => {
    const clock = createVirtualClock();
    const unlimited = createRateLimiter(undefined, clock);
    unlimited.holdUntil(5000);
    unlimited.holdUntil(1000); // an earlier hold never shortens a later one
    expect(await grants(3, unlimited, clock.now)).toEqual([5000, 5000, 5000]);

    const limited = createRateLimiter({ requests: 10, per: 'second' }, clock);
    await limited.take(); // granted at 5000: the next two wait for 5100 and 5200
    const waiting = grants(2, limited, clock.now);
    limited.holdUntil(clock.now() + 2000);
    // A hold that comes while they wait still applies, and the rate resumes after it.
    expect(await waiting).toEqual([7000, 7100]);
  });

  it('stops waiting when the signal aborts', async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ requests: 1, per: 'minute' }, clock);
    await limiter.take();
    const controller = new AbortController();
    const waiting = limiter.take(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    expect(clock.pendingTimers).toBe(0);
  });

  it("grants at once only what take would grant at once, and keeps take's order (the engine's fast path)", async () => {
    const clock = createVirtualClock();
    const limiter = createRateLimiter({ requests: 10, per: 'second' }, clock);
    if (!canTakeNow(limiter)) throw new Error('our limiters grant synchronously');
    expect(limiter[takeNow]()).toBe(true);
    expect(limiter[takeNow]()).toBe(false); // the next slot is 100 ms away, and stays free
    const waiting = grants(1, limiter, clock.now);
    expect(limiter[takeNow]()).toBe(false); // the waiter reserved 100; a newcomer cannot jump it
    expect(await waiting).toEqual([100]);
    await new Promise<void>((resolve) => clock.setTimer(resolve, 100));
    expect(limiter[takeNow]()).toBe(true);
    limiter.holdUntil(clock.now() + 1000);
    expect(limiter[takeNow]()).toBe(false);

    const unlimited = createRateLimiter(undefined, clock);
    if (!canTakeNow(unlimited)) throw new Error('our limiters grant synchronously');
    expect([unlimited[takeNow](), unlimited[takeNow]()]).toEqual([true, true]);
    unlimited.holdUntil(clock.now() + 10);
    expect(unlimited[takeNow]()).toBe(false);
    expect(canTakeNow({ take: async () => {}, holdUntil: () => {} })).toBe(false);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => createRateLimiter({ requests: 0, per: 'second' })).toThrow(RangeError);
    expect(() => createRateLimiter({ requests: 5, per: -1 })).toThrow(RangeError);
  });
});
