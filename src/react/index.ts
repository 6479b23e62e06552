/** The React layer: hooks over the core's stores, and the context the components share. */
export { useInviteDraft, useInviteRun, useResultsView } from './hooks.ts';
export { BulkInviteProvider, useBulkInviteConfig, useWords } from './context.tsx';
export type { BulkInviteConfig, TargetChoice, TargetField, Words } from './context.tsx';
export { english, german } from './messages/locales.ts';
export type { IntlHelpers, Locale, UiMessage, UiMessages } from './messages/types.ts';
export { viewResults } from '../core/results/view.ts';
export type { ResultsFilter, ResultsSort, ResultsSortKey, ResultsView, ResultsViewOptions } from '../core/results/view.ts';
