/**
 * Seeded fast-check runs over random fault mixes against the in-process vendor: any mix of whole-request
 * errors (landed or not), hangs, Retry-After waits, per-address refusals, addresses already invited,
 * both kinds of vendor (names repeats / refuses them without reason), plus a cancel or a pause at a
 * random request. After every pass the run's account is checked against the vendor's own store.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InviteErrorCode, Invitee } from '../contract.ts';
import { createFakeVendor, type FakeFault, type FakeVendor } from '../testing/fake-vendor.ts';
import { createInviteRun, DEFAULT_STOP_ON, restoreInviteRun, type InviteRun, type SendOptions } from './run.ts';
import type { RunSnapshot } from './run-store.ts';
import { createVirtualClock, type VirtualClock } from '../testing/virtual-clock.ts';

const RUNS = { seed: 20261125, numRuns: 300 } as const;
const CODES: InviteErrorCode[] = [
  'NETWORK_ERROR',
  'TIMEOUT',
  'SERVER_ERROR',
  'RATE_LIMITED',
  'BAD_REQUEST',
  'AUTH_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_RESPONSE',
];
const RETRYABLE = new Set<string>(['NETWORK_ERROR', 'TIMEOUT', 'SERVER_ERROR', 'RATE_LIMITED']);
/** Non-retryable codes that do not stop the run: their addresses are failed for good. */
const FINAL = new Set<string>(['BAD_REQUEST', 'INVALID_RESPONSE']);

/** Whole-request failures after which a real vendor may have acted on the request; a 4xx or 429 never did. */
const CAN_LAND = new Set<string>(['NETWORK_ERROR', 'TIMEOUT', 'SERVER_ERROR', 'INVALID_RESPONSE']);

const fault: fc.Arbitrary<FakeFault | null> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          kind: fc.constant('error' as const),
          code: fc.constantFrom(...CODES),
          landed: fc.boolean(),
          retryAfterMs: fc.integer({ min: 0, max: 3000 }),
        },
        { requiredKeys: ['kind', 'code'] },
      )
      .map((f) => (CAN_LAND.has(f.code) ? f : { ...f, landed: false })),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hang' as const), landed: fc.boolean() }) },
);

const scenario = fc
  .record({
    size: fc.integer({ min: 1, max: 24 }),
    maxBatchSize: fc.integer({ min: 1, max: 6 }),
    concurrency: fc.integer({ min: 1, max: 4 }),
    maxAttempts: fc.integer({ min: 1, max: 5 }),
    repeats: fc.constantFrom('named' as const, 'ambiguous' as const),
    faults: fc.array(fault, { maxLength: 40 }),
    existing: fc.uniqueArray(fc.nat(23), { maxLength: 4 }),
    refused: fc.uniqueArray(fc.nat(23), { maxLength: 4 }),
    /** A cancel or a pause as request `at` arrives, or neither. */
    interrupt: fc.option(fc.record({ kind: fc.constantFrom('cancel' as const, 'pause' as const), at: fc.integer({ min: 1, max: 12 }) }), {
      nil: undefined,
    }),
    rateLimit: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
  })
  .map((s) => ({ ...s, existing: s.existing.filter((i) => i < s.size), refused: s.refused.filter((i) => i < s.size) }));
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const emailOf = (i: number) => `u${i}@example.com`;

async function ticks(n: number) {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

interface World {
  s: Scenario;
  clock: VirtualClock;
  vendor: FakeVendor;
  run: InviteRun;
  existing: Set<string>;
  options: SendOptions;
  faultsOn: { value: boolean };
  /** Set while the test holds the run paused; a request arriving then is a violation. */
  pause: { held: boolean; violations: number };
}

function build(s: Scenario): World {
  const clock = createVirtualClock();
  const existing = new Set(s.existing.map(emailOf));
  const refused = new Set(s.refused.map(emailOf));
  const faultsOn = { value: true };
  const pause = { held: false, violations: 0 };
  let run!: InviteRun;
  const vendor = createFakeVendor({
    clock,
    latencyMs: 10,
    maxBatchSize: s.maxBatchSize,
    repeats: s.repeats,
    vendor: s.repeats === 'ambiguous' ? 'wix' : 'fake',
    existing,
    refuses: (email) => refused.has(email),
    fault: (request) => {
      if (pause.held) pause.violations++;
      if (!faultsOn.value) return null;
      if (s.interrupt?.at === request.number) {
        if (s.interrupt.kind === 'cancel') run.cancel();
        else {
          run.pause();
          pause.held = run.getSnapshot().status === 'paused';
        }
      }
      return s.faults[request.number - 1] ?? null;
    },
  });
  const invitees: Invitee[] = Array.from({ length: s.size }, (_, i) => ({ email: emailOf(i), line: i + 1 }));
  run = createInviteRun(invitees, { clock, random: () => 0.37 });
  run.subscribe(() => {
    const { counts, total, outcomes } = run.getSnapshot();
    expect(counts.queued + counts.inFlight + counts.sent + counts.skipped + counts.failed + counts.pending).toBe(total);
    expect(outcomes.filter((r) => r.status === 'in-flight').length).toBe(counts.inFlight);
  });
  const options: SendOptions = {
    adapter: vendor,
    concurrency: s.concurrency,
    rateLimit: s.rateLimit === undefined ? false : { requests: s.rateLimit, per: 'second' },
    retry: { maxAttempts: s.maxAttempts, baseDelayMs: 50, maxDelayMs: 400 },
    timeoutMs: 200,
  };
  return { s, clock, vendor, run, existing, options, faultsOn, pause };
}

/** Sends, resuming a pause once the run has gone quiet (and checking that it did). */
async function pass(world: World, send: () => Promise<RunSnapshot>): Promise<RunSnapshot> {
  const sending = send();
  if (world.s.interrupt?.kind === 'pause') {
    let settled = false;
    void sending.then(() => (settled = true));
    for (let i = 0; i < 5000 && !settled; i++) {
      const paused = world.run.getSnapshot().status === 'paused';
      if (paused && world.vendor.inFlight === 0 && world.clock.pendingTimers === 0) {
        const made = world.vendor.log.length;
        await ticks(10);
        expect(world.vendor.log.length, 'a request started while paused').toBe(made);
        expect(world.run.getSnapshot().counts.inFlight).toBe(0);
        world.pause.held = false;
        world.run.resume();
      }
      await ticks(1);
    }
  }
  const snapshot = await sending;
  expect(world.pause.violations, 'requests started while paused').toBe(0);
  world.pause.held = false;
  return snapshot;
}

/** The run's account matches what the vendor holds, address by address. */
function checkAccount(world: World, snapshot: RunSnapshot) {
  const { vendor, existing } = world;
  for (const record of snapshot.outcomes) {
    const ours = vendor.created.get(record.email) === 1;
    const where = `${record.email}: ${record.status} ${record.code ?? ''}`;
    expect(['queued', 'in-flight'], where).not.toContain(record.status);
    // "Already invited" after an unanswered request reads as delivered: by us, or by whoever invited before.
    if (record.code === 'CONFIRMED_ON_RETRY') expect(ours || existing.has(record.email), where).toBe(true);
    else if (record.status === 'sent') expect(ours, where).toBe(true);
    if (record.status === 'skipped') expect(existing.has(record.email), where).toBe(true);
    if (ours && record.status !== 'sent') {
      // Delivered but not reported sent: only ever as an honest "may have been delivered".
      expect(record.maybeDelivered, where).toBe(true);
      expect(['failed', 'pending'], where).toContain(record.status);
    }
    if (record.code === 'UNCERTAIN') expect(world.s.repeats, where).toBe('ambiguous');
  }
  for (const count of vendor.created.values()) expect(count).toBeLessThanOrEqual(1);
}

/** Per pass: nothing non-retryable was retried, and no address went out more than maxAttempts times. */
function checkRetries(world: World, fromRequest: number) {
  const entries = world.vendor.log.slice(fromRequest);
  const carried = new Map<string, number>();
  const closed = new Set<string>();
  for (const entry of entries) {
    for (const email of entry.emails) {
      expect(closed.has(email), `${email} sent again after a final answer (request ${entry.number})`).toBe(false);
      carried.set(email, (carried.get(email) ?? 0) + 1);
    }
    if (!RETRYABLE.has(entry.result)) for (const email of entry.emails) closed.add(email);
  }
  for (const [email, count] of carried) expect(count, email).toBeLessThanOrEqual(world.s.maxAttempts);
}

/** Across passes: an address answered, or failed for good, is never sent again. */
function checkNeverResent(world: World) {
  const done = new Set<string>();
  for (const entry of world.vendor.log) {
    for (const email of entry.emails) expect(done.has(email), `${email} re-sent in request ${entry.number}`).toBe(false);
    if (entry.result === 'answered' || FINAL.has(entry.result)) for (const email of entry.emails) done.add(email);
  }
}

describe('sending under random faults (fast-check)', () => {
  it('every address ends in one state that matches the vendor, nothing is doubled or wrongly retried', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const world = build(s);
        const first = await pass(world, () => world.run.send(world.options));
        checkRetries(world, 0);
        checkAccount(world, first);
        if (first.status === 'done') expect(first.counts.pending).toBe(0);
        if (first.status === 'stopped') expect(DEFAULT_STOP_ON).toContain(first.stopReason!.code);
        if (s.interrupt?.kind === 'cancel' && s.interrupt.at <= world.vendor.log.length && first.status !== 'stopped') {
          expect(first.status).toBe('cancelled');
        }

        // The weather clears: resume what is pending, then retry what failed for a retryable reason.
        world.faultsOn.value = false;
        let mark = world.vendor.log.length;
        const resumed = await world.run.send(world.options);
        checkRetries(world, mark);
        checkAccount(world, resumed);
        expect(resumed.status).toBe('done');
        expect(resumed.counts.pending).toBe(0);

        mark = world.vendor.log.length;
        const retryable = new Set(resumed.outcomes.filter((r) => r.status === 'failed' && r.retryable).map((r) => r.email));
        const final = await world.run.retryFailed();
        for (const entry of world.vendor.log.slice(mark)) for (const email of entry.emails) expect(retryable.has(email)).toBe(true);
        checkAccount(world, final);
        checkNeverResent(world);
        expect(final.retryable).toBe(0);
        for (const record of final.outcomes) {
          expect(['sent', 'skipped', 'failed']).toContain(record.status);
          if (record.status === 'failed') expect(record.code === 'UNCERTAIN' || !RETRYABLE.has(record.code!)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('serialize → restore → resume at any point completes without duplicates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fault, { maxLength: 10 }),
        async (size, maxBatchSize, saveAt, faults) => {
          let saved: unknown;
          let run!: InviteRun;
          const oldClock = createVirtualClock();
          const vendor = createFakeVendor({
            maxBatchSize,
            fault: (request) => {
              if (saved !== undefined) return null;
              if (request.number === saveAt) {
                // The page goes away here: this request lands, and nobody hears back.
                saved = JSON.parse(JSON.stringify(run.serialize()));
                return { kind: 'hang', landed: true };
              }
              // Only retryable errors here (no stops, no hangs): this property is about the reload.
              const f = faults[request.number - 1] ?? null;
              return f?.kind === 'error' && RETRYABLE.has(f.code) ? f : null;
            },
          });
          const invitees = Array.from({ length: size }, (_, i) => ({ email: emailOf(i) }));
          run = createInviteRun(invitees, { clock: oldClock, random: () => 0.5 });
          const first = run.send({ adapter: vendor, rateLimit: false, timeoutMs: 0, concurrency: 1, retry: { maxAttempts: 20, baseDelayMs: 10 } });
          let finished = false;
          void first.then(() => (finished = true));
          for (let i = 0; i < 5000 && saved === undefined && !finished; i++) await ticks(1);
          if (saved === undefined) saved = JSON.parse(JSON.stringify(run.serialize()));

          const restored = restoreInviteRun(saved, { clock: createVirtualClock(), random: () => 0.5 });
          const snapshot = restored.getSnapshot();
          expect(snapshot.counts.inFlight).toBe(0);
          const final = await restored.send({ adapter: vendor, rateLimit: false, retry: { maxAttempts: 20, baseDelayMs: 10 } });
          expect(final.status).toBe('done');
          expect(final.counts.sent).toBe(size);
          expect(vendor.created.size).toBe(size);
          for (const count of vendor.created.values()) expect(count).toBe(1);
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });
});
