/**
 * The intake pipeline: text (or bytes, or a stream of bytes) → layout → rows → rules. Every row read
 * ends in exactly one state; lines that are not rows (a header, title lines above it) are listed in
 * `ignored` with the reason, so nothing in the input goes unaccounted for.
 */
import * as z from 'zod/mini';
import { cleanAddress, trimWrapping } from './address-rule.ts';
import { IntakeError } from './errors.ts';
import { assertLooksLikeText, assertNoNul, assertNotBinaryFormat, decodeBytes, detectEncoding, InputDecoder, type TextEncodingName } from './decode.ts';
import { ColumnOverrideError, headerRank, looksLikeHeader, type ColumnMapping, type OtherAddressColumn } from './columns.ts';
import { detectLayout, type Layout, type LayoutOptions } from './layout.ts';
import { angleForm, cleanName, parseList, readListLine, type ListEntry } from './list.ts';
import { forEachRecord, ONE_COLUMN, type Delimiter, type RecordsRead } from './records.ts';
import type { MissingEmailParams } from './row-issues.ts';
import { createRowChecker, displayName, issue, type Candidate, type CheckedRow, type RowRules, type Summary } from './row-rules.ts';
import { rowWarning, type RowWarning } from './warnings.ts';

export interface CheckOptions extends LayoutOptions, RowRules {
  /**
   * The largest input read, in bytes (in characters for text); a larger one is refused with
   * `TOO_LARGE` before it is read. Default 200 MiB.
   */
  maxBytes?: number;
}

/** What `checkStream` reports while it reads. */
export interface StreamProgress {
  /** Bytes read so far. */
  bytes: number;
  /** Rows read so far. */
  rows: number;
  /** The input's size, when the caller gave it. */
  totalBytes?: number;
}

export interface StreamOptions extends CheckOptions {
  /** The input's size, when known (a File's `size`): refused at once if over `maxBytes`, and reported in progress. */
  totalBytes?: number;
  /** Called after each chunk is read. */
  onProgress?: (progress: StreamProgress) => void;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** Refuses an input over the size limit, before reading it. */
export function assertSize(size: number, options: Pick<CheckOptions, 'maxBytes'>, unit: 'bytes' | 'characters' = 'bytes'): void {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size <= limit) return;
  throw new IntakeError('TOO_LARGE', { size, limit, unit });
}

export interface MappingReport {
  format: 'table' | 'list';
  delimiter?: Delimiter;
  headerLine?: number;
  columns: ColumnMapping;
  /** Columns of addresses that create no invitees (a manager's, a buyer's, a home address), and why. */
  otherAddressColumns?: OtherAddressColumn[];
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
  columns: z.optional(z.partialRecord(z.enum(['email', 'name', 'firstName', 'lastName', 'role']), z.nullable(z.union([z.number().check(z.int(), z.nonnegative()), z.string()])))),
  roles: z.optional(z.array(z.string().check(z.trim(), z.minLength(1)))),
  defaultRole: z.optional(z.string()),
  allowDomains: z.optional(z.array(z.string())),
  blockDomains: z.optional(z.array(z.string())),
  maxRows: z.optional(z.number().check(z.int(), z.positive())),
  maxBytes: z.optional(z.number().check(z.int(), z.positive())),
});

function validateOptions(options: CheckOptions): void {
  const result = optionsSchema.safeParse({ ...options, existing: undefined });
  if (!result.success) {
    const names = [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '')).filter(Boolean))];
    // zod's own English says what is wrong with each: passed on verbatim, beside the options' names.
    throw new IntakeError('INVALID_OPTIONS', { reason: 'SCHEMA', options: names, detail: z.prettifyError(result.error).replace(/\n/g, ' ') });
  }
  const { roles, defaultRole } = options;
  if (roles && defaultRole !== undefined && !roles.some((role) => role.toLowerCase() === defaultRole.toLowerCase())) {
    throw new IntakeError('INVALID_OPTIONS', { reason: 'DEFAULT_ROLE', role: defaultRole, roles: [...roles] });
  }
}

function mappingReport(layout: Layout): MappingReport {
  return {
    format: layout.format,
    ...(layout.delimiter ? { delimiter: layout.delimiter } : {}),
    ...(layout.headerLine !== undefined ? { headerLine: layout.headerLine } : {}),
    columns: layout.mapping,
    ...(layout.otherAddressColumns ? { otherAddressColumns: layout.otherAddressColumns } : {}),
  };
}

const PLAIN_CELL_NEEDS_READING = /[<\s,;:(\u200b-\u200d\u2060\ufeff]/;
/** `address (Name)`: the address is one word. */
const COMMENT_FORM = /^(\S+)\s*\(([^()]*)\)$/;

/**
 * Reads an address cell. A cell is one value: only the forms that say which part is the address are
 * unwrapped (`Name <a@b>`, `"Last, First" <a@b>`, `<a@b>`, `a@b (Name)`, `mailto:a@b?…`, surrounding
 * spaces and a trailing `;` or `,`). Anything else is taken whole, so `andy dwyer@x.io` stays one
 * (invalid) value and never becomes `dwyer@x.io`. Google Contacts' `a@b ::: c@d` invites the first.
 */
export function readAddressCell(cell: string): Pick<Candidate, 'email' | 'name' | 'problem' | 'warnings'> {
  let text = trimWrapping(cell);
  while (text.endsWith(';') || text.endsWith(',')) text = trimWrapping(text.slice(0, -1));
  if (text === '') return { email: '' };
  let warnings: RowWarning[] | undefined;
  if (text.includes(' ::: ')) {
    const [primary, ...others] = text.split(' ::: ').map(trimWrapping);
    text = primary!;
    const more = others.filter((other) => other !== '');
    if (more.length > 0) warnings = [rowWarning('OTHER_ADDRESSES', { invited: text, others: more })];
  }
  const found = parseList(text).filter((entry) => entry.email.includes('@'));
  if (found.length > 1) {
    const emails = found.map((entry) => entry.email);
    return {
      email: text,
      problem: issue('MULTIPLE_EMAILS', { count: emails.length, emails }),
      ...(warnings ? { warnings } : {}),
    };
  }
  let read: Pick<Candidate, 'email' | 'name'>;
  const angle = angleForm(text);
  const comment = angle ? undefined : COMMENT_FORM.exec(text);
  if (angle) read = withName(cleanAddress(angle.inside), cleanName(angle.before));
  else if (comment) read = withName(cleanAddress(comment[1]!), cleanName(comment[2]!));
  else read = { email: cleanAddress(text) };
  return warnings ? { ...read, warnings } : read;
}

function withName(email: string, name: string | undefined): Pick<Candidate, 'email' | 'name'> {
  return name === undefined ? { email } : { email, name };
}

const REPLACEMENT = '\ufffd';

const invalidBytes = (line: number) => rowWarning('INVALID_BYTES', { line });

const LONE_CR = /\r(?!\n)/;

const crInsideRow = (line: number) => rowWarning('CR_INSIDE_ROW', { line });

function addWarning(row: { warnings?: RowWarning[] }, warning: RowWarning): void {
  if (row.warnings) row.warnings.push(warning);
  else row.warnings = [warning];
}

/**
 * For a row without its own address whose other address columns hold one: says which, and why it is
 * not invited, so nothing in the row goes unmentioned.
 */
function missingButElsewhere(candidate: Candidate, cells: readonly string[], others: readonly OtherAddressColumn[]): MissingEmailParams | undefined {
  for (const other of others) {
    const cell = cells[other.index]?.trim();
    if (!cell || !cell.includes('@')) continue;
    const name = displayName(candidate);
    return {
      reason: other.reason === 'secondary' ? 'SECONDARY_COLUMN' : 'OTHER_COLUMN_CHOSEN',
      column: other.index + 1,
      ...(other.header ? { header: other.header } : {}),
      value: cell,
      ...(name ? { name } : {}),
    };
  }
  return undefined;
}

/** Reads one input in order, piece by piece. */
class IntakeReader {
  readonly ignored: IgnoredLine[] = [];
  private readonly checker;
  private readonly extraColumns: Array<[number, string]>;
  /** Address columns that create no invitees: a row without its own address says what they hold. */
  private readonly otherAddresses: OtherAddressColumn[];

  constructor(
    readonly layout: Layout,
    rules: RowRules,
    private readonly onRow: (row: CheckedRow) => void,
    private readonly streaming = false,
  ) {
    this.checker = createRowChecker(rules, { dedupe: streaming ? 'stream' : 'whole' });
    const mapped = new Set(Object.values(layout.mapping).map((choice) => choice.index));
    this.otherAddresses = layout.otherAddressColumns ?? [];
    this.extraColumns = (layout.header ?? [])
      .map((header, index) => [index, header] as [number, string])
      .filter(([index, header]) => header !== '' && !mapped.has(index));
  }

  /** Called once the whole input is read: settles what the checker left for the end. */
  finish(): void {
    this.checker.finish();
  }

  get summary(): Summary {
    return { ...this.checker.summary };
  }

  /**
   * Reads a piece of the input that starts on `firstLine` at a record boundary. Unless `partial`, the
   * piece ends the input; if it does not, what may be cut short at its end is left for the next piece.
   */
  read(text: string, firstLine: number, partial = false): RecordsRead {
    const { layout } = this;
    const headerLine = layout.headerLine ?? 0;
    if (layout.format === 'list') {
      // Up to the last line break; a CR at the very end may be the first half of a CRLF.
      let end = text.length;
      if (partial) {
        end = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
        while (end > 0 && text.charCodeAt(end - 1) !== 10 && text.charCodeAt(end - 1) !== 13) end--;
      }
      return { consumed: end, nextLine: this.readLines(text, end, firstLine, headerLine) };
    }
    const { mapping } = layout;
    const emailIndex = mapping.email?.index;
    const nameIndex = mapping.name?.index;
    const firstIndex = mapping.firstName?.index;
    const lastIndex = mapping.lastName?.index;
    const roleIndex = mapping.role?.index;
    const oneColumn = layout.delimiter === undefined;
    // One scan per piece; rows are searched only when the piece holds a replacement character, or a
    // carriage return that is not part of a CRLF, at all.
    const damaged = text.includes(REPLACEMENT);
    const strayCr = layout.newline === '\n' && text.includes('\r') && LONE_CR.test(text);
    return forEachRecord(text, { delimiter: layout.delimiter ?? ONE_COLUMN, newline: layout.newline, firstLine, partial }, (line, raw, cells) => {
      if (line <= headerLine) {
        this.ignore(line, raw, line === headerLine);
        return;
      }
      let email = '';
      let address: ReturnType<typeof readAddressCell> | undefined;
      if (emailIndex !== undefined) {
        const cell = oneColumn && cells.length > 1 ? cells.join(ONE_COLUMN) : cells[emailIndex] ?? '';
        // The header again further down (Teams' next section, exports joined end to end): not a person.
        if (!cell.includes('@') && headerRank('email', cell) !== undefined && looksLikeHeader(cells.map((text) => text.trim()))) {
          this.ignore(line, raw, true);
          return;
        }
        // Most cells are a bare address: the list reader is only for the others.
        if (PLAIN_CELL_NEEDS_READING.test(cell.trim())) {
          address = readAddressCell(cell);
          email = address.email;
        } else {
          email = cell;
        }
      }
      // Fields by name, not in a loop over keys: this runs once per row of files with 100,000s of rows.
      const ownName = nameIndex === undefined ? undefined : cells[nameIndex]?.trim();
      const firstName = firstIndex === undefined ? undefined : cells[firstIndex]?.trim();
      const lastName = lastIndex === undefined ? undefined : cells[lastIndex]?.trim();
      const role = roleIndex === undefined ? undefined : cells[roleIndex]?.trim();
      // Without a name column, the name is first and last name together (concat: measured faster than a
      // template here); without either, the cell's.
      const name = ownName || (firstName && lastName ? firstName.concat(' ', lastName) : firstName || lastName || address?.name);
      let candidate: Candidate;
      if (name && firstName && lastName && role && address === undefined) {
        // The usual row of a full export, built in one literal with the row's final shape (the status the
        // checker sets included): V8 then never grows the object, which costs a tenth of the intake.
        candidate = { line, raw, email, name, firstName, lastName, role, status: 'valid' };
      } else {
        candidate = { line, raw, email };
        if (name) candidate.name = name;
        if (firstName) candidate.firstName = firstName;
        if (lastName) candidate.lastName = lastName;
        if (role) candidate.role = role;
        if (address?.problem !== undefined) candidate.problem = address.problem;
        if (address?.warnings !== undefined) candidate.warnings = address.warnings;
      }
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
      if (damaged && raw.includes(REPLACEMENT)) addWarning(candidate, invalidBytes(line));
      if (strayCr && LONE_CR.test(raw)) addWarning(candidate, crInsideRow(line));
      if (this.otherAddresses.length > 0 && candidate.problem === undefined && candidate.email.trim() === '') {
        const elsewhere = missingButElsewhere(candidate, cells, this.otherAddresses);
        if (elsewhere !== undefined) candidate.problem = issue('MISSING_EMAIL', elsewhere);
      }
      this.onRow(this.checker.check(candidate));
    });
  }

  /**
   * Reads the lines of a list in `text` up to `end`, returning the line after the last one. A heading
   * line ("Email") is set aside; lines above it are set aside only when they hold no address (a title).
   */
  private readLines(text: string, end: number, firstLine: number, headerLine: number): number {
    let line = firstLine;
    let at = 0;
    while (at < end) {
      let stop = at;
      while (stop < end && text.charCodeAt(stop) !== 10 && text.charCodeAt(stop) !== 13) stop++;
      const content = text.slice(at, stop);
      if (line === headerLine) {
        this.ignore(line, content, true);
      } else if (line < headerLine && !content.includes('@')) {
        if (content.trim() !== '') this.ignore(line, content, false);
      } else {
        // Each entry is checked and handed out as soon as it is read: a 10 MB line is never held as rows.
        const damaged = content.includes(REPLACEMENT);
        readListLine(content, line, {
          push: (entry: ListEntry) => {
            if (damaged) addWarning(entry, invalidBytes(line));
            this.onRow(this.checker.check(entry));
          },
        });
      }
      if (stop >= end) break;
      at = stop + (text.charCodeAt(stop) === 13 && text.charCodeAt(stop + 1) === 10 ? 2 : 1);
      line++;
    }
    return line;
  }

  private ignore(line: number, raw: string, isHeader: boolean): void {
    const own = this.streaming ? (' ' + raw).slice(1) : raw;
    this.ignored.push({ line, raw: own, reason: isHeader ? 'HEADER_ROW' : 'BEFORE_HEADER' });
  }
}

/** Enough of the start of an input to decide its layout. */
const SAMPLE_CHARS = 64 * 1024;
const LINE_BREAK = /[\r\n]/;
/** Bytes that always decode to more than SAMPLE_CHARS characters. */
const HEAD_BYTES = 4 * SAMPLE_CHARS;

function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const cut = text.lastIndexOf('\n', SAMPLE_CHARS);
  return text.slice(0, cut > 0 ? cut : SAMPLE_CHARS);
}

function layoutFor(sample: string, options: CheckOptions): Layout {
  try {
    return detectLayout(sample, options);
  } catch (error) {
    if (error instanceof ColumnOverrideError) throw new IntakeError('INVALID_OPTIONS', error.params);
    throw error;
  }
}

/** Checks pasted or already-decoded text. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  validateOptions(options);
  assertSize(text.length, options, 'characters');
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (input.trim() === '') throw new IntakeError('EMPTY_INPUT', {});
  assertNoNul(input);
  const layout = layoutFor(sampleOf(input), options);
  const rows: CheckedRow[] = [];
  const reader = new IntakeReader(layout, options, (row) => rows.push(row));
  reader.read(input, 1);
  reader.finish();
  return { summary: reader.summary, mapping: mappingReport(layout), rows, ignored: reader.ignored };
}

/** Checks the bytes of a file: decodes them (reporting the encoding), then checks the text. */
export function checkBytes(bytes: Uint8Array | ArrayBuffer, options: CheckOptions = {}): CheckResult {
  validateOptions(options);
  assertSize(bytes.byteLength, options);
  const decoded = decodeBytes(bytes);
  // The limit was in bytes: decoded, the text is as long or shorter.
  const result = checkText(decoded.text, { ...options, maxBytes: Math.max(options.maxBytes ?? DEFAULT_MAX_BYTES, decoded.text.length) });
  return { ...result, encoding: decoded.encoding, bom: decoded.bom };
}

/** Checks a browser `File` or `Blob`. */
export async function checkFile(file: Blob, options: CheckOptions = {}): Promise<CheckResult> {
  validateOptions(options);
  // Refused by its size, and by its first bytes, before the whole file is read.
  assertSize(file.size, options);
  assertNotBinaryFormat(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
  return checkBytes(new Uint8Array(await file.arrayBuffer()), options);
}

export type StreamResult = Omit<CheckResult, 'rows'>;

/** What the magic-number check needs (the xlsx marker sits in the first local file header). */
const SNIFF_BYTES = 4096;

function joinChunks(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const joined = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}

/**
 * Checks an input of any size without holding it: bytes arrive in chunks, rows leave through `onRow`,
 * and only the dedupe index (one entry per valid address, as bytes) grows with the input. Each chunk is
 * consumed before the next is requested, so the source may hand out the same buffer every time.
 */
export async function checkStream(
  chunks: AsyncIterable<Uint8Array>,
  options: StreamOptions,
  onRow: (row: CheckedRow) => void,
): Promise<StreamResult> {
  validateOptions(options);
  if (options.totalBytes !== undefined) assertSize(options.totalBytes, options);
  let bytesRead = 0;
  let rowsRead = 0;
  const counted = (row: CheckedRow) => {
    rowsRead++;
    onRow(row);
  };
  const received = (chunk: Uint8Array) => {
    bytesRead += chunk.length;
    assertSize(bytesRead, options);
  };
  const progress = () => {
    options.onProgress?.({ bytes: bytesRead, rows: rowsRead, ...(options.totalBytes === undefined ? {} : { totalBytes: options.totalBytes }) });
  };
  const iterator = chunks[Symbol.asyncIterator]();
  // Gather enough bytes to judge the format and encoding, and to decode to more than the text sample
  // that checkText judges the layout from (a character takes at most 4 bytes). Each chunk is copied
  // before the next is asked for, so a source may reuse one buffer.
  const head: Uint8Array[] = [];
  let headSize = 0;
  let done = false;
  let sniffed = false;
  while (headSize <= HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    received(next.value);
    head.push(next.value.slice());
    headSize += next.value.length;
    // The first few KiB say whether this is a workbook, an image or an archive: refused before the rest.
    if (!sniffed && headSize >= SNIFF_BYTES) {
      assertNotBinaryFormat(joinChunks(head, headSize));
      sniffed = true;
    }
  }
  const headBytes = joinChunks(head, headSize);
  head.length = 0;
  assertNotBinaryFormat(headBytes);
  const { encoding, bom } = detectEncoding(headBytes, done);
  // A head of plain ASCII says nothing about UTF-8 versus Windows-1252: that is decided where the first
  // other byte turns up, from as many bytes as a head.
  const ascii = !bom && headBytes.every((byte) => byte < 0x80);
  const decoder = new InputDecoder(encoding, ascii ? HEAD_BYTES : 0);

  let pending = decoder.decode(headBytes) + (done ? decoder.decode() : '');
  if (pending.trim() === '' && done) throw new IntakeError('EMPTY_INPUT', {});
  assertLooksLikeText(pending);
  // As checkText: one more byte-order mark than the decoder removes is not text.
  if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
  let blank = pending.trim() === '';
  const layout = layoutFor(sampleOf(pending), options);
  const reader = new IntakeReader(layout, options, counted, true);
  let line = 1;
  const maxPending = 4 * 1024 * 1024;

  const flush = (final: boolean) => {
    if (pending.length === 0) return;
    let read = reader.read(pending, line, !final);
    if (read.consumed === 0 && pending.length > maxPending) {
      // A quoted field still open after this much text: read up to the last line break as it stands.
      const cut = Math.max(pending.lastIndexOf('\n'), pending.lastIndexOf('\r')) + 1;
      if (cut > 0) read = reader.read(pending.slice(0, cut), line);
    }
    pending = read.consumed === pending.length ? '' : pending.slice(read.consumed);
    line = read.nextLine;
  };

  flush(done);
  progress();
  while (!done) {
    const next = await iterator.next();
    let text: string;
    if (next.done) {
      text = decoder.decode();
      done = true;
    } else {
      received(next.value);
      text = decoder.decode(next.value);
    }
    if (blank && text.trim() !== '') blank = false;
    if (text.includes('\0')) assertNoNul(pending + text, line);
    pending += text;
    // Only a line break can complete a record: a long line is not re-read for every chunk of it.
    if (done || LINE_BREAK.test(text)) flush(done);
    progress();
  }
  if (blank) throw new IntakeError('EMPTY_INPUT', {});
  return { summary: reader.summary, encoding: decoder.encoding, bom, mapping: mappingReport(layout), ignored: reader.ignored };
}
