/** What the review's parts share: the filter, the rows it lets through, the list's focus, undo, resend. */
import { createContext, useContext, type RefObject } from 'react';
import type { DraftRow } from '../../core/index.ts';
import type { TargetField, Words } from '../../react/index.ts';
import { duplicateOfNumber, rowState, type RowState } from './context.ts';
import type { RowListApi } from './row-list.tsx';

/** Which rows the list shows (the counts are the buttons that set it). */
export type ReviewFilter = 'all' | RowState;

export interface ReviewContextValue {
  filter: ReviewFilter;
  setFilter(filter: ReviewFilter): void;
  /** The rows the filter lets through, in order. */
  rows: readonly DraftRow[];
  /** The step's scrolling body (the list's scroll element). */
  bodyRef: RefObject<HTMLDivElement | null>;
  /** Filled in by the list: focus a row (or its address field), scrolling it into view. */
  listApi: RefObject<RowListApi | null>;
  /** Ids of the vendor choice fields, for the error summary's links. */
  targetId(field: TargetField): string;
  /** The row removed last, for "Undo". */
  lastRemoved: DraftRow | undefined;
  setLastRemoved(row: DraftRow | undefined): void;
  resendState: ReadonlyMap<string, 'sending' | 'sent' | 'failed'>;
  resendRow(email: string): void;
}

export const ReviewContext = createContext<ReviewContextValue | null>(null);

export function useReview(part: string): ReviewContextValue {
  const value = useContext(ReviewContext);
  if (!value) throw new Error(`\`${part}\` must be used within \`BulkInviteDialog.Review\`.`);
  return value;
}

export function matches(filter: ReviewFilter, row: DraftRow): boolean {
  if (filter === 'all') return true;
  const state = rowState(row);
  // Members and pending invitations are duplicates of what is already there: the duplicate count has them.
  if (filter === 'duplicate') return row.status === 'duplicate';
  if (filter === 'member') return state === 'member' || state === 'existing';
  return state === filter;
}

/** Why a row is not sent, in the locale's words: the core's table for problems, the UI's for repeats. */
export function rowReason(words: Words, row: DraftRow): string {
  if (!row.code) return '';
  const first = duplicateOfNumber(row);
  if (row.code === 'DUPLICATE' && first !== undefined) return words.t('duplicateOf', { line: first });
  return words.core(`row.${row.code}` as 'row.DUPLICATE', row.params as never);
}

/** Shapes beside the words, so no state is told by colour alone. */
export const ICONS: Record<RowState, string> = { valid: '●', invalid: '▲', duplicate: '◆', member: '■', pending: '◷', existing: '■' };

