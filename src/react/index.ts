/** The React layer: hooks over the core's stores, and the context the components share. */
export { useInviteDraft, useInviteRun, useInviteSending, useResultsView } from './hooks.ts';
export { BulkInviteProvider, useBulkInviteConfig, useWords } from './context.tsx';
export type { BulkInviteConfig, TargetChoice, TargetField, Words } from './context.tsx';
export { english, german } from './messages/locales.ts';
export type { IntlHelpers, Locale, UiMessage, UiMessages } from './messages/types.ts';
export type { CommonMessages } from './messages/common.ts';
export type { DialogMessages } from './messages/dialog.ts';
export type { ResultsTableMessages } from './messages/results-table.ts';
// For the components, which may import only types from the core: its table helpers, passed through.
export { viewResults, resultRowsToCsv, TABLE_CSV_COLUMNS } from '../core/index.ts';
export type { ResultsFilter, ResultsSort, ResultsSortKey, ResultsView, ResultsViewOptions, RowsCsvOptions } from '../core/index.ts';
