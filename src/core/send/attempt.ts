/**
 * One request: the adapter's `send` under a deadline and the run's cancel, read into either the
 * outcomes or a `Failure`. An adapter that ignores its signal cannot hold the run: the deadline or
 * the cancel wins the race, and the request is reported as timed out or aborted.
 */
import type { AddressOutcome, InviteAdapter, Invitee, SendContext } from '../contract.ts';
import { timeoutReason, type Clock } from './clock.ts';
import { readFailure, type Failure } from './delivery.ts';

export type Attempt = { ok: true; outcomes: AddressOutcome[] } | { ok: false; failure: Failure };

/** Aborts one request; the pass keeps these for the requests in flight so a cancel reaches them all. */
export type AbortRequest = (reason: unknown) => void;

export interface AttemptOptions {
  clock: Clock;
  /** 0 or Infinity: no deadline. */
  timeoutMs: number;
  /** Where this request registers its abort while in flight. */
  inFlight: Set<AbortRequest>;
}

const isTimeout = (reason: unknown) => reason instanceof Error && reason.name === 'TimeoutError';

export async function attempt(adapter: InviteAdapter, invitees: readonly Invitee[], options: AttemptOptions): Promise<Attempt> {
  const { clock, timeoutMs } = options;
  // The AbortController is made only if the adapter reads its signal: creating one costs more than a
  // whole in-process request, and the race below does not need it.
  let controller: AbortController | undefined;
  let abortedWith: { reason: unknown } | undefined;
  let rejectAborted!: (reason: unknown) => void;
  const aborted = new Promise<never>((_, reject) => (rejectAborted = reject));
  aborted.catch(() => {});
  const abort: AbortRequest = (reason) => {
    if (abortedWith) return;
    abortedWith = { reason };
    controller?.abort(reason);
    rejectAborted(reason);
  };
  const context: SendContext = {
    get signal() {
      if (!controller) {
        controller = new AbortController();
        if (abortedWith) controller.abort(abortedWith.reason);
      }
      return controller.signal;
    },
  };

  options.inFlight.add(abort);
  const clearDeadline = timeoutMs > 0 && Number.isFinite(timeoutMs) ? clock.setTimer(() => abort(timeoutReason(timeoutMs)), timeoutMs) : undefined;
  try {
    let sending: Promise<AddressOutcome[]>;
    try {
      sending = Promise.resolve(adapter.send(invitees, context));
    } catch (error) {
      sending = Promise.reject(error);
    }
    sending.catch(() => {});
    const outcomes = await Promise.race([sending, aborted]);
    if (!Array.isArray(outcomes) || outcomes.length !== invitees.length) {
      const got = Array.isArray(outcomes) ? `${outcomes.length} outcomes` : 'no outcome list';
      return { ok: false, failure: { code: 'ADAPTER_ERROR', message: `The adapter returned ${got} for ${invitees.length} invitees.` } };
    }
    return { ok: true, outcomes };
  } catch (error) {
    if (abortedWith) {
      return {
        ok: false,
        failure: isTimeout(abortedWith.reason)
          ? { code: 'TIMEOUT', message: `The request got no answer within ${timeoutMs} ms.` }
          : { code: 'ABORTED', message: 'The request was cancelled.' },
      };
    }
    return { ok: false, failure: readFailure(error) };
  } finally {
    options.inFlight.delete(abort);
    clearDeadline?.();
  }
}
