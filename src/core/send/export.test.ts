import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createFakeVendor } from '../testing/fake-vendor.ts';
import { resultRows, resultsToCsv, resultsToJson } from './export.ts';
import { checkText } from '../intake/check.ts';
import { inviteesFromRows } from './invitees.ts';
import { createInviteRun } from './run.ts';
import { createVirtualClock } from '../testing/virtual-clock.ts';
import { formatOutcome } from '../messages/run.ts';
import type { MessageOverrides } from '../messages/types.ts';

const INPUT = [
  'email,name,role',
  'ann@example.com,Ann Lee,admin',
  'not-an-address,Bob,member',
  'cat@example.com,"=HYPERLINK(""http://evil"")",member',
  'ANN@example.com,Ann again,member',
  'dan@example.com,"@Dan, ""the boss""",member',
  'eve@example.com,-Eve,member',
].join('\n');

/** Intake, then a run where cat is refused and the rest are sent. */
async function finishedRun() {
  const checked = checkText(INPUT, { roles: ['admin', 'member'] });
  const run = createInviteRun(inviteesFromRows(checked.rows), { clock: createVirtualClock() });
  const vendor = createFakeVendor({ refuses: (email) => email === 'cat@example.com' });
  const snapshot = await run.send({ adapter: vendor, rateLimit: false });
  return { checked, snapshot };
}

describe('inviteesFromRows', () => {
  it('keeps only valid rows, as plain invitees with their line', () => {
    const checked = checkText(INPUT, { roles: ['admin', 'member'] });
    expect(inviteesFromRows(checked.rows)).toEqual([
      { email: 'ann@example.com', line: 2, name: 'Ann Lee', role: 'admin' },
      { email: 'cat@example.com', line: 4, name: '=HYPERLINK("http://evil")', role: 'member' },
      { email: 'dan@example.com', line: 6, name: '@Dan, "the boss"', role: 'member' },
      { email: 'eve@example.com', line: 7, name: '-Eve', role: 'member' },
    ]);
  });
});

describe('export', () => {
  it('says on every pending row why it was not sent', async () => {
    const checked = checkText(INPUT, { roles: ['admin', 'member'] });
    const run = createInviteRun(inviteesFromRows(checked.rows), { clock: createVirtualClock() });
    // One address per request; the second request meets a revoked key, which stops the run.
    const vendor = createFakeVendor({
      maxBatchSize: 1,
      fault: (request) => (request.number === 2 ? { kind: 'error', code: 'AUTH_FAILED' } : null),
    });
    const snapshot = await run.send({ adapter: vendor, rateLimit: false, concurrency: 1 });
    expect(snapshot.status).toBe('stopped');
    const pending = resultsToJson(snapshot, { rows: checked.rows }).outcomes.filter((row) => row.status === 'pending');
    expect(pending.length).toBeGreaterThan(0);
    for (const row of pending) {
      expect(row.code).toBe('AUTH_FAILED');
      expect(row.message).toBe('Not sent: the run stopped because the vendor refused the credentials.');
    }
    const csvPending = Papa.parse<Record<string, string>>(resultsToCsv(snapshot, { rows: checked.rows }).trim(), { header: true }).data.filter(
      (row) => row.status === 'pending',
    );
    expect(csvPending.map((row) => row.code)).toEqual(pending.map(() => 'AUTH_FAILED'));
  });

  it('accounts for every input row: outcomes for sent rows, reasons for rejected ones, in input order', async () => {
    const { checked, snapshot } = await finishedRun();
    const rows = resultRows(snapshot, { rows: checked.rows });
    expect(rows.map((r) => [r.line, r.email, r.status, r.code ?? ''])).toEqual([
      [2, 'ann@example.com', 'sent', ''],
      [3, 'not-an-address', 'invalid', checked.rows[1]!.code],
      [4, 'cat@example.com', 'failed', 'VENDOR_REJECTED'],
      [5, 'ann@example.com', 'duplicate', 'DUPLICATE'],
      [6, 'dan@example.com', 'sent', ''],
      [7, 'eve@example.com', 'sent', ''],
    ]);
    expect(rows[3]!.message).toMatch(/line 2/);
    expect(rows[0]).toMatchObject({ name: 'Ann Lee', role: 'admin', attempts: 1, vendorId: 'inv-ann@example.com' });
    expect(rows[1]!.attempts).toBe(0);
  });

  it('gives every row its code and params, so a host words the whole file in its own language', async () => {
    const { checked, snapshot } = await finishedRun();
    const rows = resultRows(snapshot, { rows: checked.rows });
    expect(rows[1]).toMatchObject({ status: 'invalid', code: 'INVALID_EMAIL', params: checked.rows[1]!.params });
    expect(rows[3]).toMatchObject({ status: 'duplicate', code: 'DUPLICATE', params: { email: 'ann@example.com', line: 2 } });
    const de: MessageOverrides = {
      'row.DUPLICATE': ({ line }) => `Steht schon in Zeile ${line}.`,
      'outcome.VENDOR_REJECTED': () => 'Vom Anbieter abgelehnt.',
      'export.NOT_IN_RUN': () => 'Nicht Teil des Versands.',
    };
    expect(rows.map((row) => formatOutcome(row, de))).toEqual([undefined, rows[1]!.message, 'Vom Anbieter abgelehnt.', 'Steht schon in Zeile 2.', undefined, undefined]);
    const german = resultRows(snapshot, { rows: checked.rows, messages: de });
    expect(german.map((row) => row.message)).toEqual([undefined, rows[1]!.message, 'Vom Anbieter abgelehnt.', 'Steht schon in Zeile 2.', undefined, undefined]);
    const left = resultRows(createInviteRun([]).getSnapshot(), { rows: checkText('a@example.com\n').rows, messages: de });
    expect(left[0]).toMatchObject({ status: 'excluded', code: 'NOT_IN_RUN', params: {}, message: 'Nicht Teil des Versands.' });
  });

  it('lists a valid row left out of the run as excluded, and an invitee without a row at the end', async () => {
    const checked = checkText('a@example.com\nb@example.com\n');
    const run = createInviteRun([...inviteesFromRows(checked.rows).slice(1), { email: 'extra@example.com' }]);
    const rows = resultRows(run.getSnapshot(), { rows: checked.rows });
    expect(rows.map((r) => [r.email, r.status, r.code ?? ''])).toEqual([
      ['a@example.com', 'excluded', 'NOT_IN_RUN'],
      ['b@example.com', 'queued', ''],
      ['extra@example.com', 'queued', ''],
    ]);
  });

  it('writes JSON as { summary, outcomes } with counts that add up to the rows', async () => {
    const { checked, snapshot } = await finishedRun();
    const json = resultsToJson(snapshot, { rows: checked.rows });
    expect(json.summary).toEqual({ total: 6, queued: 0, inFlight: 0, sent: 3, skipped: 0, failed: 1, pending: 0, invalid: 1, duplicate: 1, excluded: 0 });
    expect(json.outcomes[2]).toEqual({
      line: 4,
      email: 'cat@example.com',
      name: '=HYPERLINK("http://evil")',
      role: 'member',
      status: 'failed',
      code: 'VENDOR_REJECTED',
      params: { reason: 'SAID', vendorMessage: 'Refused.' },
      message: 'The vendor refused this address: "Refused."',
      vendorMessage: 'Refused.',
      attempts: 1,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('writes RFC 4180 CSV that reads back to the same values, formulas neutralised', async () => {
    const { checked, snapshot } = await finishedRun();
    const csv = resultsToCsv(snapshot, { rows: checked.rows });
    expect(csv.startsWith('\uFEFFline,email,name,role,status,code,message,attempts,vendor_id\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`"'@Dan, ""the boss"""`);
    expect(csv).toContain(`"'-Eve"`);

    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
    expect(parsed).toHaveLength(7);
    // The columns stay; the vendor's words are quoted by the English sentence.
    expect(parsed[3]).toEqual(['4', 'cat@example.com', `'=HYPERLINK("http://evil")`, 'member', 'failed', 'VENDOR_REJECTED', 'The vendor refused this address: "Refused."', '1', '']);
    expect(parsed[5]![2]).toBe(`'@Dan, "the boss"`);
  });

  it('neutralises every dangerous first character, even in a cell that spans lines', () => {
    const run = createInviteRun(
      ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=cmd|\n2', 'plain', ' =x'].map((name, i) => ({ email: `p${i}@example.com`, name })),
    );
    const names = Papa.parse<string[]>(resultsToCsv(run.getSnapshot()).trimEnd(), { newline: '\r\n' })
      .data.slice(1)
      .map((row) => row[2]);
    expect(names).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "'=cmd|\n2", 'plain', ' =x']);
  });

  it('starts with a UTF-8 byte-order mark for Excel by default, and leaves it out on request', () => {
    const run = createInviteRun([{ email: 'zoë@example.com', name: 'Zoë Müller' }]);
    const csv = resultsToCsv(run.getSnapshot());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Zoë Müller');
    expect(resultsToCsv(run.getSnapshot(), { bom: true })).toBe(csv);
    expect(resultsToCsv(run.getSnapshot(), { bom: false })).toBe(csv.slice(1));
    expect(resultsToCsv(run.getSnapshot(), { bom: false }).charCodeAt(0)).toBe('l'.charCodeAt(0));
  });
});
