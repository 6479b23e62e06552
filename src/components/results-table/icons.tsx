/**
 * A shape per status, so a status never rests on colour alone: each icon is drawn in `currentColor`
 * beside the status word, hidden from assistive technology (the word says it).
 */
import type { ReactNode } from 'react';
import type { ResultRow } from '../../core/index.ts';

type Status = ResultRow['status'];

const PATHS: Record<Status, ReactNode> = {
  // A circle with a check.
  sent: (
    <>
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M5 8.2l2 2 4-4.4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  // A circle with a bar: passed over.
  skipped: (
    <>
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M4.75 8h6.5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
    </>
  ),
  // A filled square with a cross.
  failed: (
    <>
      <rect x="1.75" y="1.75" width="12.5" height="12.5" rx="2.5" fill="currentColor" />
      <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" fill="none" stroke="var(--rbi-color-bg, #fff)" strokeWidth="1.75" strokeLinecap="round" />
    </>
  ),
  // A clock: waiting for a resume.
  pending: (
    <>
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4.5V8l2.5 1.75" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  // A hollow circle: not started.
  queued: <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeDasharray="2.5 2" />,
  // An arrow: on its way.
  'in-flight': (
    <>
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M5 8h5.5M8.5 5.5L11 8l-2.5 2.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  // A triangle with a bar: the review's mark for an invalid row.
  invalid: (
    <>
      <path d="M8 1.75l6.5 12H1.5z" fill="currentColor" />
      <path d="M8 6v3.5" stroke="var(--rbi-color-bg, #fff)" strokeWidth="1.5" strokeLinecap="round" />
      <circle cx="8" cy="11.6" r="0.9" fill="var(--rbi-color-bg, #fff)" />
    </>
  ),
  // A diamond: the review's mark for a duplicate.
  duplicate: <path d="M8 1.5L14.5 8 8 14.5 1.5 8z" fill="currentColor" />,
  // A slashed circle: left out.
  excluded: (
    <>
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M3.6 12.4l8.8-8.8" stroke="currentColor" strokeWidth="1.5" />
    </>
  ),
};

export function StatusIcon({ status }: { status: Status }) {
  return (
    <svg className="rbi-status-icon" data-status={status} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {PATHS[status]}
    </svg>
  );
}

/** The sort direction of a header: both arrows when the column is not the one sorted by. */
export function SortIcon({ direction }: { direction: 'ascending' | 'descending' | 'none' }) {
  return (
    <svg className="rbi-results-sort-icon" data-state={direction} viewBox="0 0 12 16" width="12" height="16" aria-hidden="true" focusable="false">
      {direction !== 'descending' && <path d="M6 2.5L10 7H2z" fill="currentColor" opacity={direction === 'none' ? 0.45 : 1} />}
      {direction !== 'ascending' && <path d="M6 13.5L2 9h8z" fill="currentColor" opacity={direction === 'none' ? 0.45 : 1} />}
    </svg>
  );
}
