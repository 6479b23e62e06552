/**
 * A token bucket for requests, shared by all of a run's workers (or by several runs against one
 * vendor account: pass the same limiter). Written as GCRA ("virtual scheduling"): each `take` reserves the
 * next free slot at once, so waiters are served in arrival order and the spacing never drifts.
 *
 * `holdUntil` is how a 429 reaches everyone: the vendor's limit is per account, so when one request is
 * told to wait, no worker should send before that time.
 */
import { sleep, systemClock, type Clock } from './clock.ts';

export interface RateLimit {
  /** Requests allowed per `per`. */
  requests: number;
  /** The window: a second, a minute, or a number of milliseconds. */
  per: 'second' | 'minute' | number;
  /**
   * Requests that may go back to back after a quiet spell. Default 1: evenly spaced, which also keeps
   * within any sliding-window limit of the same rate.
   */
  burst?: number;
}

export interface RateLimiter {
  /** Resolves when a request may go; rejects with the signal's reason if it aborts first. */
  take(signal?: AbortSignal): Promise<void>;
  /** No request before `time` (clock ms), whatever the bucket holds. */
  holdUntil(time: number): void;
}

/**
 * The engine's way past `take` when a request may go at once: true (and the slot is taken) when it may,
 * false (and nothing is taken) when it would have to wait. Only this module's limiters have it; the
 * engine awaits `take` on any other. Saves the promise `take` costs per request.
 */
export const takeNow: unique symbol = Symbol('takeNow');

export interface SyncRateLimiter extends RateLimiter {
  [takeNow](): boolean;
}

export function canTakeNow(limiter: RateLimiter): limiter is SyncRateLimiter {
  return typeof (limiter as Partial<SyncRateLimiter>)[takeNow] === 'function';
}

/**
 * How a run learns that every request is held (`holdUntil`), whoever asked for the hold: a limiter shared
 * by several runs holds them all on one run's 429. The listener is called with the time the hold ends,
 * at once if a hold is on now, and again whenever a hold starts or is extended. Returns the unsubscribe.
 * Only this module's limiters have it; the engine tracks its own holds on any other.
 */
export const watchHolds: unique symbol = Symbol('watchHolds');

export interface WatchedRateLimiter extends RateLimiter {
  [watchHolds](listener: (until: number) => void): () => void;
}

export function canWatchHolds(limiter: RateLimiter): limiter is WatchedRateLimiter {
  return typeof (limiter as Partial<WatchedRateLimiter>)[watchHolds] === 'function';
}

function windowMs(per: RateLimit['per']): number {
  if (per === 'second') return 1000;
  if (per === 'minute') return 60_000;
  return per;
}

/** `limit` undefined: no limit, but `holdUntil` still applies (a 429 still pauses everyone). */
export function createRateLimiter(limit?: RateLimit, clock: Clock = systemClock): RateLimiter {
  if (limit && !(limit.requests > 0 && windowMs(limit.per) > 0)) {
    throw new RangeError(`A rate limit needs a positive number of requests per positive window; got ${limit.requests} per ${limit.per}.`);
  }
  const interval = limit ? windowMs(limit.per) / limit.requests : 0;
  const tolerance = limit ? (Math.max(1, Math.floor(limit.burst ?? 1)) - 1) * interval : 0;
  // Theoretical arrival time of the next request.
  let tat = Number.NEGATIVE_INFINITY;
  let heldUntil = Number.NEGATIVE_INFINITY;
  const watchers = new Set<(until: number) => void>();

  const limiter: SyncRateLimiter & WatchedRateLimiter = {
    async take(signal) {
      for (;;) {
        if (signal?.aborted) throw signal.reason;
        let now = clock.now();
        if (heldUntil > now) {
          await sleep(clock, heldUntil - now, signal);
          continue;
        }
        if (!limit) return;
        const due = Math.max(tat, now);
        tat = due + interval;
        const wait = due - tolerance - now;
        if (wait > 0) await sleep(clock, wait, signal);
        now = clock.now();
        // A hold that arrived while we waited wins; the slot we reserved is simply left unused.
        if (heldUntil <= now) return;
      }
    },
    holdUntil(time) {
      if (!(time > heldUntil)) return;
      heldUntil = time;
      for (const watcher of [...watchers]) watcher(time);
    },
    [watchHolds](listener) {
      watchers.add(listener);
      if (heldUntil > clock.now()) listener(heldUntil);
      return () => void watchers.delete(listener);
    },
    [takeNow]() {
      if (!limit && heldUntil === Number.NEGATIVE_INFINITY) return true;
      const now = clock.now();
      if (heldUntil > now) return false;
      if (!limit) return true;
      const due = Math.max(tat, now);
      if (due - tolerance > now) return false;
      tat = due + interval;
      return true;
    },
  };
  return limiter;
}
