/**
 * The run's results as a file: one row per input row, sent or not, so the export accounts for every
 * line the person gave us. Rows the intake rejected keep their reason; valid rows carry their outcome.
 *
 * CSV is made to open safely in Excel and Sheets: a cell starting with =, +, -, @, tab or CR is prefixed
 * with a single quote so it is never run as a formula (an address like `+x@y.com` then reads `'+x@y.com`).
 *
 * `message` is a sentence from the message table (English unless `messages` gives a host's table); the
 * vendor's own words are `vendorMessage` in JSON. The CSV's columns stay as they were: its `message`
 * quotes the vendor's words where they are the only reason given.
 */
import Papa from 'papaparse';
import { displayName, type CheckedRow } from '../intake/row-rules.ts';
import { formatMessage } from '../messages/format.ts';
import { formatRowIssue } from '../messages/intake.ts';
import { formatOutcome } from '../messages/run.ts';
import type { MessageOverrides } from '../messages/types.ts';
import type { AnyRowIssueParams } from '../intake/row-issues.ts';
import type { AnyOutcomeParams } from './result-codes.ts';
import type { AddressRecord, OutcomeCounts, OutcomeStatus, RunSnapshot } from './run-store.ts';

/** A run outcome, or what the intake said of a row that was never sendable, or a valid row left out of the run. */
export type ExportStatus = OutcomeStatus | 'invalid' | 'duplicate' | 'excluded';

export interface ResultRow {
  line?: number;
  email: string;
  name?: string;
  role?: string;
  status: ExportStatus;
  code?: string;
  /**
   * What the code's sentence needs: the record's (`OutcomeParams`, `PendingParams`), or the intake's for a
   * rejected row (`RowIssueParams`). `formatOutcome(row, table)` words it in another language.
   */
  params?: AnyOutcomeParams | AnyRowIssueParams | ExportParams[keyof ExportParams];
  /** Why, as a sentence from the message table. */
  message?: string;
  /** The vendor's own words about this address, verbatim (JSON only: the CSV has no column for them). */
  vendorMessage?: string;
  attempts: number;
  vendorId?: string;
}

/** The export's own codes with their parameters (the `export.` area of the message table). */
export interface ExportParams {
  /** A valid row of the intake that the run did not include. */
  NOT_IN_RUN: Record<string, never>;
}

export interface ResultsSummary extends OutcomeCounts {
  /** Rows in the export (every input row when `rows` was given). */
  total: number;
  invalid: number;
  duplicate: number;
  excluded: number;
}

export interface ResultsJson {
  summary: ResultsSummary;
  outcomes: ResultRow[];
}

export interface ExportOptions {
  /** The intake's rows (all of them), to include rejected rows with their reasons, in input order. */
  rows?: readonly CheckedRow[];
  /** A host's message table (complete or partial) to word `message` in; English where it has no entry. */
  messages?: MessageOverrides;
}

export interface CsvOptions extends ExportOptions {
  /**
   * Start with a UTF-8 byte-order mark, without which Excel reads the file as the system's ANSI code page
   * and garbles every accent. Default true; false for tools that do not expect one.
   */
  bom?: boolean;
}

function tidy(row: ResultRow): ResultRow {
  for (const key of Object.keys(row) as (keyof ResultRow)[]) if (row[key] === undefined) delete row[key];
  return row;
}

/**
 * Why a pending address without a code of its own (saved by format 1 of `serialize()`) was not sent:
 * the run's cancel or stop, which a results file read later, away from the run, says on every such row.
 */
function pendingReason(snapshot: RunSnapshot, record: AddressRecord): Pick<AddressRecord, 'code' | 'params'> | undefined {
  const code = snapshot.status === 'cancelled' ? 'ABORTED' : snapshot.stopReason?.code;
  if (code === undefined) return undefined;
  return { code, params: record.maybeDelivered ? { maybeDelivered: true } : {} };
}

function outcomeRow(snapshot: RunSnapshot, index: number, messages: MessageOverrides | undefined): ResultRow {
  const record = snapshot.at(index);
  const invitee = snapshot.invitees[index]!;
  const why = record.status === 'pending' && record.code === undefined ? pendingReason(snapshot, record) : undefined;
  const worded = why ? { status: record.status, ...why } : record;
  return tidy({
    line: record.line,
    email: record.email,
    name: displayName(invitee),
    role: invitee.role,
    status: record.status,
    code: worded.code,
    params: worded.params,
    message: why || messages ? formatOutcome(worded, messages) : record.message,
    vendorMessage: record.vendorMessage,
    attempts: record.attempts,
    vendorId: record.vendorId,
  });
}

/** One row per input row (rows given) plus any run address no row accounts for, in input order. */
export function resultRows(snapshot: RunSnapshot, options: ExportOptions = {}): ResultRow[] {
  const { messages } = options;
  if (!options.rows) return Array.from({ length: snapshot.total }, (_, index) => outcomeRow(snapshot, index, messages));

  // Rows find their outcome by line (and address, in case the host edited the list between intake and send).
  const byLine = new Map<number, number[]>();
  snapshot.invitees.forEach((invitee, index) => {
    if (invitee.line === undefined) return;
    const list = byLine.get(invitee.line);
    if (list) list.push(index);
    else byLine.set(invitee.line, [index]);
  });
  const used = new Uint8Array(snapshot.total);
  const out: ResultRow[] = [];
  for (const row of options.rows) {
    if (row.status === 'valid') {
      const index = byLine.get(row.line)?.find((i) => !used[i] && snapshot.invitees[i]!.email.toLowerCase() === row.email.toLowerCase());
      if (index !== undefined) {
        used[index] = 1;
        out.push(outcomeRow(snapshot, index, messages));
        continue;
      }
    }
    out.push(
      tidy({
        line: row.line,
        email: row.email,
        name: displayName(row),
        role: row.role,
        status: row.status === 'valid' ? 'excluded' : row.status,
        code: row.status === 'valid' ? 'NOT_IN_RUN' : row.code,
        params: row.status === 'valid' ? {} : row.params,
        message: row.status === 'valid' ? formatMessage('export.NOT_IN_RUN', {}, messages) : messages ? formatRowIssue(row, messages) : row.message,
        attempts: 0,
      }),
    );
  }
  for (let index = 0; index < snapshot.total; index++) if (!used[index]) out.push(outcomeRow(snapshot, index, messages));
  return out;
}

export function summarize(rows: readonly ResultRow[]): ResultsSummary {
  const summary: ResultsSummary = {
    total: rows.length,
    queued: 0,
    inFlight: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    pending: 0,
    invalid: 0,
    duplicate: 0,
    excluded: 0,
  };
  for (const row of rows) summary[row.status === 'in-flight' ? 'inFlight' : row.status]++;
  return summary;
}

/** `{ summary, outcomes }`, ready for `JSON.stringify`. */
export function resultsToJson(snapshot: RunSnapshot, options: ExportOptions = {}): ResultsJson {
  const outcomes = resultRows(snapshot, options);
  return { summary: summarize(outcomes), outcomes };
}

export const CSV_COLUMNS = ['line', 'email', 'name', 'role', 'status', 'code', 'message', 'attempts', 'vendor_id'] as const;

/**
 * papaparse's own `escapeFormulae: true` pattern ends in `.*$` without the `s` flag, so a multi-line cell
 * starting with `=` slips through; matching the first character alone covers it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 CSV (CRLF, quotes doubled, quoted where needed), formula-safe, after a UTF-8 BOM unless `bom: false`. */
export function resultsToCsv(snapshot: RunSnapshot, options: CsvOptions = {}): string {
  const data = resultRows(snapshot, options).map((row) => [
    row.line ?? '',
    row.email,
    row.name ?? '',
    row.role ?? '',
    row.status,
    row.code ?? '',
    row.message ?? '',
    row.attempts,
    row.vendorId ?? '',
  ]);
  const csv = Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: '\r\n', escapeFormulae: FORMULA_START });
  return (options.bom === false ? '' : '\uFEFF') + csv + '\r\n';
}
