/**
 * Looks at the start of an input and decides how to read all of it: a table (which delimiter, which
 * line is the header, which column is what) or a free-text list of addresses. Decided once, from a
 * sample, so a streamed input is read the same way from its first chunk to its last.
 */
import {
  addressColumns,
  applyOverride,
  looksLikeHeader,
  mapFromContent,
  mapFromHeader,
  type ColumnMapping,
  type ColumnOverride,
} from './columns.ts';
import { countChar, DELIMITERS, detectNewline, parseRecords, type Delimiter, type Newline, type SourceRecord } from './records.ts';

export interface Layout {
  format: 'table' | 'list';
  newline: Newline;
  delimiter?: Delimiter;
  /** Line of the header row. Lines up to and including it are not rows. */
  headerLine?: number;
  /** Header cells (trailing empty ones removed). */
  header?: string[];
  mapping: ColumnMapping;
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

function findHeader(records: readonly SourceRecord[], forced: boolean | undefined): number {
  if (forced === true) return records.length > 0 ? 0 : -1;
  if (forced === false) return -1;
  const limit = Math.min(records.length, HEADER_SEARCH);
  for (let i = 0; i < limit; i++) if (looksLikeHeader(records[i]!.cells.map((cell) => cell.trim()))) return i;
  return -1;
}

/** The width most body rows share, and the share of rows at that width. */
function consistency(records: readonly SourceRecord[]): { modal: number; share: number } {
  const counts = new Map<number, number>();
  for (const record of records) {
    const w = width(record.cells);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let modal = 0;
  let best = 0;
  for (const [w, count] of counts) if (count > best || (count === best && w > modal)) [modal, best] = [w, count];
  return { modal, share: records.length === 0 ? 0 : best / records.length };
}

function tableLayout(candidate: Candidate, newline: Newline, options: LayoutOptions): Layout {
  const { records, headerIndex, delimiter } = candidate;
  const body = records.slice(headerIndex + 1).map((record) => record.cells);
  const header = headerIndex >= 0 ? trimmed(records[headerIndex]!.cells) : undefined;
  const columns = Math.max(header?.length ?? 0, ...body.map((cells) => cells.length), 1);
  let mapping = header ? mapFromHeader(header, body) : mapFromContent(body, columns, options.roles);
  mapping = applyOverride(mapping, options.columns, header, columns);
  return {
    format: 'table',
    newline,
    delimiter,
    mapping,
    ...(header ? { header, headerLine: records[headerIndex]!.line } : {}),
  };
}

const NAMED_ADDRESS = /^[^<>@]*[^\s<>@][^<>@]*<[^<>]*@[^<>]*>$/;

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
      (before !== '' && !before.includes('@') && NAMED_ADDRESS.test(cell))
    ) {
      cut++;
    }
  }
  return cut > 0 && cut * 2 >= records.length;
}

function listLayout(newline: Newline, headerLine?: number): Layout {
  return { format: 'list', newline, mapping: {}, ...(headerLine === undefined ? {} : { headerLine }) };
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
  if (headed && (width(headed.records[headed.headerIndex]!.cells) >= 2 || options.format === 'table' || options.columns)) {
    return tableLayout(headed, newline, options);
  }

  // No known header: a table only if rows agree on a width of 2+ and exactly one column holds addresses
  // (or the caller names the address column). A first row without any address above rows with them is
  // a header in words we do not know.
  const overridesEmail = options.columns?.email !== undefined && options.columns.email !== null;
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
      const emailColumns = addressColumns(body.map((record) => record.cells), modal);
      const cuts = emailColumns.length === 1 && cutsListEntries(body, emailColumns[0]!);
      return { candidate, modal, share, emailColumns, unnamedHeader, cuts, enough: unnamedHeader ? body.length >= 1 : body.length >= 2 };
    })
    .filter(
      ({ enough, modal, share, emailColumns, cuts }) =>
        enough && modal >= 2 && share >= 0.8 && !cuts && (emailColumns.length === 1 || (overridesEmail && emailColumns.length > 1)),
    )
    .sort((a, b) => b.modal - a.modal || PREFERENCE.indexOf(a.candidate.delimiter) - PREFERENCE.indexOf(b.candidate.delimiter));
  const best = headerless[0];
  if (best && options.header !== true) {
    return tableLayout({ ...best.candidate, headerIndex: best.unnamedHeader ? 0 : -1 }, newline, options);
  }
  if (options.format === 'table' || options.columns) {
    // Asked for a table: read one with the delimiter that splits the rows widest.
    const widest = [...candidates].sort((a, b) => consistency(b.records).modal - consistency(a.records).modal)[0]!;
    const fallback = options.delimiter ? candidates[0]! : widest;
    return tableLayout(options.header === true ? { ...fallback, headerIndex: 0 } : fallback, newline, options);
  }
  // A one-column list under a heading such as "Email": a list, with the heading line set aside.
  return listLayout(newline, headed ? headed.records[headed.headerIndex]!.line : undefined);
}
