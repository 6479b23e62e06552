/**
 * The intake's results worded from a table: a row's problem, a row's warning, an `IntakeError`. Each
 * takes the thing as the core hands it out (code and params side by side) and an optional table; a
 * table without the entry falls back to English.
 */
import type { IntakeErrorCode, IntakeErrorParams } from '../intake/errors.ts';
import type { AnyRowIssueParams, RowIssueCode } from '../intake/row-issues.ts';
import type { RowWarningCode, RowWarningParams } from '../intake/warnings.ts';
import { formatMessage } from './format.ts';
import type { MessageOverrides } from './types.ts';

/**
 * A row's problem as a sentence; undefined for a valid row. A row without `params` (saved by an older
 * version) keeps the `message` it has.
 */
export function formatRowIssue(
  row: { code?: RowIssueCode | undefined; params?: AnyRowIssueParams | undefined; message?: string | undefined },
  messages?: MessageOverrides,
): string | undefined {
  if (row.code === undefined || row.params === undefined) return row.message;
  return formatMessage(`row.${row.code}`, row.params as never, messages);
}

export function formatRowWarning(warning: { code: RowWarningCode; params: RowWarningParams[RowWarningCode] }, messages?: MessageOverrides): string {
  return formatMessage(`warning.${warning.code}`, warning.params as never, messages);
}

export function formatIntakeError(error: { code: IntakeErrorCode; params: IntakeErrorParams[IntakeErrorCode] }, messages?: MessageOverrides): string {
  return formatMessage(`intakeError.${error.code}`, error.params as never, messages);
}
