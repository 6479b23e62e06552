/**
 * The bad-input catalogue (`bench/bad-inputs.ts`), one test per entry. Each entry is read streamed
 * (`checkStream`, 64 KiB chunks) and, when it is built whole, with `checkBytes`; both must give the
 * entry's outcome, and the test then pins what is specific to it (the message, the rows, the encoding).
 *
 * Bounds, none of them a wall-clock limit:
 * - time: CPU time per MB (an input under 1 MB charged as 1 MB) at most TIME_FACTOR × an ordinary export's,
 *   measured in the same run; a pattern that backtracks or a reader that rescans is off by orders of magnitude;
 * - memory: what a streamed read holds (heap and buffers, after a full collection, at sample points) at most
 *   twice the input plus a fixed 16 MB for the reader's own working set.
 */
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BAD_INPUTS,
  bestCpuMs,
  cpuMs,
  DAMAGED_LINES,
  HOSTILE_NAMES,
  largeExportSummary,
  LONG_ADDRESSES,
  mismatch,
  NUL_LINE,
  ORDINARY_ROWS,
  ORDINARY_SUMMARY,
  ordinaryMsPerMb,
  perMb,
  readStreamed,
  readWhole,
  type BadInput,
  type Read,
  type StreamedRead,
} from '../../../bench/bad-inputs.ts';
import { inviteCsv } from '../../../bench/generate.ts';
import { checkBytes, checkText, createInviteRun, IntakeError, inviteesFromRows, resultsToCsv, type CheckedRow, type CheckResult } from '../index.ts';

const TIME_FACTOR = 10;
const MEMORY_FLOOR = 16e6;

/** CPU ms per MB of an ordinary export read with `checkBytes`, in this run. */
let ordinary = 0;
beforeAll(() => {
  ordinary = ordinaryMsPerMb();
});

interface Reads {
  entry: BadInput;
  /** The input, when it is built whole. */
  bytes?: Uint8Array;
  /** Its `checkBytes` read, when it is built whole. */
  whole?: Read;
  streamed: StreamedRead;
}

const resultOf = (read: Read | undefined): CheckResult => {
  if (!read || !('result' in read)) throw new Error(`expected a read, got ${read && 'error' in read ? read.error.message : 'nothing'}`);
  return read.result as CheckResult;
};

const errorOf = (read: Read | undefined): IntakeError => {
  if (!read || !('error' in read)) throw new Error('expected a refusal, got a read');
  return read.error;
};

/** What rows are pinned by: line, address, name, state, code, and which line a duplicate repeats. */
function outline(row: CheckedRow): unknown[] {
  return [row.line, row.email, row.name, row.status, row.code, row.duplicateOf];
}

const encoder = new TextEncoder();

/** The refusal of a non-text file stops at the first chunk: the rest is never read. */
function refusedAtFirstChunk({ streamed }: Reads): void {
  expect(streamed.chunks).toBe(1);
  expect(streamed.rows).toBe(0);
}

/** The same text as UTF-8, read with `checkBytes`, for entries that are an ordinary export in other bytes. */
function sameAsUtf8(text: string, { whole }: Reads): void {
  const expected = checkBytes(encoder.encode(text));
  const result = resultOf(whole);
  expect(result.mapping).toEqual(expected.mapping);
  expect(result.rows.map(outline)).toEqual(expected.rows.map(outline));
  expect(result.rows.some((row) => row.warnings?.some((warning) => warning.code === 'INVALID_BYTES'))).toBe(false);
}

/** The first names and last names an ordinary export holds, accents included, read back as written. */
function accentsIntact(result: CheckResult): void {
  const names = new Set(result.rows.flatMap((row) => [row.firstName, row.lastName]));
  for (const name of ['Chloé', 'José', 'Müller', 'García']) expect(names.has(name), name).toBe(true);
}

const SPECIFIC: Record<string, (reads: Reads) => void> = {
  empty: ({ whole }) => {
    expect(errorOf(whole).message).toBe('The input is empty: there are no rows to read.');
    expect(() => checkText('')).toThrow('The input is empty');
  },

  'whitespace only (1 MB of spaces, tabs, line breaks, no-break and ideographic spaces)': ({ whole, streamed }) => {
    expect(errorOf(whole).message).toBe('The input is empty: there are no rows to read.');
    expect(streamed.rows).toBe(0);
  },

  'a PNG image': (reads) => {
    expect(errorOf(reads.whole).message).toBe('This is a PNG image, not a text file. Upload a CSV or TSV file, or paste the list.');
    refusedAtFirstChunk(reads);
  },

  'a ZIP archive': (reads) => {
    expect(errorOf(reads.whole).message).toBe('This is a ZIP archive, not a text file. Upload a CSV or TSV file, or paste the list.');
    refusedAtFirstChunk(reads);
  },

  'a PDF document': (reads) => {
    expect(errorOf(reads.whole).message).toBe('This is a PDF document, not a text file. Upload a CSV or TSV file, or paste the list.');
    refusedAtFirstChunk(reads);
  },

  'an Excel workbook (.xlsx)': (reads) => {
    expect(errorOf(reads.whole).message).toBe('This is an Excel workbook (.xlsx), not a text file. Save it as CSV (in Excel: File › Save As › "CSV UTF-8") and try again.');
    refusedAtFirstChunk(reads);
  },

  'UTF-16 LE with a BOM (Excel "Unicode Text")': (reads) => {
    const text = inviteCsv(ORDINARY_ROWS).replaceAll(',', '\t');
    sameAsUtf8(text, reads);
    expect(resultOf(reads.whole).mapping.delimiter).toBe('\t');
    accentsIntact(resultOf(reads.whole));
  },

  'UTF-16 LE without a BOM': (reads) => {
    sameAsUtf8(inviteCsv(ORDINARY_ROWS), reads);
    accentsIntact(resultOf(reads.whole));
  },

  'UTF-16 BE with a BOM': (reads) => {
    sameAsUtf8(inviteCsv(ORDINARY_ROWS), reads);
    accentsIntact(resultOf(reads.whole));
  },

  'UTF-16 BE without a BOM': (reads) => {
    sameAsUtf8(inviteCsv(ORDINARY_ROWS), reads);
    accentsIntact(resultOf(reads.whole));
  },

  'Windows-1252 (Excel\'s plain "CSV": é, ü, ’ and € as single bytes)': (reads) => {
    const text = inviteCsv(ORDINARY_ROWS).replaceAll("O'Brien", 'O’Brien').replaceAll(',Kai,', ',Kai “€”,');
    sameAsUtf8(text, reads);
    const result = resultOf(reads.whole);
    accentsIntact(result);
    const names = new Set(result.rows.flatMap((row) => [row.firstName, row.lastName]));
    expect(names.has('O’Brien')).toBe(true);
    expect(names.has('Kai “€”')).toBe(true);
  },

  'invalid UTF-8 bytes inside UTF-8': ({ whole }) => {
    const result = resultOf(whole);
    accentsIntact(result);
    const warned = result.rows.filter((row) => row.warnings?.some((warning) => warning.code === 'INVALID_BYTES'));
    expect(warned.map((row) => row.line)).toEqual([...DAMAGED_LINES]);
    for (const row of warned) {
      expect(row.firstName!.startsWith('\ufffd')).toBe(true);
      expect(row.warnings!.find((warning) => warning.code === 'INVALID_BYTES')!.message).toMatch(new RegExp(`^Line ${row.line} held bytes that are not valid text`));
    }
    // Damage in a name changes no row's state: the summary is the undamaged export's.
    expect(result.summary).toEqual(ORDINARY_SUMMARY);
  },

  'mixed line endings: a table with CRLF and LF lines': ({ whole }) => {
    const expected = checkBytes(encoder.encode(inviteCsv(ORDINARY_ROWS)));
    const result = resultOf(whole);
    expect(result.rows.map(outline)).toEqual(expected.rows.map(outline));
    // No CR is left at the end of a last cell.
    expect(result.rows.some((row) => /\r/.test(`${row.email}${row.role ?? ''}${row.raw}`))).toBe(false);
  },

  'mixed line endings: a list with CR, LF and CRLF lines': ({ whole }) => {
    const result = resultOf(whole);
    expect(result.mapping.format).toBe('list');
    result.rows.forEach((row, i) => expect([row.line, row.email, row.status]).toEqual([i + 1, `user${i}@example.com`, 'valid']));
  },

  'a 10 MB line (450,000 addresses separated by ", ")': ({ whole }) => {
    const result = resultOf(whole);
    expect(result.mapping.format).toBe('list');
    expect(result.rows.every((row, i) => row.line === 1 && row.status === 'valid' && row.email === `user${i}@example.com`)).toBe(true);
  },

  "20,000 addresses on one line (Outlook's To: line)": ({ whole }) => {
    const result = resultOf(whole);
    expect(result.rows.every((row, i) => row.line === 1 && row.status === 'valid' && row.email === `user${i}@example.com` && row.name === `User ${i}`)).toBe(
      true,
    );
  },

  '1,000,000 rows (a 45 MB export, streamed)': ({ streamed }) => {
    const expected = largeExportSummary(1_000_000);
    expect(streamed.rows).toBe(1_000_000);
    expect(streamed.codes).toEqual({ valid: expected.valid, INVALID_EMAIL: expected.invalid, DUPLICATE: expected.duplicate });
    expect(resultOf(streamed.read).ignored).toEqual([{ line: 1, raw: 'email,first_name,last_name,role', reason: 'HEADER_ROW' }]);
    expect(streamed.bytes).toBeGreaterThan(40e6);
  },

  '10,000 copies of one address': ({ whole }) => {
    const [first, ...copies] = resultOf(whole).rows;
    expect(outline(first!)).toEqual([1, 'ann@example.com', undefined, 'valid', undefined, undefined]);
    expect(copies).toHaveLength(9_999);
    copies.forEach((row, i) => {
      expect(outline(row)).toEqual([i + 2, 'ann@example.com', undefined, 'duplicate', 'DUPLICATE', 1]);
      expect(row.message).toBe('ann@example.com is already listed on line 1.');
    });
  },

  'names with <script>, =HYPERLINK(…), U+202E and zero-width characters': ({ whole }) => {
    const { rows } = resultOf(whole);
    rows.forEach((row, i) => {
      // Kept verbatim: nothing stripped, escaped or refused; a name is data.
      expect([row.status, row.name, row.warnings]).toEqual(['valid', HOSTILE_NAMES[i % HOSTILE_NAMES.length], undefined]);
    });
    // The results file: a formula's first character is neutralised with a quote; other names stay as they are.
    const sample = rows.slice(0, HOSTILE_NAMES.length);
    const csv = resultsToCsv(createInviteRun(inviteesFromRows(sample)).getSnapshot(), { rows: sample });
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    const names = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' }).data.slice(1).map((cells) => cells[2]);
    expect(names).toEqual([
      '<script>alert(1)</script>',
      `'=HYPERLINK("http://x","y")`,
      'Ann \u202Egnp.exe',
      'Bo\u200Bb\u200C Le\u200De\u2060e\uFEFFs',
      "'@SUM(A1:A9)",
      "'+1 (555) 0100",
      "'-2+3",
    ]);
  },

  '100,000-character addresses built to make a pattern backtrack': ({ whole }) => {
    const { rows } = resultOf(whole);
    expect(rows).toHaveLength(Object.keys(LONG_ADDRESSES).length);
    for (const row of rows) {
      expect([row.status, row.code]).toEqual(['invalid', 'EMAIL_TOO_LONG']);
      const length = Number(/^The address is (\d+) characters long; the limit is 254\.$/.exec(row.message!)?.[1]);
      expect(length).toBeGreaterThanOrEqual(100_000);
    }
  },

  '2,000 columns': ({ whole }) => {
    const result = resultOf(whole);
    expect(result.mapping.columns.email).toMatchObject({ index: 0 });
    expect(result.rows.map((row) => row.email)).toEqual(Array.from({ length: 250 }, (_, r) => `user${r}@example.com`));
    for (const row of result.rows) {
      expect(Object.keys(row.extra!)).toHaveLength(1_999);
      expect(row.extra!['Field 1999']).toBe('v1998');
    }
  },

  [`a NUL byte on line ${NUL_LINE.toLocaleString('en')}`]: ({ whole, streamed }) => {
    expect(errorOf(whole).message).toMatch(new RegExp(`^This file contains binary data, not text \\(a NUL byte on line ${NUL_LINE}\\)`));
    // Streamed, the rows before the NUL were handed out; none from its line on.
    expect(streamed.rows).toBeLessThan(NUL_LINE - 1);
    // Pasted text, and a NUL on an early line.
    expect(() => checkText('ann@x.com\nbob@x.com\nc\0t@x.com\n')).toThrow(/NUL byte on line 3\b/);
  },

  'larger than maxBytes (2 KB against a limit of 1,000 bytes)': ({ bytes, whole, streamed }) => {
    const error = errorOf(whole);
    // Names the input's size and the limit.
    expect(error.message).toContain(`${bytes!.length} bytes`);
    expect(error.message).toMatch(/\b1,?000 bytes/);
    expect(streamed.chunks).toBe(1);
    expect(streamed.rows).toBe(0);
    // At the limit, an input is read.
    expect(checkBytes(bytes!.subarray(0, 1_000), { maxBytes: 1_000 }).summary.total).toBeGreaterThan(0);
  },
};

function expectOutcome(entry: BadInput, read: Read, how: string): void {
  expect(mismatch(entry, read), `${entry.name}, ${how}`).toBeUndefined();
}

/** CPU time per MB within TIME_FACTOR × the ordinary export's; measured again, both, before failing. */
async function expectTimeBound(name: string, bytes: number, ms: number, remeasure: () => number | Promise<number>): Promise<void> {
  let msPerMb = perMb(ms, bytes);
  if (msPerMb > TIME_FACTOR * ordinary) {
    // A shared machine can stall one read: measure both again before failing.
    ordinary = ordinaryMsPerMb();
    msPerMb = perMb(await remeasure(), bytes);
  }
  expect(msPerMb, `${name}: ${msPerMb.toFixed(1)} ms/MB, an ordinary export ${ordinary.toFixed(1)} ms/MB`).toBeLessThanOrEqual(TIME_FACTOR * ordinary);
}

describe('the bad-input catalogue', () => {
  it('has checks of its own for every entry, and none for entries it does not have', () => {
    expect(Object.keys(SPECIFIC).sort()).toEqual(BAD_INPUTS.map((entry) => entry.name).sort());
  });

  it.each(BAD_INPUTS.map((entry) => [entry.name, entry] as const))('%s', { timeout: 180_000 }, async (_name, entry) => {
    // Streamed first, while nothing else this test builds is held.
    const streamed = await readStreamed(entry);
    expectOutcome(entry, streamed.read, 'streamed');
    const made = entry.make();
    const reads: Reads = { entry, streamed };
    if (made instanceof Uint8Array) {
      const options = entry.options ?? {};
      let whole: Read | undefined;
      const ms = cpuMs(() => (whole = readWhole(made, options)));
      Object.assign(reads, { bytes: made, whole });
      expectOutcome(entry, whole!, 'whole');
      if ('result' in whole!) expect(streamed.codes, 'the same rows, streamed or whole').toEqual(codesOf(whole.result as CheckResult));
      await expectTimeBound(entry.name, made.length, ms, () => bestCpuMs(() => readWhole(made, options), 2));
    } else {
      await expectTimeBound(entry.name, streamed.bytes, streamed.cpuMs, async () => (await readStreamed(entry)).cpuMs);
    }
    SPECIFIC[entry.name]!(reads);
    const bound = 2 * streamed.bytes + MEMORY_FLOOR;
    expect(streamed.peakHeldBytes, `${entry.name}: holds ${(streamed.peakHeldBytes / 1e6).toFixed(1)} MB for ${(streamed.bytes / 1e6).toFixed(1)} MB`).toBeLessThanOrEqual(
      bound,
    );
  });
});

function codesOf(result: CheckResult): Record<string, number> {
  const codes: Record<string, number> = {};
  for (const row of result.rows) codes[row.code ?? 'valid'] = (codes[row.code ?? 'valid'] ?? 0) + 1;
  return codes;
}
