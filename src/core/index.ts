/**
 * `react-bulk-invite/core`: the headless kit, with no React and no DOM (it runs in Node, browsers and Web
 * Workers). Every function here, and every type its signatures use, and nothing else: the steps inside
 * (layout detection, decoding, the row checker, retry and backoff, clocks, message texts) stay internal.
 * `public-api.test-d.ts` pins this list; test tools are in `react-bulk-invite/testing`.
 */

import { createRateLimiter as createEngineRateLimiter, type RateLimit, type RateLimiter } from './send/rate-limit.ts';
import type { Clock } from './send/clock.ts';

// The contract every invite backend implements (the four vendor adapters, or a host's own).
export { InviteError } from './contract.ts';
export type {
  AdapterConnection,
  AddressOutcome,
  AddressStatus,
  HeaderProblem,
  InviteAdapter,
  InviteErrorCode,
  InviteErrorFacts,
  InviteErrorOptions,
  Invitee,
  OutcomeCode,
  SendContext,
} from './contract.ts';

// Intake: read a paste, a file or a stream into checked rows.
export { checkText, checkBytes, checkFile, checkStream, DEFAULT_MAX_BYTES } from './intake/check.ts';
export type { CheckOptions, CheckResult, IgnoredLine, MappingReport, StreamOptions, StreamProgress, StreamResult } from './intake/check.ts';
export type { CheckedRow, ExistingEntry, RowRules, RowStatus, Summary } from './intake/row-rules.ts';
export type {
  AnyRowIssueParams,
  EmailTooLongParams,
  InvalidEmailParams,
  InvalidEmailReason,
  MissingEmailParams,
  RowIssueCode,
  RowIssueOf,
  RowIssueParams,
} from './intake/row-issues.ts';
export type { RowWarning, RowWarningCode, RowWarningParams } from './intake/warnings.ts';
export { checkAddress } from './intake/address-rule.ts';
export type { AddressCheck, AddressProblem, AddressProblemCode } from './intake/address-rule.ts';
export { IntakeError } from './intake/errors.ts';
export type { BinaryKind, IntakeErrorArgs, IntakeErrorCode, IntakeErrorParams, InvalidOptionsParams, SpreadsheetKind } from './intake/errors.ts';
export type { TextEncodingName } from './intake/decode.ts';
export type { LayoutOptions } from './intake/layout.ts';
export type { ColumnChoice, ColumnMapping, ColumnOverride, Field, OtherAddressColumn } from './intake/columns.ts';
export type { Delimiter } from './intake/records.ts';

// Messages: every code with its params, worded by one table a host can replace (partly or whole).
export { formatMessage } from './messages/format.ts';
export { en as englishMessages } from './messages/en.ts';
export { formatIntakeError, formatRowIssue, formatRowWarning } from './messages/intake.ts';
export { formatOutcome, formatStopReason } from './messages/run.ts';
export type { InArea, MessageKey, MessageOverrides, MessageParams, Messages } from './messages/types.ts';
export { INVALID_EMAIL_REASONS, ROW_ISSUE_CODES } from './intake/row-issues.ts';
export { ROW_WARNING_CODES } from './intake/warnings.ts';
export { INTAKE_ERROR_CODES } from './intake/errors.ts';
export { INVITE_ERROR_CODES, RESULT_CODES } from './send/result-codes.ts';
export type {
  AdapterErrorParams,
  AnyOutcomeParams,
  OutcomeOf,
  OutcomeParams,
  PendingParams,
  RequestFailureParams,
  RunErrorParams,
  RunStopParams,
  RunWaitParams,
  RunWaiting,
  UnreachableParams,
  VendorOutcomeParams,
} from './send/result-codes.ts';

// The draft a person edits before sending.
export { createInviteDraft } from './draft/draft.ts';
export type {
  DraftError,
  DraftInput,
  DraftRow,
  DraftSnapshot,
  IntakeWorker,
  DraftSource,
  DraftStatus,
  DraftSummary,
  InviteDraft,
  InviteDraftOptions,
  LoadOptions,
  LoadOutcome,
  RowPatch,
} from './draft/draft.ts';
export type { DomainSuggestion } from './draft/typos.ts';

// Sending: plan, run (send / pause / resume / cancel / retry failed), result store, export.
export { inviteesFromRows } from './send/invitees.ts';
export { plan } from './send/plan.ts';
export type { Batch, PlanOptions } from './send/plan.ts';
export { createInviteRun, restoreInviteRun, RunActiveError } from './send/run.ts';
export type { InviteRun, RunOptions, SendOptions } from './send/run.ts';
/**
 * A token-bucket limiter that several runs can share (`send({ rateLimit: limiter })`). Declared here as
 * returning the public `RateLimiter`: the engine's synchronous fast path on it is internal.
 */
export const createRateLimiter: (limit?: RateLimit, clock?: Clock) => RateLimiter = createEngineRateLimiter;
export type { RateLimit, RateLimiter } from './send/rate-limit.ts';
export type { RetryPolicy } from './send/retry.ts';
export type { Clock } from './send/clock.ts';
export type { AddressRecord, OutcomeCounts, OutcomeStatus, RequestCounts, RunSnapshot, RunStatus } from './send/run-store.ts';
export type { EngineCode, ResultCode, StopReason } from './send/result-codes.ts';
export type { SerializedRecord, SerializedRun } from './send/persist.ts';
export { resultRows, resultsToCsv, resultsToJson } from './send/export.ts';
export type { CsvOptions, ExportOptions, ExportParams, ExportStatus, ResultRow, ResultsJson, ResultsSummary } from './send/export.ts';

// A run's results for a table or a file: filter, search, sort; CSV of any rows.
export { viewResults } from './results/view.ts';
export type { ResultsFilter, ResultsSort, ResultsSortKey, ResultsView, ResultsViewOptions } from './results/view.ts';
export { resultRowsToCsv, TABLE_CSV_COLUMNS } from './results/csv.ts';
export type { RowsCsvOptions } from './results/csv.ts';
