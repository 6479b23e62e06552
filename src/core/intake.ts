/**
 * The intake pipeline: text (or bytes, or a stream of bytes) → layout → rows → rules. Every row read
 * ends in exactly one state; lines that are not rows (a header, title lines above it) are listed in
 * `ignored` with the reason, so nothing in the input goes unaccounted for.
 */
import * as z from 'zod/mini';
import { cleanAddress } from './email.ts';
import { IntakeError } from './errors.ts';
import { assertLooksLikeText, assertNotBinaryFormat, decodeBytes, detectEncoding, type TextEncodingName } from './encoding.ts';
import type { ColumnMapping } from './columns.ts';
import { detectLayout, type Layout, type LayoutOptions } from './layout.ts';
import { parseList } from './list.ts';
import { forEachRecord, type Delimiter } from './records.ts';
import { createRowChecker, type Candidate, type CheckedRow, type RowRules, type Summary } from './rows.ts';

export interface CheckOptions extends LayoutOptions, RowRules {}

export interface MappingReport {
  format: 'table' | 'list';
  delimiter?: Delimiter;
  headerLine?: number;
  columns: ColumnMapping;
}

export interface IgnoredLine {
  line: number;
  raw: string;
  reason: 'HEADER_ROW' | 'BEFORE_HEADER';
}

export interface CheckResult {
  summary: Summary;
  /** How the bytes were decoded (absent when the input was already text). */
  encoding?: TextEncodingName;
  bom?: boolean;
  mapping: MappingReport;
  rows: CheckedRow[];
  ignored: IgnoredLine[];
}

const optionsSchema = z.object({
  format: z.optional(z.enum(['auto', 'table', 'list'])),
  delimiter: z.optional(z.enum([',', ';', '\t', '|'])),
  header: z.optional(z.boolean()),
  columns: z.optional(z.record(z.enum(['email', 'name', 'firstName', 'lastName', 'role']), z.nullable(z.union([z.number().check(z.int(), z.nonnegative()), z.string()])))),
  roles: z.optional(z.array(z.string().check(z.trim(), z.minLength(1)))),
  defaultRole: z.optional(z.string()),
  allowDomains: z.optional(z.array(z.string())),
  blockDomains: z.optional(z.array(z.string())),
  maxRows: z.optional(z.number().check(z.int(), z.positive())),
});

function validateOptions(options: CheckOptions): void {
  const result = optionsSchema.safeParse({ ...options, existing: undefined });
  if (!result.success) {
    throw new IntakeError('INVALID_OPTIONS', `Invalid intake options: ${z.prettifyError(result.error).replace(/\n/g, ' ')}`);
  }
  const { roles, defaultRole } = options;
  if (roles && defaultRole !== undefined && !roles.some((role) => role.toLowerCase() === defaultRole.toLowerCase())) {
    throw new IntakeError('INVALID_OPTIONS', `Invalid intake options: the default role "${defaultRole}" is not one of ${roles.join(', ')}.`);
  }
}

function mappingReport(layout: Layout): MappingReport {
  return {
    format: layout.format,
    ...(layout.delimiter ? { delimiter: layout.delimiter } : {}),
    ...(layout.headerLine !== undefined ? { headerLine: layout.headerLine } : {}),
    columns: layout.mapping,
  };
}

const PLAIN_CELL_NEEDS_READING = /[<\s,;:(]/;

/** Reads an address cell: `Name <a@b>`, `mailto:` links, Google's `a@b ::: c@d` (first is primary). */
function readAddressCell(cell: string): Pick<Candidate, 'email' | 'name' | 'problem'> {
  const text = cell.trim();
  if (text === '') return { email: '' };
  const primary = text.includes(' ::: ') ? text.split(' ::: ')[0]!.trim() : text;
  const entries = parseList(primary);
  if (entries.length > 1) {
    const found = entries.map((entry) => entry.email).join(', ');
    return {
      email: primary,
      problem: { code: 'MULTIPLE_EMAILS', message: `The cell holds ${entries.length} entries (${found}); put one address per row.` },
    };
  }
  const only = entries[0];
  if (!only) return { email: cleanAddress(primary) };
  return only.name === undefined ? { email: only.email } : { email: only.email, name: only.name };
}

/** Reads one input in order, piece by piece. */
class IntakeReader {
  readonly ignored: IgnoredLine[] = [];
  private readonly checker;
  private readonly extraColumns: Array<[number, string]>;

  constructor(
    readonly layout: Layout,
    rules: RowRules,
    private readonly onRow: (row: CheckedRow) => void,
    private readonly streaming = false,
  ) {
    this.checker = createRowChecker(rules, { compactIndex: streaming });
    const mapped = new Set(Object.values(layout.mapping).map((choice) => choice.index));
    this.extraColumns = (layout.header ?? [])
      .map((header, index) => [index, header] as [number, string])
      .filter(([index, header]) => header !== '' && !mapped.has(index));
  }

  get summary(): Summary {
    return { ...this.checker.summary };
  }

  /** Reads a piece of the input that starts on `firstLine` and ends at a record boundary. */
  read(text: string, firstLine: number): void {
    const { layout } = this;
    const headerLine = layout.headerLine ?? 0;
    if (layout.format === 'list') {
      for (const entry of parseList(text, firstLine)) {
        if (entry.line <= headerLine) {
          this.ignore(entry.line, entry.raw, entry.line === headerLine);
          continue;
        }
        this.onRow(this.checker.check(entry));
      }
      return;
    }
    const { mapping } = layout;
    const emailIndex = mapping.email?.index;
    const nameIndex = mapping.name?.index;
    const firstIndex = mapping.firstName?.index;
    const lastIndex = mapping.lastName?.index;
    const roleIndex = mapping.role?.index;
    forEachRecord(text, { delimiter: layout.delimiter!, newline: layout.newline, firstLine }, (line, raw, cells) => {
      if (line <= headerLine) {
        this.ignore(line, raw, line === headerLine);
        return;
      }
      const candidate: Candidate = { line, raw, email: '' };
      if (emailIndex !== undefined) {
        const cell = cells[emailIndex] ?? '';
        // Most cells are a bare address: the list reader is only for the others.
        if (PLAIN_CELL_NEEDS_READING.test(cell.trim())) {
          const address = readAddressCell(cell);
          candidate.email = address.email;
          if (address.name !== undefined) candidate.name = address.name;
          if (address.problem !== undefined) candidate.problem = address.problem;
        } else {
          candidate.email = cell;
        }
      }
      // Fields by name, not in a loop over keys: this runs once per row of files with 100,000s of rows.
      const name = nameIndex === undefined ? undefined : cells[nameIndex]?.trim();
      const firstName = firstIndex === undefined ? undefined : cells[firstIndex]?.trim();
      const lastName = lastIndex === undefined ? undefined : cells[lastIndex]?.trim();
      const role = roleIndex === undefined ? undefined : cells[roleIndex]?.trim();
      if (name) candidate.name = name;
      // Without a name column, the name is first and last name together.
      else if (firstName || lastName) candidate.name = firstName && lastName ? `${firstName} ${lastName}` : (firstName || lastName)!;
      if (firstName) candidate.firstName = firstName;
      if (lastName) candidate.lastName = lastName;
      if (role) candidate.role = role;
      if (this.extraColumns.length > 0) {
        const extra: Record<string, string> = {};
        let any = false;
        for (const [index, header] of this.extraColumns) {
          const value = cells[index]?.trim();
          if (value) {
            extra[header] = value;
            any = true;
          }
        }
        if (any) candidate.extra = extra;
      }
      this.onRow(this.checker.check(candidate));
    });
  }

  private ignore(line: number, raw: string, isHeader: boolean): void {
    const own = this.streaming ? (' ' + raw).slice(1) : raw;
    this.ignored.push({ line, raw: own, reason: isHeader ? 'HEADER_ROW' : 'BEFORE_HEADER' });
  }
}

/** Enough of the start of an input to decide its layout. */
const SAMPLE_CHARS = 64 * 1024;

function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const cut = text.lastIndexOf('\n', SAMPLE_CHARS);
  return text.slice(0, cut > 0 ? cut : SAMPLE_CHARS);
}

function layoutFor(sample: string, options: CheckOptions): Layout {
  try {
    return detectLayout(sample, options);
  } catch (error) {
    if (error instanceof RangeError) throw new IntakeError('INVALID_OPTIONS', error.message);
    throw error;
  }
}

/** Checks pasted or already-decoded text. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  validateOptions(options);
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (input.trim() === '') throw new IntakeError('EMPTY_INPUT', 'The input is empty: there are no rows to read.');
  const layout = layoutFor(sampleOf(input), options);
  const rows: CheckedRow[] = [];
  const reader = new IntakeReader(layout, options, (row) => rows.push(row));
  reader.read(input, 1);
  return { summary: reader.summary, mapping: mappingReport(layout), rows, ignored: reader.ignored };
}

/** Checks the bytes of a file: decodes them (reporting the encoding), then checks the text. */
export function checkBytes(bytes: Uint8Array | ArrayBuffer, options: CheckOptions = {}): CheckResult {
  const decoded = decodeBytes(bytes);
  const result = checkText(decoded.text, options);
  return { ...result, encoding: decoded.encoding, bom: decoded.bom };
}

/** Checks a browser `File` or `Blob`. */
export async function checkFile(file: Blob, options: CheckOptions = {}): Promise<CheckResult> {
  return checkBytes(new Uint8Array(await file.arrayBuffer()), options);
}

export type StreamResult = Omit<CheckResult, 'rows'>;

/**
 * Finds where a piece of text can be cut: after the last line break that is outside quotes. Quote
 * parity decides (RFC 4180 doubles quotes inside fields, so they never change it). A stray quote can
 * make the rest of a file look quoted; past `maxPending` characters we cut at the last line break anyway.
 */
function cutPoint(text: string, from: number, maxPending: number): number {
  let quoted = false;
  let cut = -1;
  let lastBreak = -1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 || c === 13) {
      lastBreak = i + 1;
      if (!quoted) cut = i + 1;
    }
  }
  // Don't split a CRLF pair.
  const fix = (at: number) => (at > 0 && at < text.length && text.charCodeAt(at - 1) === 13 && text.charCodeAt(at) === 10 ? at + 1 : at);
  if (cut > 0) return fix(cut);
  return text.length > maxPending && lastBreak > 0 ? fix(lastBreak) : -1;
}

function countLines(text: string, newline: Layout['newline']): number {
  const char = newline === '\r' ? '\r' : '\n';
  let count = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/**
 * Checks an input of any size without holding it: bytes arrive in chunks, rows leave through `onRow`,
 * and only the dedupe index (one entry per valid address, as bytes) grows with the input. Each chunk is
 * consumed before the next is requested, so the source may hand out the same buffer every time.
 */
export async function checkStream(
  chunks: AsyncIterable<Uint8Array>,
  options: CheckOptions,
  onRow: (row: CheckedRow) => void,
): Promise<StreamResult> {
  validateOptions(options);
  const iterator = chunks[Symbol.asyncIterator]();
  // Gather enough bytes to judge the format and encoding. Each chunk is copied (or decoded) before the
  // next is asked for, so a source may reuse one buffer.
  let headBytes = new Uint8Array(0);
  let done = false;
  while (headBytes.length < SAMPLE_CHARS) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const joined = new Uint8Array(headBytes.length + next.value.length);
    joined.set(headBytes);
    joined.set(next.value, headBytes.length);
    headBytes = joined;
  }
  assertNotBinaryFormat(headBytes);
  const { encoding, bom } = detectEncoding(headBytes, done);
  const decoder = new TextDecoder(encoding);

  let pending = decoder.decode(headBytes, { stream: !done });
  if (pending.trim() === '' && done) throw new IntakeError('EMPTY_INPUT', 'The input is empty: there are no rows to read.');
  assertLooksLikeText(pending);
  const layout = layoutFor(done ? pending : sampleOf(pending), options);
  const reader = new IntakeReader(layout, options, onRow, true);
  let line = 1;
  const maxPending = 4 * 1024 * 1024;

  const flush = (final: boolean) => {
    const cut = final ? pending.length : cutPoint(pending, 0, maxPending);
    if (cut <= 0) return;
    const piece = pending.slice(0, cut);
    pending = pending.slice(cut);
    reader.read(piece, line);
    line += countLines(piece, layout.newline);
  };

  flush(done);
  while (!done) {
    const next = await iterator.next();
    if (next.done) {
      pending += decoder.decode();
      done = true;
    } else {
      pending += decoder.decode(next.value, { stream: true });
    }
    flush(done);
  }
  return { summary: reader.summary, encoding, bom, mapping: mappingReport(layout), ignored: reader.ignored };
}
