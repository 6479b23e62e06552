/**
 * The run with the real adapters against the HTTP mocks (msw in this process), every fault scenario,
 * every vendor. After each run the vendor's own store is read: an address reported sent is held exactly
 * once, one reported failed (and not possibly delivered) is not held at all.
 *
 * Time: a virtual clock that stands still while a request is out (`track`), and moves the faked `Date`
 * along so the mocks' rate-limit windows see the same time. The timeout scenario needs real deadlines
 * (a hung request would hold virtual time forever), so it runs on the system clock with 20–50 ms deadlines.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATHENA_FIXTURE_IDS, createAthenaMock } from '../../mocks/athenahq/index.ts';
import { CONFIDENT_AI_DOCS_PROJECT_ID, createConfidentAiMock } from '../../mocks/confident-ai/index.ts';
import { createDigaMock } from '../../mocks/diga/index.ts';
import { createMockBackend, type MockBackendState } from '../../mocks/index.ts';
import { createRandom, createScenario, type Scenario, type ScenarioConfig } from '../../mocks/scenario.ts';
import type { VendorMock } from '../../mocks/types.ts';
import { createWixMock, WIX_FIXTURE_SITE_ID, wixFixture } from '../../mocks/wix/index.ts';
import { createAthenaAdapter } from './athenahq.ts';
import { createConfidentAiAdapter } from './confident-ai.ts';
import type { InviteAdapter, Invitee, SendContext } from '../core/contract.ts';
import { createDigaAdapter } from './diga.ts';
import { createWixAdapter } from './wix.ts';
import { systemClock, type Clock } from '../core/send/clock.ts';
import { createInviteRun, type InviteRun, type SendOptions } from '../core/send/run.ts';
import type { RunSnapshot } from '../core/send/run-store.ts';
import { createVirtualClock } from '../core/testing/virtual-clock.ts';

const KEY = 'engine-test-key';
const START = Date.UTC(2026, 10, 25, 12, 0, 0);

interface VendorCase {
  name: string;
  mock(scenario: Scenario): VendorMock<any>;
  adapter(fetch?: typeof globalThis.fetch): InviteAdapter;
  /** Invitations the vendor holds for this address. */
  held(state: any, email: string): number;
}

// Room for every test address: the contributor limit is a test of its own (with a site limited to 10).
const wixLimited = (contributorLimit: number) => ({ ...wixFixture, sites: wixFixture.sites.map((site) => ({ ...site, contributorLimit })) });
const roomyWix = wixLimited(1000);
const withFetch = (fetch?: typeof globalThis.fetch) => (fetch ? { fetch } : {});

const vendors: VendorCase[] = [
  {
    name: 'diga',
    mock: (scenario) => createDigaMock({ scenario, keys: [KEY] }),
    adapter: (fetch) => createDigaAdapter({ apiKey: KEY, ...withFetch(fetch) }),
    held: (state, email) => state.invitations.filter((i: any) => i.invited_email === email).length,
  },
  {
    name: 'wix',
    mock: (scenario) => createWixMock({ scenario, keys: [KEY], fixture: roomyWix }),
    adapter: (fetch) => createWixAdapter({ siteId: WIX_FIXTURE_SITE_ID, apiKey: KEY, ...withFetch(fetch) }),
    held: (state, email) => state.invites.filter((i: any) => i.email.toLowerCase() === email && i.status === 'Pending').length,
  },
  {
    name: 'confident-ai',
    mock: (scenario) => createConfidentAiMock({ scenario, keys: [KEY] }),
    adapter: (fetch) => createConfidentAiAdapter({ projectId: CONFIDENT_AI_DOCS_PROJECT_ID, apiKey: KEY, ...withFetch(fetch) }),
    held: (state, email) => state.invitations.filter((i: any) => i.email === email && i.projectId === CONFIDENT_AI_DOCS_PROJECT_ID).length,
  },
  {
    name: 'athenahq',
    mock: (scenario) => createAthenaMock({ scenario, keys: [KEY] }),
    adapter: (fetch) =>
      createAthenaAdapter({ websiteIds: [ATHENA_FIXTURE_IDS.siteExample], inviteMethod: 'email', apiKey: KEY, ...withFetch(fetch) }),
    held: (state, email) => state.invites.filter((i: any) => i.email === email && i.target_id === ATHENA_FIXTURE_IDS.siteExample).length,
  },
];

const invitees: Invitee[] = Array.from({ length: 12 }, (_, i) => ({ email: `invitee${i}@people.example`, line: i + 2 }));

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

/** Counts add up in every snapshot a listener sees. */
function watchCounts(run: InviteRun): { snapshots: number } {
  const seen = { snapshots: 0 };
  run.subscribe(() => {
    const { counts, total } = run.getSnapshot();
    expect(counts.queued + counts.inFlight + counts.sent + counts.skipped + counts.failed + counts.pending).toBe(total);
    seen.snapshots++;
  });
  return seen;
}

interface Harness {
  run: InviteRun;
  mock: VendorMock<any>;
  scenario: Scenario;
  clock: Clock;
  adapter: InviteAdapter;
  options: SendOptions;
  heldCounts(snapshot: RunSnapshot): number[];
}

function harness(
  vendor: VendorCase,
  config: ScenarioConfig,
  send: Partial<SendOptions> = {},
  { realTime = false, fetch }: { realTime?: boolean; fetch?: typeof globalThis.fetch } = {},
): Harness {
  const scenario = createScenario({ seed: 7, ...config });
  const mock = vendor.mock(scenario);
  server.use(...mock.handlers);
  const virtual = createVirtualClock({ start: START, onAdvance: (now) => vi.setSystemTime(now) });
  const clock = realTime ? systemClock : virtual;
  const base = vendor.adapter(fetch);
  // Time stands still while a request is out; otherwise a deadline could fire before msw answers.
  const adapter = realTime ? base : { ...base, send: (batch: readonly Invitee[], context?: SendContext) => virtual.track(base.send(batch, context)) };
  const run = createInviteRun(invitees, { clock, random: createRandom(11) });
  watchCounts(run);
  return {
    run,
    mock,
    scenario,
    clock,
    adapter,
    options: { adapter, rateLimit: false, concurrency: 2, maxBatchSize: 4, retry: { maxAttempts: 10, baseDelayMs: 200 }, ...send },
    heldCounts: (snapshot) => snapshot.outcomes.map((r) => vendor.held(mock.state(), r.email)),
  };
}

/** The vendor's store agrees with the run, address by address. */
function expectStoreAgrees(h: Harness, snapshot: RunSnapshot) {
  const held = h.heldCounts(snapshot);
  snapshot.outcomes.forEach((record, i) => {
    const where = `${record.email} (${record.status} ${record.code ?? ''})`;
    if (record.status === 'sent') expect(held[i], where).toBe(1);
    else if (record.status === 'failed' && !record.maybeDelivered) expect(held[i], where).toBe(0);
    else expect(held[i], where).toBeLessThanOrEqual(1);
  });
}

describe.each(vendors)('$name adapter against its mock', (vendor) => {
  it('ok: sends every address once', async () => {
    const h = harness(vendor, { name: 'ok' });
    const final = await h.run.send(h.options);
    expect(final.status).toBe('done');
    expect(final.counts.sent).toBe(12);
    expect(final.requests.made).toBe(final.requests.batches);
    expect(h.heldCounts(final)).toEqual(Array(12).fill(1));
  });

  it('sends no Idempotency-Key: the vendor documents none (the key is for a host\'s own backend)', async () => {
    const headers: string[][] = [];
    const recording: typeof globalThis.fetch = (input, init) => {
      headers.push([...new Request(input, init).headers.keys()]);
      return globalThis.fetch(input, init);
    };
    const h = harness(vendor, { name: 'ok' }, {}, { fetch: recording });
    const final = await h.run.send(h.options);
    expect(final.counts.sent).toBe(12);
    expect(headers.length).toBe(final.requests.made);
    expect(headers.flat().filter((name) => name.includes('idempotency'))).toEqual([]);
  });

  it('slow: waits for slow answers', async () => {
    const h = harness(vendor, { name: 'slow', latencyMs: [1, 4] });
    const final = await h.run.send({ ...h.options, concurrency: 4 });
    expect(final.counts.sent).toBe(12);
    expect(h.heldCounts(final)).toEqual(Array(12).fill(1));
  });

  it('flaky: retries 5xx until every address is sent, none twice', async () => {
    const h = harness(vendor, { name: 'flaky', failureRate: 0.4 }, { concurrency: 1 });
    const final = await h.run.send(h.options);
    expect(final.counts.sent).toBe(12);
    expect(final.requests.failed).toBeGreaterThan(0);
    expect(final.requests.made).toBe(final.requests.batches + final.requests.failed);
    expect(h.heldCounts(final)).toEqual(Array(12).fill(1));
  });

  it("rate-limited: honours the 429's wait and gets everyone through", async () => {
    const h = harness(vendor, { name: 'rate-limited', rateLimit: { limit: 3, windowMs: 1000 } }, { maxBatchSize: 2 });
    const final = await h.run.send(h.options);
    expect(final.counts.sent).toBe(12);
    expect(final.requests.rateLimited).toBeGreaterThan(0);
    // Every 429 waited out its Retry-After (≥ 1 s): time moved by at least one second per window.
    expect(h.clock.now() - START).toBeGreaterThanOrEqual(1000);
    expect(h.heldCounts(final)).toEqual(Array(12).fill(1));
  });

  it('auth-expired: stops with the rest pending, then resumes with a new adapter', async () => {
    const h = harness(vendor, { name: 'auth-expired', authExpiresAfter: 2 }, { concurrency: 1, maxBatchSize: 2 });
    const perRequest = Math.min(2, h.adapter.maxBatchSize);
    const stopped = await h.run.send(h.options);
    expect(stopped.status).toBe('stopped');
    expect(stopped.stopReason?.code).toBe('AUTH_FAILED');
    expect(stopped.counts).toMatchObject({ sent: 2 * perRequest, pending: 12 - 2 * perRequest, failed: 0 });
    expect(stopped.requests.made).toBe(3);
    expectStoreAgrees(h, stopped);

    // Each renewed key lasts two requests here (the scenario's counter starts again): resume until done.
    let final = stopped;
    for (let round = 0; round < 12 && final.status === 'stopped'; round++) {
      h.scenario.reset();
      final = await h.run.send({ ...h.options, adapter: vendor.adapter() });
      expect(final.counts.failed).toBe(0);
    }
    expect(final.status).toBe('done');
    expect(final.counts.sent).toBe(12);
    expect(h.heldCounts(final)).toEqual(Array(12).fill(1));
  });

  it('network-error: retries dropped connections until everyone is sent', async () => {
    const h = harness(vendor, { name: 'network-error', networkErrorRate: 0.4 }, { concurrency: 1 });
    const final = await h.run.send(h.options);
    expect(final.counts.sent).toBe(12);
    expect(final.requests.failed).toBeGreaterThan(0);
    expect(h.heldCounts(final)).toEqual(Array(12).fill(1));
  });

  it('network-error everywhere: failed, retryable, flagged as possibly delivered; nothing held', async () => {
    const h = harness(vendor, { name: 'network-error' }, { maxBatchSize: 12, retry: { maxAttempts: 3, baseDelayMs: 100 } });
    const final = await h.run.send(h.options);
    expect(final.counts.failed).toBe(12);
    expect(final.retryable).toBe(12);
    expect(final.at(0)).toMatchObject({ code: 'NETWORK_ERROR', retryable: true, maybeDelivered: true });
    expect(final.requests.made).toBe(final.requests.batches * 3);
    expect(h.heldCounts(final)).toEqual(Array(12).fill(0));
  });

  it('timeout: aborts hung requests at the deadline and retries them', async () => {
    const h = harness(
      vendor,
      { name: 'timeout', timeoutRate: 0.3 },
      // 50 ms: long enough for any answered request on a loaded machine, short enough to keep the test quick.
      { concurrency: 1, maxBatchSize: 6, timeoutMs: 50, retry: { maxAttempts: 10, baseDelayMs: 1, maxDelayMs: 2 } },
      { realTime: true },
    );
    const final = await h.run.send(h.options);
    expect(final.counts.sent).toBe(12);
    expect(final.requests.failed).toBeGreaterThan(0);
    expect(h.heldCounts(final)).toEqual(Array(12).fill(1));
  });

  it('timeout everywhere: failed as TIMEOUT, retryable, possibly delivered', async () => {
    const h = harness(
      vendor,
      { name: 'timeout' },
      { maxBatchSize: 12, concurrency: 4, timeoutMs: 20, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } },
      { realTime: true },
    );
    const final = await h.run.send(h.options);
    expect(final.counts.failed).toBe(12);
    expect(final.at(11)).toMatchObject({ status: 'failed', code: 'TIMEOUT', retryable: true, maybeDelivered: true, attempts: 2 });
  });

  it('partial: refused addresses fail for good (or are skipped), the rest are sent, none retried', async () => {
    const h = harness(vendor, { name: 'partial', partialRate: 0.3 });
    const refused = invitees.filter((i) => h.scenario.refuses(i.email)).map((i) => i.email);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(12);
    const final = await h.run.send(h.options);
    expect(final.requests.made).toBe(final.requests.batches);
    for (const record of final.outcomes) {
      if (!refused.includes(record.email)) expect(record.status, record.email).toBe('sent');
      // Confident AI leaves refused addresses out of its answer, which reads as "skipped".
      else if (vendor.name === 'confident-ai') expect(record).toMatchObject({ status: 'skipped', code: 'ALREADY_INVITED' });
      else expect(record).toMatchObject({ status: 'failed', code: 'VENDOR_REJECTED', retryable: false });
    }
    expectStoreAgrees(h, final);
  });

  it('a request that lands but whose answer is lost: confirmed on retry (Wix: UNCERTAIN), never held twice', async () => {
    let dropped = 0;
    // The vendor acts on the first request, then the connection drops before the answer arrives.
    const losing: typeof globalThis.fetch = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      if (dropped++ === 0) throw new TypeError('fetch failed: socket hang up');
      return response;
    };
    const h = harness(vendor, { name: 'ok' }, { concurrency: 1 }, { fetch: losing });
    const final = await h.run.send(h.options);
    const first = vendor.name === 'athenahq' ? [0] : [0, 1, 2, 3];
    for (const i of first) {
      if (vendor.name === 'wix') expect(final.at(i)).toMatchObject({ status: 'failed', code: 'UNCERTAIN', maybeDelivered: true, retryable: false });
      else expect(final.at(i)).toMatchObject({ status: 'sent', code: 'CONFIRMED_ON_RETRY', attempts: 2 });
    }
    expect(final.counts.sent).toBe(12 - (vendor.name === 'wix' ? 4 : 0));
    expect(h.heldCounts(final)).toEqual(Array(12).fill(1));
  });

  it('cancel: requests in flight are aborted and everything unsent is pending; a later send completes it', async () => {
    const controller = new AbortController();
    const h = harness(vendor, { name: 'slow', latencyMs: [1, 3] }, { concurrency: 2, maxBatchSize: 2, signal: controller.signal });
    h.run.subscribe(() => {
      if (h.run.getSnapshot().counts.sent >= 2) controller.abort();
    });
    const cancelled = await h.run.send(h.options);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.counts.pending).toBeGreaterThan(0);
    expect(cancelled.counts.queued + cancelled.counts.inFlight).toBe(0);
    expectStoreAgrees(h, cancelled);

    const { signal: _signal, ...rest } = h.options;
    const resumed = await h.run.send(rest);
    expect(h.heldCounts(resumed)).toEqual(Array(12).fill(1));
    for (const record of resumed.outcomes) {
      // An aborted request may have landed. Wix's refusal of the repeat cannot say so: UNCERTAIN.
      if (record.status === 'sent') continue;
      expect(vendor.name).toBe('wix');
      expect(record).toMatchObject({ status: 'failed', code: 'UNCERTAIN', maybeDelivered: true });
    }
  });
});

describe('the combined mock backend (what `bulk-invite mock` serves)', () => {
  it('takes one run per vendor under a shared flaky scenario; its state() holds each address once per vendor', async () => {
    const backend = createMockBackend({ scenario: { name: 'flaky', failureRate: 0.3 }, seed: 3 });
    server.use(...backend.handlers);
    // The default Wix fixture has room for 7 more contributors: stay under it.
    const few = invitees.slice(0, 6);
    const clock = createVirtualClock({ start: START, onAdvance: (now) => vi.setSystemTime(now) });
    for (const vendor of vendors) {
      const base = vendor.adapter();
      const adapter = { ...base, send: (batch: readonly Invitee[], context?: SendContext) => clock.track(base.send(batch, context)) };
      const final = await createInviteRun(few, { clock }).send({ adapter, rateLimit: false, maxBatchSize: 2, retry: { maxAttempts: 10, baseDelayMs: 100 } });
      expect(final.counts.sent, vendor.name).toBe(6);
      const state = backend.state()[vendor.name as keyof MockBackendState];
      expect(few.map((i) => vendor.held(state, i.email)), vendor.name).toEqual(Array(6).fill(1));
    }
    expect(['diga', 'wix', 'confident-ai', 'athenahq'].map((v) => backend.scenario.requestCount(v)).every((n) => n >= 3)).toBe(true);
  });
});

describe('Wix contributor limit', () => {
  it('reports addresses past the limit as failed (a definite refusal), the others sent', async () => {
    const scenario = createScenario('ok');
    const mock = createWixMock({ scenario, keys: [KEY], fixture: wixLimited(10) });
    server.use(...mock.handlers);
    const run = createInviteRun(invitees, { clock: createVirtualClock() });
    const final = await run.send({ adapter: createWixAdapter({ siteId: WIX_FIXTURE_SITE_ID, apiKey: KEY }), rateLimit: false });
    // 2 contributors + 1 pending invite in the fixture, limit 10: room for 7.
    expect(final.counts).toMatchObject({ sent: 7, failed: 5 });
    expect(final.at(11)).toMatchObject({ status: 'failed', code: 'VENDOR_REJECTED', retryable: false });
    expect(final.at(11).maybeDelivered).toBeUndefined();
  });
});
