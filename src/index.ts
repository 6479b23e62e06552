/**
 * `react-bulk-invite`: the headless core (everything `react-bulk-invite/core` exports), the vendor
 * adapters' factories with their option types, the React hooks and provider, and the components
 * (`BulkInviteDialog` with its parts under `BulkInvite`, `InviteResultsTable`). The adapters' internals
 * (base URLs, paths, header names, schemas, limits) stay internal. Styles: `react-bulk-invite/styles.css`.
 * `public-api.test-d.ts` pins this list.
 */
export * from './core/index.ts';

export { createDigaAdapter } from './adapters/diga.ts';
export type { DigaAdapterOptions } from './adapters/diga.ts';
export { createWixAdapter } from './adapters/wix.ts';
export type { WixAdapter, WixAdapterOptions, WixSiteInvite } from './adapters/wix.ts';
export { createConfidentAiAdapter, loadConfidentAiRoles } from './adapters/confident-ai.ts';
export type { ConfidentAiAdapterOptions } from './adapters/confident-ai.ts';
export { createAthenaAdapter } from './adapters/athenahq.ts';
export type { AthenaAdapterOptions, AthenaInviteMethod } from './adapters/athenahq.ts';

// React: the hooks over the core's stores, the provider, the locales (React is a peer dependency).
export { useInviteDraft, useInviteRun, useInviteSending, useResultsView, BulkInviteProvider, useBulkInviteConfig, useWords, english, german } from './react/index.ts';
export type {
  BulkInviteConfig,
  CommonMessages,
  DialogMessages,
  IntlHelpers,
  Locale,
  ResultsTableMessages,
  TargetChoice,
  TargetField,
  UiMessage,
  UiMessages,
  Words,
} from './react/index.ts';

// The components.
export { BulkInviteDialog, BulkInvite } from './components/dialog/index.ts';
export type {
  BulkInviteDialogProps,
  RootProps,
  TriggerProps,
  ContentProps,
  HeaderProps,
  TitleProps,
  DescriptionProps,
  StepsProps,
  CloseProps,
  ComposeProps,
  ComposeState,
  MappingProps,
  ReviewProps,
  ReviewState,
  ErrorSummaryProps,
  CountsProps,
  DefaultRoleProps,
  TargetsProps,
  ReviewFilter,
  RowListProps,
  ProgressProps,
  ProgressState,
  ResultsProps,
  ResultsState,
  Step,
  RowState,
} from './components/dialog/index.ts';
export { InviteResultsTable } from './components/results-table/index.ts';
export type { InviteResultsTableProps, ResultStatus } from './components/results-table/index.ts';
