/**
 * One pass of sending over a set of addresses: plan the batches, run them on a few workers under the
 * rate limiter, retry what is safe to retry, and leave every address in the store in exactly one state.
 *
 * Three ways a pass ends early, each leaving unsent addresses `pending` (resumable), never `failed`
 * (the final status is published once the pass has ended, never while a request is still out):
 * - cancel (the caller's signal or `cancel()`): waits end and requests in flight are aborted;
 * - stop (an auth failure, by default also 403/404): no new request starts, waits end, requests in flight
 *   finish and keep their answers (a sibling's 401 says nothing about them);
 * - pause only holds new requests back; it ends nothing.
 *
 * A stop also comes when the target is unreachable: the pass's first requests all failed to connect
 * (`CONNECT_FAILED`) before any got through, so backing off through the whole list would only take hours.
 */
import type { InviteAdapter, InviteErrorCode } from '../contract.ts';
import { formatMessage } from '../messages/format.ts';
import { createLane, type Lane } from './attempt.ts';
import { sleep, type Clock } from './clock.ts';
import { createDeadlines } from './deadlines.ts';
import { answered, mayHaveLanded, unanswered, type Failure } from './delivery.ts';
import { planSome, type Batch } from './plan.ts';
import { canTakeNow, canWatchHolds, takeNow, watchHolds, type RateLimiter } from './rate-limit.ts';
import type { StopReason, UnreachableParams } from './result-codes.ts';
import { isRetryable, retryDelay, type RetryPolicy } from './retry.ts';
import type { RecordChanges, RunStore } from './run-store.ts';
import { createWaitingWatch } from './waiting.ts';

export interface DispatchSettings {
  adapter: InviteAdapter;
  concurrency: number;
  limiter: RateLimiter;
  policy: RetryPolicy;
  /** Per-request deadline in ms; 0 or Infinity for none. */
  timeoutMs: number;
  /**
   * Unique to this pass (run id and pass number): batch `i` is sent with the idempotency key
   * `${idempotencyPrefix}-${i}` on every attempt.
   */
  idempotencyPrefix: string;
  maxBatchSize?: number;
  /** Whole-request failures that end the pass (the credentials or the target are wrong for every request). */
  stopOn: ReadonlySet<string>;
  /** Stop when this many requests, the pass's first to end, all failed to connect; 0 never. */
  unreachableAfter: number;
  ambiguousRefusals: boolean;
  clock: Clock;
  random: () => number;
  signal?: AbortSignal;
  /** Called as the pass ends, before the final status is published (so listeners may start another). */
  onEnd?: () => void;
}

export interface Dispatch {
  pause(): void;
  resume(): void;
  cancel(reason?: unknown): void;
  /** Settles when every address of the pass is final or pending; never rejects. */
  readonly done: Promise<void>;
}

const FIRST_REQUEST = Object.freeze({ made: 1, batches: 1 });
const RETRY_REQUEST = Object.freeze({ made: 1 });

const cancelledReason = () => new DOMException('The run was cancelled.', 'AbortError');

// The params of a pending address's `pending.CODE`, shared by all of them.
const MAYBE_DELIVERED = Object.freeze({ maybeDelivered: true });
const NOT_DELIVERED = Object.freeze({});

export function dispatch(store: RunStore, targets: readonly number[], settings: DispatchSettings): Dispatch {
  const { adapter, clock, limiter, policy } = settings;
  const cancelled = new AbortController();
  // Set on stop as well as on cancel. Waits (rate limit, backoff) listen to their worker's own signal,
  // which halting aborts: one listener per worker at a time, however many workers (a signal shared by
  // all of them would collect one listener per waiting worker).
  const halted = new AbortController();
  // `halted.signal.aborted`, read on every request without the getter's cost.
  let isHalted = false;
  const workerSignals = new Set<AbortController>();
  let stopReason: StopReason | undefined;
  let paused = false;
  let unpause: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  // The snapshot's `waiting` while the limiter holds every request (a 429's wait hint).
  const waiting = createWaitingWatch(store, clock);
  const watchesHolds = canWatchHolds(limiter);

  const openGate = () => {
    paused = false;
    unpause?.();
    unpause = undefined;
    gate = undefined;
  };
  const halt = () => {
    isHalted = true;
    halted.abort();
    for (const worker of workerSignals) worker.abort(halted.signal.reason);
    openGate();
    waiting.close();
  };
  // One lane per worker, for its requests; a cancel aborts the request in flight on each.
  const lanes: Lane[] = [];
  const deadlines = settings.timeoutMs > 0 && Number.isFinite(settings.timeoutMs) ? createDeadlines(clock, settings.timeoutMs) : undefined;
  cancelled.signal.addEventListener('abort', () => {
    halt();
    for (const lane of lanes) lane.abort(cancelled.signal.reason);
  });
  const onCallerAbort = () => cancelled.abort(settings.signal!.reason);
  settings.signal?.addEventListener('abort', onCallerAbort, { once: true });

  function stop(code: InviteErrorCode, params: UnreachableParams) {
    if (stopReason || cancelled.signal.aborted) return;
    const reason = { code, params, message: formatMessage(`runStop.${code}`, params as never) } as StopReason;
    stopReason = reason;
    halt();
    // The reason shows at once; the status turns `stopped` when the requests in flight have finished,
    // so a listener that sees it may start the next pass straight away.
    store.setStatus(store.status, reason);
  }

  const requeue = {
    status: 'queued',
    code: undefined,
    params: undefined,
    message: undefined,
    vendorMessage: undefined,
    retryable: undefined,
    finishedAt: undefined,
  } as const;
  for (const index of targets) {
    const record = store.record(index);
    // Most targets are untouched queued records: no need to copy them.
    if (record.status !== 'queued' || record.code !== undefined || record.finishedAt !== undefined) store.patch(index, requeue);
  }
  store.setStatus('sending');
  // A limiter shared with other runs may be held by their 429s too.
  const unwatchHolds = watchesHolds ? limiter[watchHolds]((until) => waiting.held(until)) : undefined;
  const batches = planSome(store.invitees, targets, adapter, { maxBatchSize: settings.maxBatchSize });

  const syncLimiter = canTakeNow(limiter) ? limiter : undefined;
  /** True when a request may go at once: not paused or halted, and the limiter has a token now. */
  const turnNow = () => !paused && !isHalted && syncLimiter !== undefined && syncLimiter[takeNow]();

  /** Waits for the gate and a rate-limit token. False when the pass was halted meanwhile. */
  async function waitTurn(signal: AbortSignal): Promise<boolean> {
    for (;;) {
      if (isHalted) return false;
      if (paused) {
        await gate;
        continue;
      }
      try {
        await limiter.take(signal);
      } catch {
        return false;
      }
      // Paused while waiting for the token: wait for resume, then queue for a fresh token.
      if (!paused) return !isHalted;
    }
  }

  function setAll(batch: Batch, changes: (index: number) => Parameters<RunStore['patch']>[1]) {
    for (const index of batch.indexes) store.patch(index, changes(index));
  }

  /**
   * Back to waiting for a later send, saying why (`ABORTED`: cancelled; else what stopped the pass), and
   * keeping what we know about a possible delivery.
   */
  function leavePending(batch: Batch, landed: boolean) {
    const at = clock.now();
    const code = cancelled.signal.aborted ? 'ABORTED' : stopReason?.code;
    const why = (maybeDelivered: boolean): RecordChanges => {
      if (code === undefined) return maybeDelivered ? { maybeDelivered } : {};
      const params = maybeDelivered ? MAYBE_DELIVERED : NOT_DELIVERED;
      return { code, params, message: formatMessage(`pending.${code}`, params), ...(maybeDelivered ? { maybeDelivered } : {}) };
    };
    let sure: RecordChanges | undefined;
    let unsure: RecordChanges | undefined;
    setAll(batch, (index) => ({
      status: 'pending',
      finishedAt: at,
      ...(landed || store.record(index).maybeDelivered ? (unsure ??= why(true)) : (sure ??= why(false))),
    }));
  }

  // Unreachable target: the requests that ended so far all failed to connect, and how many.
  let connectFailures = 0;
  let reachedServer = false;
  function unreachable(failure: Failure | undefined): boolean {
    if (reachedServer) return false;
    if (failure?.code !== 'CONNECT_FAILED') {
      reachedServer = true;
      return false;
    }
    return settings.unreachableAfter > 0 && ++connectFailures >= settings.unreachableAfter;
  }

  async function runBatch(batch: Batch, number: number, signal: AbortSignal, lane: Lane): Promise<void> {
    const idempotencyKey = `${settings.idempotencyPrefix}-${number}`;
    for (let tries = 1; ; tries++) {
      do {
        if (!(turnNow() || (await waitTurn(signal)))) return leavePending(batch, false);
        // Checked again in the same synchronous step that calls the adapter: a pause that came while
        // this worker was being resumed still holds this request back.
      } while (paused || isHalted);
      const startedAt = clock.now();
      for (const index of batch.indexes) {
        const record = store.record(index);
        store.patch(index, { status: 'in-flight', attempts: record.attempts + 1, startedAt: record.startedAt ?? startedAt });
      }
      store.countRequest(tries === 1 ? FIRST_REQUEST : RETRY_REQUEST);

      const result = await lane.send(adapter, batch.invitees, idempotencyKey);
      const at = clock.now();
      const cannotReach = unreachable(result.ok ? undefined : result.failure);
      if (result.ok) {
        const { indexes } = batch;
        for (let k = 0; k < indexes.length; k++) {
          const index = indexes[k]!;
          const role = store.invitees[index]!.role ?? adapter.defaultRole;
          store.patch(index, answered(result.outcomes[k]!, store.record(index).maybeDelivered === true, settings.ambiguousRefusals, at, role, adapter.roles));
        }
        return;
      }

      const { failure } = result;
      const landed = mayHaveLanded(failure.code);
      store.countRequest({ failed: 1, ...(failure.code === 'RATE_LIMITED' ? { rateLimited: 1 } : {}) });
      // The vendor's wait applies to the account, so to every worker, whatever this batch does next.
      if (failure.retryAfterMs !== undefined) {
        limiter.holdUntil(at + failure.retryAfterMs);
        if (!watchesHolds) waiting.held(at + failure.retryAfterMs);
      }
      if (cancelled.signal.aborted) return leavePending(batch, landed);
      if (cannotReach) {
        stop('CONNECT_FAILED', { ...failure.params, requests: connectFailures });
        return leavePending(batch, landed);
      }
      if (failure.code !== 'ADAPTER_ERROR' && settings.stopOn.has(failure.code)) {
        stop(failure.code, failure.params);
        return leavePending(batch, landed);
      }
      if (isRetryable(failure.code)) {
        // Stopped meanwhile: the batch is unsent as far as anyone knows, so pending, not failed.
        if (isHalted) return leavePending(batch, landed);
        const delay = retryDelay(policy, tries, failure.retryAfterMs, settings.random);
        if (delay !== undefined) {
          setAll(batch, (index) => ({
            status: 'queued',
            ...(landed || store.record(index).maybeDelivered ? { maybeDelivered: true } : {}),
          }));
          try {
            await sleep(clock, delay, signal);
          } catch {
            return leavePending(batch, false);
          }
          continue;
        }
      }
      // One record's worth for the batch, or two when only some of it may have been delivered before.
      const records = [false, true].map((maybe) => unanswered(failure, landed || maybe, at, tries));
      setAll(batch, (index) => records[store.record(index).maybeDelivered === true ? 1 : 0]!);
      return;
    }
  }

  if (settings.signal?.aborted) onCallerAbort();

  let next = 0;
  async function worker(): Promise<void> {
    const own = new AbortController();
    if (isHalted) own.abort(halted.signal.reason);
    workerSignals.add(own);
    const lane = createLane(deadlines, settings.timeoutMs);
    lanes.push(lane);
    try {
      while (next < batches.length && !isHalted) {
        const number = next++;
        await runBatch(batches[number]!, number, own.signal, lane);
      }
    } finally {
      workerSignals.delete(own);
    }
  }

  const workers = Math.max(1, Math.min(settings.concurrency, batches.length));
  // The workers start on the next microtask, so the caller holds this pass's handle (and a cancel or
  // pause from inside the first request reaches it) before the adapter is ever called.
  const done = Promise.resolve()
    .then(() => Promise.all(Array.from({ length: workers }, worker)))
    .then(() => {
      deadlines?.close();
      unwatchHolds?.();
      waiting.close();
      settings.signal?.removeEventListener('abort', onCallerAbort);
      // Batches no worker reached: never sent, so simply pending.
      for (const batch of batches.slice(next)) leavePending(batch, false);
      settings.onEnd?.();
      if (cancelled.signal.aborted) store.setStatus('cancelled');
      else if (stopReason) store.setStatus('stopped', stopReason);
      else store.setStatus('done');
    });

  return {
    pause() {
      if (paused || isHalted) return;
      paused = true;
      gate = new Promise((resolve) => (unpause = resolve));
      store.setStatus('paused');
    },
    resume() {
      if (!paused || isHalted) return;
      openGate();
      store.setStatus('sending');
    },
    cancel(reason) {
      cancelled.abort(reason ?? cancelledReason());
    },
    done,
  };
}
