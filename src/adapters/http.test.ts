import { describe, expect, it } from 'vitest';
import { callVendor, codeForStatus, waitHintMs } from './http.ts';
import { InviteError } from './contract.ts';

describe('waitHintMs', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('reads Retry-After in seconds', () => {
    expect(waitHintMs(new Headers({ 'retry-after': '7' }), now)).toBe(7000);
  });
  it('reads Retry-After as an HTTP date', () => {
    expect(waitHintMs(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 12:00:30 GMT' }), now)).toBe(30_000);
  });
  it('reads a Unix reset time only when no requests remain', () => {
    const reset = String(now / 1000 + 12);
    expect(waitHintMs(new Headers({ 'x-rate-limit-reset': reset, 'x-rate-limit-remaining': '0' }), now)).toBe(12_000);
    expect(waitHintMs(new Headers({ 'x-rate-limit-reset': reset, 'x-rate-limit-remaining': '5' }), now)).toBeUndefined();
  });
  it('ignores garbage', () => {
    expect(waitHintMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });
});

describe('codeForStatus', () => {
  it.each([
    [401, 'AUTH_FAILED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [422, 'BAD_REQUEST'],
    [400, 'BAD_REQUEST'],
    [429, 'RATE_LIMITED'],
    [503, 'SERVER_ERROR'],
  ] as const)('%i → %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});

describe('callVendor', () => {
  it('maps a rejected fetch to a retryable NETWORK_ERROR', async () => {
    const failing = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
    const error = await callVendor({ baseUrl: 'https://x.test', fetch: failing }, { method: 'GET', path: '/a' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InviteError);
    expect((error as InviteError).code).toBe('NETWORK_ERROR');
    expect((error as InviteError).retryable).toBe(true);
  });
  it('maps a timeout signal to TIMEOUT and a cancel to ABORTED', async () => {
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))) as typeof fetch;
    const timedOut = await callVendor(
      { baseUrl: 'https://x.test', fetch: hanging },
      { method: 'GET', path: '/a', signal: AbortSignal.timeout(5) },
    ).then(
      () => undefined,
      (e: unknown) => e as InviteError,
    );
    expect(timedOut?.code).toBe('TIMEOUT');
    const controller = new AbortController();
    const pending = callVendor({ baseUrl: 'https://x.test', fetch: hanging }, { method: 'GET', path: '/a', signal: controller.signal });
    controller.abort();
    const aborted = await pending.then(
      () => undefined,
      (e: unknown) => e as InviteError,
    );
    expect(aborted?.code).toBe('ABORTED');
    expect(aborted?.retryable).toBe(false);
  });
  it('keeps a non-JSON body as text', async () => {
    const html = (() => Promise.resolve(new Response('<h1>Bad gateway</h1>', { status: 502 }))) as typeof fetch;
    const response = await callVendor({ baseUrl: 'https://x.test/', fetch: html }, { method: 'GET', path: '/a' });
    expect(response).toMatchObject({ status: 502, body: '<h1>Bad gateway</h1>' });
  });
});
