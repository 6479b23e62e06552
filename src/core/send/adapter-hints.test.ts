/**
 * What the engine takes from the adapter (its documented rate limit) and what it gives the adapter with
 * each request (`SendContext`: the signal and the idempotency key).
 */
import { describe, expect, it } from 'vitest';
import type { InviteAdapter, Invitee, SendContext } from '../contract.ts';
import { createFakeVendor, type FakeVendorOptions } from '../testing/fake-vendor.ts';
import { createVirtualClock } from '../testing/virtual-clock.ts';
import { createRateLimiter, type RateLimit } from './rate-limit.ts';
import { createInviteRun, type SendOptions } from './run.ts';

const people = (n: number): Invitee[] => Array.from({ length: n }, (_, i) => ({ email: `p${i}@example.com`, line: i + 2 }));

/** The fake vendor on a virtual clock, declaring `rateLimit`, recording when and with what each request came. */
function world(n: number, rateLimit?: RateLimit, vendor: Omit<FakeVendorOptions, 'clock'> = {}) {
  const clock = createVirtualClock();
  const fake = createFakeVendor({ maxBatchSize: 1, latencyMs: 0, ...vendor, clock });
  const arrivals: number[] = [];
  const contexts: SendContext[] = [];
  const adapter: InviteAdapter = {
    vendor: 'fake',
    roles: fake.roles,
    maxBatchSize: fake.maxBatchSize,
    ...(rateLimit ? { rateLimit } : {}),
    send(batch, context) {
      arrivals.push(clock.now());
      contexts.push(context!);
      return fake.send(batch, context);
    },
  };
  const run = createInviteRun(people(n), { clock, random: () => 0.5 });
  return { clock, fake, adapter, run, arrivals, contexts, keys: () => contexts.map((c) => c.idempotencyKey) };
}

describe("the adapter's documented rate limit", () => {
  it('is kept to when the caller sets none', async () => {
    const w = world(3, { requests: 60, per: 'minute' });
    const final = await w.run.send({ adapter: w.adapter });
    expect(final.counts.sent).toBe(3);
    expect(w.arrivals).toEqual([0, 1000, 2000]);
  });

  it("gives way to the caller's rate limit, limiter or false", async () => {
    const given: [SendOptions['rateLimit'], number[]][] = [
      [{ requests: 10, per: 'second' }, [0, 100, 200]],
      [false, [0, 0, 0]],
    ];
    for (const [rateLimit, expected] of given) {
      const w = world(3, { requests: 60, per: 'minute' });
      await w.run.send({ adapter: w.adapter, rateLimit });
      expect(w.arrivals).toEqual(expected);
    }
    const w = world(3, { requests: 60, per: 'minute' });
    await w.run.send({ adapter: w.adapter, rateLimit: createRateLimiter({ requests: 4, per: 'second' }, w.clock) });
    expect(w.arrivals).toEqual([0, 250, 500]);
  });

  it("falls back to the engine's default (10 a second) when the adapter declares none", async () => {
    const w = world(3);
    await w.run.send({ adapter: w.adapter });
    expect(w.arrivals).toEqual([0, 100, 200]);
  });

  it("is the new adapter's when retryFailed is given one", async () => {
    const w = world(2, undefined, { fault: (request) => (request.number <= 2 ? { kind: 'error', code: 'SERVER_ERROR' } : null) });
    const first = await w.run.send({ adapter: w.adapter, retry: { maxAttempts: 1 } });
    expect(first.counts.failed).toBe(2);
    const slow: InviteAdapter = { ...w.adapter, rateLimit: { requests: 2, per: 'minute' } };
    const start = w.clock.now();
    await w.run.retryFailed({ adapter: slow });
    expect(w.arrivals.slice(2).map((t) => t - start)).toEqual([0, 30_000]);
  });

  it('is refused like a caller\'s when it makes no sense', async () => {
    const w = world(1, { requests: 0, per: 'minute' });
    await expect(w.run.send({ adapter: w.adapter })).rejects.toThrow(RangeError);
  });
});

describe('SendContext.idempotencyKey', () => {
  it('is the same for every attempt of a batch and differs between batches', async () => {
    // Batch 0 (p0) fails twice before it lands; batch 1 (p1) lands at once; batch 2 (p2) times out once.
    const w = world(3, undefined, {
      fault: (request) => {
        if (request.emails[0] === 'p0@example.com' && request.number <= 2) return { kind: 'error', code: 'SERVER_ERROR' };
        if (request.emails[0] === 'p2@example.com' && w.fake.log.filter((e) => e.emails[0] === 'p2@example.com').length === 1) {
          return { kind: 'hang', landed: true };
        }
        return null;
      },
    });
    const final = await w.run.send({ adapter: w.adapter, concurrency: 1, rateLimit: false, timeoutMs: 1000, retry: { baseDelayMs: 10 } });
    expect(final.counts.sent).toBe(3);
    const byEmail = new Map<string, Set<string>>();
    w.fake.log.forEach((entry, i) => {
      const email = entry.emails[0]!;
      byEmail.set(email, (byEmail.get(email) ?? new Set()).add(w.keys()[i]!));
    });
    expect(w.fake.log.map((e) => e.emails[0])).toEqual([
      'p0@example.com',
      'p0@example.com',
      'p0@example.com',
      'p1@example.com',
      'p2@example.com',
      'p2@example.com',
    ]);
    expect([...byEmail.values()].map((keys) => keys.size)).toEqual([1, 1, 1]);
    expect(new Set(w.keys()).size).toBe(3);
    for (const key of w.keys()) {
      expect(key).toMatch(/^[A-Za-z0-9-]+$/);
      expect(key.length).toBeLessThanOrEqual(64);
    }
  });

  it('differs between runs, and between passes of one run (a later pass re-plans its batches)', async () => {
    const a = world(2, undefined, { fault: (request) => (request.number === 1 ? { kind: 'error', code: 'SERVER_ERROR' } : null) });
    const b = world(2);
    await a.run.send({ adapter: a.adapter, rateLimit: false, retry: { maxAttempts: 1 } });
    await b.run.send({ adapter: b.adapter, rateLimit: false });
    expect(a.keys().filter((key) => b.keys().includes(key))).toEqual([]);

    await a.run.retryFailed();
    expect(a.keys()).toHaveLength(3);
    expect(new Set(a.keys()).size).toBe(3);
  });

  it('comes with the signal, which aborts the request at its deadline', async () => {
    const w = world(1, undefined, { fault: (request) => (request.number === 1 ? { kind: 'hang' } : null) });
    const final = await w.run.send({ adapter: w.adapter, rateLimit: false, timeoutMs: 500, retry: { baseDelayMs: 10 } });
    expect(final.at(0)).toMatchObject({ status: 'sent', attempts: 2 });
    const [first, second] = w.contexts;
    expect(first!.signal!.aborted).toBe(true);
    expect((first!.signal!.reason as Error).name).toBe('TimeoutError');
    expect(second!.signal!.aborted).toBe(false);
    expect(second!.idempotencyKey).toBe(first!.idempotencyKey);
    expect(w.fake.log.map((e) => e.result)).toEqual(['TIMEOUT', 'answered']);
  });
});
