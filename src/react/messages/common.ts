/** Words shared by the dialog and the results table: the statuses a row or an address can be in. */
import type { UiMessage } from './types.ts';

export interface CommonMessages {
  statusValid: UiMessage;
  statusInvalid: UiMessage;
  statusDuplicate: UiMessage;
  statusMember: UiMessage;
  statusPending: UiMessage;
  statusQueued: UiMessage;
  statusInFlight: UiMessage;
  statusSent: UiMessage;
  statusSkipped: UiMessage;
  statusFailed: UiMessage;
  statusNotSent: UiMessage;
  statusExcluded: UiMessage;
  /** "Duplicate of row 12". */
  duplicateOf: UiMessage<{ line: number }>;
}

export const commonEn: CommonMessages = {
  statusValid: () => 'Valid',
  statusInvalid: () => 'Invalid',
  statusDuplicate: () => 'Duplicate',
  statusMember: () => 'Member',
  statusPending: () => 'Pending invitation',
  statusQueued: () => 'Queued',
  statusInFlight: () => 'Sending',
  statusSent: () => 'Sent',
  statusSkipped: () => 'Skipped',
  statusFailed: () => 'Failed',
  statusNotSent: () => 'Not sent',
  statusExcluded: () => 'Not sent',
  duplicateOf: ({ line }, intl) => `Duplicate of row ${intl.number(line)}`,
};

export const commonDe: CommonMessages = {
  statusValid: () => 'Gültig',
  statusInvalid: () => 'Ungültig',
  statusDuplicate: () => 'Doppelt',
  statusMember: () => 'Mitglied',
  statusPending: () => 'Einladung ausstehend',
  statusQueued: () => 'Wartet',
  statusInFlight: () => 'Wird gesendet',
  statusSent: () => 'Gesendet',
  statusSkipped: () => 'Übersprungen',
  statusFailed: () => 'Fehlgeschlagen',
  statusNotSent: () => 'Nicht gesendet',
  statusExcluded: () => 'Nicht gesendet',
  duplicateOf: ({ line }, intl) => `Doppelt zu Zeile ${intl.number(line)}`,
};
