/**
 * What the dialog's parts share: the draft, the run, the step, the words, and the actions that move the
 * flow along. `Root` provides it; every other part reads it (and throws, naming itself, outside a Root,
 * as Radix's parts do).
 */
import { createContext, useContext, type RefObject } from 'react';
import type { DraftRow, DraftSnapshot, InviteDraft, InviteRun, RunSnapshot } from '../../core/index.ts';
import type { TargetChoice, TargetField, Words } from '../../react/index.ts';

/** The dialog's steps, in their one direction (`mapping` only when the header is ambiguous). */
export type Step = 'compose' | 'mapping' | 'review' | 'sending' | 'results';

/**
 * The run's wait on a vendor's rate limit (`Retry-After`), as the run snapshot reports it: `until` is a
 * clock time in milliseconds (the run's clock; the system clock is `Date.now()`).
 */
export interface RunWaiting {
  reason: 'RATE_LIMITED';
  until: number;
}

/** The run snapshot with its rate-limit wait. */
export type LiveRunSnapshot = RunSnapshot & { readonly waiting?: RunWaiting };

/** A problem the error summary lists: a row, or a choice the vendor needs. */
export type Problem =
  | { kind: 'row'; row: DraftRow }
  | { kind: 'target'; field: TargetField }
  | { kind: 'nothing' }
  | { kind: 'send'; message: string };

export interface DialogContextValue {
  open: boolean;
  /** Asks to open or close: closing while sending asks first ("Stop sending?"). */
  requestOpenChange(open: boolean): void;
  step: Step;
  setStep(step: Step): void;
  draft: InviteDraft;
  snapshot: DraftSnapshot;
  run: InviteRun | undefined;
  runSnapshot: LiveRunSnapshot | undefined;
  words: Words;
  /** The roles a row can have (empty: any, and no role pickers). */
  roles: readonly string[];
  targets: readonly TargetField[];
  choice: TargetChoice;
  setChoice(name: string, value: string | string[]): void;
  resend: ((email: string, signal: AbortSignal) => Promise<void>) | undefined;
  /** Says something in the dialog's one polite live region. */
  announce(message: string): void;
  announcement: { id: number; text: string };
  /** After the intake: to the column choice when the header is ambiguous, else to the review. */
  advance(): void;
  /** The problems that block a send (rows only when `withRows`). */
  problems(withRows: boolean): Problem[];
  /** Bumped each time a send meets problems: the review shows (and focuses) its error summary. */
  errorAttempt: number;
  hideErrors(): void;
  /** Sends the valid rows; `skipInvalid` is "Send N valid, skip M". Returns false when problems block it. */
  send(skipInvalid: boolean): boolean;
  pause(): void;
  resume(): void;
  retryFailed(): void;
  /** Sends what a cancel or a stop left pending. */
  sendRest(): void;
  /** Back to an empty compose. */
  inviteMore(): void;
  /** The "Stop sending?" confirmation. */
  stopAsked: boolean;
  askStop(): void;
  answerStop(stop: boolean): void;
  /** The dialog box (for focus management). */
  contentRef: RefObject<HTMLDivElement | null>;
  /** Whether a `Trigger` is mounted (Radix returns the focus to it on close). */
  triggerMounted: RefObject<boolean>;
  /** What had the focus when the dialog opened: where it goes back when there is no trigger. */
  returnFocus: RefObject<HTMLElement | null>;
}

export const DialogContext = createContext<DialogContextValue | null>(null);

export function useDialog(part: string): DialogContextValue {
  const value = useContext(DialogContext);
  if (!value) throw new Error(`\`${part}\` must be used within \`BulkInviteDialog.Root\`.`);
  return value;
}

/** The number of the row a duplicate repeats, as the review numbers rows (the draft's `number`). */
export function duplicateOfNumber(row: DraftRow): number | undefined {
  return row.duplicateOfNumber ?? row.duplicateOf;
}

/** Whether the run is still going (a close then asks first). */
export function isActive(snapshot: RunSnapshot | undefined): boolean {
  return snapshot?.status === 'sending' || snapshot?.status === 'paused';
}

/** A row's state as the review shows it: members and pending invitations apart from repeats. */
export type RowState = 'valid' | 'invalid' | 'duplicate' | 'member' | 'pending' | 'existing';

export function rowState(row: DraftRow): RowState {
  if (row.status !== 'duplicate') return row.status;
  if (row.code === 'ALREADY_MEMBER') return 'member';
  if (row.code === 'ALREADY_INVITED') return 'pending';
  if (row.code === 'ALREADY_EXISTS') return 'existing';
  return 'duplicate';
}
