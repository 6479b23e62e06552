/**
 * The state of one sending run: what became of each address, the run's status and the counts, as
 * immutable snapshots for `useSyncExternalStore` (same reference until something changes).
 *
 * Built for 100,000 addresses: records live in fixed-size chunks, and a change copies only the chunk it
 * touches (once per snapshot, not once per change), so a new snapshot costs about a chunk and the chunk
 * table, never the whole list. Listeners are told once per microtask however many addresses moved.
 */
import type { Invitee } from '../contract.ts';
import type { AnyOutcomeParams, ResultCode, RunWaiting, StopReason } from './result-codes.ts';

export type { EngineCode, ResultCode, RunWaiting, StopReason } from './result-codes.ts';

/** Where one address stands. `sent`, `skipped` and `failed` are final; `pending` waits for a resume. */
export type OutcomeStatus = 'queued' | 'in-flight' | 'sent' | 'skipped' | 'failed' | 'pending';
/**
 * Where the run stands. `paused`: by `pause()`, until `resume()` (a vendor's rate limit never pauses the
 * run: it stays `sending` and says so in `waiting`). `stopped`: a failure ended it (`stopReason`).
 */
export type RunStatus = 'idle' | 'sending' | 'paused' | 'cancelled' | 'stopped' | 'done';

export interface AddressRecord {
  /** Position in the run's invitee list. */
  readonly index: number;
  readonly email: string;
  readonly line?: number;
  readonly status: OutcomeStatus;
  /**
   * Why it was skipped or failed, how a `sent` was confirmed (`CONFIRMED_ON_RETRY`), or, on `pending`,
   * why it was left unsent (`ABORTED`: cancelled; else the code that stopped the run). A plain `sent`
   * and a `queued` address have none.
   */
  readonly code?: ResultCode;
  /** What the code's sentence needs (`OutcomeParams[code]`, or `PendingParams[code]` on `pending`). */
  readonly params?: AnyOutcomeParams;
  /** The English sentence from the message table (`formatOutcome` words it from another). */
  readonly message?: string;
  /** The vendor's own words about this address, verbatim, where it gave any. Text, never HTML. */
  readonly vendorMessage?: string;
  readonly vendorId?: string;
  /** Requests that carried this address so far. */
  readonly attempts: number;
  /** Clock time of the first request that carried it. */
  readonly startedAt?: number;
  /** Clock time it reached its current final (or pending) state. */
  readonly finishedAt?: number;
  /** On `failed`: whether `retryFailed()` would send it again. */
  readonly retryable?: boolean;
  /** A request carrying it went unanswered (timeout, network, 5xx, cancel): it may already be delivered. */
  readonly maybeDelivered?: boolean;
}

export interface OutcomeCounts {
  queued: number;
  inFlight: number;
  sent: number;
  skipped: number;
  failed: number;
  pending: number;
}

export interface RequestCounts {
  /** Requests made, retries included. */
  made: number;
  /** Distinct batches sent at least once: the requests a fault-free run would have needed. */
  batches: number;
  /** Requests answered 429. */
  rateLimited: number;
  /** Requests that failed as a whole (any error, 429 included). */
  failed: number;
}

export interface RunSnapshot {
  readonly status: RunStatus;
  readonly total: number;
  /** Always sums to `total`. */
  readonly counts: Readonly<OutcomeCounts>;
  /** Failed addresses `retryFailed()` would send again. */
  readonly retryable: number;
  readonly requests: Readonly<RequestCounts>;
  /** Why a `stopped` run stopped (an auth failure, say). */
  readonly stopReason?: StopReason;
  /**
   * Set while every request of a sending run is held by the vendor's rate limit (a 429's Retry-After or
   * reset headers), until `until` (clock ms); cleared when sending resumes. Never set on a pass that has ended.
   */
  readonly waiting?: Readonly<RunWaiting>;
  /** The run's input, in order; `at(i)` is the outcome of `invitees[i]`. */
  readonly invitees: readonly Invitee[];
  at(index: number): AddressRecord;
  /** Every record in input order. Built on first read, once per snapshot. */
  readonly outcomes: readonly AddressRecord[];
}

export type Listener = () => void;

/** The writer's side, used by the engine. Hosts read through `subscribe` / `getSnapshot`. */
export interface RunStore {
  subscribe(listener: Listener): () => void;
  getSnapshot(): RunSnapshot;
  readonly invitees: readonly Invitee[];
  readonly status: RunStatus;
  record(index: number): AddressRecord;
  /** Replaces fields of one record (undefined clears a field) and keeps the counts. */
  patch(index: number, changes: RecordChanges): void;
  setStatus(status: RunStatus, stopReason?: StopReason): void;
  /** Undefined clears it. */
  setWaiting(waiting: RunWaiting | undefined): void;
  countRequest(change: Partial<RequestCounts>): void;
}

export type RecordChanges = Partial<Omit<AddressRecord, 'index' | 'email' | 'line'>>;

export interface RunStoreOptions {
  /** How listener calls are batched. Default: once per microtask. */
  schedule?: (flush: () => void) => void;
}

export interface RunStoreState {
  status: RunStatus;
  stopReason?: StopReason;
  records: AddressRecord[];
  requests: RequestCounts;
}

const CHUNK_BITS = 8;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_SIZE - 1;

const COUNT_KEY: Record<OutcomeStatus, keyof OutcomeCounts> = {
  queued: 'queued',
  'in-flight': 'inFlight',
  sent: 'sent',
  skipped: 'skipped',
  failed: 'failed',
  pending: 'pending',
};

export const emptyCounts = (): OutcomeCounts => ({ queued: 0, inFlight: 0, sent: 0, skipped: 0, failed: 0, pending: 0 });

class Snapshot implements RunSnapshot {
  #outcomes: AddressRecord[] | undefined;
  constructor(
    readonly status: RunStatus,
    readonly total: number,
    readonly counts: Readonly<OutcomeCounts>,
    readonly retryable: number,
    readonly requests: Readonly<RequestCounts>,
    readonly stopReason: StopReason | undefined,
    readonly waiting: Readonly<RunWaiting> | undefined,
    readonly invitees: readonly Invitee[],
    private readonly chunks: readonly (readonly AddressRecord[])[],
  ) {}

  at(index: number): AddressRecord {
    const record = this.chunks[index >> CHUNK_BITS]?.[index & CHUNK_MASK];
    if (!record) throw new RangeError(`No address at index ${index} (the run has ${this.total}).`);
    return record;
  }

  get outcomes(): readonly AddressRecord[] {
    return (this.#outcomes ??= this.chunks.flat());
  }
}

const has = (changes: RecordChanges, key: keyof RecordChanges) => key in changes;

/**
 * A new record with the changes applied (a key present with `undefined` clears the field). Every
 * record has the same fields in the same order, so the engine's hot path stays on one object shape;
 * absent values are `undefined`, which `JSON.stringify` and `toEqual` both ignore.
 */
export function applyChanges(r: AddressRecord, c: RecordChanges): AddressRecord {
  return {
    index: r.index,
    email: r.email,
    line: r.line,
    status: c.status ?? r.status,
    code: has(c, 'code') ? c.code : r.code,
    params: has(c, 'params') ? c.params : r.params,
    message: has(c, 'message') ? c.message : r.message,
    vendorMessage: has(c, 'vendorMessage') ? c.vendorMessage : r.vendorMessage,
    vendorId: has(c, 'vendorId') ? c.vendorId : r.vendorId,
    attempts: c.attempts ?? r.attempts,
    startedAt: has(c, 'startedAt') ? c.startedAt : r.startedAt,
    finishedAt: has(c, 'finishedAt') ? c.finishedAt : r.finishedAt,
    retryable: has(c, 'retryable') ? c.retryable : r.retryable,
    maybeDelivered: has(c, 'maybeDelivered') ? c.maybeDelivered : r.maybeDelivered,
  };
}

export function initialRecord(invitee: Invitee, index: number): AddressRecord {
  return applyChanges({ index, email: invitee.email, line: invitee.line, status: 'queued', attempts: 0 }, {});
}

export function createRunStore(invitees: readonly Invitee[], state?: RunStoreState, options: RunStoreOptions = {}): RunStore {
  const total = invitees.length;
  const records = state?.records ?? invitees.map(initialRecord);
  if (records.length !== total) throw new RangeError(`${records.length} records for ${total} invitees.`);

  let chunks: AddressRecord[][] = [];
  for (let i = 0; i < total; i += CHUNK_SIZE) chunks.push(records.slice(i, i + CHUNK_SIZE));
  // Copy-on-write: a chunk is copied the first time it changes after a snapshot took it.
  let epoch = 1;
  const ownedIn = new Uint32Array(chunks.length).fill(epoch);
  let ownTable = true;

  const counts = emptyCounts();
  let retryable = 0;
  for (const record of records) {
    counts[COUNT_KEY[record.status]]++;
    if (record.status === 'failed' && record.retryable) retryable++;
  }
  let status: RunStatus = state?.status ?? 'idle';
  let stopReason = state?.stopReason;
  let waiting: RunWaiting | undefined;
  const requests: RequestCounts = { made: 0, batches: 0, rateLimited: 0, failed: 0, ...state?.requests };

  const schedule = options.schedule ?? queueMicrotask;
  const listeners = new Set<Listener>();
  let current: Snapshot | undefined;
  let notifyScheduled = false;

  function flush() {
    notifyScheduled = false;
    for (const listener of [...listeners]) listener();
  }

  function changed() {
    current = undefined;
    if (!notifyScheduled && listeners.size > 0) {
      notifyScheduled = true;
      schedule(flush);
    }
  }

  const record = (index: number): AddressRecord => {
    const found = chunks[index >> CHUNK_BITS]?.[index & CHUNK_MASK];
    if (!found) throw new RangeError(`No address at index ${index} (the run has ${total}).`);
    return found;
  };

  return {
    invitees,
    get status() {
      return status;
    },
    record,

    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    getSnapshot() {
      if (current) return current;
      ownTable = false;
      epoch++;
      current = new Snapshot(status, total, { ...counts }, retryable, { ...requests }, stopReason, waiting, invitees, chunks);
      return current;
    },

    patch(index, changes) {
      const before = record(index);
      const after = applyChanges(before, changes);
      if (!ownTable) {
        chunks = chunks.slice();
        ownTable = true;
      }
      const c = index >> CHUNK_BITS;
      if (ownedIn[c] !== epoch) {
        chunks[c] = chunks[c]!.slice();
        ownedIn[c] = epoch;
      }
      chunks[c]![index & CHUNK_MASK] = after;
      counts[COUNT_KEY[before.status]]--;
      counts[COUNT_KEY[after.status]]++;
      if (before.status === 'failed' && before.retryable) retryable--;
      if (after.status === 'failed' && after.retryable) retryable++;
      changed();
    },

    setStatus(next, reason) {
      if (next === status && reason === stopReason) return;
      status = next;
      stopReason = reason;
      changed();
    },

    setWaiting(next) {
      if (next?.reason === waiting?.reason && next?.until === waiting?.until) return;
      waiting = next && Object.freeze({ ...next });
      changed();
    },

    countRequest(change) {
      // Field by field: this runs once or twice per request.
      if (change.made) requests.made += change.made;
      if (change.batches) requests.batches += change.batches;
      if (change.rateLimited) requests.rateLimited += change.rateLimited;
      if (change.failed) requests.failed += change.failed;
      changed();
    },
  };
}
