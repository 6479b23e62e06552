/**
 * The sending run: a result store plus the actions that drive it. One run per list of invitees; it
 * sends, pauses, resumes, cancels, retries what failed for a retryable reason, and serialises itself so
 * a host can resume after a reload. Only one pass runs at a time: a second `send` while one runs is
 * refused, so a double click can never send twice.
 *
 * ```ts
 * const run = createInviteRun(inviteesFromRows(result.rows));
 * const unsubscribe = run.subscribe(() => render(run.getSnapshot()));
 * const final = await run.send({ adapter, signal, rateLimit: { requests: 20, per: 'second' } });
 * ```
 */
import type { InviteAdapter, InviteErrorCode, Invitee } from '../contract.ts';
import { systemClock, type Clock } from './clock.ts';
import { dispatch, type Dispatch } from './dispatch.ts';
import { readSerializedRun, serializeRun, type SerializedRun } from './persist.ts';
import { createRateLimiter, type RateLimit, type RateLimiter } from './rate-limit.ts';
import { retryPolicy, type RetryPolicy } from './retry.ts';
import { createRunStore, type RunSnapshot, type RunStore } from './run-store.ts';
import type { RunErrorParams } from './result-codes.ts';
import { formatMessage } from '../messages/format.ts';

export interface SendOptions {
  /** Where the invitations go. A later `send` may pass another one (e.g. with renewed credentials). */
  adapter: InviteAdapter;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /**
   * Requests per second or minute (token bucket), or a limiter shared with other runs, or `false` for
   * none. Default: the adapter's documented limit (`InviteAdapter.rateLimit`: Wix 200 a minute, AthenaHQ
   * 60 a minute), else 10 per second. A 429's wait hint holds every worker either way.
   */
  rateLimit?: RateLimit | RateLimiter | false;
  /** Default: 5 attempts, backoff from 1 s capped at 30 s, full jitter, Retry-After up to 5 min honoured. */
  retry?: Partial<RetryPolicy>;
  /** Per-request deadline in ms (combined with cancel). Default 30,000; 0 (or Infinity) for none. */
  timeoutMs?: number;
  /** A smaller batch size than the adapter's maximum. */
  maxBatchSize?: number;
  /** Aborting it cancels the pass, like `cancel()`. */
  signal?: AbortSignal;
  /**
   * Whole-request failures that stop the pass, leaving unsent addresses `pending`. Default AUTH_FAILED,
   * FORBIDDEN and NOT_FOUND: wrong credentials, permissions or target fail every request alike.
   */
  stopOn?: readonly InviteErrorCode[];
  /**
   * Stops the pass (`stopped`, reason `CONNECT_FAILED`, unsent addresses `pending`) when its first this
   * many requests to end all failed to connect (`CONNECT_FAILED`: refused, unknown host, unreachable) and
   * none got through: the target is down or its URL is wrong, and backing off through the whole list
   * would take hours at a vendor's rate. Later connect failures are retried like any network error.
   * Default 3; 0 never stops for this.
   */
  unreachableAfter?: number;
  /**
   * Whether the vendor's per-address refusals can mean "already invited" without saying so, which after
   * an unanswered request makes them `UNCERTAIN` rather than failed. Default: what the adapter declares
   * (`refusalsMayBeRepeats`; the Wix adapter does, the vendors that name repeats do not: vendors.md §5).
   */
  ambiguousRefusals?: boolean;
}

export interface RunOptions {
  /** Time for waits, deadlines and timestamps. Default the system clock. */
  clock?: Clock;
  /** For backoff jitter, in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** How listener calls are batched. Default once per microtask. */
  schedule?: (flush: () => void) => void;
}

export interface InviteRun {
  subscribe(listener: () => void): () => void;
  /** Immutable; the same object until something changes. */
  getSnapshot(): RunSnapshot;
  /** Plain JSON; `restoreInviteRun` reads it back. */
  serialize(): SerializedRun;
  /** Sends every `queued` and `pending` address. Rejects with `RunActiveError` while a pass runs. */
  send(options: SendOptions): Promise<RunSnapshot>;
  /**
   * Sends again only the addresses that failed for a retryable reason (network, timeout, 5xx, 429).
   * Options default to the last `send`'s; pass `adapter` when the run was restored.
   */
  retryFailed(options?: Partial<SendOptions>): Promise<RunSnapshot>;
  /**
   * Starts no new request until `resume()`; requests in flight finish. The status is `paused` meanwhile
   * (a vendor's rate limit never pauses the run: it shows as `waiting`).
   */
  pause(): void;
  resume(): void;
  /** Ends the pass: waits end, requests in flight are aborted, everything unsent becomes `pending`. */
  cancel(reason?: unknown): void;
}

/** Thrown (as a rejection) by `send` / `retryFailed` while a pass is running. `message`: `runError.RUN_ACTIVE` in English. */
export class RunActiveError extends Error {
  override readonly name = 'RunActiveError';
  readonly code = 'RUN_ACTIVE';
  readonly params: RunErrorParams['RUN_ACTIVE'] = {};
  constructor() {
    super(formatMessage('runError.RUN_ACTIVE', {}));
  }
}

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_RATE_LIMIT: Readonly<RateLimit> = Object.freeze({ requests: 10, per: 'second' });
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_STOP_ON: readonly InviteErrorCode[] = Object.freeze(['AUTH_FAILED', 'FORBIDDEN', 'NOT_FOUND']);
export const DEFAULT_UNREACHABLE_AFTER = 3;

/**
 * 128 random bits as a UUID (version 4 layout). `crypto.randomUUID` exists only in secure contexts, so
 * `getRandomValues` (everywhere, Web Workers included) is the fallback; `Math.random` the last resort.
 */
function randomId(): string {
  const crypto = (globalThis as { crypto?: Partial<Crypto> }).crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const isLimiter = (value: unknown): value is RateLimiter =>
  typeof value === 'object' && value !== null && typeof (value as RateLimiter).take === 'function';

export function createInviteRun(invitees: readonly Invitee[], options: RunOptions = {}): InviteRun {
  return runOver(createRunStore(invitees, undefined, options.schedule ? { schedule: options.schedule } : {}), options);
}

/** A run from `serialize()`'s output: what was in flight is `pending` (maybe delivered); `send` resumes it. */
export function restoreInviteRun(saved: unknown, options: RunOptions = {}): InviteRun {
  const { invitees, state } = readSerializedRun(saved);
  return runOver(createRunStore(invitees, state, options.schedule ? { schedule: options.schedule } : {}), options);
}

function runOver(store: RunStore, options: RunOptions): InviteRun {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  let active: Dispatch | undefined;
  let last: Omit<SendOptions, 'signal'> | undefined;
  // Idempotency keys: `${runId}-${pass}-${batch}`, so no two requests of any run share one unless
  // they are attempts of the same batch.
  const runId = randomId();
  let passes = 0;

  function start(targets: number[], given: SendOptions): Promise<RunSnapshot> {
    if (active) return Promise.reject(new RunActiveError());
    const concurrency = given.concurrency ?? DEFAULT_CONCURRENCY;
    if (!(Number.isInteger(concurrency) && concurrency >= 1)) {
      return Promise.reject(new RangeError(`concurrency must be a whole number ≥ 1; got ${concurrency}.`));
    }
    const timeoutMs = given.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs < 0) {
      return Promise.reject(new RangeError(`timeoutMs must be a number of milliseconds ≥ 0 (0 for none); got ${timeoutMs}.`));
    }
    const unreachableAfter = given.unreachableAfter ?? DEFAULT_UNREACHABLE_AFTER;
    if (!(Number.isInteger(unreachableAfter) && unreachableAfter >= 0)) {
      return Promise.reject(new RangeError(`unreachableAfter must be a whole number ≥ 0; got ${unreachableAfter}.`));
    }
    // Remembered for retryFailed, minus the signal: a later pass must not inherit an old cancel.
    const { signal: _signal, ...reusable } = given;
    last = reusable;
    if (targets.length === 0) {
      store.setStatus(store.getSnapshot().counts.pending > 0 ? store.status : 'done');
      return Promise.resolve(store.getSnapshot());
    }
    let limiter: RateLimiter;
    let pass: Dispatch;
    try {
      limiter = isLimiter(given.rateLimit)
        ? given.rateLimit
        : createRateLimiter(given.rateLimit === false ? undefined : (given.rateLimit ?? given.adapter.rateLimit ?? DEFAULT_RATE_LIMIT), clock);
      pass = dispatch(store, targets, {
        adapter: given.adapter,
        concurrency,
        limiter,
        policy: retryPolicy(given.retry),
        timeoutMs,
        idempotencyPrefix: `${runId}-${++passes}`,
        ...(given.maxBatchSize === undefined ? {} : { maxBatchSize: given.maxBatchSize }),
        stopOn: new Set(given.stopOn ?? DEFAULT_STOP_ON),
        unreachableAfter,
        ambiguousRefusals: given.ambiguousRefusals ?? given.adapter.refusalsMayBeRepeats === true,
        clock,
        random,
        ...(given.signal ? { signal: given.signal } : {}),
        onEnd: () => {
          if (active === pass) active = undefined;
        },
      });
      active = pass;
    } catch (error) {
      return Promise.reject(error);
    }
    return pass.done.then(() => store.getSnapshot());
  }

  /** Indexes whose record matches, in input order. */
  function select(match: (status: string, retryable: boolean) => boolean): number[] {
    const snapshot = store.getSnapshot();
    const found: number[] = [];
    for (let i = 0; i < snapshot.total; i++) {
      const record = snapshot.at(i);
      if (match(record.status, record.retryable === true)) found.push(i);
    }
    return found;
  }

  return {
    subscribe: (listener) => store.subscribe(listener),
    getSnapshot: () => store.getSnapshot(),
    serialize: () => serializeRun(store.getSnapshot()),
    send(given) {
      if (active) return Promise.reject(new RunActiveError());
      return start(select((status) => status === 'queued' || status === 'pending'), given);
    },
    retryFailed(given = {}) {
      if (active) return Promise.reject(new RunActiveError());
      const merged = { ...last, ...given } as Partial<SendOptions>;
      if (!merged.adapter) return Promise.reject(new TypeError('retryFailed needs an adapter: this run has not sent before.'));
      return start(select((status, retryable) => status === 'failed' && retryable), merged as SendOptions);
    },
    pause: () => active?.pause(),
    resume: () => active?.resume(),
    cancel: (reason) => active?.cancel(reason),
  };
}
