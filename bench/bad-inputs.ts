/**
 * The bad-input catalogue: what a person or a tool can hand the intake that is empty, not text, in
 * another encoding, damaged, enormous, or built to do harm (formulas, bidi overrides, addresses that
 * make a pattern backtrack). Every input is generated here, nothing is committed, and each entry names
 * the outcome it must have: refused with a specific `IntakeError`, or read into a known summary.
 *
 * `benchBadInputs` reads every entry through the core and prints its time per megabyte against an
 * ordinary export's, and the memory a streamed read holds; `src/core/bad-inputs.test.ts` pins each
 * entry's outcome row by row, with the same bounds on time and memory.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  checkBytes,
  checkStream,
  IntakeError,
  type CheckOptions,
  type CheckResult,
  type CheckedRow,
  type IntakeErrorCode,
  type StreamResult,
  type Summary,
  type TextEncodingName,
} from '../src/core/index.ts';
import { inviteCsv, inviteCsvLines } from './generate.ts';

/** What reading an entry must give: a refusal with its code and what the message says, or a read. */
export type Outcome =
  | { refused: IntakeErrorCode; message: RegExp }
  | { summary: Summary; encoding?: TextEncodingName; bom?: boolean };

export interface BadInput {
  name: string;
  /** The input's bytes, or its chunks when it is too large to build at once: generated anew on each call. */
  make(): Uint8Array | Iterable<Uint8Array>;
  options?: CheckOptions;
  expect: Outcome;
}

/** Rows of the ordinary export most entries are built from (about 1.1 MB). */
export const ORDINARY_ROWS = 25_000;
/** `inviteCsv(ORDINARY_ROWS)` as the intake reads it: its invalid rows and repeats are the generator's. */
export const ORDINARY_SUMMARY: Summary = { total: 25_000, valid: 22_996, invalid: 741, duplicate: 1_263 };

const encoder = new TextEncoder();
const utf8 = (text: string): Uint8Array => encoder.encode(text);

function concat(...parts: Array<Uint8Array | readonly number[]>): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Bytes that look like compressed data: deterministic, every value from 0 to 255, NULs included. */
function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le'));
  if (order === 'be') for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return bytes;
}

/** Windows-1252's bytes for the characters it places in 0x80–0x9F (WHATWG Encoding Standard), as used here. */
const WINDOWS_1252_HIGH: Readonly<Record<string, number>> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };

function windows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : WINDOWS_1252_HIGH[text[i]!];
    if (byte === undefined) throw new RangeError(`${text[i]} has no Windows-1252 byte`);
    out[i] = byte;
  }
  return out;
}

/** The ordinary export's lines, each with its line break. */
const ordinaryLines = (rows = ORDINARY_ROWS) => [...inviteCsvLines(rows)];

/** A ZIP file's local header naming its first entry, then compressed-looking bytes. */
function zipFile(firstEntry: string, size: number): Uint8Array {
  const name = utf8(firstEntry);
  const header = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, ...Array<number>(16).fill(0), name.length, 0x00, 0x00, 0x00];
  return concat(header, name, noise(size, 3));
}

/** Lines of the ordinary export that get a byte no UTF-8 text holds (0xFF) at the start of their first-name cell. */
export const DAMAGED_LINES = [3, 12_345, 25_001] as const;

/** Names that must come out as data: markup, a formula, a bidi override, zero-width characters. */
export const HOSTILE_NAMES = [
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x","y")',
  'Ann \u202Egnp.exe',
  'Bo\u200Bb\u200C Le\u200De\u2060e\uFEFFs',
  '@SUM(A1:A9)',
  '+1 (555) 0100',
  '-2+3',
] as const;

/** Address shapes of about 100,000 characters, each built to make an address pattern backtrack. */
export const LONG_ADDRESSES: Readonly<Record<string, string>> = {
  'a local part of one letter': `${'a'.repeat(100_000)}@example.com`,
  'a local part of dot-separated atoms': `${'a.'.repeat(50_000)}@example.com`,
  'a local part of every allowed symbol': `${"user!#$%&'*+/=?^_`{|}~".repeat(4_546)}@example.com`,
  'a local part of plus tags': `user+${'tag+'.repeat(25_000)}@example.com`,
  'a domain label of letters and hyphens': `user@${'a-'.repeat(50_000)}a.com`,
  'a domain of 50,000 labels ending in a hyphen': `user@${'a.'.repeat(50_000)}-`,
  'a domain of numeric labels': `user@${'1.'.repeat(50_000)}1`,
  'a top-level domain of one letter': `user@example.${'c'.repeat(100_000)}`,
  'an @ between every letter': `${'a@'.repeat(50_000)}x.com`,
  'spaces between the letters': `${'a '.repeat(50_000)}@example.com`,
  'Name <address>': `Ann <${'a'.repeat(100_000)}@example.com>`,
  'address (Name)': `${'a'.repeat(100_000)}@example.com (Ann)`,
  'a mailto: link': `mailto:${'a'.repeat(100_000)}@example.com?subject=hi`,
};

/** The line the NUL byte is put on: far past the first bytes, which are all a format sniffer looks at. */
export const NUL_LINE = 20_000;

/** A number in [0, 1) from `i` and `salt` alone (a 32-bit integer hash), so rows need no state. */
function hashUnit(i: number, salt: number): number {
  let h = Math.imul(i ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const FIRST = ['Ann', 'Bob', 'Chloé', 'Dmitri', 'Eve', 'Farah', 'Gustav', 'Hana', 'Ines', 'José', 'Kai', 'Lena'];
const LAST = ['Smith', 'Müller', "O'Brien", 'García', 'Nakamura', 'Kowalski', 'Dubois', 'Rossi', 'Andersen', 'Khan'];
const DOMAINS = ['example.com', 'Corp.Example.org', 'mail.test.io', 'acme.co.uk'];
const ROLES = ['admin', 'member', 'Member', 'reader'];
const pick = <T>(list: readonly T[], i: number, salt: number) => list[Math.floor(hashUnit(i, salt) * list.length)]!;

/** What row `i` of the large export is: row 0 is always an address of its own. */
function rowKind(i: number): 'invalid' | 'repeat' | 'own' {
  if (i === 0) return 'own';
  const roll = hashUnit(i, 1);
  return roll < 0.03 ? 'invalid' : roll < 0.08 ? 'repeat' : 'own';
}

/** Row `i`'s own address (ASCII, unique by its number). */
const ownAddress = (i: number) => `${pick(FIRST, i, 2).toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${i}@${pick(DOMAINS, i, 3)}`;

/**
 * An export like `inviteCsv` (3 % invalid addresses, 5 % repeats of an earlier row in other case, stray
 * spaces, capitals), but each row computed from its number alone: a generator that remembered earlier
 * addresses to repeat would hold as much memory as the reader under test.
 */
export function* largeExportLines(rows: number): Generator<string> {
  yield 'email,first_name,last_name,role\n';
  for (let i = 0; i < rows; i++) {
    const first = pick(FIRST, i, 2);
    const last = pick(LAST, i, 4);
    const kind = rowKind(i);
    let email: string;
    if (kind === 'invalid') email = `${first}.${last}${i}@`;
    else if (kind === 'repeat') {
      // The nearest row at or before a random earlier one that has an address of its own.
      let j = Math.floor(hashUnit(i, 5) * i);
      while (rowKind(j) !== 'own') j--;
      email = ownAddress(j).toUpperCase();
    } else {
      email = ownAddress(i);
      if (hashUnit(i, 6) < 0.2) email = email[0]!.toUpperCase() + email.slice(1);
    }
    if (hashUnit(i, 7) < 0.1) email = `  ${email} `;
    yield `${email},${first},${last.includes("'") ? `"${last}"` : last},${pick(ROLES, i, 8)}\n`;
  }
}

/** The summary `largeExportLines(rows)` must read as, counted from how its rows were made. */
export function largeExportSummary(rows: number): Summary {
  const summary: Summary = { total: rows, valid: 0, invalid: 0, duplicate: 0 };
  for (let i = 0; i < rows; i++) {
    const kind = rowKind(i);
    summary[kind === 'invalid' ? 'invalid' : kind === 'repeat' ? 'duplicate' : 'valid']++;
  }
  return summary;
}

/** Chunks of about `size` bytes of the text `lines` yields, encoded into one reused buffer. */
function* encodedChunks(lines: Iterable<string>, size = 64 * 1024): Generator<Uint8Array> {
  const buffer = new Uint8Array(size * 3 + 16);
  let text = '';
  for (const line of lines) {
    text += line;
    if (text.length >= size) {
      yield buffer.subarray(0, encoder.encodeInto(text, buffer).written);
      text = '';
    }
  }
  if (text.length > 0) yield buffer.subarray(0, encoder.encodeInto(text, buffer).written);
}

const addresses = (count: number, join: (i: number) => string, separator: string) =>
  Array.from({ length: count }, (_, i) => join(i)).join(separator);

export const BAD_INPUTS: readonly BadInput[] = [
  {
    name: 'empty',
    make: () => new Uint8Array(0),
    expect: { refused: 'EMPTY_INPUT', message: /The input is empty/ },
  },
  {
    name: 'whitespace only (1 MB of spaces, tabs, line breaks, no-break and ideographic spaces)',
    make: () => utf8(' \t\u00a0 \r\n\u3000 \n'.repeat(80_000)),
    expect: { refused: 'EMPTY_INPUT', message: /The input is empty/ },
  },
  {
    name: 'a PNG image',
    make: () => concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], noise(1 << 20)),
    expect: { refused: 'BINARY_FILE', message: /PNG image, not a text file/ },
  },
  {
    name: 'a ZIP archive',
    make: () => zipFile('people.csv', 1 << 20),
    expect: { refused: 'BINARY_FILE', message: /ZIP archive, not a text file/ },
  },
  {
    name: 'a PDF document',
    make: () => concat(utf8('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Length 1048576 /Filter /FlateDecode >>\nstream\n'), noise(1 << 20, 5)),
    expect: { refused: 'BINARY_FILE', message: /PDF document, not a text file/ },
  },
  {
    name: 'an Excel workbook (.xlsx)',
    make: () => zipFile('[Content_Types].xml', 1 << 20),
    expect: { refused: 'SPREADSHEET_FILE', message: /Excel workbook \(\.xlsx\).*CSV UTF-8/ },
  },
  {
    name: 'UTF-16 LE with a BOM (Excel "Unicode Text")',
    make: () => utf16(inviteCsv(ORDINARY_ROWS).replaceAll(',', '\t'), 'le', true),
    expect: { summary: ORDINARY_SUMMARY, encoding: 'utf-16le', bom: true },
  },
  {
    name: 'UTF-16 LE without a BOM',
    make: () => utf16(inviteCsv(ORDINARY_ROWS), 'le', false),
    expect: { summary: ORDINARY_SUMMARY, encoding: 'utf-16le', bom: false },
  },
  {
    name: 'UTF-16 BE with a BOM',
    make: () => utf16(inviteCsv(ORDINARY_ROWS), 'be', true),
    expect: { summary: ORDINARY_SUMMARY, encoding: 'utf-16be', bom: true },
  },
  {
    name: 'UTF-16 BE without a BOM',
    make: () => utf16(inviteCsv(ORDINARY_ROWS), 'be', false),
    expect: { summary: ORDINARY_SUMMARY, encoding: 'utf-16be', bom: false },
  },
  {
    name: 'Windows-1252 (Excel\'s plain "CSV": é, ü, ’ and € as single bytes)',
    make: () => windows1252(inviteCsv(ORDINARY_ROWS).replaceAll("O'Brien", 'O’Brien').replaceAll(',Kai,', ',Kai “€”,')),
    expect: { summary: ORDINARY_SUMMARY, encoding: 'windows-1252', bom: false },
  },
  {
    name: 'invalid UTF-8 bytes inside UTF-8',
    make: () => {
      const lines = ordinaryLines();
      for (const line of DAMAGED_LINES) lines[line - 1] = lines[line - 1]!.replace(',', ',\u0000');
      // The placeholder becomes a byte no UTF-8 sequence holds.
      const bytes = utf8(lines.join(''));
      for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) bytes[i] = 0xff;
      return bytes;
    },
    expect: { summary: ORDINARY_SUMMARY, encoding: 'utf-8', bom: false },
  },
  {
    name: 'mixed line endings: a table with CRLF and LF lines',
    make: () => utf8(ordinaryLines().map((line, i) => (i % 3 === 0 ? line.replace(/\n$/, '\r\n') : line)).join('')),
    expect: { summary: ORDINARY_SUMMARY, encoding: 'utf-8', bom: false },
  },
  {
    name: 'mixed line endings: a list with CR, LF and CRLF lines',
    make: () => utf8(Array.from({ length: 50_000 }, (_, i) => `user${i}@example.com${['\r', '\n', '\r\n'][i % 3]}`).join('')),
    expect: { summary: { total: 50_000, valid: 50_000, invalid: 0, duplicate: 0 }, encoding: 'utf-8', bom: false },
  },
  {
    name: 'a 10 MB line (450,000 addresses separated by ", ")',
    make: () => utf8(`${addresses(450_000, (i) => `user${i}@example.com`, ', ')}\n`),
    expect: { summary: { total: 450_000, valid: 450_000, invalid: 0, duplicate: 0 }, encoding: 'utf-8', bom: false },
  },
  {
    name: "20,000 addresses on one line (Outlook's To: line)",
    make: () => utf8(`To: ${addresses(20_000, (i) => `User ${i} <user${i}@example.com>`, '; ')}\n`),
    expect: { summary: { total: 20_000, valid: 20_000, invalid: 0, duplicate: 0 }, encoding: 'utf-8', bom: false },
  },
  {
    name: '1,000,000 rows (a 45 MB export, streamed)',
    make: () => encodedChunks(largeExportLines(1_000_000)),
    expect: { summary: largeExportSummary(1_000_000), encoding: 'utf-8', bom: false },
  },
  {
    name: '10,000 copies of one address',
    make: () => utf8('ann@example.com\n'.repeat(10_000)),
    expect: { summary: { total: 10_000, valid: 1, invalid: 0, duplicate: 9_999 }, encoding: 'utf-8', bom: false },
  },
  {
    name: 'names with <script>, =HYPERLINK(…), U+202E and zero-width characters',
    make: () => {
      const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
      const rows = Array.from({ length: 21_000 }, (_, i) => `person${i}@example.com,${quote(HOSTILE_NAMES[i % HOSTILE_NAMES.length]!)}\n`);
      return utf8(`email,name\n${rows.join('')}`);
    },
    expect: { summary: { total: 21_000, valid: 21_000, invalid: 0, duplicate: 0 }, encoding: 'utf-8', bom: false },
  },
  {
    name: '100,000-character addresses built to make a pattern backtrack',
    make: () => utf8(`email,name\n${Object.values(LONG_ADDRESSES).map((address, i) => `${address},Person ${i}\n`).join('')}`),
    expect: { summary: { total: 13, valid: 0, invalid: 13, duplicate: 0 }, encoding: 'utf-8', bom: false },
  },
  {
    name: '2,000 columns',
    make: () => {
      const header = ['Email', ...Array.from({ length: 1_999 }, (_, i) => `Field ${i + 1}`)].join(',');
      const rows = Array.from({ length: 250 }, (_, r) => `user${r}@example.com,${Array.from({ length: 1_999 }, (_, c) => `v${c}`).join(',')}\n`);
      return utf8(`${header}\n${rows.join('')}`);
    },
    expect: { summary: { total: 250, valid: 250, invalid: 0, duplicate: 0 }, encoding: 'utf-8', bom: false },
  },
  {
    name: `a NUL byte on line ${NUL_LINE.toLocaleString('en')}`,
    make: () => {
      const lines = ordinaryLines();
      lines[NUL_LINE - 1] = lines[NUL_LINE - 1]!.replace(',', ',\u0000');
      return utf8(lines.join(''));
    },
    expect: { refused: 'BINARY_FILE', message: new RegExp(`NUL byte on line ${NUL_LINE}\\b`) },
  },
  {
    name: 'larger than maxBytes (2 KB against a limit of 1,000 bytes)',
    make: () => utf8(inviteCsv(50)),
    options: { maxBytes: 1_000 },
    expect: { refused: 'TOO_LARGE', message: /The input is \d+ bytes; the limit is 1000 bytes/ },
  },
];

// ---------------------------------------------------------------------------------------------------
// Reading and measuring

export type Read = { error: IntakeError } | { result: CheckResult | StreamResult };

/** Whether a read gave the entry's outcome; the reason when it did not. */
export function mismatch(entry: BadInput, read: Read): string | undefined {
  const expected = entry.expect;
  if ('refused' in expected) {
    if (!('error' in read)) return `read (${JSON.stringify(read.result.summary)}), expected ${expected.refused}`;
    if (read.error.code !== expected.refused || !expected.message.test(read.error.message)) return `${read.error.code}: ${read.error.message}`;
    return undefined;
  }
  if ('error' in read) return `${read.error.code}: ${read.error.message}`;
  const { summary, encoding, bom } = read.result;
  const got = { summary, ...(expected.encoding ? { encoding } : {}), ...(expected.bom !== undefined ? { bom } : {}) };
  const want = { summary: expected.summary, ...(expected.encoding ? { encoding: expected.encoding } : {}), ...(expected.bom !== undefined ? { bom: expected.bom } : {}) };
  return JSON.stringify(got) === JSON.stringify(want) ? undefined : `read ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
}

/** Reads a whole input with `checkBytes`; an `IntakeError` is an outcome, anything else is thrown. */
export function readWhole(bytes: Uint8Array, options: CheckOptions = {}): Read {
  try {
    return { result: checkBytes(bytes, options) };
  } catch (error) {
    if (error instanceof IntakeError) return { error };
    throw error;
  }
}

export function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

/** The least disturbed of `times` timed reads, after one to warm up. */
export function bestCpuMs(run: () => void, times = 3): number {
  run();
  let best = Infinity;
  for (let i = 0; i < times; i++) best = Math.min(best, cpuMs(run));
  return best;
}

/**
 * Inputs smaller than this are charged as this size: below a megabyte, a per-megabyte time is mostly the
 * fixed cost of starting a read, and a tiny input is allowed what a megabyte of ordinary export takes.
 */
export const MIN_CHARGED_BYTES = 1e6;

export const perMb = (ms: number, bytes: number) => ms / (Math.max(bytes, MIN_CHARGED_BYTES) / 1e6);

/** CPU milliseconds per MB of reading an ordinary export of `rows` rows with `checkBytes`. */
export function ordinaryMsPerMb(rows = ORDINARY_ROWS): number {
  const bytes = utf8(inviteCsv(rows));
  return perMb(bestCpuMs(() => checkBytes(bytes)), bytes.length);
}

let collectGarbage: (() => void) | undefined;

/** A full collection, so that what is sampled is what the read holds, not garbage not yet collected. */
function fullGc(passes = 1): void {
  if (!collectGarbage) {
    // Node's --expose-gc, turned on from inside: the flag applies to contexts created after it is set.
    setFlagsFromString('--expose-gc');
    collectGarbage = runInNewContext('gc') as () => void;
  }
  // A buffer found dead in one collection is released in the next: two, for a baseline that holds none.
  for (let i = 0; i < passes; i++) collectGarbage();
}

const heldBytes = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
};

/** Sample points: the first few, then evenly spaced (a few dozen full collections for a million rows). */
const due = (n: number, every: number) => (n & (n - 1)) === 0 || n % every === 0;

export interface StreamedRead {
  read: Read;
  /** Bytes of the input (as made; for chunks, as many as the source produced). */
  bytes: number;
  /** Chunks the reader asked for before it finished or refused. */
  chunks: number;
  rows: number;
  /** Rows by `code` (`valid` for rows without one). */
  codes: Record<string, number>;
  /** CPU time of the read, without the time spent producing chunks or collecting garbage for the samples. */
  cpuMs: number;
  /**
   * The most the heap (V8's plus buffers outside it) held above where it started, after a full collection,
   * at sample points: after chunks 1, 2, 4, … and every 64th, after rows 1, 2, 4, … and every 65,536th, and
   * once the read is done (with its result still held). The input itself, when built beforehand, is not
   * counted; buffers that died since the previous sample may be (one collection finds them, the next frees them).
   */
  peakHeldBytes: number;
}

/**
 * Reads an entry with `checkStream`, in 64 KiB chunks (or the entry's own), measuring time and memory.
 * `onRow` sees each row as it leaves the reader.
 */
export async function readStreamed(entry: BadInput, onRow?: (row: CheckedRow) => void): Promise<StreamedRead> {
  const made = entry.make();
  const source: Iterable<Uint8Array> = made instanceof Uint8Array ? sliced(made, 64 * 1024) : made;
  let excludedMicros = 0;
  const exclude = (run: () => void) => {
    const start = process.cpuUsage();
    run();
    const spent = process.cpuUsage(start);
    excludedMicros += spent.user + spent.system;
  };
  fullGc(2);
  const base = heldBytes();
  let peak = 0;
  const sample = () =>
    exclude(() => {
      fullGc();
      peak = Math.max(peak, heldBytes() - base);
    });
  let bytes = 0;
  let chunks = 0;
  let rows = 0;
  const codes: Record<string, number> = {};
  async function* measured(): AsyncGenerator<Uint8Array> {
    const iterator = source[Symbol.iterator]();
    for (;;) {
      let next!: IteratorResult<Uint8Array>;
      exclude(() => (next = iterator.next()));
      if (next.done) return;
      bytes += next.value.length;
      if (due(++chunks, 64)) sample();
      yield next.value;
    }
  }
  const start = process.cpuUsage();
  let read: Read;
  try {
    const result = await checkStream(measured(), entry.options ?? {}, (row) => {
      rows++;
      const code = row.code ?? 'valid';
      codes[code] = (codes[code] ?? 0) + 1;
      onRow?.(row);
      if (due(rows, 65_536)) sample();
    });
    read = { result };
  } catch (error) {
    if (!(error instanceof IntakeError)) throw error;
    read = { error };
  }
  sample();
  const spent = process.cpuUsage(start);
  // The input, when it was built whole, counts as the source's bytes.
  if (made instanceof Uint8Array) bytes = made.length;
  return { read, bytes, chunks, rows, codes, cpuMs: (spent.user + spent.system - excludedMicros) / 1000, peakHeldBytes: peak };
}

function* sliced(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

export interface EntryFigures {
  name: string;
  bytes: number;
  msPerMb: number;
  peakHeldBytes: number;
  /** Why the outcome was not the expected one, if it was not. */
  wrong?: string;
}

/**
 * Times one entry: a whole input with `checkBytes` (best of three), one given as chunks with
 * `checkStream`; and measures what a streamed read of it holds.
 */
export async function measureEntry(entry: BadInput): Promise<EntryFigures> {
  const streamed = await readStreamed(entry);
  const made = entry.make();
  let msPerMb: number;
  let wrong = mismatch(entry, streamed.read);
  if (made instanceof Uint8Array) {
    const options = entry.options ?? {};
    wrong ??= mismatch(entry, readWhole(made, options));
    msPerMb = perMb(bestCpuMs(() => readWhole(made, options)), made.length);
  } else {
    msPerMb = perMb(streamed.cpuMs, streamed.bytes);
  }
  return { name: entry.name, bytes: streamed.bytes, msPerMb, peakHeldBytes: streamed.peakHeldBytes, ...(wrong ? { wrong } : {}) };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e5 ? 3 : 1)} MB`;

/**
 * Prints each entry's reading time per megabyte against an ordinary export's (100,000 rows, read whole
 * in the same run) and the memory a streamed read holds, then the worst ratio.
 */
export async function benchBadInputs(log: (line: string) => void = console.log): Promise<{ worst: number; worstEntry: string }> {
  const reference = ordinaryMsPerMb(100_000);
  log(`bad inputs: an ordinary export (100,000 rows) reads at ${reference.toFixed(0)} ms/MB`);
  let worst = 0;
  let worstEntry = '';
  for (const entry of BAD_INPUTS) {
    const figures = await measureEntry(entry);
    const ratio = figures.msPerMb / reference;
    if (ratio > worst) [worst, worstEntry] = [ratio, entry.name];
    const charged = figures.bytes < MIN_CHARGED_BYTES ? ', charged as 1 MB' : '';
    log(
      `bad inputs: ${entry.name} (${mb(figures.bytes)}${charged}): ${figures.msPerMb.toFixed(1)} ms/MB, ${ratio.toFixed(2)}× ordinary; ` +
        `streamed read holds ${mb(figures.peakHeldBytes)}` +
        (figures.bytes >= MIN_CHARGED_BYTES ? ` (${(figures.peakHeldBytes / figures.bytes).toFixed(2)}× input)` : '') +
        (figures.wrong ? `; UNEXPECTED OUTCOME: ${figures.wrong}` : ''),
    );
  }
  log(`bad inputs: RATIO worst entry time per MB / ordinary file = ${worst.toFixed(2)} (${worstEntry})`);
  return { worst, worstEntry };
}
