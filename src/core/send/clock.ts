/**
 * Time as the sending engine sees it. Every wait (backoff, rate limit, request deadline) goes through a
 * `Clock`, so tests swap in a virtual one and run a minute of retries in a few milliseconds.
 */

export interface Clock {
  /** Milliseconds since the epoch (or any fixed origin: only differences matter to the engine). */
  now(): number;
  /** Calls `callback` once after `ms`. Returns a function that cancels it (a no-op once fired). */
  setTimer(callback: () => void, ms: number): () => void;
}

/**
 * The longest delay one `setTimeout` can hold: browsers and Node store it as a signed 32-bit integer, and
 * a longer one fires after 1 ms instead (Node: TimeoutOverflowWarning; see the setTimeout docs of Node and
 * of the HTML standard's timers).
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    // Longer waits are chained, so a long deadline or Retry-After is honoured rather than cut to 1 ms.
    let id: ReturnType<typeof setTimeout>;
    const due = Date.now() + Math.max(0, ms);
    const arm = (left: number) => {
      id = setTimeout(() => {
        const rest = due - Date.now();
        if (rest > 0 && left > MAX_TIMER_MS) arm(rest);
        else callback();
      }, Math.min(Math.max(0, left), MAX_TIMER_MS));
    };
    arm(Math.max(0, ms));
    return () => clearTimeout(id);
  },
};

/** Waits `ms` on `clock`; rejects with the signal's reason as soon as `signal` aborts. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0 && !signal) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      cancel();
      reject(signal!.reason);
    };
    const cancel = clock.setTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The reason a request deadline aborts with: the name `fetch` and the adapters read as a timeout. */
export function timeoutReason(ms: number): DOMException {
  return new DOMException(`No answer within ${ms} ms.`, 'TimeoutError');
}
