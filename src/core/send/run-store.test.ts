import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Invitee } from '../contract.ts';
import { readSerializedRun, RUN_FORMAT, serializeRun } from './persist.ts';
import { createRunStore } from './run-store.ts';

const people = (n: number): Invitee[] => Array.from({ length: n }, (_, i) => ({ email: `p${i}@example.com`, line: i + 1 }));
const microtask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

afterEach(() => vi.restoreAllMocks());

describe('run store', () => {
  it('starts with everyone queued, idle, counts adding up', () => {
    const store = createRunStore(people(3));
    const snapshot = store.getSnapshot();
    expect(snapshot).toMatchObject({ status: 'idle', total: 3, retryable: 0 });
    expect(snapshot.counts).toEqual({ queued: 3, inFlight: 0, sent: 0, skipped: 0, failed: 0, pending: 0 });
    expect(snapshot.at(1)).toEqual({ index: 1, email: 'p1@example.com', line: 2, status: 'queued', attempts: 0 });
    expect(JSON.parse(JSON.stringify(snapshot.at(1)))).toEqual({ index: 1, email: 'p1@example.com', line: 2, status: 'queued', attempts: 0 });
    expect(() => snapshot.at(3)).toThrow(RangeError);
  });

  it('returns the same snapshot until something changes, then a new one; old snapshots never change', () => {
    const store = createRunStore(people(3));
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    store.patch(0, { status: 'sent', attempts: 1 });
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(first.at(0).status).toBe('queued');
    expect(first.counts.sent).toBe(0);
    expect(second.at(0)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(second.counts).toMatchObject({ queued: 2, sent: 1 });
    // Unchanged records are shared, and `outcomes` is built once per snapshot.
    expect(second.at(2)).toBe(first.at(2));
    expect(second.outcomes).toBe(second.outcomes);
    expect(second.outcomes.map((r) => r.status)).toEqual(['sent', 'queued', 'queued']);
  });

  it('says what the run waits for in a new snapshot, and keeps the snapshot while that does not change', () => {
    const store = createRunStore(people(1));
    const before = store.getSnapshot();
    expect(before.waiting).toBeUndefined();
    store.setWaiting({ reason: 'RATE_LIMITED', until: 5000 });
    const held = store.getSnapshot();
    expect(held).not.toBe(before);
    expect(held.waiting).toEqual({ reason: 'RATE_LIMITED', until: 5000 });
    expect(Object.isFrozen(held.waiting)).toBe(true);
    store.setWaiting({ reason: 'RATE_LIMITED', until: 5000 });
    expect(store.getSnapshot()).toBe(held);
    store.setWaiting(undefined);
    expect(store.getSnapshot().waiting).toBeUndefined();
    // Never saved: a restored run is not sending.
    expect(serializeRun(held)).not.toHaveProperty('waiting');
  });

  it('keeps params and the vendor’s words on a record, and clears them with the code', () => {
    const store = createRunStore(people(1));
    store.patch(0, { status: 'failed', code: 'VENDOR_REJECTED', params: { reason: 'SAID', vendorMessage: 'No.' }, message: 'x', vendorMessage: 'No.' });
    expect(store.getSnapshot().at(0)).toMatchObject({ params: { reason: 'SAID', vendorMessage: 'No.' }, vendorMessage: 'No.' });
    store.patch(0, { status: 'queued', code: undefined, params: undefined, message: undefined, vendorMessage: undefined });
    expect(JSON.parse(JSON.stringify(store.getSnapshot().at(0)))).toEqual({ index: 0, email: 'p0@example.com', line: 1, status: 'queued', attempts: 0 });
  });

  it('clears a field patched to undefined and keeps retryable counted', () => {
    const store = createRunStore(people(2));
    store.patch(0, { status: 'failed', code: 'SERVER_ERROR', message: 'x', retryable: true });
    expect(store.getSnapshot().retryable).toBe(1);
    store.patch(0, { status: 'queued', code: undefined, message: undefined, retryable: undefined });
    const record = store.getSnapshot().at(0);
    expect(record.code).toBeUndefined();
    expect(record.retryable).toBeUndefined();
    expect(store.getSnapshot().retryable).toBe(0);
  });

  it('tells listeners once per microtask however many addresses moved, and stops after unsubscribe', async () => {
    const store = createRunStore(people(100));
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    for (let i = 0; i < 100; i++) store.patch(i, { status: 'in-flight' });
    store.setStatus('sending');
    expect(listener).not.toHaveBeenCalled();
    await microtask();
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.patch(0, { status: 'sent' });
    await microtask();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('accepts its own notification scheduler (e.g. one per animation frame)', () => {
    const flushes: (() => void)[] = [];
    const store = createRunStore(people(2), undefined, { schedule: (flush) => flushes.push(flush) });
    const listener = vi.fn();
    store.subscribe(listener);
    store.patch(0, { status: 'sent' });
    store.patch(1, { status: 'sent' });
    expect(flushes).toHaveLength(1);
    flushes[0]!();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('copies about one chunk per change for 100,000 addresses, not the whole list', () => {
    const store = createRunStore(people(100_000));
    store.getSnapshot();
    let copied = 0;
    const slice = Array.prototype.slice;
    vi.spyOn(Array.prototype, 'slice').mockImplementation(function (this: unknown[], ...args: [number?, number?]) {
      const result = slice.apply(this, args);
      copied += result.length;
      return result;
    });
    for (let i = 0; i < 1000; i++) {
      store.patch(i * 97, { status: 'sent' });
      store.getSnapshot();
    }
    vi.restoreAllMocks();
    // Per change: one chunk (256 records) plus the chunk table (391 entries). A full copy would be 100,000.
    expect(copied).toBeLessThanOrEqual(1000 * (256 + 391));
    expect(store.getSnapshot().counts.sent).toBe(1000);
  });
});

describe('serialise and restore', () => {
  it('round-trips through JSON; in flight comes back pending and maybe delivered; a sending run comes back idle', () => {
    const invitees = people(4).map((p, i) => (i === 0 ? Object.assign(p, { raw: 'p0@example.com,Ann', status: 'valid', name: 'Ann' }) : p));
    const store = createRunStore(invitees);
    store.setStatus('sending');
    store.patch(0, { status: 'sent', attempts: 1, vendorId: 'v1', startedAt: 5, finishedAt: 9 });
    store.patch(1, { status: 'in-flight', attempts: 2, startedAt: 5 });
    store.patch(2, { status: 'failed', code: 'TIMEOUT', message: 'late', attempts: 3, retryable: true, maybeDelivered: true });
    store.countRequest({ made: 6, batches: 3, failed: 3 });
    const saved = JSON.parse(JSON.stringify(serializeRun(store.getSnapshot())));

    expect(saved.format).toBe(RUN_FORMAT);
    // Only invitee fields: a CheckedRow's raw text and status stay behind.
    expect(saved.invitees[0]).toEqual({ email: 'p0@example.com', name: 'Ann', line: 1 });

    const { invitees: back, state } = readSerializedRun(saved);
    const restored = createRunStore(back, state).getSnapshot();
    expect(restored.status).toBe('idle');
    expect(restored.requests).toEqual({ made: 6, batches: 3, rateLimited: 0, failed: 3 });
    expect(restored.at(0)).toEqual({ index: 0, email: 'p0@example.com', line: 1, status: 'sent', attempts: 1, vendorId: 'v1', startedAt: 5, finishedAt: 9 });
    expect(restored.at(1)).toMatchObject({ status: 'pending', maybeDelivered: true, attempts: 2 });
    expect(restored.at(2)).toMatchObject({ status: 'failed', code: 'TIMEOUT', retryable: true });
    expect(restored.counts).toEqual({ queued: 1, inFlight: 0, sent: 1, skipped: 0, failed: 1, pending: 1 });
    expect(restored.retryable).toBe(1);
  });

  it('keeps a stopped run stopped, with its reason', () => {
    const store = createRunStore(people(1));
    store.setStatus('stopped', { code: 'AUTH_FAILED', message: 'expired' });
    const { state } = readSerializedRun(JSON.parse(JSON.stringify(serializeRun(store.getSnapshot()))));
    expect(state).toMatchObject({ status: 'stopped', stopReason: { code: 'AUTH_FAILED', message: 'expired' } });
  });

  it('names the first problem of something that is not a saved run', () => {
    const good = serializeRun(createRunStore(people(1)).getSnapshot());
    expect(() => readSerializedRun(null)).toThrow(/Not a saved invite run/);
    expect(() => readSerializedRun({ ...good, records: [{ status: 'lost', attempts: 0 }] })).toThrow(/records\.0\.status/);
  });
});
