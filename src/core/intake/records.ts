/**
 * Delimited text → records, each with the line it starts on and its exact source text, via papaparse.
 * Records whose cells are all blank (empty lines, Excel's trailing `;;;` rows) are left out here; the
 * line numbers of the others still count them.
 */
import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface SourceRecord {
  /** 1-based line on which the record starts. */
  line: number;
  /** The record's source text, without its line break. */
  raw: string;
  cells: string[];
}

export type Newline = '\r\n' | '\n' | '\r';

/**
 * The line break to read records by. Files mix them (a CRLF header pasted above LF rows, lists joined
 * from several sources), so CRLF is read as LF: papaparse then leaves a CR at the end of an unquoted
 * last cell, which `forEachRecord` removes, and skips it after a closing quote. CR alone (classic Mac)
 * is the line break only where lone CRs outnumber LFs.
 */
export function detectNewline(text: string): Newline {
  const lf = countChar(text, '\n');
  const cr = countChar(text, '\r');
  if (lf === 0) return cr > 0 ? '\r' : '\n';
  if (cr === 0) return '\n';
  let crlf = 0;
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) crlf++;
  return cr - crlf > lf ? '\r' : '\n';
}

/**
 * The "delimiter" of a one-column file: ASCII's unit separator, which no text file holds, so that only quotes and line
 * breaks shape its records (a cell `ann@x.com, bob@x.com` stays one cell). Cells it would split are
 * joined back by the reader.
 */
export const ONE_COLUMN = '\u001f';
export type RecordDelimiter = Delimiter | typeof ONE_COLUMN;

/** The character to count for line numbers under a given line break. */
function lineChar(newline: Newline): string {
  return newline === '\r' ? '\r' : '\n';
}

/** How often `char` occurs in `text`, between `from` and `to`. */
export function countChar(text: string, char: string, from = 0, to = text.length): number {
  let count = 0;
  for (let i = text.indexOf(char, from); i >= 0 && i < to; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** Where a record's text ends once its line break is left off. */
function contentEnd(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

function stripLineBreak(raw: string): string {
  return raw.slice(0, contentEnd(raw, 0, raw.length));
}

function isBlank(cells: readonly string[]): boolean {
  // Most records start with a character that is not a space.
  const first = cells[0]!;
  if (first.length > 0 && first.charCodeAt(0) > 32) return false;
  for (let i = 0; i < cells.length; i++) if (cells[i]!.trim().length > 0) return false;
  return true;
}

export interface RecordOptions {
  delimiter: RecordDelimiter;
  newline?: Newline;
  /** Line number of the text's first line (for texts that are a later piece of an input). */
  firstLine?: number;
  /** At most this many records (for sampling). */
  limit?: number;
  /**
   * The text is a piece of an input that goes on after it: its last record, which may be cut short, and
   * a quoted field still open at its end are not read; the result says how far reading got.
   */
  partial?: boolean;
}

export interface RecordsRead {
  /** Characters of the text read (all of it unless `partial`). */
  consumed: number;
  /** The line on which the unread rest begins. */
  nextLine: number;
}

/**
 * Parses `text` into records. A quote that is never closed would make papaparse swallow the rest of the
 * input into one field, silently merging every later row into it; instead, the line holding that quote
 * is read with quotes taken literally, and parsing resumes on the next line.
 */
export function parseRecords(text: string, options: RecordOptions): SourceRecord[] {
  const records: SourceRecord[] = [];
  forEachRecord(text, options, (line, raw, cells) => {
    records.push({ line, raw, cells });
  });
  return records;
}

/**
 * Calls `visit` for each non-blank record, in order, without gathering them (large inputs: each
 * record's cells can be collected as soon as it has been read).
 */
export function forEachRecord(
  text: string,
  options: RecordOptions,
  visit: (line: number, raw: string, cells: string[]) => void,
): RecordsRead {
  const newline = options.newline ?? detectNewline(text);
  const partial = options.partial === true;
  const counted = lineChar(newline);
  const limit = options.limit ?? Infinity;
  let visited = 0;
  let offset = 0;
  let line = options.firstLine ?? 1;
  // Whole texts are read a slice of lines per papaparse call. Pieces of a stream are read record by
  // record, as they arrive: that keeps a stream's memory lowest. Lines are counted by the newline itself,
  // except under CRLF, where a bare LF inside a line counts too.
  if (limit === Infinity && newline === counted && !partial) {
    // Slices of whole lines: the cells of a huge text are garbage slice by slice, not a whole file's worth.
    while (offset < text.length) {
      const cut = text.indexOf(newline, Math.min(offset + SLICE_CHARS, text.length - 1));
      const end = cut < 0 ? text.length : cut + newline.length;
      const piece = offset === 0 && end === text.length ? text : text.slice(offset, end);
      const lines = readRecordPerLine(piece, options.delimiter, newline, line, visit);
      if (lines < 0) break;
      offset = end;
      line += lines;
    }
    if (offset >= text.length) return { consumed: text.length, nextLine: line };
  }
  while (offset < text.length && visited < limit) {
    // Positions below are within `rest`.
    let start = 0;
    let unterminatedAt = -1;
    let stopAt = -1;
    const rest = offset === 0 ? text : text.slice(offset);
    // papaparse drops a byte-order mark at the very start of its input and counts its cursor without it.
    const shift = rest.charCodeAt(0) === 0xfeff ? 1 : 0;
    Papa.parse<string[]>(rest, {
      delimiter: options.delimiter,
      newline,
      step(result, parser) {
        const end = result.meta.cursor + shift;
        // In a piece, a record is whole only if its line break is there too (papaparse reads what follows
        // the last line break as a record of its own), and a quote still open may close in the next piece.
        if (partial && (!endsWith(rest, end, newline) || result.errors.some((error) => error.code === 'MissingQuotes'))) {
          stopAt = start;
          parser.abort();
          return;
        }
        // A quote never closed, or closed only lines later by a quote that was not meant to close it (the
        // opening quote of a later field: papaparse then reports InvalidQuotes), would merge later rows
        // into this one.
        // (A record can carry one error per stray quote: the line test runs once, not once per error.)
        if (
          result.errors.length > 0 &&
          (result.errors.some((error) => error.code === 'MissingQuotes') ||
            (result.errors.some((error) => error.code === 'InvalidQuotes') && rest.slice(start, contentEnd(rest, start, end)).includes(newline)))
        ) {
          unterminatedAt = start;
          parser.abort();
          return;
        }
        const cells = result.data;
        // CRLF read as LF: an unquoted last cell keeps the CR.
        if (newline === '\n') {
          const last = cells[cells.length - 1]!;
          if (last.charCodeAt(last.length - 1) === 13) cells[cells.length - 1] = last.slice(0, -1);
        }
        if (!isBlank(cells)) {
          visit(line, rest.slice(start, contentEnd(rest, start, end)), cells);
          if (++visited >= limit) parser.abort();
        }
        line += countChar(rest, counted, start, end);
        start = end;
      },
    });
    if (stopAt >= 0) return { consumed: offset + stopAt, nextLine: line };
    if (unterminatedAt < 0) break;
    // Read the offending line with quotes as plain characters, then go on after it.
    const lineEnd = rest.indexOf(newline, unterminatedAt);
    if (lineEnd < 0 && partial) return { consumed: offset + unterminatedAt, nextLine: line };
    const lineText = rest.slice(unterminatedAt, lineEnd < 0 ? rest.length : lineEnd);
    const cells = Papa.parse<string[]>(lineText, { delimiter: options.delimiter, quoteChar: '\u0000' }).data[0] ?? [];
    if (!isBlank(cells)) {
      visit(line, stripLineBreak(lineText), cells);
      visited++;
    }
    if (lineEnd < 0) break;
    line += 1;
    offset += lineEnd + newline.length;
  }
  return { consumed: text.length, nextLine: line };
}

/**
 * The common case, read in one papaparse call rather than a step per record: every record is one line
 * (no quoted line breaks) and no quote is malformed. Then record i is line i, and its source text is
 * found by walking the line breaks. Returns the number of line breaks read, or -1, having visited
 * nothing, when that does not hold; `forEachRecord` then reads record by record.
 */
function readRecordPerLine(
  text: string,
  delimiter: RecordDelimiter,
  newline: Newline,
  firstLine: number,
  visit: (line: number, raw: string, cells: string[]) => void,
): number {
  const breaks = countChar(text, newline);
  const result = Papa.parse<string[]>(text, { delimiter, newline });
  if (result.errors.length > 0 || result.data.length !== breaks + 1) return -1;
  const rows = result.data;
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    const lineEnd = i === rows.length - 1 ? text.length : text.indexOf(newline, at);
    const cells = rows[i]!;
    if (newline === '\n') {
      const last = cells[cells.length - 1]!;
      if (last.charCodeAt(last.length - 1) === 13) cells[cells.length - 1] = last.slice(0, -1);
    }
    if (!isBlank(cells)) visit(firstLine + i, text.slice(at, contentEnd(text, at, lineEnd)), cells);
    at = lineEnd + newline.length;
  }
  return breaks;
}

/**
 * Texts up to this size go to papaparse whole, in one call on the caller's own string: measured faster
 * than 256 KiB slices, most of all when the page also calls papaparse itself (its compiled code is then
 * shared). Larger texts are sliced, so that their cells never all exist at once.
 */
const SLICE_CHARS = 8 * 1024 * 1024;

function endsWith(text: string, end: number, suffix: string): boolean {
  return end >= suffix.length && text.startsWith(suffix, end - suffix.length);
}
