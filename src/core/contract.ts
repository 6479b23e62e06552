/**
 * The contract every invite backend implements: the four vendor adapters in this folder, and a host's
 * own backend. The sending engine only ever talks to this interface.
 */
import type { RateLimit } from './send/rate-limit.ts';

/** One person to invite, as the intake core produced it (already normalised and validated). */
export interface Invitee {
  /** Lower-cased, trimmed address. */
  email: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  /** The role as the target spells it (one of `InviteAdapter.roles`); absent means the adapter's default. */
  role?: string;
  /** Source line in the input, carried through for reporting. */
  line?: number;
}

/**
 * What became of one address in a request that the vendor answered.
 * - `sent`: the vendor created (or re-created) an invitation or membership.
 * - `skipped`: the vendor says the address is already a member or already invited.
 * - `failed`: the vendor refused this address; `code` says why.
 */
export type AddressStatus = 'sent' | 'skipped' | 'failed';

/**
 * Stable codes for per-address results. The engine words each from the message table
 * (`outcome.CODE`); the vendor's own wording stays verbatim in `vendorMessage`.
 */
export type OutcomeCode =
  | 'ALREADY_MEMBER'
  | 'ALREADY_INVITED'
  | 'INVALID_EMAIL'
  | 'ROLE_NOT_ALLOWED'
  | 'TARGET_NOT_FOUND'
  | 'LIMIT_REACHED'
  | 'VENDOR_REJECTED';

export interface AddressOutcome {
  email: string;
  status: AddressStatus;
  /** Why it was skipped or failed. Absent on `failed`: `VENDOR_REJECTED`; on `skipped`: already a member or invited. */
  code?: OutcomeCode;
  /**
   * The vendor's own words about this address, verbatim (Diga's "Invitation already sent"), where it
   * gave any. Never a sentence the adapter made up: the engine words the code from the message table,
   * which quotes these words where they are the only reason given. Shown as text, never as HTML.
   */
  vendorMessage?: string;
  /**
   * The vendor's answer did not mention this address at all; `code` is what that means for this vendor
   * (Confident AI leaves out members and pending invitations: `ALREADY_INVITED`; elsewhere
   * `VENDOR_REJECTED`). The sentence then says so rather than quoting words nobody said.
   */
  notInAnswer?: boolean;
  /** The vendor's id for the invitation (or user) when it returned one. */
  vendorId?: string;
}

/**
 * What the engine hands an adapter with each request.
 *
 * A host's own backend can make retries safe with `idempotencyKey`: send it as the `Idempotency-Key`
 * request header of the IETF HTTP API draft "The Idempotency-Key HTTP Header Field"
 * (https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/), whose value is a
 * Structured Fields string, so quoted. The backend then answers a repeat of a request it has already
 * acted on with that first answer instead of inviting again:
 *
 * ```ts
 * const adapter: InviteAdapter = {
 *   vendor: 'our-api', roles: ['member', 'admin'], maxBatchSize: 100,
 *   async send(batch, context) {
 *     const response = await fetch('/api/invitations', {
 *       method: 'POST',
 *       headers: { 'content-type': 'application/json', ...(context ? { 'idempotency-key': `"${context.idempotencyKey}"` } : {}) },
 *       body: JSON.stringify(batch.map(({ email, role }) => ({ email, role }))),
 *       signal: context?.signal,
 *     });
 *     // ... one outcome per invitee, or throw an InviteError
 *   },
 * };
 * ```
 *
 * The four vendor adapters do not send it: none of those APIs documents an idempotency key.
 */
export interface SendContext {
  /**
   * Aborts the request: on cancel, or at the engine's per-request deadline (reason: a `TimeoutError`
   * DOMException). Only meaningful while `send` runs: the engine may hand the same signal to the
   * worker's next request once this one has settled, so do not keep it afterwards.
   */
  signal?: AbortSignal;
  /**
   * The same for every attempt of one batch (the engine's retries of it after a timeout, network error,
   * 5xx or 429) and different for every other batch, of this run or any other. Letters, digits and
   * `-` only, at most 64 characters. A later pass (`send` again, `retryFailed`) plans its batches
   * afresh, possibly with other addresses, so it uses new keys: a key never names two payloads.
   */
  idempotencyKey: string;
}

export interface InviteAdapter {
  /** 'diga' | 'wix' | 'confident-ai' | 'athenahq', or the host's own name. */
  readonly vendor: string;
  /** Roles the target accepts, as the vendor spells them; intake checks rows against these case-insensitively. */
  readonly roles: readonly string[];
  /** Role used when a row has none. */
  readonly defaultRole?: string;
  /** Most invitees one request may carry. */
  readonly maxBatchSize: number;
  /**
   * The request rate the vendor documents (e.g. Wix 200 a minute, AthenaHQ 60 a minute). The engine
   * keeps to it when the caller's `send` sets no `rateLimit`; absent, the engine's default applies.
   */
  readonly rateLimit?: Readonly<RateLimit>;
  /**
   * Whether a per-address refusal may mean "already invited" without saying so (Wix's reasonless
   * `failedEmails`). After a request that may have landed, the engine then reports such a refusal as
   * `UNCERTAIN` rather than as a failure. Absent: the vendor names repeats, so a refusal is a refusal.
   */
  readonly refusalsMayBeRepeats?: boolean;
  /**
   * Invitees with different keys never share a request (e.g. one role per request). Absent: any mix is fine.
   */
  groupBy?(invitee: Invitee): string;
  /**
   * Sends one batch. Resolves with exactly one outcome per invitee, in the batch's order, when the vendor
   * answered for each address; throws an `InviteError` when the request as a whole failed.
   */
  send(batch: readonly Invitee[], context?: SendContext): Promise<AddressOutcome[]>;
}

/** Why a whole request failed. */
export type InviteErrorCode =
  | 'AUTH_FAILED' // 401: credentials missing, wrong or expired (or not sendable: see `callVendor`). Stop the run; unsent stay pending.
  | 'FORBIDDEN' // 403: credentials lack the permission or plan for this call.
  | 'NOT_FOUND' // 404: the project / site / website does not exist.
  | 'BAD_REQUEST' // 400 / 422: the vendor rejected the request's shape or values.
  | 'RATE_LIMITED' // 429
  | 'SERVER_ERROR' // 5xx
  | 'NETWORK_ERROR' // fetch rejected without saying when (reset, cut, CORS, a browser's bare TypeError): it may have landed
  | 'CONNECT_FAILED' // no connection was made (refused, DNS failure, unreachable, connect timeout): nothing was sent
  | 'TIMEOUT' // no answer within the engine's deadline
  | 'ABORTED' // the caller cancelled
  | 'INVALID_RESPONSE'; // 2xx whose body does not match the vendor's schema

const RETRYABLE: ReadonlySet<InviteErrorCode> = new Set([
  'RATE_LIMITED',
  'SERVER_ERROR',
  'NETWORK_ERROR',
  'CONNECT_FAILED',
  'TIMEOUT',
]);

/** Why a value cannot go in an HTTP header (RFC 9110 §5.5): a CR or LF, another control character, a character past ASCII. */
export type HeaderProblem = 'LINE_BREAK' | 'CONTROL_CHARACTER' | 'NON_ASCII';

/**
 * What the message table's sentence for a failed request may use, besides its code and status. Each is
 * optional: an adapter gives what it knows. People see the sentence (`outcome.CODE`, `runStop.CODE`),
 * never the error's `message`.
 */
export interface InviteErrorFacts {
  /** The vendor's own words about the failure, verbatim (its error text). Quoted, never reworded; shown as text. */
  vendorMessage?: string;
  /**
   * Words that explain the failure and are not the vendor's, verbatim: the runtime's error text
   * (`fetch failed`, `other side closed`), or why an adapter refused a request before sending it.
   */
  detail?: string;
  /** CONNECT_FAILED: the origin (`https://api.diga.io`) no connection could be made to. */
  origin?: string;
  /** CONNECT_FAILED: the system's code for why (`ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_CONNECT_TIMEOUT`…). */
  systemCode?: string;
  /**
   * Refused before sending because a header value cannot be sent: the API key (AUTH_FAILED, no `header`:
   * the key is never named or quoted) or the named header (BAD_REQUEST).
   */
  unsendable?: { header?: string; problem: HeaderProblem };
}

export interface InviteErrorOptions extends InviteErrorFacts {
  status?: number;
  /** The vendor's own error code, verbatim. */
  vendorCode?: string;
  /** From `Retry-After` or the vendor's rate-limit headers, in milliseconds. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * A whole-request failure. `retryable` says whether sending the same request again is safe and useful.
 *
 * `message` is for developers (logs, stack traces): the engine never shows it to people. What they see
 * is the message table's sentence for `code`, built from the facts here: put the vendor's own words in
 * `vendorMessage` and any other words worth showing in `detail`.
 */
export class InviteError extends Error {
  override readonly name = 'InviteError';
  readonly code: InviteErrorCode;
  readonly retryable: boolean;
  readonly status?: number;
  readonly vendorCode?: string;
  readonly retryAfterMs?: number;
  readonly vendorMessage?: string;
  readonly detail?: string;
  readonly origin?: string;
  readonly systemCode?: string;
  readonly unsendable?: InviteErrorFacts['unsendable'];

  constructor(code: InviteErrorCode, message: string, options: InviteErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = RETRYABLE.has(code);
    if (options.status !== undefined) this.status = options.status;
    if (options.vendorCode !== undefined) this.vendorCode = options.vendorCode;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.vendorMessage !== undefined) this.vendorMessage = options.vendorMessage;
    if (options.detail !== undefined) this.detail = options.detail;
    if (options.origin !== undefined) this.origin = options.origin;
    if (options.systemCode !== undefined) this.systemCode = options.systemCode;
    if (options.unsendable !== undefined) this.unsendable = options.unsendable;
  }
}

/** Options every vendor adapter factory accepts, so a host can route calls through its own proxy. */
export interface AdapterConnection {
  /** Defaults to the vendor's published base URL. Point it at your backend proxy to keep keys off the browser. */
  baseUrl?: string;
  /** Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * The vendor credential. Omit it when a proxy adds it server-side. A function is called per request,
   * so a rotated key is picked up without rebuilding the adapter.
   */
  apiKey?: string | (() => string | Promise<string>);
}
