/** The parts under short names, for `import { BulkInvite } from …` and `<BulkInvite.Root>`. */
export { Root } from './root.tsx';
export { Trigger, Content, Header, Title, Description, Steps, Close, Announcer, StopConfirm } from './frame.tsx';
export { Compose } from './compose.tsx';
export { Mapping } from './mapping.tsx';
export { Review, ErrorSummary, Counts, DefaultRole, Targets } from './review.tsx';
export { RowList } from './row-list.tsx';
export { Progress } from './progress.tsx';
export { Results } from './results.tsx';
