/**
 * The HTTP plumbing the vendor adapters share: one request, its failure modes mapped onto
 * `InviteError`, and the server's wait hints read from `Retry-After` and rate-limit headers.
 *
 * Credentials: the adapters name the credential they put in a header (`VendorRequest.credential`). It
 * is checked for header-safe characters before anything is sent, and scrubbed from every error message
 * this module makes and every string of the answer, so a vendor that echoes it, or a runtime error that
 * quotes a header, never carries it into an outcome, a log or a results file.
 */
import { InviteError, type AdapterConnection, type HeaderProblem, type InviteErrorCode } from '../core/contract.ts';
import { HEADER_PROBLEM_TEXT, SYSTEM_CODE_TEXT } from '../core/messages/en-run.ts';

export interface VendorRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the base URL, starting with `/`. */
  path: string;
  headers?: Record<string, string>;
  /**
   * The secret inside `headers` (the API key alone, without a `Bearer ` prefix): checked before sending
   * and scrubbed from errors and answers. Absent when a proxy adds the key.
   */
  credential?: string;
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

export interface VendorResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON (undefined when empty); credential scrubbed. */
  body: unknown;
}

/** Resolves the credential: a string, a (possibly async) getter, or nothing when a proxy adds it. */
export async function resolveApiKey(apiKey: AdapterConnection['apiKey']): Promise<string | undefined> {
  return typeof apiKey === 'function' ? await apiKey() : apiKey;
}

export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path;
}

/**
 * What makes `value` unfit for an HTTP header, or undefined when it is fit. RFC 9110 §5.5 allows visible
 * ASCII, spaces and tabs (CR, LF and NUL never; bytes past 0x7F only as opaque "obs-text", which no API
 * key contains and which `fetch` refuses past 0xFF). The answer never quotes the value.
 */
export function headerValueProblem(value: string): HeaderProblem | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x09 || (c >= 0x20 && c <= 0x7e)) continue;
    if (c === 0x0a || c === 0x0d) return 'LINE_BREAK';
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f)) return 'CONTROL_CHARACTER';
    return 'NON_ASCII';
  }
  return undefined;
}

/** What scrubbed text shows in place of the credential. */
export const REDACTED = '[redacted]';
/**
 * Credentials shorter than this are not scrubbed: they would match ordinary words in messages and
 * addresses, and no vendor issues keys that short.
 */
export const MIN_REDACTED_LENGTH = 8;

/** `text` with every occurrence of `secret` (as given, and trimmed) replaced by `[redacted]`. */
export function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  for (const form of new Set([secret, secret.trim()])) {
    if (form.length >= MIN_REDACTED_LENGTH && text.includes(form)) text = text.split(form).join(REDACTED);
  }
  return text;
}

/** Every string inside `value` (a parsed JSON answer) redacted; the same object when none held the secret. */
function redactDeep(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return redact(value, secret);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secret));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key, secret), redactDeep(item, secret)]));
  }
  return value;
}

/** True when `error`, its message, stack or any error it wraps quotes `secret`. */
function quotes(error: unknown, secret: string, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return typeof error === 'string' && redact(error, secret) !== error;
  const { message, stack, cause, errors } = error as { message?: unknown; stack?: unknown; cause?: unknown; errors?: unknown };
  for (const text of [message, stack]) if (typeof text === 'string' && redact(text, secret) !== text) return true;
  if (cause !== undefined && quotes(cause, secret, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((inner) => quotes(inner, secret, depth + 1));
}

/**
 * The `cause` to keep on an `InviteError`: the original, unless it quotes the credential (a host that
 * logs the error prints the whole cause chain), then a plain copy with the text scrubbed.
 */
function safeCause(cause: unknown, secret: string | undefined, depth = 0): unknown {
  if (!secret || !quotes(cause, secret)) return cause;
  if (typeof cause !== 'object' || cause === null) return redact(String(cause), secret);
  const original = cause as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const copy = new Error(redact(String(original.message ?? ''), secret));
  if (typeof original.name === 'string') copy.name = original.name;
  copy.stack = `${copy.name}: ${copy.message}`;
  if (original.code !== undefined) Object.assign(copy, { code: original.code });
  if (original.cause !== undefined && depth < 5) Object.assign(copy, { cause: safeCause(original.cause, secret, depth + 1) });
  return copy;
}

/** The header check before any request: the credential's problem is an AUTH_FAILED, another header's a BAD_REQUEST. */
function headerError(headers: Record<string, string>, credential: string | undefined): InviteError | undefined {
  if (credential !== undefined) {
    const problem = headerValueProblem(credential);
    if (problem) {
      return new InviteError(
        'AUTH_FAILED',
        `The API key cannot be sent: it holds ${HEADER_PROBLEM_TEXT[problem]}, which an HTTP header cannot carry (a key read from a file ` +
          'with a trailing line, or pasted with extra characters?). Nothing was sent.',
        { unsendable: { problem } },
      );
    }
  }
  for (const [name, value] of Object.entries(headers)) {
    const problem = headerValueProblem(value);
    if (problem) {
      return new InviteError('BAD_REQUEST', `The ${name} header cannot be sent: its value holds ${HEADER_PROBLEM_TEXT[problem]}. Nothing was sent.`, {
        unsendable: { header: name, problem },
      });
    }
  }
  return undefined;
}

/** Sends one request. Throws `InviteError` only for transport failures; any HTTP status resolves. */
export async function callVendor(
  connection: Required<Pick<AdapterConnection, 'baseUrl'>> & Pick<AdapterConnection, 'fetch'>,
  request: VendorRequest,
): Promise<VendorResponse> {
  const doFetch = connection.fetch ?? globalThis.fetch;
  const secret = request.credential === '' ? undefined : request.credential;
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const unsendable = headerError(headers, secret);
  if (unsendable) throw unsendable;
  const url = joinUrl(connection.baseUrl, request.path);
  let response: Response;
  try {
    response = await doFetch(url, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (cause) {
    throw transportError(cause, request.signal, url, secret, 'connect');
  }
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw transportError(cause, request.signal, url, secret, 'body');
  }
  let body: unknown = undefined;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    // A vendor that echoes the key (in an error, in a per-address message) must not pass it on. The raw
    // text is searched for the key as is and as JSON escapes it (a key may hold `"` or `\`).
    if (secret && (redact(text, secret) !== text || redact(text, JSON.stringify(secret).slice(1, -1)) !== text)) {
      body = redactDeep(body, secret);
    }
  }
  return { status: response.status, headers: response.headers, body };
}

/**
 * Codes Node's fetch (undici) puts on `error.cause` when no connection was made, so nothing was sent:
 * the socket's connect failed (`ECONNREFUSED`, `EHOSTUNREACH`, `ENETUNREACH`), the name did not resolve
 * (`ENOTFOUND`, `EAI_AGAIN`: getaddrinfo), or undici's connect timer fired (`UND_ERR_CONNECT_TIMEOUT`).
 * See Node's errors documentation (Common system errors) and undici's errors documentation.
 */
const CONNECT_PHASE: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * The connect-phase code of a rejected fetch, or undefined. The first error in the cause chain that has
 * a code decides; an AggregateError (several addresses of one host tried) counts when all its errors do.
 * A browser's fetch rejects with a bare TypeError and no cause: never a connect failure here.
 */
export function connectFailureCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') {
    if (!CONNECT_PHASE.has(code)) return undefined;
    if (Array.isArray(errors) && errors.length > 0 && !errors.every((inner) => connectFailureCode(inner, depth + 1))) return undefined;
    return code;
  }
  if (Array.isArray(errors) && errors.length > 0) {
    const codes = errors.map((inner) => connectFailureCode(inner, depth + 1));
    return codes.every(Boolean) ? codes[0] : undefined;
  }
  return connectFailureCode(cause, depth + 1);
}

/** The URL without query, fragment or user info, for messages. */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin;
  } catch {
    return url.split(/[?#]/)[0]!;
  }
}

function transportError(
  cause: unknown,
  signal: AbortSignal | undefined,
  url: string,
  secret: string | undefined,
  phase: 'connect' | 'body',
): InviteError {
  const kept = safeCause(cause, secret);
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
    return timedOut
      ? new InviteError('TIMEOUT', 'The request timed out before the server answered.', { cause: kept })
      : new InviteError('ABORTED', 'The request was cancelled.', { cause: kept });
  }
  if (cause instanceof Error && cause.name === 'TimeoutError') {
    return new InviteError('TIMEOUT', 'The request timed out before the server answered.', { cause: kept });
  }
  const connectCode = phase === 'connect' ? connectFailureCode(cause) : undefined;
  if (connectCode) {
    const origin = shownUrl(url);
    return new InviteError(
      'CONNECT_FAILED',
      `Could not connect to ${origin} (${connectCode}: ${SYSTEM_CODE_TEXT[connectCode]}); the request was not sent.`,
      { cause: kept, origin, systemCode: connectCode },
    );
  }
  const detail = redact(cause instanceof Error ? cause.message : String(cause), secret);
  return new InviteError('NETWORK_ERROR', `The request failed without an answer (${detail}).`, { cause: kept, detail });
}

/** The `InviteError` code for a non-2xx status. */
export function codeForStatus(status: number): InviteErrorCode {
  if (status === 401) return 'AUTH_FAILED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER_ERROR';
  return 'BAD_REQUEST';
}

/** What a vendor's error answer said, verbatim: its own code and its own words. */
export interface VendorSaid {
  vendorCode?: string | undefined;
  vendorMessage?: string | undefined;
}

/**
 * An `InviteError` for a non-2xx response, with the vendor's code and words and any wait hint the server
 * gave. `message` is the adapter's account for developers; people see the message table's sentence,
 * which quotes `vendorMessage`.
 */
export function statusError(response: VendorResponse, message: string, said: VendorSaid = {}, now: number = Date.now()): InviteError {
  const retryAfterMs = waitHintMs(response.headers, now);
  return new InviteError(codeForStatus(response.status), message, {
    status: response.status,
    ...(said.vendorCode === undefined ? {} : { vendorCode: said.vendorCode }),
    ...(said.vendorMessage === undefined || said.vendorMessage === '' ? {} : { vendorMessage: said.vendorMessage }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/**
 * How long the server asked us to wait, in ms: `Retry-After` as seconds or an HTTP date, else a
 * rate-limit reset header (`x-rate-limit-reset` / `x-ratelimit-reset` / `ratelimit-reset`) given either
 * as seconds from now or as a Unix time in seconds.
 */
export function waitHintMs(headers: Headers, now: number = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const remaining = headers.get('x-rate-limit-remaining') ?? headers.get('x-ratelimit-remaining');
  const reset =
    headers.get('x-rate-limit-reset') ?? headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset');
  if (reset && (remaining === null || Number(remaining) <= 0) && /^\d+(\.\d+)?$/.test(reset.trim())) {
    const value = Number(reset);
    // Values past 10^9 are Unix timestamps (seconds); smaller ones are a delay in seconds.
    return value > 1e9 ? Math.max(0, Math.round(value * 1000 - now)) : Math.round(value * 1000);
  }
  return undefined;
}
