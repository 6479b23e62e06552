/**
 * The HTTP plumbing the vendor adapters share: one request, its failure modes mapped onto
 * `InviteError`, and the server's wait hints read from `Retry-After` and rate-limit headers.
 */
import { InviteError, type AdapterConnection, type InviteErrorCode } from './contract.ts';

export interface VendorRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the base URL, starting with `/`. */
  path: string;
  headers?: Record<string, string>;
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

export interface VendorResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON (undefined when empty). */
  body: unknown;
}

/** Resolves the credential: a string, a (possibly async) getter, or nothing when a proxy adds it. */
export async function resolveApiKey(apiKey: AdapterConnection['apiKey']): Promise<string | undefined> {
  return typeof apiKey === 'function' ? await apiKey() : apiKey;
}

export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path;
}

/** Sends one request. Throws `InviteError` only for transport failures; any HTTP status resolves. */
export async function callVendor(
  connection: Required<Pick<AdapterConnection, 'baseUrl'>> & Pick<AdapterConnection, 'fetch'>,
  request: VendorRequest,
): Promise<VendorResponse> {
  const doFetch = connection.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await doFetch(joinUrl(connection.baseUrl, request.path), {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (cause) {
    throw transportError(cause, request.signal);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw transportError(cause, request.signal);
  }
  let body: unknown = undefined;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body };
}

function transportError(cause: unknown, signal: AbortSignal | undefined): InviteError {
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
    return timedOut
      ? new InviteError('TIMEOUT', 'The request timed out before the server answered.', { cause })
      : new InviteError('ABORTED', 'The request was cancelled.', { cause });
  }
  if (cause instanceof Error && cause.name === 'TimeoutError') {
    return new InviteError('TIMEOUT', 'The request timed out before the server answered.', { cause });
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new InviteError('NETWORK_ERROR', `The request did not reach the server (${detail}).`, { cause });
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

/** An `InviteError` for a non-2xx response, with any wait hint the server gave. */
export function statusError(
  response: VendorResponse,
  message: string,
  vendorCode?: string,
  now: number = Date.now(),
): InviteError {
  const retryAfterMs = waitHintMs(response.headers, now);
  return new InviteError(codeForStatus(response.status), message, {
    status: response.status,
    ...(vendorCode === undefined ? {} : { vendorCode }),
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
