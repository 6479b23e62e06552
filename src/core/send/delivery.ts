/**
 * Turning what a request came back with into each address's record, with the one rule that keeps
 * retries honest: once a request carrying an address went unanswered (timeout, network error, 5xx,
 * cancel), that address may already be delivered, and a later answer is read in that light.
 */
import type { AddressOutcome, InviteErrorCode } from '../contract.ts';
import { isRetryable } from './retry.ts';
import type { RecordChanges } from './run-store.ts';

export interface Failure {
  code: InviteErrorCode | 'ADAPTER_ERROR';
  message: string;
  /** The server's wait hint (Retry-After, rate-limit reset), in ms. */
  retryAfterMs?: number;
}

const INVITE_ERROR_CODES: ReadonlySet<string> = new Set<InviteErrorCode>([
  'AUTH_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_REQUEST',
  'RATE_LIMITED',
  'SERVER_ERROR',
  'NETWORK_ERROR',
  'CONNECT_FAILED',
  'TIMEOUT',
  'ABORTED',
  'INVALID_RESPONSE',
]);

/**
 * Reads a thrown value. `InviteError` is recognised by shape, not `instanceof`, so an adapter built
 * against another copy of the kit (or a host's own error class with the same fields) still works.
 */
export function readFailure(error: unknown): Failure {
  if (typeof error === 'object' && error !== null) {
    const { code, message, retryAfterMs } = error as { code?: unknown; message?: unknown; retryAfterMs?: unknown };
    if (typeof code === 'string' && INVITE_ERROR_CODES.has(code)) {
      return {
        code: code as InviteErrorCode,
        message: typeof message === 'string' && message !== '' ? message : code,
        ...(typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) ? { retryAfterMs } : {}),
      };
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'ADAPTER_ERROR', message: `The adapter failed unexpectedly: ${detail}` };
}

/**
 * Failures after which the request may have reached the vendor and been acted on. A 429 or 4xx was
 * refused before anything happened; an unreadable 2xx was answered, so it most likely landed. A
 * CONNECT_FAILED never reached the server (no connection was made), so it never may have landed.
 */
const MAY_HAVE_LANDED: ReadonlySet<string> = new Set(['NETWORK_ERROR', 'TIMEOUT', 'SERVER_ERROR', 'ABORTED', 'INVALID_RESPONSE', 'ADAPTER_ERROR']);

export function mayHaveLanded(code: string): boolean {
  return MAY_HAVE_LANDED.has(code);
}

const MAYBE_DELIVERED_NOTE =
  'It may have been delivered anyway: the request got no clear answer. Retrying is safe where the vendor reports repeats as already invited.';

/** The record of an address whose request failed as a whole (at `at`) and will not be retried now. */
export function unanswered(failure: Failure, maybeDelivered: boolean, at?: number): RecordChanges {
  return {
    status: 'failed',
    code: failure.code,
    message: maybeDelivered ? `${failure.message} ${MAYBE_DELIVERED_NOTE}` : failure.message,
    vendorId: undefined,
    retryable: isRetryable(failure.code),
    maybeDelivered: maybeDelivered || undefined,
    finishedAt: at,
  };
}

export const CONFIRMED_MESSAGE =
  'Invited: the vendor now reports this address as already invited, most likely by an earlier request of this run whose answer was lost.';
export const UNCERTAIN_MESSAGE =
  'May have been delivered: an earlier request got no answer, and the vendor now refuses this address without saying why ' +
  '(possibly because it is already invited). Check the pending invitations in the vendor before inviting it again.';
const MEMBER_NOTE = 'An earlier request got no answer; it may be what made this address a member.';

/**
 * The record of an address the vendor answered for. `ambiguousRefusals`: the vendor's per-address
 * refusal gives no reason (Wix `failedEmails`), so after an unanswered request it can mean "delivered".
 */
export function answered(outcome: AddressOutcome, maybeDelivered: boolean, ambiguousRefusals: boolean, at?: number): RecordChanges {
  // Object literals throughout: this runs once per address on the hot path.
  const { code, message, vendorId } = outcome;
  if (outcome.status === 'sent') {
    return { status: 'sent', code, message, vendorId, retryable: undefined, maybeDelivered: undefined, finishedAt: at };
  }
  if (outcome.status === 'skipped') {
    if (maybeDelivered && code === 'ALREADY_INVITED') {
      return { status: 'sent', code: 'CONFIRMED_ON_RETRY', message: CONFIRMED_MESSAGE, vendorId, retryable: undefined, maybeDelivered: undefined, finishedAt: at };
    }
    const note = maybeDelivered && code === 'ALREADY_MEMBER' ? (message ? `${message} (${MEMBER_NOTE})` : MEMBER_NOTE) : message;
    return { status: 'skipped', code, message: note, vendorId, retryable: undefined, maybeDelivered: undefined, finishedAt: at };
  }
  if (maybeDelivered && ambiguousRefusals && (code === undefined || code === 'VENDOR_REJECTED')) {
    return { status: 'failed', code: 'UNCERTAIN', message: UNCERTAIN_MESSAGE, vendorId, retryable: false, maybeDelivered: true, finishedAt: at };
  }
  return { status: 'failed', code, message, vendorId, retryable: false, maybeDelivered: undefined, finishedAt: at };
}
