import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../send/export.ts';
import { resultRowsToCsv, TABLE_CSV_COLUMNS } from './csv.ts';

const row = (line: number, email: string, status: ResultRow['status'], extra: Partial<ResultRow> = {}): ResultRow => ({ line, email, status, attempts: 1, ...extra });

describe('resultRowsToCsv', () => {
  it('writes the rows given, in their order, under the seven columns, CRLF, after a BOM', () => {
    const csv = resultRowsToCsv([row(3, 'bob@x.com', 'failed', { code: 'VENDOR_REJECTED', message: 'Mailbox full' }), row(2, 'ann@x.com', 'sent', { name: 'Ann Lee', role: 'admin' })]);
    expect(TABLE_CSV_COLUMNS).toEqual(['line', 'email', 'name', 'role', 'status', 'code', 'message']);
    expect(csv).toBe('\uFEFFline,email,name,role,status,code,message\r\n3,bob@x.com,,,failed,VENDOR_REJECTED,Mailbox full\r\n2,ann@x.com,Ann Lee,admin,sent,,\r\n');
    expect(resultRowsToCsv([], { bom: false })).toBe('line,email,name,role,status,code,message\r\n');
  });

  it('quotes as RFC 4180 says: delimiters, quotes (doubled) and line breaks', () => {
    const csv = resultRowsToCsv([row(2, 'ann@x.com', 'failed', { name: 'Lee, Ann "the boss"', message: 'two\r\nlines' })], { bom: false });
    expect(csv.split('\r\n')[1]).toBe('2,ann@x.com,"Lee, Ann ""the boss""",,failed,,"two');
    expect(Papa.parse<string[]>(csv.trim()).data[1]).toEqual(['2', 'ann@x.com', 'Lee, Ann "the boss"', '', 'failed', '', 'two\r\nlines']);
  });

  it('never leaves a live formula: = + - @ tab and CR at the start get a quote, multi-line cells too', () => {
    const names = ['=HYPERLINK("http://evil")', '+1', '-Eve', '@Dan', '\tTab', '\rCR', '=1+1\nsecond line'];
    const csv = resultRowsToCsv(
      names.map((name, i) => row(i + 2, `${i}@x.com`, 'sent', { name })),
      { bom: false },
    );
    const parsed = Papa.parse<string[]>(csv.trim()).data.slice(1);
    expect(parsed.map((cells) => cells[2])).toEqual(names.map((name) => `'${name}`));
    // An address can start with + or -; it is neutralised the same way.
    expect(resultRowsToCsv([row(2, '+ann@x.com', 'invalid')], { bom: false })).toContain(`2,"'+ann@x.com",,,invalid`);
    // Numbers (the line) are never touched.
    expect(resultRowsToCsv([{ email: 'a@x.com', status: 'sent', attempts: 1 }], { bom: false }).split('\r\n')[1]).toBe(',a@x.com,,,sent,,');
  });
});
