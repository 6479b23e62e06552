/**
 * The review's rows: an ARIA grid (WAI-ARIA APG grid pattern, https://www.w3.org/WAI/ARIA/apg/patterns/grid/)
 * virtualized with TanStack Virtual, so only the rows in view (and the focused one) are in the DOM.
 *
 * Keyboard: the grid is one Tab stop (its active row); ↑ ↓ Home End PageUp PageDown move between rows;
 * Delete (or Backspace) removes the row and moves the focus to its neighbour; Enter or F2 goes to its
 * address; Tab reaches the row's own fields and buttons; Escape in a field undoes the edit and returns
 * to the row. An edit is checked when the field is left or Enter is pressed.
 *
 * `aria-rowcount` is the rows + the header row; each rendered row has its absolute `aria-rowindex`.
 */
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, memo, useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import type { DraftRow, RowPatch } from '../../core/index.ts';
import type { Words } from '../../react/index.ts';
import { duplicateOfNumber, rowState, useDialog } from './context.ts';
import { ICONS, rowReason, useReview } from './review-context.ts';

export interface RowListApi {
  /** Scrolls the row into view and focuses it (`row`), its address field, or its Remove button. */
  focusRow(id: string, target: FocusTarget): void;
}

type FocusTarget = 'row' | 'address' | 'remove';

export type RowListProps = ComponentPropsWithoutRef<'div'>;

const ESTIMATED_ROW = 52;
const PAGE = 10;

export const RowList = forwardRef<HTMLDivElement, RowListProps>(function RowList({ className, ...props }, ref) {
  const { draft, words, roles, snapshot, announce, resend } = useDialog('RowList');
  const review = useReview('RowList');
  const { rows, bodyRef, listApi, setLastRemoved } = review;
  const id = useId();
  const grid = useRef<HTMLDivElement | null>(null);
  const head = useRef<HTMLDivElement | null>(null);
  const listBody = useRef<HTMLDivElement | null>(null);
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [headHeight, setHeadHeight] = useState(40);
  const pendingFocus = useRef<{ id: string; target: FocusTarget } | undefined>(undefined);
  // Bumped to render again until a row asked to take the focus is in the DOM.
  const [, setFocusTick] = useState(0);

  // A row's place, found when needed: a map of 100,000 ids per edit would cost more than the searches.
  const indexOf = useCallback((rowId: string) => rows.findIndex((row) => row.id === rowId), [rows]);
  const found = activeId === undefined ? -1 : indexOf(activeId);
  const activeIndex = found >= 0 ? found : rows.length > 0 ? 0 : -1;
  const activeIndexRef = useRef(activeIndex);
  activeIndexRef.current = activeIndex;

  // Stable while the rows are: the virtualizer measures every row again when it changes.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => ESTIMATED_ROW,
    // Before the body is measured: enough rows for a first paint that is not empty.
    initialRect: { width: 900, height: 640 },
    overscan: 6,
    scrollMargin,
    scrollPaddingStart: headHeight,
    getItemKey,
    // The focused row stays rendered when scrolled away, so the focus is never lost to the page.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const active = activeIndexRef.current;
      if (active >= 0 && active < range.count && !indexes.includes(active)) {
        indexes.push(active);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
  });

  // Where the list starts inside the scrolling body (what sits above it changes: the error summary…).
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const list = listBody.current;
    if (!body || !list) return;
    const margin = list.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop;
    if (Math.abs(margin - scrollMargin) > 0.5) setScrollMargin(margin);
    const height = head.current?.offsetHeight ?? 0;
    if (height && Math.abs(height - headHeight) > 0.5) setHeadHeight(height);
  });

  const focusRow = useCallback(
    (rowId: string, target: FocusTarget) => {
      const index = indexOf(rowId);
      if (index < 0) return;
      setActiveId(rowId);
      pendingFocus.current = { id: rowId, target };
      virtualizer.scrollToIndex(index, { align: 'auto' });
      setFocusTick((n) => n + 1);
    },
    [indexOf, virtualizer],
  );
  useImperativeHandle(listApi, () => ({ focusRow }), [focusRow]);

  // Focus requested for a row that may only now be rendered.
  useLayoutEffect(() => {
    const wanted = pendingFocus.current;
    if (!wanted) return;
    const element = grid.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(wanted.id)}"]`);
    if (!element) {
      if (indexOf(wanted.id) < 0) pendingFocus.current = undefined;
      else requestAnimationFrame(() => setFocusTick((n) => n + 1));
      return;
    }
    pendingFocus.current = undefined;
    const target = wanted.target === 'row' ? element : element.querySelector<HTMLElement>(`[data-rbi-focus="${wanted.target}"]`);
    (target ?? element).focus();
  });

  // A row that leaves the view while focused (fixed under the "invalid" filter) hands the focus on.
  const lastRows = useRef(rows);
  useEffect(() => {
    const before = lastRows.current;
    lastRows.current = rows;
    if (!activeId || before === rows || indexOf(activeId) >= 0) return;
    const was = before.findIndex((row) => row.id === activeId);
    const lost = document.activeElement === document.body || document.activeElement === grid.current?.closest('[role="dialog"]');
    if (was < 0 || (!grid.current?.contains(document.activeElement) && !lost)) return;
    const neighbour = rows[Math.min(was, rows.length - 1)];
    if (neighbour) focusRow(neighbour.id, 'row');
  }, [rows, activeId, indexOf, focusRow]);

  const actions = useRef<{ remove(row: DraftRow, via: 'key' | 'button'): void; key(event: KeyboardEvent<HTMLDivElement>, row: DraftRow): void }>({
    remove: () => {},
    key: () => {},
  });
  actions.current.remove = (row, via) => {
    const index = indexOf(row.id);
    if (index < 0) return;
    const neighbour = rows[index + 1] ?? rows[index - 1];
    draft.remove(row.id);
    setLastRemoved(row);
    announce(words.t('removedRow', { email: row.email || words.t('rowNumber', { line: row.number }) }));
    if (neighbour) focusRow(neighbour.id, via === 'button' ? 'remove' : 'row');
    else requestAnimationFrame(() => grid.current?.closest('.rbi-body')?.querySelector<HTMLElement>('.rbi-count[aria-pressed="true"], .rbi-count')?.focus());
  };
  actions.current.key = (event, row) => {
    if (event.target !== event.currentTarget) return;
    const index = Math.max(0, indexOf(row.id));
    const go = (to: number) => {
      event.preventDefault();
      const next = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (next) focusRow(next.id, 'row');
    };
    switch (event.key) {
      case 'ArrowDown':
        return go(index + 1);
      case 'ArrowUp':
        return go(index - 1);
      case 'Home':
        return go(0);
      case 'End':
        return go(rows.length - 1);
      case 'PageDown':
        return go(index + PAGE);
      case 'PageUp':
        return go(index - PAGE);
      case 'Delete':
      case 'Backspace':
        event.preventDefault();
        return actions.current.remove(row, 'key');
      case 'Enter':
      case 'F2':
        event.preventDefault();
        return event.currentTarget.querySelector<HTMLElement>('[data-rbi-focus="address"]')?.focus();
    }
  };

  const stable = useMemo(
    () => ({
      edit: (rowId: string, patch: RowPatch) => draft.edit(rowId, patch),
      fix: (row: DraftRow) => {
        draft.applySuggestion(row.id);
        if (row.suggestion) announce(words.t('fixed', { from: row.email, to: row.suggestion.email }));
        // The Fix button goes away with the suggestion: the focus stays in the row, on the fixed address
        // (else the dialog's focus scope catches it and a keyboard user loses their place).
        requestAnimationFrame(() => listApi.current?.focusRow(row.id, 'address'));
      },
      remove: (row: DraftRow, via: 'key' | 'button') => actions.current.remove(row, via),
      key: (event: KeyboardEvent<HTMLDivElement>, row: DraftRow) => actions.current.key(event, row),
      activate: (rowId: string) => setActiveId(rowId),
      focusId: (rowId: string) => {
        const target = draft.getSnapshot().rows.find((row) => row.id === rowId);
        if (target) {
          if (indexOf(target.id) < 0) review.setFilter('all');
          requestAnimationFrame(() => listApi.current?.focusRow(target.id, 'row'));
        }
      },
    }),
    [draft, announce, words, indexOf, review.setFilter, listApi],
  );

  const items = virtualizer.getVirtualItems();
  // Rows read from a file also name their line there (what a spreadsheet calls the row).
  const lineNotes = useMemo(() => new Set(snapshot.sources.filter((source) => source.name !== undefined).map((source) => source.id)), [snapshot.sources]);
  const hasRoles = roles.length > 0;
  const columns = hasRoles ? 6 : 5;

  if (snapshot.rows.length === 0) {
    return (
      <p className="rbi-empty" data-state="empty">
        {words.t('noRows')}
      </p>
    );
  }

  return (
    <>
      <p id={`${id}-keys`} className="rbi-visually-hidden">
        {words.t('gridKeys')}
      </p>
      <div
        ref={(node) => {
          grid.current = node;
          if (typeof ref === 'function') ref(node);
          else if (ref) ref.current = node;
        }}
        role="grid"
        aria-label={words.t('rowsLabel')}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns}
        aria-describedby={`${id}-keys`}
        className={className ?? 'rbi-grid'}
        data-roles={hasRoles ? 'yes' : 'no'}
        {...props}
      >
        <div role="rowgroup" ref={head} className="rbi-grid-head">
          <div role="row" aria-rowindex={1} className="rbi-grid-row rbi-grid-header">
            <span role="columnheader" className="rbi-cell rbi-cell-line">
              {words.t('columnLine')}
            </span>
            <span role="columnheader" className="rbi-cell rbi-cell-email">
              {words.t('columnEmail')}
            </span>
            <span role="columnheader" className="rbi-cell rbi-cell-name">
              {words.t('columnName')}
            </span>
            {hasRoles && (
              <span role="columnheader" className="rbi-cell rbi-cell-role">
                {words.t('columnRole')}
              </span>
            )}
            <span role="columnheader" className="rbi-cell rbi-cell-status">
              {words.t('columnStatus')}
            </span>
            <span role="columnheader" className="rbi-cell rbi-cell-actions">
              <span className="rbi-visually-hidden">{words.t('columnActions')}</span>
            </span>
          </div>
        </div>
        <div role="rowgroup" ref={listBody} className="rbi-grid-body" style={{ height: virtualizer.getTotalSize() }}>
          {rows.length === 0 && (
            <div role="row" aria-rowindex={2} className="rbi-grid-row rbi-grid-nomatch">
              <span role="gridcell" aria-colspan={columns} className="rbi-cell">
                {words.t('noMatchingRows')}
              </span>
            </div>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <ReviewRow
                key={row.id}
                row={row}
                number={row.number}
                firstNumber={duplicateOfNumber(row)}
                lineNote={lineNotes.has(row.source) && row.number !== row.line ? row.line : undefined}
                index={item.index}
                offset={item.start - scrollMargin}
                measure={virtualizer.measureElement}
                active={item.index === activeIndex}
                roles={roles}
                defaultRole={snapshot.defaultRole}
                words={words}
                actions={stable}
                resendable={resend !== undefined}
                resendState={review.resendState.get(row.email)}
                onResend={review.resendRow}
              />
            );
          })}
        </div>
      </div>
    </>
  );
});

interface RowActions {
  edit(id: string, patch: RowPatch): void;
  fix(row: DraftRow): void;
  remove(row: DraftRow, via: 'key' | 'button'): void;
  key(event: KeyboardEvent<HTMLDivElement>, row: DraftRow): void;
  activate(id: string): void;
  focusId(id: string): void;
}

interface ReviewRowProps {
  row: DraftRow;
  /** Its number in the order read. */
  number: number;
  /** A duplicate's first row's number. */
  firstNumber: number | undefined;
  /** The file line, for rows from a file where it differs from the number. */
  lineNote: number | undefined;
  index: number;
  offset: number;
  measure: (node: Element | null) => void;
  active: boolean;
  roles: readonly string[];
  defaultRole: string | undefined;
  words: Words;
  actions: RowActions;
  resendable: boolean;
  resendState: 'sending' | 'sent' | 'failed' | undefined;
  onResend(email: string): void;
}

/** A field committed when left or on Enter; Escape puts the row's value back. */
function CellInput({ value, label, describedBy, invalid, focusName, tabbable, onCommit, className }: {
  value: string;
  label: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  focusName?: string;
  tabbable: boolean;
  onCommit(value: string): void;
  className: string;
}) {
  const [draftValue, setDraftValue] = useState(value);
  useEffect(() => setDraftValue(value), [value]);
  const dirty = draftValue !== value;
  return (
    <input
      type="text"
      className={className}
      value={draftValue}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      tabIndex={tabbable ? 0 : -1}
      spellCheck={false}
      autoComplete="off"
      data-rbi-focus={focusName}
      data-rbi-dirty={dirty ? '' : undefined}
      onChange={(event) => setDraftValue(event.currentTarget.value)}
      onBlur={() => {
        if (dirty) onCommit(draftValue);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          if (dirty) onCommit(draftValue);
        } else if (event.key === 'Escape' && dirty) {
          setDraftValue(value);
        } else if (event.key === 'Escape') {
          event.currentTarget.closest<HTMLElement>('[role="row"]')?.focus();
        }
      }}
    />
  );
}

const ReviewRow = memo(function ReviewRow({ row, number, firstNumber, lineNote, index, offset, measure, active, roles, defaultRole, words, actions, resendable, resendState, onResend }: ReviewRowProps) {
  const state = rowState(row);
  const reasonId = `rbi-reason-${row.id}`;
  const stateId = `rbi-state-${row.id}`;
  const suggestionId = `rbi-suggestion-${row.id}`;
  const invalid = row.status === 'invalid';
  const name = row.name ?? ([row.firstName, row.lastName].filter(Boolean).join(' ') || '');
  const who = row.email || words.t('rowNumber', { line: number });
  // Invalid: the reason. A duplicate, member or pending invitation: what it is and that it is left out.
  const describedBy =
    [invalid ? reasonId : undefined, row.status === 'duplicate' ? stateId : undefined, state === 'member' || state === 'pending' || state === 'existing' ? reasonId : undefined, row.suggestion ? suggestionId : undefined]
      .filter(Boolean)
      .join(' ') || undefined;
  const roleValue = row.ownRole ? (row.role ?? '') : '';
  const roleOptions = row.ownRole && row.role !== undefined && !roles.includes(row.role) ? [...roles, row.role] : roles;

  return (
    <div
      ref={measure}
      role="row"
      id={`row-${row.id}`}
      aria-rowindex={index + 2}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      tabIndex={active ? 0 : -1}
      className="rbi-grid-row rbi-row"
      data-index={index}
      data-row-id={row.id}
      data-state={state}
      style={{ transform: `translateY(${offset}px)` }}
      onKeyDown={(event) => actions.key(event, row)}
      onFocus={() => actions.activate(row.id)}
    >
      <span role="gridcell" className="rbi-cell rbi-cell-line">
        <span className="rbi-visually-hidden">{words.t('columnLine')} </span>
        {words.intl.number(number)}
        {lineNote !== undefined && <span className="rbi-line-note">{words.t('lineNote', { line: lineNote })}</span>}
      </span>
      <span role="gridcell" className="rbi-cell rbi-cell-email">
        <CellInput
          className="rbi-input rbi-input-email"
          value={row.email}
          label={words.t('addressOnRow', { line: number })}
          describedBy={describedBy}
          invalid={invalid}
          focusName="address"
          tabbable={active}
          onCommit={(email) => actions.edit(row.id, { email })}
        />
      </span>
      <span role="gridcell" className="rbi-cell rbi-cell-name">
        <CellInput className="rbi-input" value={name} label={words.t('nameOnRow', { line: number })} tabbable={active} onCommit={(value) => actions.edit(row.id, { name: value })} />
      </span>
      {roles.length > 0 && (
        <span role="gridcell" className="rbi-cell rbi-cell-role">
          <select
            className="rbi-select rbi-select-row"
            aria-label={words.t('roleOnRow', { line: number })}
            value={roleValue}
            tabIndex={active ? 0 : -1}
            aria-invalid={row.code === 'ROLE_NOT_ALLOWED' || undefined}
            onChange={(event) => actions.edit(row.id, { role: event.currentTarget.value || null })}
          >
            <option value="">{defaultRole === undefined ? words.t('noRole') : words.t('roleDefault', { role: defaultRole })}</option>
            {roleOptions.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </span>
      )}
      <span role="gridcell" className="rbi-cell rbi-cell-status">
        <RowStatus row={row} firstNumber={firstNumber} words={words} reasonId={reasonId} stateId={stateId} suggestionId={suggestionId} active={active} actions={actions} resendable={resendable} resendState={resendState} onResend={onResend} />
      </span>
      <span role="gridcell" className="rbi-cell rbi-cell-actions">
        <button type="button" className="rbi-icon-button" aria-label={words.t('removeRow', { email: who })} tabIndex={active ? 0 : -1} data-rbi-focus="remove" onClick={() => actions.remove(row, 'button')}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" focusable="false">
            <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" fill="none" />
          </svg>
        </button>
      </span>
    </div>
  );
});

function RowStatus({ row, firstNumber, words, reasonId, stateId, suggestionId, active, actions, resendable, resendState, onResend }: {
  row: DraftRow;
  firstNumber: number | undefined;
  words: Words;
  reasonId: string;
  stateId: string;
  suggestionId: string;
  active: boolean;
  actions: RowActions;
  resendable: boolean;
  resendState: 'sending' | 'sent' | 'failed' | undefined;
  onResend(email: string): void;
}) {
  const state = rowState(row);
  const label =
    state === 'valid'
      ? words.t('statusValid')
      : state === 'invalid'
        ? words.t('statusInvalid')
        : state === 'member'
          ? words.t('statusMember')
          : state === 'pending'
            ? words.t('statusPending')
            : state === 'existing'
              ? words.t('statusMemberOrPending')
              : firstNumber !== undefined
                ? words.t('duplicateOf', { line: firstNumber })
                : words.t('statusDuplicate');
  const tab = active ? 0 : -1;
  return (
    <span className="rbi-status" data-state={state}>
      <span id={stateId} className="rbi-status-word">
        <span className="rbi-icon" aria-hidden="true">
          {ICONS[state]}
        </span>{' '}
        {state === 'invalid' ? `${label}:` : label}
      </span>
      {state === 'invalid' && (
        <span id={reasonId} className="rbi-reason">
          {rowReason(words, row)}
        </span>
      )}
      {state === 'duplicate' && firstNumber !== undefined && row.duplicateOfId !== undefined && (
        <span className="rbi-reason">
          <button type="button" className="rbi-link-button" tabIndex={tab} onClick={() => actions.focusId(row.duplicateOfId!)}>
            {words.t('goToRow', { line: firstNumber })}
          </button>
        </span>
      )}
      {(state === 'member' || state === 'pending' || state === 'existing') && (
        <span id={reasonId} className="rbi-reason">
          {words.t('notInvitedAgain')}
        </span>
      )}
      {state === 'pending' && resendable && (
        <span className="rbi-resend">
          {resendState === 'sent' ? (
            <span className="rbi-hint">{words.t('resentShort')}</span>
          ) : (
            <button type="button" className="rbi-button rbi-button-small" tabIndex={tab} aria-disabled={resendState === 'sending' || undefined} onClick={() => resendState !== 'sending' && onResend(row.email)}>
              {words.t('resend')}
            </button>
          )}
          {resendState === 'failed' && <span className="rbi-error-text">{words.t('resendFailedShort')}</span>}
        </span>
      )}
      {row.suggestion && (
        <span className="rbi-suggestion">
          <span id={suggestionId}>{words.t('didYouMean', { email: row.suggestion.email })}</span>{' '}
          <button
            type="button"
            className="rbi-button rbi-button-small"
            tabIndex={tab}
            aria-label={words.t('fixLabel', { from: row.email, to: row.suggestion.email })}
            onClick={() => actions.fix(row)}
          >
            {words.t('fix')}
          </button>
        </span>
      )}
      {row.warnings?.map((warning, i) => (
        <span key={i} className="rbi-warning">
          <span className="rbi-icon" aria-hidden="true">
            !
          </span>{' '}
          {words.core(`warning.${warning.code}` as 'warning.INVALID_BYTES', warning.params as never)}
        </span>
      ))}
    </span>
  );
}
