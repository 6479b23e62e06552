/** The combined backend (`createMockBackend`) through `setupMockServer` (msw/node intercepting fetch). */
import { createServer, type Server } from 'node:http';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ATHENA_FIXTURE_IDS } from './athenahq/index.ts';
import { createMockBackend, unhandledOption } from './index.ts';
import { setupMockServer } from './node.ts';
import { WIX_FIXTURE_EXAMPLE_POLICY_ID, WIX_FIXTURE_SITE_ID } from './wix/index.ts';

const post = (url: string, headers: Record<string, string>, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** One request per vendor at `base` (the vendor's published host or a proxy prefix). */
const vendors = {
  diga: (base: string, email: string) =>
    post(`${base}/v1/project/invitation/send/bulk`, { authorization: 'Bearer k' }, { invitations: [{ email, role: 'member' }] }),
  wix: (base: string, email: string) =>
    post(`${base}/invites/site-invite/bulk`, { authorization: 'k', 'wix-site-id': WIX_FIXTURE_SITE_ID }, { policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails: [email] }),
  confidentAi: (base: string, email: string) => post(`${base}/v1/projects/projectId/invitations`, { CONFIDENT_API_KEY: 'k' }, { emails: [email] }),
  athenahq: (base: string, email: string) =>
    post(`${base}/api/v1/invites/bulk`, { 'x-api-key': 'k' }, { invite_method: 'email', email, website_ids: [ATHENA_FIXTURE_IDS.siteShop] }),
};
const PUBLISHED = {
  diga: 'https://api.diga.io',
  wix: 'https://www.wixapis.com',
  confidentAi: 'https://api.confident-ai.com',
  athenahq: 'https://api.athenahq.ai',
} as const;

describe('setupMockServer', () => {
  const mock = setupMockServer({ scenario: 'auth-expired' });
  beforeAll(() => mock.listen());
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it.each(Object.keys(vendors) as (keyof typeof vendors)[])('%s answers at its published URL and under a proxy prefix', async (vendor) => {
    expect((await vendors[vendor](PUBLISHED[vendor], 'a@example.net')).ok).toBe(true);
    expect((await vendors[vendor]('http://127.0.0.1:3000/vendor-proxy', 'b@example.net')).ok).toBe(true);
  });

  it('shares one scenario across the four vendors, counting per vendor', async () => {
    for (let i = 0; i < 5; i++) expect((await vendors.diga(PUBLISHED.diga, `d${i}@example.net`)).status).toBe(201);
    expect((await vendors.diga(PUBLISHED.diga, 'd5@example.net')).status).toBe(401);
    expect((await vendors.athenahq(PUBLISHED.athenahq, 'a@example.net')).status).toBe(200);
    expect(mock.backend.scenario.requestCount('diga')).toBe(6);
    expect(mock.backend.scenario.requestCount('athenahq')).toBe(1);
  });

  it('reset() drops overrides and returns stores and counters to the start', async () => {
    mock.server.use(http.post('*/api/v1/invites/bulk', () => HttpResponse.json({ overridden: true })));
    expect(await (await vendors.athenahq(PUBLISHED.athenahq, 'o@example.net')).json()).toEqual({ overridden: true });
    await vendors.wix(PUBLISHED.wix, 'stored@example.net');
    expect(mock.backend.state().wix.invites.map((i) => i.email)).toContain('stored@example.net');

    mock.reset();
    expect(mock.backend.state().wix.invites.map((i) => i.email)).not.toContain('stored@example.net');
    expect(mock.backend.scenario.requestCount('wix')).toBe(0);
    expect(await (await vendors.athenahq(PUBLISHED.athenahq, 'o@example.net')).json()).toMatchObject({ success: true });
  });

  describe('unhandled requests', () => {
    // A real server on 127.0.0.1: if msw let the request through, it would answer 200.
    let real: Server;
    let realUrl = '';
    beforeAll(async () => {
      real = createServer((_, res) => res.end('reached the network'));
      await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
      const address = real.address();
      realUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    });
    afterAll(() => new Promise<void>((resolve) => real.close(() => resolve())));

    it("are errors by default, so a test never reaches the network (msw 2 reads 'onUnhandledRequest')", async () => {
      await expect(fetch(realUrl)).rejects.toThrow();
    });

    it('the option carries both the msw 2 and the msw 3 key', () => {
      expect(unhandledOption('bypass')).toEqual({ onUnhandledRequest: 'bypass', onUnhandledFrame: 'bypass' });
    });
  });
});

describe('createMockBackend', () => {
  it('takes a scenario name or config; `seed` overrides the config', () => {
    expect(createMockBackend().scenario.config).toMatchObject({ name: 'ok', seed: 1 });
    expect(createMockBackend({ scenario: 'partial', seed: 9 }).scenario.config).toMatchObject({ name: 'partial', seed: 9 });
    const config = createMockBackend({ scenario: { name: 'flaky', seed: 3, failureRate: 0.5 }, seed: 4 }).scenario.config;
    expect(config).toMatchObject({ name: 'flaky', seed: 4, failureRate: 0.5 });
  });

  it('exposes the four vendor mocks, their handlers and their state under the vendor ids', () => {
    const backend = createMockBackend();
    const { diga, wix, confidentAi, athenahq } = backend.vendors;
    expect([diga.vendor, wix.vendor, confidentAi.vendor, athenahq.vendor]).toEqual(['diga', 'wix', 'confident-ai', 'athenahq']);
    expect(backend.handlers).toHaveLength(diga.handlers.length + wix.handlers.length + confidentAi.handlers.length + athenahq.handlers.length);
    expect(backend.state()).toEqual({ diga: diga.state(), wix: wix.state(), 'confident-ai': confidentAi.state(), athenahq: athenahq.state() });
  });
});
