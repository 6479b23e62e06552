/**
 * The message table's shape. A message key is an area and a code (`row.DUPLICATE`, `warning.INVALID_BYTES`,
 * `intakeError.TOO_LARGE`, `outcome.VENDOR_REJECTED`, `runStop.AUTH_FAILED`): the same code can mean
 * different things in different areas (an intake `ALREADY_MEMBER` and a vendor's). Each key maps to a
 * function of that code's parameters, so a translation can choose plurals, word order and list style,
 * which a fixed string cannot.
 */
import type { IntakeErrorParams } from '../intake/errors.ts';
import type { RowIssueParams } from '../intake/row-issues.ts';
import type { RowWarningParams } from '../intake/warnings.ts';
import type { ExportParams } from '../send/export.ts';
import type { OutcomeParams, PendingParams, RunErrorParams, RunStopParams, RunWaitParams } from '../send/result-codes.ts';

/** `{ CODE: Params }` → `{ 'area.CODE': Params }`. */
export type InArea<Area extends string, Params> = { [Code in keyof Params & string as `${Area}.${Code}`]: Params[Code] };

/**
 * Each message key with its parameters. Areas: `row` (a row's problem), `warning` (a row's warning),
 * `intakeError`; `outcome` (what became of an address), `pending` (why an address was left unsent),
 * `runStop` (why a run stopped), `runError` (an action a run refused), `runWait` (what a sending run
 * waits for), `export` (a results file's own notes).
 */
export type MessageParams = InArea<'row', RowIssueParams> &
  InArea<'warning', RowWarningParams> &
  InArea<'intakeError', IntakeErrorParams> &
  InArea<'outcome', OutcomeParams> &
  InArea<'pending', PendingParams> &
  InArea<'runStop', RunStopParams> &
  InArea<'runError', RunErrorParams> &
  InArea<'runWait', RunWaitParams> &
  InArea<'export', ExportParams>;

export type MessageKey = keyof MessageParams;

/** The intake's keys: a row's problem or warning, an input that cannot be read. */
export type IntakeMessageKey = Extract<MessageKey, `row.${string}` | `warning.${string}` | `intakeError.${string}`>;

/** Sending's keys: addresses' results, a run's stop, refusal and wait, the export's notes. */
export type RunMessageKey = Extract<MessageKey, `${'outcome' | 'pending' | 'runStop' | 'runError' | 'runWait' | 'export'}.${string}`>;

/** A complete table: one function per key, from that key's parameters to a sentence. */
export type Messages = { [K in MessageKey]: (params: MessageParams[K]) => string };

/** What a host passes: any of the entries; the others come from English. */
export type MessageOverrides = Partial<Messages>;
