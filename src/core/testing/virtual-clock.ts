/**
 * A clock for tests (and for hosts testing their own integration): time only moves when nothing else
 * can happen. Timers fire one at a time, in due order, each on its own macrotask, so the promise chains a
 * timer starts settle before the next one fires. Deterministic when all the work is in process.
 *
 * Real I/O (msw answering `fetch`) is invisible to the clock: wrap it with `track()` so time stands still
 * while it is outstanding, or a 30 s request deadline would fire before a 1 ms mock answers.
 */
import type { Clock } from '../send/clock.ts';

export interface VirtualClock extends Clock {
  /** Holds time still until `work` settles. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Timers not yet fired. */
  readonly pendingTimers: number;
}

export interface VirtualClockOptions {
  /** Starting time in ms. Default 0. */
  start?: number;
  /** Called with the new time whenever time moves (e.g. `vi.setSystemTime`, so mocks reading `Date.now()` agree). */
  onAdvance?: (now: number) => void;
}

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

const nextMacrotask: (run: () => void) => void =
  typeof globalThis.setImmediate === 'function' ? (run) => void globalThis.setImmediate(run) : (run) => void setTimeout(run, 0);

export function createVirtualClock(options: VirtualClockOptions = {}): VirtualClock {
  let now = options.start ?? 0;
  let seq = 0;
  let held = 0;
  let scheduled = false;
  // Few timers are ever pending at once (one per worker plus deadlines): a sorted array is enough.
  const timers: Timer[] = [];

  function schedule() {
    if (scheduled || held > 0 || timers.length === 0) return;
    scheduled = true;
    nextMacrotask(tick);
  }

  function tick() {
    scheduled = false;
    if (held > 0) return;
    const timer = timers.shift();
    if (!timer) return;
    if (timer.at > now) {
      now = timer.at;
      options.onAdvance?.(now);
    }
    timer.callback();
    schedule();
  }

  return {
    now: () => now,
    setTimer(callback, ms) {
      const timer: Timer = { at: now + Math.max(0, ms), seq: seq++, callback };
      let i = timers.length;
      while (i > 0 && timers[i - 1]!.at > timer.at) i--;
      timers.splice(i, 0, timer);
      schedule();
      return () => {
        const index = timers.indexOf(timer);
        if (index >= 0) timers.splice(index, 1);
      };
    },
    track(work) {
      held++;
      const release = () => {
        held--;
        schedule();
      };
      work.then(release, release);
      return work;
    },
    get pendingTimers() {
      return timers.length;
    },
  };
}
