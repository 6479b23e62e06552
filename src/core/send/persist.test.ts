/**
 * Saved runs: format 2 keeps each record's code, params and the vendor's words (the English is worded
 * again on restore, not stored), and format 1, saved before records had params, still restores.
 */
import { describe, expect, it } from 'vitest';
import type { InviteAdapter } from '../contract.ts';
import { InviteError } from '../contract.ts';
import { resultsToJson } from './export.ts';
import { RUN_FORMAT, RUN_FORMAT_1 } from './persist.ts';
import { createInviteRun, restoreInviteRun } from './run.ts';

/** Refuses b@ with its own words, then a 401 stops the run with c@ and d@ unsent. */
const adapter: InviteAdapter = {
  vendor: 'host',
  roles: [],
  maxBatchSize: 2,
  async send(batch) {
    if (batch[0]!.email === 'c@x.io') throw new InviteError('AUTH_FAILED', 'x', { status: 401, vendorMessage: 'Token expired' });
    return batch.map((invitee) =>
      invitee.email === 'b@x.io' ? { email: invitee.email, status: 'failed', code: 'VENDOR_REJECTED', vendorMessage: 'Blocked domain' } : { email: invitee.email, status: 'sent' },
    );
  },
};

async function stoppedRun() {
  const run = createInviteRun(['a', 'b', 'c', 'd'].map((name, i) => ({ email: `${name}@x.io`, line: i + 2 })));
  return { run, final: await run.send({ adapter, rateLimit: false, concurrency: 1 }) };
}

describe('serialize and restore, format 2', () => {
  it('keeps code, params and vendorMessage, stores no English, and words it again on restore', async () => {
    const { run, final } = await stoppedRun();
    const saved = JSON.parse(JSON.stringify(run.serialize()));
    expect(saved.format).toBe(RUN_FORMAT);
    expect(saved.records[1]).toEqual({
      status: 'failed',
      code: 'VENDOR_REJECTED',
      params: { reason: 'SAID', vendorMessage: 'Blocked domain' },
      vendorMessage: 'Blocked domain',
      attempts: 1,
      startedAt: expect.any(Number),
      finishedAt: expect.any(Number),
      retryable: false,
    });
    expect(saved.records[2]).toMatchObject({ status: 'pending', code: 'AUTH_FAILED', params: {} });
    expect(saved.records[2].message).toBeUndefined();
    expect(saved.stopReason).toEqual({ code: 'AUTH_FAILED', params: { status: 401, vendorMessage: 'Token expired' }, message: final.stopReason!.message });

    const restored = restoreInviteRun(saved).getSnapshot();
    expect(restored.outcomes).toEqual(final.outcomes);
    expect(restored.stopReason).toEqual(final.stopReason);
    expect(restored.at(1).message).toBe('The vendor refused this address: "Blocked domain".');
    expect(restored.at(3).message).toBe('Not sent: the run stopped because the vendor refused the credentials.');
  });
});

describe('restoring format 1', () => {
  const v1 = {
    format: RUN_FORMAT_1,
    status: 'stopped',
    stopReason: { code: 'AUTH_FAILED', message: 'Token expired' },
    requests: { made: 2, batches: 2, rateLimited: 0, failed: 1 },
    invitees: [
      { email: 'a@x.io', line: 2 },
      { email: 'b@x.io', line: 3 },
      { email: 'c@x.io', line: 4 },
    ],
    records: [
      { status: 'sent', attempts: 1, finishedAt: 5, vendorId: 'v-a' },
      { status: 'skipped', code: 'ALREADY_INVITED', message: 'Invitation already sent', attempts: 1, finishedAt: 5 },
      { status: 'pending', attempts: 1, finishedAt: 9 },
    ],
  };

  it('keeps each record’s code and message as saved, without params, and the stop reason likewise', () => {
    const snapshot = restoreInviteRun(structuredClone(v1)).getSnapshot();
    expect(snapshot.at(1)).toMatchObject({ status: 'skipped', code: 'ALREADY_INVITED', message: 'Invitation already sent', params: undefined, vendorMessage: undefined });
    expect(snapshot.stopReason).toEqual({ code: 'AUTH_FAILED', message: 'Token expired' });
    expect(snapshot.status).toBe('stopped');
  });

  it("words a pending record's reason from the run's stop in the export", () => {
    const rows = resultsToJson(restoreInviteRun(structuredClone(v1)).getSnapshot()).outcomes;
    expect(rows[2]).toMatchObject({ status: 'pending', code: 'AUTH_FAILED', message: 'Not sent: the run stopped because the vendor refused the credentials.' });
    expect(rows[1]).toMatchObject({ code: 'ALREADY_INVITED', message: 'Invitation already sent' });
  });

  it('is saved again as format 2, and resumes', async () => {
    const run = restoreInviteRun(structuredClone(v1));
    expect(run.serialize().format).toBe(RUN_FORMAT);
    expect(run.serialize().records[1]).toMatchObject({ code: 'ALREADY_INVITED', message: 'Invitation already sent' });
    const final = await run.send({ adapter: { vendor: 'x', roles: [], maxBatchSize: 5, send: async (batch) => batch.map((i) => ({ email: i.email, status: 'sent' as const })) }, rateLimit: false });
    expect(final.counts).toMatchObject({ sent: 2, skipped: 1, pending: 0 });
  });
});
