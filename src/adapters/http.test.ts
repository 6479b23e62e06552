import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createAthenaAdapter } from './athenahq.ts';
import { createConfidentAiAdapter } from './confident-ai.ts';
import { InviteError } from '../core/contract.ts';
import { createDigaAdapter } from './diga.ts';
import { callVendor, codeForStatus, headerValueProblem, redact, REDACTED, waitHintMs } from './http.ts';
import { createWixAdapter } from './wix.ts';

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

/** A distinctive credential, searched for in everything an error carries. */
const SECRET = 'sk-live-7f3a9c0e5b2d4e61-DO-NOT-LEAK';

/** Everything a host could print of an error: message, String(), its whole inspected cause chain, JSON. */
function everything(error: unknown): string {
  return [String(error), (error as Error)?.stack ?? '', inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error) ?? ''].join('\n');
}

function settle(promise: Promise<unknown>): Promise<InviteError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as InviteError,
  );
}

describe('callVendor: the credential', () => {
  const unsendable: [string, string][] = [
    ['a trailing line (a two-line key file)', `${SECRET}\nsecond-line-of-the-file`],
    ['a carriage return', `${SECRET}\r`],
    ['a control character', `${SECRET}\u001b[2J`],
    ['a non-ASCII character', `${SECRET}\u00a0`],
    ['a character fetch cannot even convert', `${SECRET}\u20ac`],
  ];

  it.each(unsendable)('refuses a key holding %s before any request: AUTH_FAILED, not retryable, no key in it', async (_, key) => {
    let calls = 0;
    const spy = (() => {
      calls++;
      return Promise.resolve(new Response('{}'));
    }) as typeof fetch;
    const error = await settle(
      callVendor({ baseUrl: 'https://x.test', fetch: spy }, { method: 'POST', path: '/a', headers: { authorization: `Bearer ${key}` }, credential: key, body: {} }),
    );
    expect(calls).toBe(0);
    expect(error).toBeInstanceOf(InviteError);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', retryable: false, unsendable: { problem: expect.any(String) } });
    expect(error.message).toMatch(/^The API key cannot be sent: it holds/);
    expect(everything(error)).not.toContain(SECRET);
    expect(everything(error)).not.toContain('second-line');
  });

  it('refuses another unsendable header as BAD_REQUEST, naming the header, not the value', async () => {
    const error = await settle(
      callVendor({ baseUrl: 'https://x.test', fetch: globalThis.fetch }, { method: 'GET', path: '/a', headers: { 'wix-site-id': 'site\nevil: 1' } }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', retryable: false, unsendable: { header: 'wix-site-id', problem: 'LINE_BREAK' } });
    expect(error.message).toContain('wix-site-id');
    expect(error.message).not.toContain('evil');
  });

  it('scrubs the key from a transport error and from the cause chain a host would log', async () => {
    const failing = (() => Promise.reject(new TypeError('fetch failed', { cause: new Error(`socket hang up while sending Bearer ${SECRET}`) }))) as typeof fetch;
    const error = await settle(callVendor({ baseUrl: 'https://x.test', fetch: failing }, { method: 'GET', path: '/a', headers: { authorization: `Bearer ${SECRET}` }, credential: SECRET }));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(everything(error)).not.toContain(SECRET);
    const quoting = (() => Promise.reject(new TypeError(`bad header ${SECRET}`))) as typeof fetch;
    const quoted = await settle(callVendor({ baseUrl: 'https://x.test', fetch: quoting }, { method: 'GET', path: '/a', credential: SECRET }));
    expect(quoted.message).toContain(REDACTED);
    expect(quoted.detail).toBe(`bad header ${REDACTED}`);
    expect(everything(quoted)).not.toContain(SECRET);
  });

  it('scrubs a key the server echoes, in JSON (even JSON-escaped) and in plain text', async () => {
    const quoteKey = `${SECRET}"\\x`;
    const echo = (body: string, status = 401) => (() => Promise.resolve(new Response(body, { status }))) as typeof fetch;
    const json = await callVendor(
      { baseUrl: 'https://x.test', fetch: echo(JSON.stringify({ message: `Invalid key ${quoteKey}`, failed: [{ error: `key ${quoteKey} lacks scope` }] })) },
      { method: 'GET', path: '/a', credential: quoteKey },
    );
    expect(JSON.stringify(json.body)).not.toContain(SECRET);
    expect(json.body).toEqual({ message: `Invalid key ${REDACTED}`, failed: [{ error: `key ${REDACTED} lacks scope` }] });
    const html = await callVendor({ baseUrl: 'https://x.test', fetch: echo(`<p>Bearer ${SECRET} refused</p>`, 502) }, { method: 'GET', path: '/a', credential: SECRET });
    expect(html.body).toBe(`<p>Bearer ${REDACTED} refused</p>`);
  });

  it('leaves short credentials alone (they would match ordinary text) and answers without one untouched', async () => {
    expect(redact('member of x', 'x')).toBe('member of x');
    const body = { message: 'fine' };
    const response = await callVendor({ baseUrl: 'https://x.test', fetch: (() => Promise.resolve(Response.json(body))) as typeof fetch }, { method: 'GET', path: '/a' });
    expect(response.body).toEqual(body);
  });

  it('headerValueProblem accepts visible ASCII, spaces and tabs only', () => {
    expect(headerValueProblem('Bearer abc-DEF_123.~+/=')).toBeUndefined();
    expect(headerValueProblem('a\tb c')).toBeUndefined();
    expect(headerValueProblem('a\nb')).toBe('LINE_BREAK');
    expect(headerValueProblem('a\rb')).toBe('LINE_BREAK');
    expect(headerValueProblem('a\u0000b')).toBe('CONTROL_CHARACTER');
    expect(headerValueProblem('caf\u00e9')).toBe('NON_ASCII');
  });
});

describe('every adapter, handed a key that cannot be sent', () => {
  const key = `${SECRET}\nline-two`;
  const person = [{ email: 'ann@example.com' }];
  const adapters = (fetch: typeof globalThis.fetch) => [
    createDigaAdapter({ apiKey: key, fetch }),
    createWixAdapter({ apiKey: key, fetch, siteId: 'site', policyIds: ['policy'] }),
    createConfidentAiAdapter({ apiKey: () => key, fetch, projectId: 'project' }),
    createAthenaAdapter({ apiKey: async () => key, fetch, websiteIds: ['123e4567-e89b-12d3-a456-426614174000'], inviteMethod: 'email' }),
  ];

  it('throws a non-retryable AUTH_FAILED without the key, and sends nothing', async () => {
    let calls = 0;
    const spy = (() => {
      calls++;
      return Promise.reject(new TypeError('must not be called'));
    }) as typeof fetch;
    for (const adapter of adapters(spy)) {
      const error = await settle(adapter.send(person));
      expect(error, adapter.vendor).toBeInstanceOf(InviteError);
      expect(error, adapter.vendor).toMatchObject({ code: 'AUTH_FAILED', retryable: false });
      expect(everything(error), adapter.vendor).not.toContain(SECRET);
      expect(everything(error), adapter.vendor).not.toContain('line-two');
    }
    expect(calls).toBe(0);
  });

  it('scrubs a key the vendor echoes from the InviteError message and vendorCode', async () => {
    const goodKey = SECRET;
    const echo = ((_: unknown, init?: RequestInit) => {
      const sent = new Headers(init?.headers);
      const heard = sent.get('authorization') ?? sent.get('x-api-key') ?? sent.get('CONFIDENT_API_KEY') ?? '';
      return Promise.resolve(
        Response.json(
          { success: false, message: `The key ${heard} is not valid`, error: `The key ${heard} is not valid`, error_code: `BAD_KEY ${heard}`, details: { applicationError: { code: 'X', description: heard } } },
          { status: 401 },
        ),
      );
    }) as typeof fetch;
    const list = [
      createDigaAdapter({ apiKey: goodKey, fetch: echo }),
      createWixAdapter({ apiKey: goodKey, fetch: echo, siteId: 'site', policyIds: ['policy'] }),
      createConfidentAiAdapter({ apiKey: goodKey, fetch: echo, projectId: 'project' }),
      createAthenaAdapter({ apiKey: goodKey, fetch: echo, websiteIds: ['123e4567-e89b-12d3-a456-426614174000'], inviteMethod: 'email' }),
    ];
    for (const adapter of list) {
      const error = await settle(adapter.send(person));
      expect(error.code, adapter.vendor).toBe('AUTH_FAILED');
      expect(everything(error), adapter.vendor).not.toContain(SECRET);
      expect(`${error.message} ${error.vendorCode ?? ''}`, adapter.vendor).toContain(REDACTED);
      // The vendor's words, kept for people to see, are scrubbed too.
      expect(error.vendorMessage, adapter.vendor).toContain(REDACTED);
    }
  });
});

describe('callVendor: connection failures', () => {
  const undiciFailure = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code }) });
  const rejecting = (error: unknown) => (() => Promise.reject(error)) as typeof fetch;

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])(
    '%s (no connection was made) is CONNECT_FAILED: retryable, naming the origin only',
    async (code) => {
      const error = await settle(callVendor({ baseUrl: 'https://api.example.test/v1?token=q', fetch: rejecting(undiciFailure(code)) }, { method: 'POST', path: '/a', body: {} }));
      expect(error).toMatchObject({ code: 'CONNECT_FAILED', retryable: true, origin: 'https://api.example.test', systemCode: code });
      expect(error.message).toContain(`Could not connect to https://api.example.test (${code}`);
      expect(error.message).not.toContain('token');
    },
  );

  it('an AggregateError of connect failures (several addresses of one host) is CONNECT_FAILED too', async () => {
    const both = new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' }), Object.assign(new Error('b'), { code: 'ENETUNREACH' })]);
    const error = await settle(callVendor({ baseUrl: 'https://x.test', fetch: rejecting(new TypeError('fetch failed', { cause: both })) }, { method: 'GET', path: '/a' }));
    expect(error.code).toBe('CONNECT_FAILED');
  });

  it('a cut after connecting, or a browser bare TypeError, stays NETWORK_ERROR (may have landed)', async () => {
    for (const failure of [undiciFailure('ECONNRESET'), undiciFailure('UND_ERR_SOCKET'), new TypeError('Failed to fetch')]) {
      const error = await settle(callVendor({ baseUrl: 'https://x.test', fetch: rejecting(failure) }, { method: 'GET', path: '/a' }));
      expect(error).toMatchObject({ code: 'NETWORK_ERROR', retryable: true, detail: failure.message });
    }
  });

  it("reads Node's own fetch against a closed local port as CONNECT_FAILED", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const error = await settle(callVendor({ baseUrl: `http://127.0.0.1:${port}` }, { method: 'POST', path: '/a', body: {} }));
    expect(error.code).toBe('CONNECT_FAILED');
    expect(error.message).toContain(`http://127.0.0.1:${port} (ECONNREFUSED`);
  });
});
