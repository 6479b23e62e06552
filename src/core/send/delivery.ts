/**
 * Turning what a request came back with into each address's record, with the one rule that keeps
 * retries honest: once a request carrying an address went unanswered (timeout, network error, 5xx,
 * cancel), that address may already be delivered, and a later answer is read in that light.
 *
 * A record says why in data, `code` and `params`, with `message` its English sentence from the message
 * table; the vendor's own words stay verbatim in `vendorMessage` (and in `params` where the sentence
 * quotes them).
 */
import type { AddressOutcome, HeaderProblem, InviteErrorCode } from '../contract.ts';
import { formatMessage } from '../messages/format.ts';
import { isRetryable } from './retry.ts';
import { isInviteErrorCode, type AdapterErrorParams, type OutcomeParams, type RequestFailureParams } from './result-codes.ts';
import type { RecordChanges } from './run-store.ts';

/** A whole request's failure: its code, the facts for its sentence, and the server's wait hint (Retry-After, rate-limit reset) in ms. */
export type Failure = { retryAfterMs?: number } & (
  | { code: InviteErrorCode; params: RequestFailureParams }
  | { code: 'ADAPTER_ERROR'; params: AdapterErrorParams }
);

const HEADER_PROBLEMS: ReadonlySet<string> = new Set<HeaderProblem>(['LINE_BREAK', 'CONTROL_CHARACTER', 'NON_ASCII']);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The facts an `InviteError` (or a look-alike) gives, each checked: an adapter is code we did not write. */
function factsOf(error: Record<string, unknown>): RequestFailureParams {
  const facts: RequestFailureParams = {};
  if (typeof error.status === 'number' && Number.isInteger(error.status)) facts.status = error.status;
  const vendorMessage = text(error.vendorMessage);
  if (vendorMessage !== undefined) facts.vendorMessage = vendorMessage;
  const detail = text(error.detail);
  if (detail !== undefined) facts.detail = detail;
  const origin = text(error.origin);
  if (origin !== undefined) facts.origin = origin;
  const systemCode = text(error.systemCode);
  if (systemCode !== undefined) facts.systemCode = systemCode;
  const unsendable = error.unsendable as { header?: unknown; problem?: unknown } | undefined;
  if (typeof unsendable === 'object' && unsendable !== null && typeof unsendable.problem === 'string' && HEADER_PROBLEMS.has(unsendable.problem)) {
    const header = text(unsendable.header);
    facts.unsendable = { ...(header === undefined ? {} : { header }), problem: unsendable.problem as HeaderProblem };
  }
  return facts;
}

/**
 * Reads a thrown value. `InviteError` is recognised by shape, not `instanceof`, so an adapter built
 * against another copy of the kit (or a host's own error class with the same fields) still works. Its
 * `message` is for developers and is not kept: people see the table's sentence for its code and facts.
 */
export function readFailure(error: unknown): Failure {
  if (typeof error === 'object' && error !== null) {
    const shape = error as Record<string, unknown>;
    if (isInviteErrorCode(shape.code)) {
      const { retryAfterMs } = shape;
      return {
        code: shape.code,
        params: factsOf(shape),
        ...(typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) ? { retryAfterMs } : {}),
      };
    }
  }
  return { code: 'ADAPTER_ERROR', params: { reason: 'THREW', detail: error instanceof Error ? error.message : String(error) } };
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

/**
 * The record of an address whose request failed as a whole (at `at`) and will not be retried now.
 * `attempts`: the requests this pass made for it, said in the sentence when retrying was given up.
 */
export function unanswered(failure: Failure, maybeDelivered: boolean, at?: number, attempts?: number): RecordChanges {
  const params = {
    ...failure.params,
    ...(failure.code === 'RATE_LIMITED' && failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
    ...(attempts !== undefined && attempts > 1 && isRetryable(failure.code) ? { attempts } : {}),
    ...(maybeDelivered ? { maybeDelivered: true } : {}),
  } as OutcomeParams[typeof failure.code];
  return {
    status: 'failed',
    code: failure.code,
    params,
    message: formatMessage(`outcome.${failure.code}`, params as never),
    vendorMessage: 'vendorMessage' in failure.params ? failure.params.vendorMessage : undefined,
    vendorId: undefined,
    retryable: isRetryable(failure.code),
    maybeDelivered: maybeDelivered || undefined,
    finishedAt: at,
  };
}

// Shared, frozen: most records of a run carry one of these.
const NONE: Record<string, never> = Object.freeze({});
const AFTER_LOST_REQUEST = Object.freeze({ afterLostRequest: true });
const MEMBER_OR_INVITED = Object.freeze({ memberOrInvited: true });
const NO_REASON = Object.freeze({ reason: 'NO_REASON' as const });
const NOT_IN_ANSWER = Object.freeze({ reason: 'NOT_IN_ANSWER' as const });

/** The English for the parameterless engine codes, and their records' shared params. */
export const CONFIRMED_MESSAGE = formatMessage('outcome.CONFIRMED_ON_RETRY', NONE);
export const UNCERTAIN_MESSAGE = formatMessage('outcome.UNCERTAIN', NONE);

/** What the sentence of a vendor's per-address code needs. `role`: the role asked for; `roles`: the adapter's. */
function vendorParams(
  code: string,
  vendorMessage: string | undefined,
  notInAnswer: boolean,
  afterLostRequest: boolean,
  role: string | undefined,
  roles: readonly string[],
): object {
  switch (code) {
    case 'ALREADY_MEMBER':
      return afterLostRequest ? AFTER_LOST_REQUEST : NONE;
    case 'ALREADY_INVITED':
      return notInAnswer ? MEMBER_OR_INVITED : NONE;
    case 'ROLE_NOT_ALLOWED':
      return { role: role ?? '', roles, ...(vendorMessage === undefined ? {} : { vendorMessage }) };
    case 'VENDOR_REJECTED':
      return vendorMessage !== undefined ? { reason: 'SAID', vendorMessage } : notInAnswer ? NOT_IN_ANSWER : NO_REASON;
    default:
      return vendorMessage === undefined ? NONE : { vendorMessage };
  }
}

/**
 * The record of an address the vendor answered for. `ambiguousRefusals`: the vendor's per-address
 * refusal gives no reason (Wix `failedEmails`), so after an unanswered request it can mean "delivered".
 * `role` and `roles`, the invitee's role and the adapter's, word a `ROLE_NOT_ALLOWED`.
 */
export function answered(
  outcome: AddressOutcome,
  maybeDelivered: boolean,
  ambiguousRefusals: boolean,
  at?: number,
  role?: string,
  roles: readonly string[] = [],
): RecordChanges {
  // Object literals throughout: this runs once per address on the hot path.
  const { status, vendorId } = outcome;
  const vendorMessage = text(outcome.vendorMessage);
  // A refusal without a code is the vendor's; "skipped" without one, already there (member or invited).
  const code = outcome.code ?? (status === 'failed' ? 'VENDOR_REJECTED' : status === 'skipped' ? 'ALREADY_INVITED' : undefined);
  const notInAnswer = outcome.notInAnswer === true || (status === 'skipped' && outcome.code === undefined);
  if (status === 'sent' && code === undefined) {
    return { status, code, params: undefined, message: undefined, vendorMessage, vendorId, retryable: undefined, maybeDelivered: undefined, finishedAt: at };
  }
  if (status === 'skipped' && maybeDelivered && code === 'ALREADY_INVITED') {
    return {
      status: 'sent',
      code: 'CONFIRMED_ON_RETRY',
      params: NONE,
      message: CONFIRMED_MESSAGE,
      vendorMessage,
      vendorId,
      retryable: undefined,
      maybeDelivered: undefined,
      finishedAt: at,
    };
  }
  if (status === 'failed' && maybeDelivered && ambiguousRefusals && code === 'VENDOR_REJECTED') {
    return { status, code: 'UNCERTAIN', params: NONE, message: UNCERTAIN_MESSAGE, vendorMessage, vendorId, retryable: false, maybeDelivered: true, finishedAt: at };
  }
  const params = vendorParams(code!, vendorMessage, notInAnswer, maybeDelivered, role, roles);
  return {
    status,
    code,
    params: params as OutcomeParams['ALREADY_INVITED'],
    message: formatMessage(`outcome.${code!}` as 'outcome.ALREADY_INVITED', params as never),
    vendorMessage,
    vendorId,
    retryable: status === 'failed' ? false : undefined,
    maybeDelivered: undefined,
    finishedAt: at,
  };
}
