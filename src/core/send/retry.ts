/**
 * When to send a failed request again, and how long to wait first. Only failures that say nothing about
 * the request itself are retried; a refusal (400/401/403/404/422) or an unreadable 2xx answer would come
 * back the same, or worse, land twice.
 */
import type { InviteErrorCode } from '../contract.ts';

export interface RetryPolicy {
  /** Requests per batch, the first included. 1 = never retry. Default 5. */
  maxAttempts: number;
  /** Backoff cap of the first retry; doubles per retry. Default 1000 ms. */
  baseDelayMs: number;
  /** Backoff never exceeds this. Default 30 s. */
  maxDelayMs: number;
  /**
   * A server asking for a longer wait than this (Retry-After, rate-limit reset) is not waited for: the
   * batch fails as RATE_LIMITED, still retryable later with `retryFailed()`. Default 5 minutes.
   */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 300_000,
});

/** The only whole-request failures worth repeating: nothing in the request was judged. */
export const RETRYABLE_CODES: ReadonlySet<InviteErrorCode> = new Set<InviteErrorCode>([
  'NETWORK_ERROR',
  'CONNECT_FAILED',
  'TIMEOUT',
  'SERVER_ERROR',
  'RATE_LIMITED',
]);

export function isRetryable(code: string): boolean {
  return RETRYABLE_CODES.has(code as InviteErrorCode);
}

export function retryPolicy(given: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...given };
  if (!(Number.isInteger(policy.maxAttempts) && policy.maxAttempts >= 1)) {
    throw new RangeError(`retry.maxAttempts must be a whole number ≥ 1; got ${policy.maxAttempts}.`);
  }
  return policy;
}

/**
 * How long to wait before retry number `retry` (1 for the first), or undefined to give up now.
 * The server's own wait hint wins when it gave one; otherwise capped exponential backoff with full
 * jitter (a uniform pick in [0, cap]), which spreads out workers that failed together.
 */
export function retryDelay(
  policy: RetryPolicy,
  retry: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number | undefined {
  if (retry >= policy.maxAttempts) return undefined;
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxRetryAfterMs ? Math.max(0, retryAfterMs) : undefined;
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * cap);
}
