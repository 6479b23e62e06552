/** The headless core: no React, no DOM beyond what a Web Worker has. */
export { checkText, checkBytes, checkFile, checkStream } from './intake.ts';
export type { CheckOptions, CheckResult, StreamResult, MappingReport, IgnoredLine } from './intake.ts';
export { createRowChecker, issuesOf } from './rows.ts';
export type { Candidate, CheckedRow, ExistingEntry, RowChecker, RowIssue, RowIssueCode, RowRules, RowStatus, Summary } from './rows.ts';
export { checkAddress, cleanAddress, emailAddressSchema } from './email.ts';
export type { AddressCheck } from './email.ts';
export { decodeBytes } from './encoding.ts';
export type { DecodedText, TextEncodingName } from './encoding.ts';
export { IntakeError } from './errors.ts';
export type { IntakeErrorCode } from './errors.ts';
export { detectLayout } from './layout.ts';
export type { Layout, LayoutOptions } from './layout.ts';
export type { ColumnChoice, ColumnMapping, ColumnOverride, Field } from './columns.ts';
export type { Delimiter } from './records.ts';
