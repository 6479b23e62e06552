import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, isRetryable, RETRYABLE_CODES, retryDelay, retryPolicy } from './retry.ts';

describe('retry policy', () => {
  it('retries exactly network errors, connect failures, timeouts, 5xx and 429', () => {
    expect([...RETRYABLE_CODES].sort()).toEqual(['CONNECT_FAILED', 'NETWORK_ERROR', 'RATE_LIMITED', 'SERVER_ERROR', 'TIMEOUT']);
    for (const code of ['BAD_REQUEST', 'AUTH_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_RESPONSE', 'ABORTED', 'UNCERTAIN', 'ADAPTER_ERROR']) {
      expect(isRetryable(code), code).toBe(false);
    }
  });

  it('has sane defaults and refuses a policy with no attempt', () => {
    expect(retryPolicy()).toEqual(DEFAULT_RETRY_POLICY);
    expect(retryPolicy({ maxAttempts: 2 }).maxAttempts).toBe(2);
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
    expect(() => retryPolicy({ maxAttempts: 1.5 })).toThrow(RangeError);
  });

  it('backs off exponentially with full jitter under a cap', () => {
    const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000, maxAttempts: 10 });
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6].map((retry) => retryDelay(policy, retry, undefined, top))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(retryDelay(policy, 3, undefined, () => 0)).toBe(0);
  });

  it('stays within [0, cap] for any random value (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, r) => {
        const policy = retryPolicy({ maxAttempts: 100 });
        const delay = retryDelay(policy, retry, undefined, () => r)!;
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1)));
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it("takes the server's wait when it gave one, and gives up when it is too long", () => {
    const policy = retryPolicy({ maxRetryAfterMs: 10_000 });
    expect(retryDelay(policy, 1, 7000, () => 0.5)).toBe(7000);
    expect(retryDelay(policy, 1, 0, () => 0.5)).toBe(0);
    expect(retryDelay(policy, 1, 10_001, () => 0.5)).toBeUndefined();
  });

  it('gives up once maxAttempts requests were made', () => {
    const policy = retryPolicy({ maxAttempts: 3 });
    expect(retryDelay(policy, 2, undefined, () => 0.5)).toBeDefined();
    expect(retryDelay(policy, 3, undefined, () => 0.5)).toBeUndefined();
    expect(retryDelay(retryPolicy({ maxAttempts: 1 }), 1, 0, () => 0.5)).toBeUndefined();
  });
});
