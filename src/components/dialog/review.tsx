/**
 * The review step: every row with its line, address, name, role and status; inline reasons; typo fixes;
 * edit and remove; a role for all and per row; the vendor's own choices; live counts that filter; and,
 * when a send meets problems, an error summary ("There is a problem") whose links take the focus to
 * each one. The list is a virtualized ARIA grid, so 100,000 rows cost what the visible ones cost.
 */
import {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
} from 'react';
import type { DraftRow } from '../../core/index.ts';
import { useDialog, type Problem } from './context.ts';
import { BackButton, StepFooter } from './frame.tsx';
import { ICONS, matches, ReviewContext, rowReason, useReview, type ReviewContextValue, type ReviewFilter } from './review-context.ts';
import { RowList, type RowListApi } from './row-list.tsx';

export type ReviewState = 'ready' | 'checking' | 'problems';

export interface ReviewProps extends ComponentPropsWithoutRef<'div'> {
  /** The body's parts (default: error summary, counts, role for all, the vendor's choices, the rows). */
  children?: ReactNode;
}

/** Renders only on the `review` step; `data-state`: ready | checking | problems. */
export const Review = forwardRef<HTMLDivElement, ReviewProps>(function Review(props, ref) {
  const { step } = useDialog('Review');
  if (step !== 'review') return null;
  return <ReviewStep {...props} ref={ref} />;
});

const ReviewStep = forwardRef<HTMLDivElement, ReviewProps>(function ReviewStep({ children, className, ...props }, ref) {
  const { snapshot, words, errorAttempt, problems, send, resend, announce } = useDialog('Review');
  const id = useId();
  const bodyRef = useRef<HTMLDivElement | null>(null);
  const listApi = useRef<RowListApi | null>(null);
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const [lastRemoved, setLastRemoved] = useState<DraftRow | undefined>(undefined);
  const [resendState, setResendState] = useState<ReadonlyMap<string, 'sending' | 'sent' | 'failed'>>(new Map());
  const rows = useMemo(() => (filter === 'all' ? snapshot.rows : snapshot.rows.filter((row) => matches(filter, row))), [snapshot.rows, filter]);

  const resendRow = useCallback(
    (email: string) => {
      if (!resend) return;
      setResendState((last) => new Map(last).set(email, 'sending'));
      resend(email, new AbortController().signal).then(
        () => {
          setResendState((last) => new Map(last).set(email, 'sent'));
          announce(words.t('resent', { email }));
        },
        () => {
          setResendState((last) => new Map(last).set(email, 'failed'));
          announce(words.t('resendFailed', { email }));
        },
      );
    },
    [resend, announce, words],
  );

  const value = useMemo<ReviewContextValue>(
    () => ({
      filter,
      setFilter,
      rows,
      bodyRef,
      listApi,
      targetId: (field) => `${id}-target-${field.name}`,
      lastRemoved,
      setLastRemoved,
      resendState,
      resendRow,
    }),
    [filter, rows, id, lastRemoved, resendState, resendRow],
  );

  const { valid, invalid, duplicate } = snapshot.summary;
  const showProblems = errorAttempt > 0 && problems(true).length > 0;
  const state: ReviewState = showProblems ? 'problems' : snapshot.status === 'checking' ? 'checking' : 'ready';

  return (
    <ReviewContext.Provider value={value}>
      <div ref={ref} className={className ?? 'rbi-step rbi-review'} data-state={state} {...props}>
        <div ref={bodyRef} className="rbi-body rbi-review-body">
          {children ?? (
            <>
              <ErrorSummary />
              <div className="rbi-review-bar">
                <Counts />
                <DefaultRole />
              </div>
              <Targets />
              <RemovedNotice />
              <RowList />
            </>
          )}
        </div>
        <StepFooter
          start={<BackButton />}
          end={
            <>
              {invalid > 0 && valid > 0 && (
                <button type="button" className="rbi-button" onClick={() => send(true)}>
                  {words.t('sendValidSkip', { valid, skip: invalid + duplicate })}
                </button>
              )}
              <button type="button" className="rbi-button rbi-button-primary" onClick={() => send(false)}>
                {words.t('sendInvitations', { count: valid + invalid })}
              </button>
            </>
          }
        />
      </div>
    </ReviewContext.Provider>
  );
});

// ── Error summary ───────────────────────────────────────────────────────────────────────────────────
/** How many rows the summary links to before "Show all N rows with problems". */
const LISTED_ROWS = 10;

export type ErrorSummaryProps = ComponentPropsWithoutRef<'section'>;

/**
 * "There is a problem" (GOV.UK Design System's error summary: https://design-system.service.gov.uk/components/error-summary/):
 * shown and focused when a send meets problems, a link per problem that moves the focus to it.
 */
export const ErrorSummary = forwardRef<HTMLElement, ErrorSummaryProps>(function ErrorSummary({ className, ...props }, ref) {
  const { errorAttempt, problems, words, snapshot, send } = useDialog('ErrorSummary');
  const review = useReview('ErrorSummary');
  const id = useId();
  const section = useRef<HTMLElement | null>(null);
  const list = useMemo(() => (errorAttempt > 0 ? problems(true) : []), [errorAttempt, problems, snapshot]);

  useEffect(() => {
    if (errorAttempt > 0) section.current?.focus();
  }, [errorAttempt]);

  if (list.length === 0) return null;
  const rowProblems = list.filter((problem): problem is Extract<Problem, { kind: 'row' }> => problem.kind === 'row');
  const { valid, invalid, duplicate } = snapshot.summary;

  const focusRow = (row: DraftRow) => {
    if (!matches(review.filter, row)) review.setFilter('all');
    // After the filter's render, the list knows the row's place.
    requestAnimationFrame(() => review.listApi.current?.focusRow(row.id, 'address'));
  };

  return (
    <section
      ref={(node) => {
        section.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      className={className ?? 'rbi-error-summary'}
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      data-state="problems"
      {...props}
    >
      <h3 id={`${id}-title`} className="rbi-error-summary-title">
        {words.t('problemTitle')}
      </h3>
      <ul className="rbi-error-summary-list">
        {list.map((problem, index) => {
          if (problem.kind === 'target') {
            return (
              <li key={`target-${problem.field.name}`}>
                <a
                  href={`#${review.targetId(problem.field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    const field = document.getElementById(review.targetId(problem.field));
                    (field?.matches('select, input') ? field : field?.querySelector<HTMLElement>('input, select'))?.focus();
                  }}
                >
                  {words.t('targetMissing', { label: problem.field.label })}
                </a>
              </li>
            );
          }
          if (problem.kind === 'nothing') return <li key="nothing">{words.t('nothingValid')}</li>;
          if (problem.kind === 'send') return <li key={`send-${index}`}>{problem.message}</li>;
          return null;
        })}
        {rowProblems.slice(0, LISTED_ROWS).map(({ row }) => (
          <li key={row.id}>
            <a
              href={`#row-${row.id}`}
              onClick={(event) => {
                event.preventDefault();
                focusRow(row);
              }}
            >
              {words.t('rowProblem', { line: row.number, reason: rowReason(words, row) })}
            </a>
          </li>
        ))}
        {rowProblems.length > LISTED_ROWS && (
          <li>
            <button type="button" className="rbi-link-button" onClick={() => review.setFilter('invalid')}>
              {words.t('showAllProblems', { count: rowProblems.length })}
            </button>
          </li>
        )}
      </ul>
      {rowProblems.length > 0 && valid > 0 && (
        <p className="rbi-error-summary-hint">
          {words.t('problemHint')}{' '}
          <button type="button" className="rbi-link-button" onClick={() => send(true)}>
            {words.t('sendValidSkip', { valid, skip: invalid + duplicate })}
          </button>
        </p>
      )}
    </section>
  );
});

// ── Counts ──────────────────────────────────────────────────────────────────────────────────────────
export type CountsProps = ComponentPropsWithoutRef<'div'>;

/** Live counts (valid + invalid + duplicate = rows): each a button that filters the list (`aria-pressed`). */
export const Counts = forwardRef<HTMLDivElement, CountsProps>(function Counts({ className, ...props }, ref) {
  const { snapshot, words } = useDialog('Counts');
  const { filter, setFilter } = useReview('Counts');
  const { total, valid, invalid, duplicate, members, pending } = snapshot.summary;
  const existing = duplicate - members - pending - snapshot.rows.reduce((n, row) => (row.code === 'DUPLICATE' ? n + 1 : n), 0);
  const button = (value: ReviewFilter, label: string, icon?: string) => (
    <button
      type="button"
      className="rbi-count"
      data-state={value}
      aria-pressed={filter === value}
      // The review starts here: the count of rows, then the list.
      data-rbi-autofocus={value === 'all' ? '' : undefined}
      onClick={() => setFilter(filter === value && value !== 'all' ? 'all' : value)}
    >
      {icon && (
        <span className="rbi-icon" aria-hidden="true">
          {icon}
        </span>
      )}
      {label}
    </button>
  );
  return (
    <div ref={ref} className={className ?? 'rbi-counts'} role="group" aria-label={words.t('countsLabel')} data-state={filter} {...props}>
      {button('all', words.t('countRows', { count: total }))}
      {button('valid', words.t('countValid', { count: valid }), ICONS.valid)}
      {button('invalid', words.t('countInvalid', { count: invalid }), ICONS.invalid)}
      {button('duplicate', words.t('countDuplicate', { count: duplicate }), ICONS.duplicate)}
      {members + existing > 0 && button('member', words.t('countMembers', { count: members + existing }), ICONS.member)}
      {pending > 0 && button('pending', words.t('countPending', { count: pending }), ICONS.pending)}
    </div>
  );
});

// ── Role for all ────────────────────────────────────────────────────────────────────────────────────
export type DefaultRoleProps = ComponentPropsWithoutRef<'div'>;

/** "Role for all": the role of every row that has not chosen its own. */
export const DefaultRole = forwardRef<HTMLDivElement, DefaultRoleProps>(function DefaultRole({ className, ...props }, ref) {
  const { snapshot, draft, roles, words } = useDialog('DefaultRole');
  const id = useId();
  if (roles.length === 0) return null;
  return (
    <div ref={ref} className={className ?? 'rbi-default-role'} {...props}>
      <label htmlFor={id} className="rbi-label">
        {words.t('roleForAll')}
      </label>
      <select id={id} className="rbi-select" value={snapshot.defaultRole ?? ''} onChange={(event) => draft.setDefaultRole(event.currentTarget.value || undefined)}>
        {snapshot.defaultRole === undefined && <option value="">{words.t('noRole')}</option>}
        {roles.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
    </div>
  );
});

// ── The vendor's choices ────────────────────────────────────────────────────────────────────────────
export type TargetsProps = ComponentPropsWithoutRef<'div'>;

/** The vendor's own choices (Wix policies, AthenaHQ websites or groups and method, …) from `targets`. */
export const Targets = forwardRef<HTMLDivElement, TargetsProps>(function Targets({ className, ...props }, ref) {
  const { targets, choice, setChoice, words, errorAttempt, problems } = useDialog('Targets');
  const { targetId } = useReview('Targets');
  if (targets.length === 0) return null;
  const missing = new Set(errorAttempt > 0 ? problems(false).flatMap((problem) => (problem.kind === 'target' ? [problem.field.name] : [])) : []);
  return (
    <div ref={ref} className={className ?? 'rbi-targets'} {...props}>
      {targets.map((field) => {
        const fieldId = targetId(field);
        const invalid = missing.has(field.name);
        const error = invalid ? (
          <p id={`${fieldId}-error`} className="rbi-error-text">
            {words.t('targetMissing', { label: field.label })}
          </p>
        ) : null;
        if (field.multiple) {
          const value = choice[field.name];
          const chosen = new Set(Array.isArray(value) ? value : value ? [value] : []);
          return (
            <fieldset key={field.name} id={fieldId} className="rbi-fieldset rbi-target" aria-describedby={invalid ? `${fieldId}-error` : undefined} data-state={invalid ? 'invalid' : 'valid'}>
              <legend className="rbi-label">
                {field.label}
                {field.required && <span className="rbi-required"> {words.t('required')}</span>}
              </legend>
              {error}
              <div className="rbi-choices rbi-choices-inline">
                {field.options.map((option) => (
                  <label key={option.value} className="rbi-choice">
                    <input
                      type="checkbox"
                      checked={chosen.has(option.value)}
                      aria-invalid={invalid || undefined}
                      onChange={(event) => {
                        const next = new Set(chosen);
                        if (event.currentTarget.checked) next.add(option.value);
                        else next.delete(option.value);
                        setChoice(field.name, field.options.map((o) => o.value).filter((v) => next.has(v)));
                      }}
                    />
                    <span>{option.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        }
        const value = choice[field.name];
        const single = typeof value === 'string' ? value : (value?.[0] ?? '');
        return (
          <div key={field.name} className="rbi-field rbi-target" data-state={invalid ? 'invalid' : 'valid'}>
            <label htmlFor={fieldId} className="rbi-label">
              {field.label}
              {field.required && <span className="rbi-required"> {words.t('required')}</span>}
            </label>
            {error}
            <select
              id={fieldId}
              className="rbi-select"
              value={single}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? `${fieldId}-error` : undefined}
              onChange={(event) => setChoice(field.name, event.currentTarget.value)}
            >
              {(!field.required || single === '') && <option value="">{words.t('chooseOne')}</option>}
              {field.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
});

// ── Removed, with undo ──────────────────────────────────────────────────────────────────────────────
function RemovedNotice() {
  const { draft, words, snapshot } = useDialog('RemovedNotice');
  const { lastRemoved, setLastRemoved, listApi } = useReview('RemovedNotice');
  if (!lastRemoved || !snapshot.removed.some((row) => row.id === lastRemoved.id)) return null;
  return (
    <p className="rbi-notice" data-state="removed">
      {words.t('removedRow', { email: lastRemoved.email || words.t('rowNumber', { line: lastRemoved.number }) })}{' '}
      <button
        type="button"
        className="rbi-link-button"
        onClick={() => {
          draft.restore(lastRemoved.id);
          setLastRemoved(undefined);
          requestAnimationFrame(() => listApi.current?.focusRow(lastRemoved.id, 'row'));
        }}
      >
        {words.t('undo')}
      </button>
    </p>
  );
}
