/**
 * The run's `waiting` while a pass is held by the vendor's rate limit: set when a 429's wait hint holds
 * every request (`RateLimiter.holdUntil`), moved later when another extends it, cleared when the hold
 * ends (a timer at its end) or the pass ends. A UI reads it to say "Paused by the rate limit — resuming
 * in N s" and count down from `until`.
 */
import type { Clock } from './clock.ts';
import type { RunStore } from './run-store.ts';

export interface WaitingWatch {
  /** Every request is held until `until` (clock ms). Ignored once closed, or when it is already over. */
  held(until: number): void;
  /** The pass ended (or was halted): clears `waiting` for good. */
  close(): void;
}

export function createWaitingWatch(store: Pick<RunStore, 'setWaiting'>, clock: Clock): WaitingWatch {
  let until = Number.NEGATIVE_INFINITY;
  let cancelTimer: (() => void) | undefined;
  let closed = false;

  function clear() {
    cancelTimer?.();
    cancelTimer = undefined;
    until = Number.NEGATIVE_INFINITY;
    store.setWaiting(undefined);
  }

  return {
    held(time) {
      const now = clock.now();
      if (closed || time <= now || time <= until) return;
      until = time;
      store.setWaiting({ reason: 'RATE_LIMITED', until: time });
      cancelTimer?.();
      cancelTimer = clock.setTimer(() => {
        cancelTimer = undefined;
        if (clock.now() >= until) clear();
      }, time - now);
    },
    close() {
      if (closed) return;
      closed = true;
      clear();
    },
  };
}
