/** The results table: usable on its own for any run (styles in results-table.css). */
export { InviteResultsTable } from './InviteResultsTable.tsx';
export type { InviteResultsTableProps, ResultStatus } from './InviteResultsTable.tsx';
