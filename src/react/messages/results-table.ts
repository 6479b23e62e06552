/** The results table's words (English and German). Status words shared with the dialog are in common.ts. */
import type { UiMessage } from './types.ts';

export interface ResultsTableMessages {
  /** The table's accessible name (and its visible title). */
  resultsTableLabel: UiMessage;
  /** The group of filter buttons. */
  resultsFilterLabel: UiMessage;
  /** The filter that shows every row. */
  resultsFilterAll: UiMessage;
  /** The polite status under the filters: "Showing 12 of 340". */
  resultsShowing: UiMessage<{ shown: number; total: number }>;
  /** The search box's label. */
  resultsSearchLabel: UiMessage;
  /** The export button (its whole name). */
  resultsExport: UiMessage;
  /** The export button's description: what it downloads. */
  resultsExportHint: UiMessage<{ count: number }>;
  resultsColumnLine: UiMessage;
  resultsColumnEmail: UiMessage;
  resultsColumnName: UiMessage;
  resultsColumnRole: UiMessage;
  resultsColumnStatus: UiMessage;
  /** A run outcome waiting for a resume (not the "pending invitation" of an address already invited). */
  resultsStatusPending: UiMessage;
  /** A status and why: "Failed: Mailbox full". */
  resultsStatusReason: UiMessage<{ status: string; reason: string }>;
  /** Before the vendor's own words, which follow verbatim. */
  resultsVendorSaid: UiMessage;
  /** The rowheader of a row that has no address. */
  resultsNoAddress: UiMessage;
  /** No run yet. */
  resultsEmpty: UiMessage;
  /** The filter and search leave nothing. */
  resultsNoMatch: UiMessage;
}

export const resultsTableEn: ResultsTableMessages = {
  resultsTableLabel: () => 'Invitation results',
  resultsFilterLabel: () => 'Show',
  resultsFilterAll: () => 'All',
  resultsShowing: ({ shown, total }, intl) => `Showing ${intl.number(shown)} of ${intl.number(total)}`,
  resultsSearchLabel: () => 'Search results',
  resultsExport: () => 'Export CSV',
  resultsExportHint: ({ count }, intl) => `Downloads the ${intl.plural(count, { one: 'row', other: `${intl.number(count)} rows` })} shown as a CSV file.`,
  resultsColumnLine: () => 'Row',
  resultsColumnEmail: () => 'Address',
  resultsColumnName: () => 'Name',
  resultsColumnRole: () => 'Role',
  resultsColumnStatus: () => 'Status',
  resultsStatusPending: () => 'Pending',
  resultsStatusReason: ({ status, reason }) => `${status}: ${reason}`,
  resultsVendorSaid: () => 'The service said:',
  resultsNoAddress: () => '(no address)',
  resultsEmpty: () => 'Nothing has been sent yet.',
  resultsNoMatch: () => 'No rows match this filter and search.',
};

export const resultsTableDe: ResultsTableMessages = {
  resultsTableLabel: () => 'Ergebnisse der Einladungen',
  resultsFilterLabel: () => 'Anzeigen',
  resultsFilterAll: () => 'Alle',
  resultsShowing: ({ shown, total }, intl) => `${intl.number(shown)} von ${intl.number(total)} angezeigt`,
  resultsSearchLabel: () => 'Ergebnisse durchsuchen',
  resultsExport: () => 'CSV exportieren',
  resultsExportHint: ({ count }, intl) => `Lädt ${intl.plural(count, { one: 'die angezeigte Zeile', other: `die ${intl.number(count)} angezeigten Zeilen` })} als CSV-Datei herunter.`,
  resultsColumnLine: () => 'Zeile',
  resultsColumnEmail: () => 'Adresse',
  resultsColumnName: () => 'Name',
  resultsColumnRole: () => 'Rolle',
  resultsColumnStatus: () => 'Status',
  resultsStatusPending: () => 'Ausstehend',
  resultsStatusReason: ({ status, reason }) => `${status}: ${reason}`,
  resultsVendorSaid: () => 'Antwort des Dienstes:',
  resultsNoAddress: () => '(keine Adresse)',
  resultsEmpty: () => 'Es wurde noch nichts gesendet.',
  resultsNoMatch: () => 'Keine Zeile passt zu diesem Filter und dieser Suche.',
};
