/**
 * An in-process vendor for engine tests and benchmarks: an `InviteAdapter` over a plain store, with
 * faults scripted per request, including the one the HTTP mocks cannot make: a request that lands and
 * whose answer is then lost. Not part of the public API.
 */
import { InviteError, type AddressOutcome, type InviteAdapter, type InviteErrorCode, type Invitee } from '../contract.ts';
import { sleep, systemClock, type Clock } from '../send/clock.ts';

export type FakeFault =
  /** The request fails as a whole; with `landed`, after the vendor acted on it (answer lost). */
  | { kind: 'error'; code: InviteErrorCode; landed?: boolean; retryAfterMs?: number }
  /** No answer until the request is aborted; with `landed`, the vendor acted on it first. */
  | { kind: 'hang'; landed?: boolean };

export interface FakeRequest {
  /** 1-based, in arrival order. */
  number: number;
  emails: readonly string[];
}

export interface FakeLogEntry extends FakeRequest {
  /** 'answered', or the error code the request failed with ('ABORTED' / 'TIMEOUT' for hangs). */
  result: 'answered' | InviteErrorCode;
  /** Whether the vendor acted on the request (created invitations). */
  landed: boolean;
}

export interface FakeVendorOptions {
  vendor?: string;
  maxBatchSize?: number;
  groupBy?: (invitee: Invitee) => string;
  clock?: Clock;
  /** Time each request takes before it lands. Default 0 (answers on the next microtask). */
  latencyMs?: number;
  /** The fault, if any, request number `n` meets. */
  fault?: (request: FakeRequest) => FakeFault | null | undefined;
  /** Addresses the vendor refuses for good (answered per address as failed). */
  refuses?: (email: string) => boolean;
  /**
   * How the vendor answers an address it already holds: `named` says "already invited" (Diga, Confident
   * AI, AthenaHQ); `ambiguous` lists it as failed without a reason (Wix `failedEmails`).
   */
  repeats?: 'named' | 'ambiguous';
  /** Addresses already invited before the run. */
  existing?: Iterable<string>;
  /** Does not look at its signal (to test that the engine does not wait for it). */
  ignoreSignal?: boolean;
}

export interface FakeVendor extends InviteAdapter {
  /** Invitations created per address (a correct engine never makes this exceed 1). */
  readonly created: ReadonlyMap<string, number>;
  readonly log: readonly FakeLogEntry[];
  /** Requests currently being handled, and the most ever at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
}

function abortError(signal: AbortSignal): InviteError {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'TimeoutError'
    ? new InviteError('TIMEOUT', 'The request timed out before the server answered.', { cause: reason })
    : new InviteError('ABORTED', 'The request was cancelled.', { cause: reason });
}

export function createFakeVendor(options: FakeVendorOptions = {}): FakeVendor {
  const clock = options.clock ?? systemClock;
  const created = new Map<string, number>();
  for (const email of options.existing ?? []) created.set(email, 0);
  const log: FakeLogEntry[] = [];
  let count = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  function land(batch: readonly Invitee[]): AddressOutcome[] {
    return batch.map((invitee): AddressOutcome => {
      const email = invitee.email;
      if (created.has(email)) {
        return options.repeats === 'ambiguous'
          ? { email, status: 'failed', code: 'VENDOR_REJECTED' }
          : { email, status: 'skipped', code: 'ALREADY_INVITED', vendorMessage: 'Invitation already sent' };
      }
      if (options.refuses?.(email)) return { email, status: 'failed', code: 'VENDOR_REJECTED', vendorMessage: 'Refused.' };
      created.set(email, 1);
      return { email, status: 'sent', vendorId: `inv-${email}` };
    });
  }

  async function handle(batch: readonly Invitee[], signal: AbortSignal | undefined, entry: FakeLogEntry): Promise<AddressOutcome[]> {
    const fault = options.fault?.(entry) ?? null;
    const watch = options.ignoreSignal ? undefined : signal;
    try {
      if (options.latencyMs) await sleep(clock, options.latencyMs, watch);
    } catch {
      throw abortError(signal!);
    }
    if (watch?.aborted) throw abortError(watch);
    const landed = fault === null || fault.landed === true;
    const outcomes = landed ? land(batch) : [];
    entry.landed = landed;
    if (fault?.kind === 'error') {
      throw new InviteError(fault.code, `Scripted ${fault.code}.`, fault.retryAfterMs === undefined ? {} : { retryAfterMs: fault.retryAfterMs });
    }
    if (fault?.kind === 'hang') {
      await new Promise<never>((_, reject) => {
        if (!watch) return;
        if (watch.aborted) reject(abortError(watch));
        watch.addEventListener('abort', () => reject(abortError(watch)), { once: true });
      });
    }
    return outcomes;
  }

  return {
    vendor: options.vendor ?? 'fake',
    ...(options.repeats === 'ambiguous' ? { refusalsMayBeRepeats: true } : {}),
    roles: ['member', 'admin'],
    defaultRole: 'member',
    maxBatchSize: options.maxBatchSize ?? 50,
    ...(options.groupBy ? { groupBy: options.groupBy } : {}),
    created,
    log,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    async send(batch, context) {
      const entry: FakeLogEntry = { number: ++count, emails: batch.map((i) => i.email), result: 'answered', landed: false };
      log.push(entry);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await handle(batch, context?.signal, entry);
      } catch (error) {
        entry.result = error instanceof InviteError ? error.code : 'INVALID_RESPONSE';
        throw error;
      } finally {
        inFlight--;
      }
    },
  };
}
