/**
 * InviteResultsTable: one row per address with what became of it, for any run. Filter by status (the
 * counts are the filter buttons), search, sort by any column, export what is shown as CSV.
 *
 * A native `<table>`: each row is named by its address (a `rowheader`), the sorted column's header carries
 * `aria-sort` (WAI-ARIA APG, "Sortable Table": https://www.w3.org/WAI/ARIA/apg/patterns/table/examples/sortable-table/),
 * and a status is an icon and a word, never a colour alone. Past `virtualizeAbove` rows only the rows in
 * view (and a few around) are in the DOM (`@tanstack/react-virtual`); the table then says how many rows it
 * has (`aria-rowcount`, header included) and where each rendered row sits (`aria-rowindex`), as
 * https://www.w3.org/TR/wai-aria-1.2/#aria-rowcount describes for tables whose rows are not all present.
 * The scrolling box is a focusable, named region so it scrolls from the keyboard
 * (https://www.w3.org/WAI/WCAG22/Techniques/general/G206 and axe's `scrollable-region-focusable`).
 */
import { forwardRef, Fragment, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type ComponentPropsWithoutRef, type CSSProperties, type ReactNode } from 'react';
import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import type { AddressRecord, DraftRow, InviteRun, MessageKey, ResultRow, RunSnapshot } from '../../core/index.ts';
import { resultRowsToCsv, useInviteRun, useResultsView, useWords, type ResultsFilter, type ResultsSort, type ResultsSortKey, type Words } from '../../react/index.ts';
import { SortIcon, StatusIcon } from './icons.tsx';

export type ResultStatus = ResultRow['status'];

export interface InviteResultsTableProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The run to show, followed live as it sends. */
  run?: InviteRun;
  /** A snapshot to show instead (a finished or restored run); wins over `run`. */
  snapshot?: RunSnapshot;
  /** The draft's rows: rows the check rejected are shown too, with their reasons, in input order. */
  rows?: readonly DraftRow[];
  /** The table's accessible name and visible title. Default "Invitation results". */
  label?: string;
  /** The status shown (controlled). */
  filter?: ResultsFilter;
  /** The status shown first (uncontrolled). Default `all`. */
  defaultFilter?: ResultsFilter;
  onFilterChange?: (filter: ResultsFilter) => void;
  /** The first order. Default: by row, ascending (the input's order). */
  defaultSort?: ResultsSort;
  /** Rows (after filter and search) above which only the rows in view are rendered. Default 100. */
  virtualizeAbove?: number;
  /** Name of the downloaded file. Default `invitation-results.csv`. */
  fileName?: string;
}

/** Filters always offered, in this order; the others appear while a row has that status. */
const ALWAYS: readonly ResultsFilter[] = ['all', 'sent', 'skipped', 'failed', 'pending'];
const SOMETIMES: readonly ResultStatus[] = ['queued', 'in-flight', 'invalid', 'duplicate', 'excluded'];

const COLUMNS: readonly ResultsSortKey[] = ['line', 'email', 'name', 'role', 'status'];
const DEFAULT_SORT: ResultsSort = { key: 'line', direction: 'ascending' };
/** A row's height before any is measured (one line of text); every rendered row is measured. */
const ESTIMATED_ROW_HEIGHT = 41;

/** A status's word in the person's language ("Sent", "Fehlgeschlagen"). */
export function statusWord(status: ResultStatus, words: Words): string {
  switch (status) {
    case 'sent':
      return words.t('statusSent');
    case 'skipped':
      return words.t('statusSkipped');
    case 'failed':
      return words.t('statusFailed');
    case 'pending':
      return words.t('resultsStatusPending');
    case 'queued':
      return words.t('statusQueued');
    case 'in-flight':
      return words.t('statusInFlight');
    case 'invalid':
      return words.t('statusInvalid');
    case 'duplicate':
      return words.t('statusDuplicate');
    case 'excluded':
      return words.t('statusExcluded');
  }
}

/**
 * Why, in the person's language: a rejected row from its code and params (kept on the draft row), an
 * outcome from its record's code and params (`outcome.CODE`, or `pending.CODE` for one left unsent), else
 * the sentence the row carries. Words from outside the kit (the vendor's) reach the sentence as params.
 */
function reasonOf(row: ResultRow, draft: DraftRow | undefined, record: AddressRecord | undefined, words: Words): string | undefined {
  if (row.status === 'excluded' && row.code === 'NOT_IN_RUN') return words.core('export.NOT_IN_RUN', {});
  if (draft?.code && draft.params) return words.core(`row.${draft.code}` as MessageKey, draft.params as never);
  if (record?.code !== undefined && record.code === row.code && record.params !== undefined) {
    return words.core(`${record.status === 'pending' ? 'pending' : 'outcome'}.${record.code}` as MessageKey, record.params as never);
  }
  return row.message;
}

/** Statuses whose reason follows the word ("Failed: Mailbox full"); the others give it a line of its own. */
const REASON_INLINE: ReadonlySet<ResultStatus> = new Set(['skipped', 'failed', 'invalid', 'duplicate', 'excluded']);

/**
 * The status cell's words: "Sent", "Failed: Mailbox full", "Duplicate of row 3"; a pending address's
 * reason ("Not sent: the run was cancelled.") is a sentence of its own under the word "Pending".
 */
function statusText(row: ResultRow, draft: DraftRow | undefined, record: AddressRecord | undefined, words: Words): { text: string; detail?: string } {
  if (row.status === 'duplicate' && draft?.code === 'DUPLICATE' && draft.duplicateOf !== undefined) {
    // The draft's read order, as the review says it.
    return { text: words.t('duplicateOf', { line: draft.duplicateOfNumber ?? draft.duplicateOf }) };
  }
  const status = statusWord(row.status, words);
  const reason = reasonOf(row, draft, record, words);
  if (!reason) return { text: status };
  return REASON_INLINE.has(row.status) ? { text: words.t('resultsStatusReason', { status, reason }) } : { text: status, detail: reason };
}

/** An address that may wrap where a reader expects it to: before the @ and after each dot. */
function breakable(address: string): ReactNode {
  const parts = address.split(/(?=@)|(?<=\.)/);
  if (parts.length === 1) return address;
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

function rowKey(row: ResultRow | undefined, index: number): string {
  return row?.line !== undefined ? `${row.line}\u0000${row.email}` : `#${index}`;
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: a browser may still be reading it when `click()` returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export const InviteResultsTable = forwardRef<HTMLDivElement, InviteResultsTableProps>(function InviteResultsTable(
  { run, snapshot: given, rows: draftRows, label, filter: filterProp, defaultFilter = 'all', onFilterChange, defaultSort = DEFAULT_SORT, virtualizeAbove = 100, fileName = 'invitation-results.csv', className, ...rest },
  ref,
) {
  const words = useWords();
  const { t, intl } = words;
  const live = useInviteRun(run);
  // A send of 100,000 addresses changes the snapshot many times a second: React may skip stale ones.
  const snapshot = useDeferredValue(given ?? live);

  const [ownFilter, setOwnFilter] = useState<ResultsFilter>(defaultFilter);
  const filter = filterProp ?? ownFilter;
  const setFilter = (next: ResultsFilter) => {
    if (filterProp === undefined) setOwnFilter(next);
    onFilterChange?.(next);
  };
  const [sort, setSort] = useState<ResultsSort>(defaultSort);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);

  // The input's order is the row order: no sort needed for it.
  const inputOrder = sort.key === 'line' && sort.direction === 'ascending';
  const view = useResultsView(snapshot, draftRows, { filter, search: deferredSearch, ...(inputOrder ? {} : { sort }) });

  // Each result row's draft row, by line and address: a rejected row keeps its code and params there (the
  // result row carries only a sentence), and every row the number the review showed it by (the draft's
  // read order: a header or a second list does not shift it). One line can hold the same address twice
  // (sent, then its repeat), so a key holds every draft row it names, in order.
  const drafts = useMemo(() => {
    const byKey = new Map<string, DraftRow[]>();
    for (const row of draftRows ?? []) {
      const key = `${row.line}\u0000${row.email.toLowerCase()}`;
      const list = byKey.get(key);
      if (list) list.push(row);
      else byKey.set(key, [row]);
    }
    return byKey;
  }, [draftRows]);
  const rejectedStatus = (row: ResultRow) => row.status === 'invalid' || row.status === 'duplicate';
  const matchOf = (row: ResultRow): DraftRow | undefined =>
    row.line === undefined
      ? undefined
      : drafts
          .get(`${row.line}\u0000${row.email.toLowerCase()}`)
          ?.find((draft) => (rejectedStatus(row) ? draft.status !== 'valid' && draft.email === row.email : draft.status === 'valid'));
  // A run row's record (its code and params) by line and address; the invitees stay the same object for
  // the whole run, so this is built once per run, not per snapshot.
  const invitees = snapshot?.invitees;
  const recordIndex = useMemo(() => {
    const byKey = new Map<string, number>();
    invitees?.forEach((invitee, index) => byKey.set(`${invitee.line ?? ''}\u0000${invitee.email}`, index));
    return byKey;
  }, [invitees]);
  const recordOf = (row: ResultRow): AddressRecord | undefined => {
    if (!snapshot || row.status === 'invalid' || row.status === 'duplicate' || row.status === 'excluded') return undefined;
    const index = recordIndex.get(`${row.line ?? ''}\u0000${row.email}`);
    return index === undefined ? undefined : snapshot.at(index);
  };

  const ids = useId();
  const titleId = `${ids}-title`;
  const filtersId = `${ids}-filters`;
  const searchId = `${ids}-search`;
  const exportHintId = `${ids}-export`;

  const shownRows = view.rows;
  const virtual = shownRows.length > virtualizeAbove;
  const scrollRef = useRef<HTMLDivElement>(null);
  const shortestRow = useRef(ESTIMATED_ROW_HEIGHT);
  const virtualizer = useVirtualizer({
    count: virtual ? shownRows.length : 0,
    enabled: virtual,
    getScrollElement: () => scrollRef.current,
    // The shortest row measured stands for every row not yet measured: most rows are one line, so most
    // measurements then match and the virtualizer has nothing to lay out again.
    estimateSize: () => shortestRow.current,
    measureElement: (element, entry, instance) => {
      const size = measureElement(element, entry, instance);
      if (size > 0 && size < shortestRow.current) shortestRow.current = size;
      return size;
    },
    // Items are keyed by position (the default), which keeps laying out 100,000 rows cheap; the measured
    // heights are dropped whenever another filter, search or order puts other rows at those positions.
    overscan: 8,
    // Before the box is measured: render about a screenful rather than nothing.
    initialRect: { width: 0, height: 480 },
  });

  // A new filter, search or order starts at the top, with the heights measured for other rows dropped.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    virtualizer.measure();
  }, [filter, deferredSearch, sort.key, sort.direction]); // eslint-disable-line react-hooks/exhaustive-deps

  const filters = [...ALWAYS, ...SOMETIMES.filter((status) => (view.counts[status] ?? 0) > 0 || filter === status)];
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const padTop = virtual ? (items[0]?.start ?? 0) : 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const indexes = virtual ? items.map((item) => item.index) : shownRows.map((_, index) => index);

  const toggleSort = (key: ResultsSortKey) =>
    setSort((current) => (current.key === key ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' }));

  const columnLabel: Record<ResultsSortKey, string> = {
    line: t('resultsColumnLine'),
    email: t('resultsColumnEmail'),
    name: t('resultsColumnName'),
    role: t('resultsColumnRole'),
    status: t('resultsColumnStatus'),
  };

  const state = snapshot?.status ?? 'empty';
  const classes = ['rbi-results-table', className].filter(Boolean).join(' ');
  const spacer = (height: number, position: 'top' | 'bottom') =>
    height > 0 ? (
      <tr aria-hidden="true" className="rbi-results-spacer" data-position={position}>
        <td colSpan={COLUMNS.length} style={{ height, padding: 0, border: 0 }} />
      </tr>
    ) : null;

  return (
    <div {...rest} ref={ref} className={classes} data-state={state} data-filter={filter}>
      <div className="rbi-results-header">
        <div id={titleId} className="rbi-results-title">
          {label ?? t('resultsTableLabel')}
        </div>
        <div role="group" aria-labelledby={filtersId} className="rbi-results-filters" data-state={filter}>
          {/* The group's name, shown in the same line of buttons (and wrapping with them); read once, as the name. */}
          <span id={filtersId} className="rbi-results-filters-label" aria-hidden="true">
            {t('resultsFilterLabel')}
          </span>
          {filters.map((option) => {
            const on = option === filter;
            const count = option === 'all' ? view.total : (view.counts[option] ?? 0);
            return (
              <button
                key={option}
                type="button"
                className="rbi-results-filter"
                aria-pressed={on}
                data-state={on ? 'on' : 'off'}
                data-status={option}
                onClick={() => setFilter(option)}
              >
                {option !== 'all' && <StatusIcon status={option} />}
                <span className="rbi-results-filter-word">{option === 'all' ? t('resultsFilterAll') : statusWord(option, words)}</span>{' '}
                <span className="rbi-results-filter-count">{intl.number(count)}</span>
              </button>
            );
          })}
        </div>
        <div className="rbi-results-tools">
          <div className="rbi-results-search">
            <label htmlFor={searchId} className="rbi-results-search-label">
              {t('resultsSearchLabel')}
            </label>
            <input
              id={searchId}
              type="search"
              className="rbi-results-search-input"
              value={search}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setSearch(event.currentTarget.value)}
            />
          </div>
          <button
            type="button"
            className="rbi-results-export"
            aria-describedby={exportHintId}
            onClick={() => download(resultRowsToCsv(shownRows), fileName)}
          >
            {t('resultsExport')}
          </button>
          <span id={exportHintId} hidden>
            {t('resultsExportHint', { count: shownRows.length })}
          </span>
          <p role="status" className="rbi-results-count">
            {t('resultsShowing', { shown: shownRows.length, total: view.total })}
          </p>
        </div>
      </div>
      <div
        ref={scrollRef}
        className="rbi-results-scroll"
        role="region"
        aria-labelledby={titleId}
        tabIndex={0}
        // What makes it work unstyled: a bounded, scrolling box (the virtualizer measures it).
        style={{ overflow: 'auto', maxHeight: 'var(--rbi-results-max-height, 32rem)' } as CSSProperties}
      >
        <table
          className="rbi-results-rows"
          aria-labelledby={titleId}
          aria-rowcount={virtual ? shownRows.length + 1 : undefined}
          data-virtualized={virtual ? 'true' : 'false'}
        >
          <colgroup>
            {COLUMNS.map((column) => (
              <col key={column} className={`rbi-results-col-${column}`} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={virtual ? 1 : undefined}>
              {COLUMNS.map((column) => {
                const direction = sort.key === column ? sort.direction : 'none';
                return (
                  <th key={column} scope="col" aria-sort={direction === 'none' ? undefined : direction} data-state={direction} className={`rbi-results-th-${column}`}>
                    <button type="button" className="rbi-results-sort" onClick={() => toggleSort(column)}>
                      <span>{columnLabel[column]}</span>
                      <SortIcon direction={direction} />
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {spacer(padTop, 'top')}
            {indexes.map((index) => {
              const row = shownRows[index]!;
              const draft = matchOf(row);
              // The review's number for the row; the core's line where the table has no draft rows.
              const number = draft?.number ?? row.line;
              const { text, detail } = statusText(row, rejectedStatus(row) ? draft : undefined, recordOf(row), words);
              const said = row.vendorMessage;
              // The vendor's words, verbatim, unless the status sentence already quotes them.
              const vendor = said && !`${text} ${detail ?? ''}`.includes(said) ? said : undefined;
              return (
                <tr
                  key={rowKey(row, index)}
                  ref={virtual ? virtualizer.measureElement : undefined}
                  data-index={index}
                  aria-rowindex={virtual ? index + 2 : undefined}
                  className="rbi-results-row"
                  data-state={row.status}
                >
                  <td className="rbi-results-line">{number === undefined ? '' : intl.number(number)}</td>
                  <th scope="row" className="rbi-results-email">
                    <bdi>{row.email ? breakable(row.email) : t('resultsNoAddress')}</bdi>
                  </th>
                  <td className="rbi-results-name">{row.name ? <bdi>{row.name}</bdi> : null}</td>
                  <td className="rbi-results-role">{row.role ? <bdi>{row.role}</bdi> : null}</td>
                  <td className="rbi-results-status" data-state={row.status}>
                    <span className="rbi-results-status-line">
                      <StatusIcon status={row.status} />
                      <span className="rbi-results-status-text">{text}</span>
                    </span>
                    {detail ? (
                      <>
                        {' '}
                        <span className="rbi-results-detail">{detail}</span>
                      </>
                    ) : null}
                    {vendor ? (
                      <>
                        {' '}
                        <span className="rbi-results-vendor">
                          {t('resultsVendorSaid')} <bdi>{vendor}</bdi>
                        </span>
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
            {spacer(padBottom, 'bottom')}
          </tbody>
        </table>
        {shownRows.length === 0 ? <p className="rbi-results-empty">{snapshot ? t('resultsNoMatch') : t('resultsEmpty')}</p> : null}
      </div>
    </div>
  );
});
