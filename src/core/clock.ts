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

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    const id = setTimeout(callback, Math.max(0, ms));
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
