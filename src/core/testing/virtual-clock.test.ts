import { describe, expect, it } from 'vitest';
import { sleep, systemClock, timeoutReason } from '../send/clock.ts';
import { createVirtualClock } from './virtual-clock.ts';

describe('sleep', () => {
  it('waits on the clock and stops early with the abort reason', async () => {
    const clock = createVirtualClock({ start: 1000 });
    await sleep(clock, 250);
    expect(clock.now()).toBe(1250);
    const controller = new AbortController();
    const waiting = sleep(clock, 10_000, controller.signal);
    controller.abort(timeoutReason(5));
    await expect(waiting).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(clock.pendingTimers).toBe(0);
    await expect(sleep(clock, 1, AbortSignal.abort('gone'))).rejects.toBe('gone');
  });

  it('runs on the system clock for a few milliseconds', async () => {
    const before = Date.now();
    await sleep(systemClock, 2);
    expect(Date.now()).toBeGreaterThanOrEqual(before + 1);
  });
});

describe('createVirtualClock', () => {
  it('fires timers in due order (ties in the order set) and reports each move', async () => {
    const moves: number[] = [];
    const clock = createVirtualClock({ onAdvance: (now) => moves.push(now) });
    const fired: string[] = [];
    clock.setTimer(() => fired.push('b@300'), 300);
    clock.setTimer(() => fired.push('a@100'), 100);
    clock.setTimer(() => fired.push('c@300'), 300);
    const cancel = clock.setTimer(() => fired.push('never'), 200);
    cancel();
    await sleep(clock, 400);
    expect(fired).toEqual(['a@100', 'b@300', 'c@300']);
    expect(moves).toEqual([100, 300, 400]);
  });

  it('lets the work a timer starts settle before the next timer fires', async () => {
    const clock = createVirtualClock();
    const log: string[] = [];
    clock.setTimer(() => {
      log.push('first');
      void Promise.resolve().then(() => log.push('first settled'));
    }, 10);
    clock.setTimer(() => log.push('second'), 10);
    await sleep(clock, 20);
    expect(log).toEqual(['first', 'first settled', 'second']);
  });

  it('stands still while tracked work is outstanding', async () => {
    const clock = createVirtualClock();
    let release!: () => void;
    const outside = clock.track(new Promise<void>((resolve) => (release = resolve)));
    let fired = false;
    clock.setTimer(() => (fired = true), 30_000);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(fired).toBe(false);
    expect(clock.now()).toBe(0);
    release();
    await outside;
    await sleep(clock, 30_000);
    expect(fired).toBe(true);
  });
});
