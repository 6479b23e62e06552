/**
 * A view of a run's results for a table: filter by status, search, sort. Pure and framework-free, so a
 * host's own table (or a test) gets exactly what the kit's table shows.
 */
import type { ResultRow } from '../send/export.ts';

export type ResultsFilter = 'all' | ResultRow['status'];
export type ResultsSortKey = 'line' | 'email' | 'name' | 'role' | 'status';
export interface ResultsSort {
  key: ResultsSortKey;
  direction: 'ascending' | 'descending';
}

export interface ResultsViewOptions {
  filter?: ResultsFilter;
  /** Case-insensitive; matches the address, the name and the message. */
  search?: string;
  sort?: ResultsSort;
}

export interface ResultsView {
  /** The rows shown, in order. */
  rows: readonly ResultRow[];
  /** Rows in the run (and rejected by the check), before filter and search. */
  total: number;
  /** How many rows each status has, before filter and search. */
  counts: Readonly<Record<ResultRow['status'], number>>;
}

/** Sorting by status puts what needs attention first. */
const STATUS_ORDER: Record<string, number> = { failed: 0, pending: 1, queued: 2, 'in-flight': 3, invalid: 4, duplicate: 5, excluded: 6, skipped: 7, sent: 8 };

function compare(key: ResultsSortKey): (a: ResultRow, b: ResultRow) => number {
  if (key === 'line') return (a, b) => (a.line ?? Infinity) - (b.line ?? Infinity);
  if (key === 'status') return (a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || (a.line ?? 0) - (b.line ?? 0);
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return (a, b) => collator.compare(a[key] ?? '', b[key] ?? '') || (a.line ?? 0) - (b.line ?? 0);
}

export function viewResults(all: readonly ResultRow[], options: ResultsViewOptions = {}): ResultsView {
  const counts = {} as Record<ResultRow['status'], number>;
  for (const row of all) counts[row.status] = (counts[row.status] ?? 0) + 1;
  const filter = options.filter ?? 'all';
  const needle = options.search?.trim().toLowerCase() ?? '';
  let rows: ResultRow[] | readonly ResultRow[] = all;
  if (filter !== 'all' || needle !== '') {
    rows = all.filter(
      (row) =>
        (filter === 'all' || row.status === filter) &&
        (needle === '' ||
          row.email.toLowerCase().includes(needle) ||
          (row.name?.toLowerCase().includes(needle) ?? false) ||
          (row.message?.toLowerCase().includes(needle) ?? false)),
    );
  }
  if (options.sort) {
    const order = compare(options.sort.key);
    const sign = options.sort.direction === 'descending' ? -1 : 1;
    rows = [...rows].sort((a, b) => sign * order(a, b));
  }
  return { rows, total: all.length, counts };
}
