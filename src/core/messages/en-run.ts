/**
 * English for sending: what became of each address (`outcome.`), why one was left unsent (`pending.`),
 * why a run stopped (`runStop.`), what it refused (`runError.`) or waits for (`runWait.`), and the
 * export's own note (`export.`). The wording is what the CLI prints and what `message` carries; change
 * it here, not at the call sites. The vendor's words arrive as `vendorMessage` and are quoted as given.
 */
import type { HeaderProblem, InviteErrorCode } from '../contract.ts';
import type { AdapterErrorParams, RequestFailureParams, UnreachableParams } from '../send/result-codes.ts';
import type { Messages, RunMessageKey } from './types.ts';

/** What makes a value unfit for an HTTP header, as a phrase ("it holds …"). */
export const HEADER_PROBLEM_TEXT: Readonly<Record<HeaderProblem, string>> = {
  LINE_BREAK: 'a line break',
  CONTROL_CHARACTER: 'a control character',
  NON_ASCII: 'a character outside printable ASCII (a non-breaking space, a curly quote or an accented letter, say)',
};

/**
 * The system codes of a connection that was never made, as Node's errors documentation (Common system
 * errors) and undici's errors documentation describe them. Another code is shown bare.
 */
export const SYSTEM_CODE_TEXT: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up just now',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'the connection attempt timed out',
};

const list = (items: readonly string[]) => items.join(', ');

/** `30 s`, `5 min`, `2 h`: a wait or a deadline, rounded up to the second first. */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

const MAYBE_DELIVERED =
  'It may have been delivered anyway: the request got no clear answer. Retrying is safe where the vendor reports repeats as already invited.';

/** `: "the vendor's words"` when it gave any. */
const said = (vendorMessage: string | undefined) => (vendorMessage ? `: "${vendorMessage}"` : '');
/** A sentence's full stop, unless it ends on a quote that already ends with one ("Refused." not "Refused.".). */
const stop = (vendorMessage: string | undefined) => (vendorMessage && /[.!?…]$/.test(vendorMessage) ? '' : '.');
const http = (p: RequestFailureParams) => (p.status === undefined ? '' : ` (HTTP ${p.status})`);
const because = (p: RequestFailureParams) => (p.detail ? ` (${p.detail})` : '');

/** What follows any failure's sentence: the retries given up on, the possible delivery. */
function after(p: { attempts?: number; maybeDelivered?: boolean }): string {
  return (p.attempts !== undefined && p.attempts > 1 ? ` Gave up after ${p.attempts} attempts.` : '') + (p.maybeDelivered ? ` ${MAYBE_DELIVERED}` : '');
}

function unsendableKey(problem: HeaderProblem): string {
  return (
    `The API key cannot be sent: it holds ${HEADER_PROBLEM_TEXT[problem]}, which an HTTP header cannot carry (a key read from a file ` +
    'with a trailing line, or pasted with extra characters?). Nothing was sent.'
  );
}

/** ` to https://x (ECONNREFUSED: connection refused)`. */
function connectTarget(p: RequestFailureParams): string {
  const to = p.origin ? ` to ${p.origin}` : '';
  if (!p.systemCode) return to + because(p);
  const text = SYSTEM_CODE_TEXT[p.systemCode];
  return `${to} (${p.systemCode}${text ? `: ${text}` : ''})`;
}

/** A request that failed as a whole, by code: the same sentence for an address's result and a run's stop. */
const REQUEST_FAILED: { [C in InviteErrorCode]: (p: RequestFailureParams) => string } = {
  AUTH_FAILED: (p) => (p.unsendable ? unsendableKey(p.unsendable.problem) : `The vendor refused the credentials${http(p)}${said(p.vendorMessage)}${stop(p.vendorMessage)}${after(p)}`),
  FORBIDDEN: (p) => `The credentials lack the permission or plan for this${http(p)}${said(p.vendorMessage)}${stop(p.vendorMessage)}${after(p)}`,
  NOT_FOUND: (p) => `The vendor found no such project, site or website${http(p)}${said(p.vendorMessage)}${stop(p.vendorMessage)}${after(p)}`,
  BAD_REQUEST: (p) =>
    p.unsendable
      ? `The ${p.unsendable.header ?? 'API key'} header cannot be sent: its value holds ${HEADER_PROBLEM_TEXT[p.unsendable.problem]}. Nothing was sent.`
      : `The vendor refused the request as invalid${http(p)}${said(p.vendorMessage)}${because(p)}.${after(p)}`,
  RATE_LIMITED: (p) =>
    `The vendor's rate limit refused the request${http(p)}${p.retryAfterMs === undefined ? '' : `; it asked to wait ${duration(p.retryAfterMs)}`}.${after(p)}`,
  SERVER_ERROR: (p) => `The vendor's server failed${http(p)}${said(p.vendorMessage)}${stop(p.vendorMessage)}${after(p)}`,
  NETWORK_ERROR: (p) => `The request failed without an answer${because(p)}.${after(p)}`,
  CONNECT_FAILED: (p) => `Could not connect${connectTarget(p)}; the request was not sent.${after(p)}`,
  TIMEOUT: (p) =>
    `${p.timeoutMs === undefined ? 'The request timed out before the server answered' : `The request got no answer within ${duration(p.timeoutMs)}`}.${after(p)}`,
  ABORTED: (p) => `The request was cancelled.${after(p)}`,
  INVALID_RESPONSE: (p) => `The vendor's answer${http(p)} is not in the form its documentation gives${because(p)}.${after(p)}`,
};

function unreachable(p: UnreachableParams): string {
  if (p.requests === undefined) return REQUEST_FAILED.CONNECT_FAILED(p);
  const which = p.requests === 1 ? 'The first request' : `The first ${p.requests} requests`;
  return `${which} could not connect${connectTarget(p)}; nothing was sent.`;
}

function adapterError(p: AdapterErrorParams): string {
  const what =
    p.reason === 'THREW'
      ? `The adapter failed unexpectedly: ${p.detail}`
      : `The adapter returned ${p.got === undefined ? 'no outcome list' : `${p.got} outcomes`} for ${p.expected} invitees.`;
  return what + after(p);
}

/** Why the addresses left unsent are: the cancel, or what stopped the run. */
const LEFT_UNSENT: { [C in InviteErrorCode]: string } = {
  ABORTED: 'the run was cancelled',
  AUTH_FAILED: 'the run stopped because the vendor refused the credentials',
  FORBIDDEN: 'the run stopped because the credentials lack the permission or plan',
  NOT_FOUND: 'the run stopped because the vendor found no such project, site or website',
  BAD_REQUEST: 'the run stopped because the vendor refused a request as invalid',
  RATE_LIMITED: "the run stopped because the vendor's rate limit refused a request",
  SERVER_ERROR: "the run stopped because the vendor's server failed",
  NETWORK_ERROR: 'the run stopped because a request failed without an answer',
  CONNECT_FAILED: 'the run stopped because the vendor could not be reached',
  TIMEOUT: 'the run stopped because a request got no answer in time',
  INVALID_RESPONSE: "the run stopped because the vendor's answer was not in the documented form",
};

const pending =
  (cause: string) =>
  ({ maybeDelivered }: { maybeDelivered?: boolean }): string =>
    maybeDelivered
      ? `Not confirmed: ${cause} while its request was out, so it may have been delivered; check the vendor before sending it again.`
      : `Not sent: ${cause}.`;

/** `{ CODE: f }` → `{ 'area.CODE': f }`, typed by the caller. */
function inArea<T>(area: string, entries: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).map(([code, entry]) => [`${area}.${code}`, entry]));
}

export const enRun: Pick<Messages, RunMessageKey> = {
  'outcome.ALREADY_MEMBER': ({ afterLostRequest }) =>
    afterLostRequest ? 'Already a member. An earlier request got no answer; it may be what made this address a member.' : 'Already a member.',
  'outcome.ALREADY_INVITED': ({ memberOrInvited }) =>
    memberOrInvited
      ? 'Already a member or already invited: the vendor leaves both out of its answer without saying which.'
      : 'Already invited: an invitation is pending.',
  'outcome.INVALID_EMAIL': ({ vendorMessage }) => `The vendor refused this address as not valid${said(vendorMessage)}${stop(vendorMessage)}`,
  'outcome.ROLE_NOT_ALLOWED': ({ role, roles, vendorMessage }) => `The vendor does not accept the role "${role}"${said(vendorMessage)}; choose one of: ${list(roles)}.`,
  'outcome.TARGET_NOT_FOUND': ({ vendorMessage }) => `The vendor found no such project, site or website to invite this address to${said(vendorMessage)}${stop(vendorMessage)}`,
  'outcome.LIMIT_REACHED': ({ vendorMessage }) => `The vendor's limit of members, seats or invitations is reached${said(vendorMessage)}${stop(vendorMessage)}`,
  'outcome.VENDOR_REJECTED': (p) =>
    p.reason === 'SAID'
      ? `The vendor refused this address: "${p.vendorMessage}"${stop(p.vendorMessage)}`
      : p.reason === 'NO_REASON'
        ? 'The vendor refused this address without giving a reason (it may be malformed, already a member or invited, or over a limit).'
        : "The vendor's answer did not mention this address; it is not known to be invited.",
  ...(inArea('outcome', REQUEST_FAILED) as { [C in InviteErrorCode as `outcome.${C}`]: (p: RequestFailureParams) => string }),
  'outcome.CONFIRMED_ON_RETRY': () =>
    'Invited: the vendor now reports this address as already invited, most likely by an earlier request of this run whose answer was lost.',
  'outcome.UNCERTAIN': () =>
    'May have been delivered: an earlier request got no answer, and the vendor now refuses this address without saying why ' +
    '(possibly because it is already invited). Check the pending invitations in the vendor before inviting it again.',
  'outcome.ADAPTER_ERROR': adapterError,

  ...(inArea('pending', Object.fromEntries(Object.entries(LEFT_UNSENT).map(([code, cause]) => [code, pending(cause)]))) as {
    [C in InviteErrorCode as `pending.${C}`]: (p: { maybeDelivered?: boolean }) => string;
  }),

  ...(inArea('runStop', REQUEST_FAILED) as { [C in InviteErrorCode as `runStop.${C}`]: (p: RequestFailureParams) => string }),
  'runStop.CONNECT_FAILED': unreachable,

  'runError.RUN_ACTIVE': () => 'This run is already sending; wait for it to finish (or cancel it) before sending again.',
  'runWait.RATE_LIMITED': ({ seconds }) => `Paused by the rate limit — resuming in ${seconds} s`,
  'export.NOT_IN_RUN': () => 'This row was valid but was not part of the send.',
};
