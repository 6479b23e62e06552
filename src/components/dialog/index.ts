/**
 * The bulk-invite dialog: `BulkInviteDialog` (composed: trigger + compose → review → sending → results)
 * and its parts, each also under a short name (`Root`, `Trigger`, `Content`, …) and in the namespace
 * `BulkInvite` (`<BulkInvite.Root>`). Styles: `dialog.css` beside this file (with the kit's tokens).
 */
export { BulkInviteDialog } from './bulk-invite-dialog.tsx';
export type { BulkInviteDialogProps } from './bulk-invite-dialog.tsx';
export { Root } from './root.tsx';
export type { RootProps } from './root.tsx';
export { Trigger, Content, Header, Title, Description, Steps, Close, Announcer, StopConfirm } from './frame.tsx';
export type { TriggerProps, ContentProps, HeaderProps, TitleProps, DescriptionProps, StepsProps, CloseProps } from './frame.tsx';
export { Compose } from './compose.tsx';
export type { ComposeProps, ComposeState } from './compose.tsx';
export { Mapping } from './mapping.tsx';
export type { MappingProps } from './mapping.tsx';
export { Review, ErrorSummary, Counts, DefaultRole, Targets } from './review.tsx';
export type { ReviewProps, ReviewState, ErrorSummaryProps, CountsProps, DefaultRoleProps, TargetsProps } from './review.tsx';
export type { ReviewFilter } from './review-context.ts';
export { RowList } from './row-list.tsx';
export type { RowListProps } from './row-list.tsx';
export { Progress } from './progress.tsx';
export type { ProgressProps, ProgressState } from './progress.tsx';
export { Results } from './results.tsx';
export type { ResultsProps, ResultsState } from './results.tsx';
export type { Step, RowState, RunWaiting } from './context.ts';
export * as BulkInvite from './parts.ts';
