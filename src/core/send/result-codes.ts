/**
 * What a run says, as data: a stable code and the parameters its sentence needs, for each address and
 * for the run itself. The sentences are in the message table (`../messages/en-run.ts`), one key per area
 * and code:
 *
 * - `outcome.CODE`: why an address was skipped or failed, or how it was confirmed sent (`ResultCode`);
 * - `pending.CODE`: why an address was left unsent: `ABORTED` when the run was cancelled, else the code
 *   that stopped it (`InviteErrorCode`);
 * - `runStop.CODE`: why a run stopped (the `InviteErrorCode` that stopped it);
 * - `runError.CODE`: an action the run refused (`RUN_ACTIVE`);
 * - `runWait.CODE`: why a sending run is waiting (`RATE_LIMITED`, worded with the seconds left).
 *
 * Parameters are data (numbers as numbers, lists as arrays). Words from outside the kit (the vendor's,
 * the runtime's) are parameters passed verbatim, which a sentence may quote but never rewords.
 */
import type { HeaderProblem, InviteErrorCode, OutcomeCode } from '../contract.ts';

/**
 * Codes the engine adds to the adapters' own:
 * - `CONFIRMED_ON_RETRY` (sent): an earlier request got no clear answer, and the vendor now says
 *   "already invited": that earlier request delivered it.
 * - `UNCERTAIN` (failed, not retryable): an earlier request got no clear answer, and the vendor's refusal
 *   now cannot say whether that is because it was delivered (Wix `failedEmails`). Check in the vendor's UI.
 * - `ADAPTER_ERROR` (failed): the adapter threw something that is not an `InviteError` (a bug, not the
 *   vendor), or answered with the wrong number of outcomes.
 */
export type EngineCode = 'CONFIRMED_ON_RETRY' | 'UNCERTAIN' | 'ADAPTER_ERROR';
/** An address's code: the vendor's answer for it, its request's failure, or the engine's reading. */
export type ResultCode = OutcomeCode | InviteErrorCode | EngineCode;

/** The per-address answers of a vendor, with what their sentences need. */
export interface VendorOutcomeParams {
  /** `afterLostRequest`: an earlier request carrying it got no answer, and may be what made it a member. */
  ALREADY_MEMBER: { afterLostRequest?: boolean };
  /** `memberOrInvited`: the vendor left it out of its answer, which it does for members and invitations alike. */
  ALREADY_INVITED: { memberOrInvited?: boolean };
  INVALID_EMAIL: { vendorMessage?: string };
  /** `role`: the role asked for (the adapter's default when the row named none); `roles`: the adapter's. */
  ROLE_NOT_ALLOWED: { role: string; roles: readonly string[]; vendorMessage?: string };
  TARGET_NOT_FOUND: { vendorMessage?: string };
  LIMIT_REACHED: { vendorMessage?: string };
  /** The vendor's words, or none (`NO_REASON`: Wix `failedEmails`), or no mention of the address at all. */
  VENDOR_REJECTED: { reason: 'SAID'; vendorMessage: string } | { reason: 'NO_REASON' | 'NOT_IN_ANSWER' };
}

/**
 * A request that failed as a whole (its code is an `InviteErrorCode`): the facts the adapter gave
 * (`InviteErrorFacts`, `status`) and what the engine knows. Each is present only where known:
 * - `timeoutMs`: TIMEOUT at the engine's deadline;
 * - `retryAfterMs`: RATE_LIMITED, the wait the vendor asked for;
 * - `attempts`: the engine retried and gave up after this many requests (retryable codes only);
 * - `maybeDelivered`: the request may have landed (timeout, network cut, 5xx): check before sending again.
 */
export interface RequestFailureParams {
  status?: number;
  vendorMessage?: string;
  detail?: string;
  origin?: string;
  systemCode?: string;
  unsendable?: { header?: string; problem: HeaderProblem };
  timeoutMs?: number;
  retryAfterMs?: number;
  attempts?: number;
  maybeDelivered?: boolean;
}

/** The adapter threw something other than an `InviteError` (`detail`: its message), or miscounted its outcomes. */
export type AdapterErrorParams = ({ reason: 'THREW'; detail: string } | { reason: 'WRONG_COUNT'; expected: number; got?: number }) & {
  maybeDelivered?: boolean;
};

/** Each `outcome.` code with its parameters. */
export type OutcomeParams = VendorOutcomeParams & { [C in InviteErrorCode]: RequestFailureParams } & {
  CONFIRMED_ON_RETRY: Record<string, never>;
  UNCERTAIN: Record<string, never>;
  ADAPTER_ERROR: AdapterErrorParams;
};

/** Each `pending.` code: `ABORTED` (cancelled) or the code that stopped the run. */
export type PendingParams = { [C in InviteErrorCode]: { maybeDelivered?: boolean } };

/** The run stopped at once when its first `requests` requests all failed to connect (`unreachableAfter`). */
export interface UnreachableParams extends RequestFailureParams {
  requests?: number;
}

/** Each `runStop.` code: the failure that stopped the run, with its facts. */
export type RunStopParams = { [C in InviteErrorCode]: C extends 'CONNECT_FAILED' ? UnreachableParams : RequestFailureParams };

export interface RunErrorParams {
  /** `send` or `retryFailed` while a pass is running. */
  RUN_ACTIVE: Record<string, never>;
}

export interface RunWaitParams {
  /** Every request is held by the vendor's rate limit (a 429's Retry-After); `seconds` left, rounded up. */
  RATE_LIMITED: { seconds: number };
}

/** The parameters of any address's code (`outcome.` or `pending.`). */
export type AnyOutcomeParams = OutcomeParams[ResultCode] | PendingParams[InviteErrorCode];

/** An address's code with its own parameters and English sentence. */
export type OutcomeOf<C extends ResultCode = ResultCode> = { [K in C]: { code: K; params: OutcomeParams[K]; message: string } }[C];

/** Why a run stopped: the code, its parameters (absent in runs saved by format 1) and the English sentence. */
export type StopReason<C extends InviteErrorCode = InviteErrorCode> = {
  [K in C]: { code: K; params?: RunStopParams[K]; message: string };
}[C];

/** What a sending run is waiting for, and until when (clock ms: `Date.now()` time with the system clock). */
export interface RunWaiting {
  reason: keyof RunWaitParams;
  until: number;
}

// Records, so that a code added to the types above and not here fails to compile.
const OUTCOMES: Record<OutcomeCode, true> = {
  ALREADY_MEMBER: true,
  ALREADY_INVITED: true,
  INVALID_EMAIL: true,
  ROLE_NOT_ALLOWED: true,
  TARGET_NOT_FOUND: true,
  LIMIT_REACHED: true,
  VENDOR_REJECTED: true,
};
const INVITE_ERRORS: Record<InviteErrorCode, true> = {
  AUTH_FAILED: true,
  FORBIDDEN: true,
  NOT_FOUND: true,
  BAD_REQUEST: true,
  RATE_LIMITED: true,
  SERVER_ERROR: true,
  NETWORK_ERROR: true,
  CONNECT_FAILED: true,
  TIMEOUT: true,
  ABORTED: true,
  INVALID_RESPONSE: true,
};
const ENGINE: Record<EngineCode, true> = { CONFIRMED_ON_RETRY: true, UNCERTAIN: true, ADAPTER_ERROR: true };

/** Every per-address code a vendor's answer can carry. */
export const OUTCOME_CODES = Object.keys(OUTCOMES) as OutcomeCode[];
/** Every whole-request failure code: the `pending.` and `runStop.` codes, and `outcome.` codes too. */
export const INVITE_ERROR_CODES = Object.keys(INVITE_ERRORS) as InviteErrorCode[];
/** Every `outcome.` code, for a translator's checklist and the tests. */
export const RESULT_CODES: ResultCode[] = [...OUTCOME_CODES, ...INVITE_ERROR_CODES, ...(Object.keys(ENGINE) as EngineCode[])];

export function isInviteErrorCode(code: unknown): code is InviteErrorCode {
  return typeof code === 'string' && Object.hasOwn(INVITE_ERRORS, code);
}
