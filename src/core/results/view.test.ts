import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../send/export.ts';
import { viewResults } from './view.ts';

const row = (line: number, email: string, status: ResultRow['status'], extra: Partial<ResultRow> = {}): ResultRow => ({ line, email, status, attempts: 1, ...extra });
const rows = [
  row(2, 'ann@x.com', 'sent', { name: 'Ann Lee' }),
  row(3, 'bob@x.com', 'failed', { message: 'Mailbox full' }),
  row(4, 'cat@x.com', 'skipped', { name: 'Cat' }),
  row(5, 'dan@x.com', 'sent', { name: 'Dan' }),
  row(6, 'bad@', 'invalid'),
];

describe('viewResults', () => {
  it('counts every status, whatever is shown', () => {
    expect(viewResults(rows, { filter: 'sent' }).counts).toEqual({ sent: 2, failed: 1, skipped: 1, invalid: 1 });
    expect(viewResults(rows).total).toBe(5);
  });

  it('filters by status and searches address, name and message', () => {
    expect(viewResults(rows, { filter: 'sent' }).rows.map((r) => r.email)).toEqual(['ann@x.com', 'dan@x.com']);
    expect(viewResults(rows, { search: 'mailbox' }).rows.map((r) => r.email)).toEqual(['bob@x.com']);
    expect(viewResults(rows, { search: ' LEE ' }).rows.map((r) => r.email)).toEqual(['ann@x.com']);
    expect(viewResults(rows, { filter: 'sent', search: 'dan' }).rows.map((r) => r.email)).toEqual(['dan@x.com']);
  });

  it('sorts either way; by status, what needs attention comes first', () => {
    expect(viewResults(rows, { sort: { key: 'email', direction: 'descending' } }).rows.map((r) => r.line)).toEqual([5, 4, 3, 6, 2]);
    expect(viewResults(rows, { sort: { key: 'status', direction: 'ascending' } }).rows.map((r) => r.status)).toEqual(['failed', 'invalid', 'skipped', 'sent', 'sent']);
    expect(viewResults(rows, { sort: { key: 'line', direction: 'descending' } }).rows.map((r) => r.line)).toEqual([6, 5, 4, 3, 2]);
  });

  it('returns the same rows array when nothing filters or sorts', () => {
    expect(viewResults(rows).rows).toBe(rows);
  });
});
