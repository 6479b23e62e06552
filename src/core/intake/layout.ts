/**
 * Looks at the start of an input and decides how to read all of it: a table (which delimiter, which
 * line is the header, which column is what) or a free-text list of addresses. Decided once, from a
 * sample, so a streamed input is read the same way from its first chunk to its last.
 *
 * Free-text reading is only for text that is not a delimited table: a file with one column is still
 * CSV (its quoting is undone and a cell holding two addresses is one invalid row), and in a table only
 * one column ever creates invitees.
 */
import { FIELDS, headerRank } from './header-aliases.ts';
import {
  addressColumns,
  applyOverride,
  chooseAddressColumn,
  looksLikeHeader,
  mapFromContent,
  mapFromHeader,
  otherAddressColumns,
  type ColumnMapping,
  type ColumnOverride,
  type OtherAddressColumn,
} from './columns.ts';
import { readListLine, type ListEntry } from './list.ts';
import { countChar, DELIMITERS, detectNewline, ONE_COLUMN, parseRecords, type Delimiter, type Newline, type SourceRecord } from './records.ts';

export interface Layout {
  format: 'table' | 'list';
  newline: Newline;
  /** The delimiter of a table; absent for a one-column table. */
  delimiter?: Delimiter;
  /** Line of the header row. In a table, lines up to and including it are not rows. */
  headerLine?: number;
  /** Header cells (trailing empty ones removed). */
  header?: string[];
  mapping: ColumnMapping;
  /** Columns of addresses that do not create invitees. */
  otherAddressColumns?: OtherAddressColumn[];
}

export interface LayoutOptions {
  /** Force a reading; default 'auto'. */
  format?: 'auto' | 'table' | 'list';
  /** Force the delimiter of a table. */
  delimiter?: Delimiter;
  /** Force whether a table's first row is a header. */
  header?: boolean;
  /** Override column choices (table only). */
  columns?: ColumnOverride;
  /** The target's roles, used to recognise a headerless role column. */
  roles?: readonly string[];
}

const SAMPLE_RECORDS = 50;
/** When two delimiters split rows equally well: tabs and semicolons rarely occur inside names. */
const PREFERENCE: readonly Delimiter[] = ['\t', ';', ',', '|'];
const HEADER_SEARCH = 20;

function width(cells: readonly string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.trim() === '') n--;
  return n;
}

function trimmed(cells: readonly string[]): string[] {
  return cells.slice(0, width(cells)).map((cell) => cell.trim());
}

interface Candidate {
  delimiter: Delimiter;
  records: SourceRecord[];
  headerIndex: number;
}

/**
 * The header row: the first row in the first lines that reads as one. When several do (Zoom's meeting
 * summary table above its participants table, both headed), the one with the most distinct addresses
 * under it, up to the next, wins; ties go to the first (Teams repeats its participants further down).
 */
function findHeader(records: readonly SourceRecord[], forced: boolean | undefined): number {
  if (forced === true) return records.length > 0 ? 0 : -1;
  if (forced === false) return -1;
  const limit = Math.min(records.length, HEADER_SEARCH);
  const found: number[] = [];
  for (let i = 0; i < limit; i++) if (looksLikeHeader(records[i]!.cells.map((cell) => cell.trim()))) found.push(i);
  if (found.length <= 1) return found[0] ?? -1;
  let best = -1;
  let bestRows = -1;
  for (let k = 0; k < found.length; k++) {
    const end = found[k + 1] ?? records.length;
    const addresses = new Set<string>();
    for (let j = found[k]! + 1; j < end; j++) {
      for (const cell of records[j]!.cells) if (cell.includes('@')) addresses.add(cell.trim().toLowerCase());
    }
    if (addresses.size > bestRows) [best, bestRows] = [found[k]!, addresses.size];
  }
  return best;
}

/**
 * The field count most rows share, and the share of rows with it. Counted with trailing empty fields
 * (`ann@x.com,` is two fields), as a CSV writer pads every row alike.
 */
function consistency(records: readonly SourceRecord[]): { modal: number; share: number } {
  const counts = new Map<number, number>();
  for (const record of records) {
    const n = Math.max(width(record.cells), record.cells.length);
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let modal = 0;
  let best = 0;
  for (const [n, count] of counts) if (count > best || (count === best && n > modal)) [modal, best] = [n, count];
  return { modal, share: records.length === 0 ? 0 : best / records.length };
}

function tableLayout(candidate: Candidate, newline: Newline, options: LayoutOptions): Layout {
  const { records, headerIndex, delimiter } = candidate;
  const body = records.slice(headerIndex + 1).map((record) => record.cells);
  const header = headerIndex >= 0 ? trimmed(records[headerIndex]!.cells) : undefined;
  const columns = Math.max(header?.length ?? 0, ...body.map((cells) => cells.length), 1);
  let mapping = header ? mapFromHeader(header, body) : mapFromContent(body, columns, options.roles);
  mapping = applyOverride(mapping, options.columns, header, columns);
  const others = otherAddressColumns(body, columns, mapping, header);
  return {
    format: 'table',
    newline,
    delimiter,
    mapping,
    ...(header ? { header, headerLine: records[headerIndex]!.line } : {}),
    ...(others.length > 0 ? { otherAddressColumns: others } : {}),
  };
}

/** `Name <…@…>`, with something before the bracket and no bracket or @ in the name (one scan). */
function isNamedAddress(cell: string): boolean {
  const open = cell.indexOf('<');
  if (open < 0 || cell.charCodeAt(cell.length - 1) !== 62 /* > */) return false;
  const name = cell.slice(0, open);
  if (name.trim() === '' || name.includes('>') || name.includes('@')) return false;
  const inside = cell.slice(open + 1, -1);
  return inside.includes('@') && !inside.includes('<') && !inside.includes('>');
}

/**
 * Whether a delimiter cut through pasted list entries rather than between columns, in at least half the
 * rows: the address cell holds one end of a bracket or quote pair (`ann@x.com (Lee, Ann)` or
 * `"Lee, Ann" <ann@x.com>` split at the comma), or, as Outlook writes `Smith, John <john@x.com>`, the
 * address cell carries a name whose first part is the cell before it.
 */
function cutsListEntries(records: readonly SourceRecord[], emailColumn: number): boolean {
  let cut = 0;
  for (const { cells } of records) {
    const cell = (cells[emailColumn] ?? '').trim();
    const before = cells[emailColumn - 1]?.trim() ?? '';
    if (
      countChar(cell, '(') !== countChar(cell, ')') ||
      countChar(cell, '<') !== countChar(cell, '>') ||
      countChar(cell, '"') % 2 === 1 ||
      (before !== '' && !before.includes('@') && isNamedAddress(cell))
    ) {
      cut++;
    }
  }
  return cut > 0 && cut * 2 >= records.length;
}

/** Whether the address cells of these columns are mostly bare addresses (no spaces, no brackets). */
function bareAddresses(rows: readonly (readonly string[])[], columns: readonly number[]): boolean {
  let filled = 0;
  let bare = 0;
  for (const row of rows) {
    for (const index of columns) {
      const cell = row[index]?.trim();
      if (!cell || !cell.includes('@')) continue;
      filled++;
      if (!/[\s<>]/.test(cell)) bare++;
    }
  }
  return bare >= filled * 0.8;
}

/**
 * A typed list, not an export: every cell holds an address and most cells after a comma or semicolon
 * start with a space (`ann@x.com, bob@x.com`), which no CSV writer produces.
 */
function typedList(records: readonly SourceRecord[], delimiter: Delimiter): boolean {
  if (delimiter !== ',' && delimiter !== ';') return false;
  let spaced = 0;
  let later = 0;
  for (const { cells } of records) {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      if (cell.trim() === '') continue;
      if (!cell.includes('@')) return false;
      if (i > 0) {
        later++;
        if (cell.charCodeAt(0) === 32) spaced++;
      }
    }
  }
  return later > 0 && spaced * 2 > later;
}

function listLayout(newline: Newline, headerLine?: number): Layout {
  return { format: 'list', newline, mapping: {}, ...(headerLine === undefined ? {} : { headerLine }) };
}

function addressEntries(text: string): number {
  const entries: ListEntry[] = [];
  readListLine(text, 1, entries);
  let found = 0;
  for (const entry of entries) if (entry.email.includes('@')) found++;
  return found;
}

/**
 * A file of one column: records are cut at line breaks only, and quotes are CSV quotes. Taken when the
 * sample shows it is one (a header naming the address column, or quoted records) and most of its
 * records hold one address each; a heading above lines of several addresses is a pasted list.
 */
function oneColumnLayout(sample: string, newline: Newline, options: LayoutOptions): Layout | undefined {
  const records = parseRecords(sample, { delimiter: ONE_COLUMN, newline, limit: SAMPLE_RECORDS });
  if (records.length === 0) return undefined;
  const headerIndex = findHeader(records, options.header);
  // Addresses above the heading: a list whose heading is a word among its lines.
  if (headerIndex > 0 && records.slice(0, headerIndex).some((record) => record.raw.includes('@'))) return undefined;
  const body = records.slice(headerIndex + 1);
  // A CSV-quoted record is one quoted field from end to end (`"Lee, Ann" <ann@x.com>` is mailbox syntax).
  const quoted = body.some((record) => {
    const raw = record.raw.trim();
    return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"');
  });
  if (headerIndex < 0 && !quoted) return undefined;
  const withAddress = body.filter((record) => record.cells.join(ONE_COLUMN).includes('@'));
  if (withAddress.length === 0) return undefined;
  const single = withAddress.filter((record) => addressEntries(record.cells.join(ONE_COLUMN)) <= 1).length;
  if (single * 2 <= withAddress.length) return undefined;
  const header = headerIndex >= 0 ? trimmed(records[headerIndex]!.cells) : undefined;
  const mapping = applyOverride(
    { email: { index: 0, source: header ? 'header' : 'content', ...(header?.[0] ? { header: header[0] } : {}) } },
    options.columns,
    header,
    1,
  );
  return {
    format: 'table',
    newline,
    mapping,
    ...(header ? { header, headerLine: records[headerIndex]!.line } : {}),
  };
}

/**
 * A table of people without an address column (Meetup's member list): rows agree on three or more
 * fields and the first names a person field. Read as a table, each row is MISSING_EMAIL and an
 * address in a note never becomes an invitee, as free text would make it.
 */
function headedWithoutAddresses(candidates: readonly Candidate[]): Candidate | undefined {
  const tables = candidates
    .filter(({ records }) => {
      if (records.length < 2 || records[0]!.cells.some((cell) => cell.includes('@'))) return false;
      if (!records[0]!.cells.some((cell) => FIELDS.some((field) => headerRank(field, cell.trim()) !== undefined))) return false;
      const { modal, share } = consistency(records);
      return modal >= 3 && share >= 0.8;
    })
    .sort((a, b) => consistency(b.records).modal - consistency(a.records).modal || PREFERENCE.indexOf(a.delimiter) - PREFERENCE.indexOf(b.delimiter));
  const best = tables[0];
  return best ? { ...best, headerIndex: 0 } : undefined;
}

export function detectLayout(sample: string, options: LayoutOptions = {}): Layout {
  const newline = detectNewline(sample);
  if (options.format === 'list') return listLayout(newline);
  const delimiters = options.delimiter ? [options.delimiter] : DELIMITERS;
  const candidates: Candidate[] = delimiters.map((delimiter) => {
    const records = parseRecords(sample, { delimiter, newline, limit: SAMPLE_RECORDS });
    return { delimiter, records, headerIndex: findHeader(records, options.header) };
  });

  // A header row settles it: the delimiter that splits it widest.
  const withHeader = candidates
    .filter((c) => c.headerIndex >= 0)
    .sort(
      (a, b) =>
        width(b.records[b.headerIndex]!.cells) - width(a.records[a.headerIndex]!.cells) ||
        PREFERENCE.indexOf(a.delimiter) - PREFERENCE.indexOf(b.delimiter),
    );
  const headed = withHeader[0];
  if (headed && (width(headed.records[headed.headerIndex]!.cells) >= 2 || options.columns)) {
    return tableLayout(headed, newline, options);
  }

  // No known header: a table if rows agree on a field count of 2+ and some column holds addresses. A
  // first row without any address above rows with them is a header in words we do not know.
  const headerless = candidates
    .map((candidate) => {
      const { records } = candidate;
      const unnamedHeader =
        options.header !== false &&
        records.length >= 2 &&
        !records[0]!.cells.some((cell) => cell.includes('@')) &&
        records.slice(1).some((record) => record.cells.some((cell) => cell.includes('@')));
      const body = unnamedHeader ? records.slice(1) : records;
      const { modal, share } = consistency(body);
      const cells = body.map((record) => record.cells);
      const emails = addressColumns(cells, modal);
      const email = chooseAddressColumn(cells, emails);
      // Exports with several address columns hold bare addresses; mailbox syntax across columns is a
      // pasted list cut at its commas.
      const cuts = email !== undefined && (cutsListEntries(body, email) || (emails.length > 1 && !bareAddresses(cells, emails)));
      const typed = typedList(body, candidate.delimiter);
      return { candidate, modal, share, email, unnamedHeader, cuts, typed, enough: unnamedHeader ? body.length >= 1 : body.length >= 2 };
    })
    .filter(({ enough, modal, share, email, cuts, typed }) => enough && modal >= 2 && share >= 0.8 && !cuts && !typed && email !== undefined)
    .sort((a, b) => b.modal - a.modal || PREFERENCE.indexOf(a.candidate.delimiter) - PREFERENCE.indexOf(b.candidate.delimiter));
  const best = headerless[0];
  if (best && options.header !== true) {
    return tableLayout({ ...best.candidate, headerIndex: best.unnamedHeader ? 0 : -1 }, newline, options);
  }
  if (options.format === 'table' || options.columns) {
    const single = options.delimiter ? undefined : oneColumnLayout(sample, newline, options);
    if (single) return single;
    // Asked for a table: read one with the delimiter that splits the rows widest.
    const widest = [...candidates].sort((a, b) => consistency(b.records).modal - consistency(a.records).modal)[0]!;
    const fallback = options.delimiter ? candidates[0]! : widest;
    return tableLayout(options.header === true ? { ...fallback, headerIndex: 0 } : fallback, newline, options);
  }
  const single = oneColumnLayout(sample, newline, options);
  if (single) return single;
  const unaddressed = headedWithoutAddresses(candidates);
  if (unaddressed) return tableLayout(unaddressed, newline, options);
  // A list under a heading such as "Email": the heading is set aside; lines above it are still read.
  return listLayout(newline, headed ? headed.records[headed.headerIndex]!.line : undefined);
}
