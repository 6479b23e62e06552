/**
 * The per-request deadlines of one pass, on one timer. Every request of a pass gets the same timeout, so
 * deadlines fall due in the order the requests started: a queue, and a single clock timer armed for the
 * oldest request still out, replace a timer set and cleared per request (at batch size 1 that pair cost
 * more than the rest of the engine's work on a request). A clock set back meanwhile can only delay a
 * later request's deadline until the one before it fires.
 *
 * Finished requests are only marked; the timer, when it fires, skips them and arms itself for the oldest
 * request still out, if any. It is left armed when the last request out finishes, since the next one
 * usually starts at once (workers in step finish together: cancelling and re-arming there cost one
 * timer per round of requests): an idle pass may hold it until it fires, at most one timeout later.
 * `close` cancels it when the pass ends.
 */
import type { Clock } from './clock.ts';

/** What a deadline ends. */
export interface Expiring {
  expire(): void;
}

/** One request's deadline: its `expire` is called once it is due, unless `clear` came first. */
export interface Deadline {
  readonly due: number;
  /** Undefined once expired or cleared. */
  expire: Expiring | undefined;
}

export interface Deadlines {
  /** Starts a deadline `timeoutMs` from now. */
  start(target: Expiring): Deadline;
  /** The request ended first: its deadline will not fire. */
  clear(deadline: Deadline): void;
  /** The pass has ended: no deadline fires any more, and the timer is cancelled. */
  close(): void;
}

/** Queued deadlines from this many finished ones on are dropped in one go, not one by one. */
const COMPACT_AFTER = 1024;

export function createDeadlines(clock: Clock, timeoutMs: number): Deadlines {
  const queue: Deadline[] = [];
  let head = 0;
  let armed: Deadline | undefined;
  let cancelTimer: (() => void) | undefined;
  let firing = false;

  function arm(deadline: Deadline) {
    armed = deadline;
    cancelTimer = clock.setTimer(fire, Math.max(0, deadline.due - clock.now()));
  }

  function skipFinished() {
    while (head < queue.length && queue[head]!.expire === undefined) head++;
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    } else if (head >= COMPACT_AFTER && head * 2 >= queue.length) {
      queue.splice(0, head);
      head = 0;
    }
  }

  function fire() {
    // The deadline the timer was armed for is due whatever `now` says (a timer may run a little early).
    const first = armed;
    armed = undefined;
    cancelTimer = undefined;
    firing = true;
    try {
      const now = clock.now();
      while (head < queue.length) {
        const deadline = queue[head]!;
        const { expire } = deadline;
        if (expire !== undefined && deadline !== first && deadline.due > now) break;
        head++;
        if (expire !== undefined) {
          deadline.expire = undefined;
          expire.expire();
        }
      }
    } finally {
      firing = false;
    }
    skipFinished();
    if (head < queue.length && armed === undefined) arm(queue[head]!);
  }

  return {
    start(target) {
      const deadline: Deadline = { due: clock.now() + timeoutMs, expire: target };
      queue.push(deadline);
      if (armed === undefined && !firing) arm(deadline);
      return deadline;
    },
    clear(deadline) {
      if (deadline.expire === undefined) return;
      deadline.expire = undefined;
      if (!firing && deadline === queue[head]) skipFinished();
    },
    close() {
      cancelTimer?.();
      armed = undefined;
      cancelTimer = undefined;
      for (let i = head; i < queue.length; i++) queue[i]!.expire = undefined;
      queue.length = 0;
      head = 0;
    },
  };
}
