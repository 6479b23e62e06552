/** The results table's words (English and German). */
import type { UiMessage } from './types.ts';

export interface ResultsTableMessages {
  /** The table's accessible name. */
  resultsTableLabel: UiMessage;
}

export const resultsTableEn: ResultsTableMessages = {
  resultsTableLabel: () => 'Invitation results',
};

export const resultsTableDe: ResultsTableMessages = {
  resultsTableLabel: () => 'Ergebnisse der Einladungen',
};
