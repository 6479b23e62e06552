/**
 * The bulk-invite dialog's words (English and German). Numbers go through `intl.number`, plurals through
 * `intl.plural` (`Intl.PluralRules`), durations through `intl.seconds`; row problems come from the core's
 * table, and a vendor's own words are shown as they came.
 */
import type { UiMessage } from './types.ts';

export interface DialogMessages {
  /** The trigger button, and the dialog's accessible name. */
  dialogTitle: UiMessage;
  close: UiMessage;
  cancel: UiMessage;
  back: UiMessage;
  done: UiMessage;
  or: UiMessage;
  total: UiMessage;
  required: UiMessage;

  // The header
  stepsLabel: UiMessage;
  stepAdd: UiMessage;
  stepReview: UiMessage;
  stepSend: UiMessage;
  composeDescription: UiMessage;
  mappingDescription: UiMessage;
  reviewDescription: UiMessage;
  sendingDescription: UiMessage;
  resultsDescription: UiMessage;

  // Compose
  /** The textarea's label. */
  recipientsLabel: UiMessage;
  recipientsHint: UiMessage;
  composePlaceholder: UiMessage;
  /** The file input's label. */
  uploadLabel: UiMessage;
  uploadHint: UiMessage;
  dropHint: UiMessage;
  /** The button from compose to review. */
  review: UiMessage;
  nothingToReview: UiMessage;
  readingLabel: UiMessage;
  readingRows: UiMessage<{ rows: number }>;
  readingFile: UiMessage<{ name: string; rows: number }>;
  cancelReading: UiMessage;
  readingCancelled: UiMessage;
  /** Announced after a load: "people.csv: 120 rows read". */
  rowsRead: UiMessage<{ rows: number; name?: string }>;
  /** A refused file: its name and the core's reason. */
  fileRefused: UiMessage<{ name: string; reason: string }>;
  rowsInList: UiMessage<{ rows: number }>;

  // Column choice
  mappingQuestion: UiMessage;
  mappingHint: UiMessage;
  columnNumber: UiMessage<{ column: number }>;
  mappingChosen: UiMessage;
  mappingOther: UiMessage;
  mappingSecondary: UiMessage;
  useColumn: UiMessage;

  // Review
  countsLabel: UiMessage;
  countRows: UiMessage<{ count: number }>;
  countValid: UiMessage<{ count: number }>;
  countInvalid: UiMessage<{ count: number }>;
  countDuplicate: UiMessage<{ count: number }>;
  countMembers: UiMessage<{ count: number }>;
  countPending: UiMessage<{ count: number }>;
  roleForAll: UiMessage;
  noRole: UiMessage;
  /** The per-row role picker's "use the role for all" choice. */
  roleDefault: UiMessage<{ role: string }>;
  chooseOne: UiMessage;
  targetMissing: UiMessage<{ label: string }>;
  rowsLabel: UiMessage;
  gridKeys: UiMessage;
  columnLine: UiMessage;
  columnEmail: UiMessage;
  columnName: UiMessage;
  columnRole: UiMessage;
  columnStatus: UiMessage;
  columnActions: UiMessage;
  addressOnRow: UiMessage<{ line: number }>;
  nameOnRow: UiMessage<{ line: number }>;
  roleOnRow: UiMessage<{ line: number }>;
  rowNumber: UiMessage<{ line: number }>;
  /** Under a row's number, for rows from a file: the file's line ("line 14"). */
  lineNote: UiMessage<{ line: number }>;
  /** The remove button's name: "Remove a@x.io". */
  removeRow: UiMessage<{ email: string }>;
  removedRow: UiMessage<{ email: string }>;
  undo: UiMessage;
  statusMemberOrPending: UiMessage;
  notInvitedAgain: UiMessage;
  goToRow: UiMessage<{ line: number }>;
  didYouMean: UiMessage<{ email: string }>;
  fix: UiMessage;
  fixLabel: UiMessage<{ from: string; to: string }>;
  fixed: UiMessage<{ from: string; to: string }>;
  resend: UiMessage;
  resent: UiMessage<{ email: string }>;
  resentShort: UiMessage;
  resendFailed: UiMessage<{ email: string }>;
  resendFailedShort: UiMessage;
  noRows: UiMessage;
  noMatchingRows: UiMessage;
  /** The primary send button ("Send 125 invitations"). */
  sendInvitations: UiMessage<{ count: number }>;
  /** The secondary send button: "Send 120 valid, skip 8". */
  sendValidSkip: UiMessage<{ valid: number; skip: number }>;
  /** The error summary's heading. */
  problemTitle: UiMessage;
  problemHint: UiMessage;
  rowProblem: UiMessage<{ line: number; reason: string }>;
  showAllProblems: UiMessage<{ count: number }>;
  nothingValid: UiMessage;
  noAdapter: UiMessage;

  // Sending
  sendingHeading: UiMessage<{ total: number }>;
  pausedHeading: UiMessage;
  progressLabel: UiMessage;
  /** The progress bar's text and the polite status: "40 of 120 sent, 2 failed". */
  progressStatus: UiMessage<{ sent: number; total: number; failed: number }>;
  /** The visible line: "40 of 120 sent · 2 failed". */
  progressLine: UiMessage<{ sent: number; total: number; failed: number }>;
  progressPaused: UiMessage<{ sent: number; total: number }>;
  /** "Paused by the rate limit — resuming in 12 s". */
  rateLimited: UiMessage<{ seconds: number }>;
  tallyLabel: UiMessage<{ total: number }>;
  countSkipped: UiMessage;
  pause: UiMessage;
  resume: UiMessage;
  /** The confirmation's title: "Stop sending? 40 of 120 sent". */
  stopTitle: UiMessage<{ sent: number; total: number }>;
  stopDescription: UiMessage<{ left: number }>;
  keepSending: UiMessage;
  stopSending: UiMessage;

  // Results
  /** "118 sent, 2 failed": the end's announcement and the results heading. */
  runSummary: UiMessage<{ sent: number; skipped: number; failed: number; notSent: number }>;
  stoppedHeading: UiMessage<{ summary: string }>;
  stopReason: UiMessage;
  notRetryable: UiMessage<{ count: number }>;
  loadingResults: UiMessage;
  retryFailed: UiMessage;
  copyFailedAddresses: UiMessage;
  copied: UiMessage<{ count: number }>;
  copyFailed: UiMessage;
  sendRest: UiMessage<{ count: number }>;
  inviteMore: UiMessage;
}

export const dialogEn: DialogMessages = {
  dialogTitle: () => 'Invite people',
  close: () => 'Close',
  cancel: () => 'Cancel',
  back: () => 'Back',
  done: () => 'Done',
  or: () => 'or',
  total: () => 'Total',
  required: () => '(required)',

  stepsLabel: () => 'Steps',
  stepAdd: () => 'Add',
  stepReview: () => 'Review',
  stepSend: () => 'Send',
  composeDescription: () => 'Paste a list of addresses or upload a file.',
  mappingDescription: () => 'Choose the column that holds the addresses.',
  reviewDescription: () => 'Check each row, fix or remove problems, and choose roles.',
  sendingDescription: () => 'Invitations are being sent. You can pause or stop at any time.',
  resultsDescription: () => 'What happened to each address.',

  recipientsLabel: () => 'Email addresses',
  recipientsHint: () => 'Paste addresses, a To: line, or rows copied from a spreadsheet.',
  composePlaceholder: () => 'ann@example.com, Bob Lee <bob@example.com>; …',
  uploadLabel: () => 'Upload a file',
  uploadHint: () => 'CSV, TSV or TXT · up to 200 MB',
  dropHint: () => 'or drop a file anywhere here',
  review: () => 'Review',
  nothingToReview: () => 'Paste at least one address or upload a file.',
  readingLabel: () => 'Reading the list',
  readingRows: ({ rows }, intl) => `${intl.number(rows)} ${intl.plural(rows, { one: 'row', other: 'rows' })} read`,
  readingFile: ({ name, rows }, intl) => `Reading ${name}: ${intl.number(rows)} ${intl.plural(rows, { one: 'row', other: 'rows' })} so far`,
  cancelReading: () => 'Stop reading',
  readingCancelled: () => 'Reading stopped; the list is as it was.',
  rowsRead: ({ rows, name }, intl) => `${name ? `${name}: ` : ''}${intl.number(rows)} ${intl.plural(rows, { one: 'row', other: 'rows' })} read`,
  fileRefused: ({ name, reason }) => `${name} was not read. ${reason}`,
  rowsInList: ({ rows }, intl) => `${intl.number(rows)} ${intl.plural(rows, { one: 'row is', other: 'rows are' })} in the list already; more are added to them.`,

  mappingQuestion: () => 'Which column holds the addresses to invite?',
  mappingHint: () => 'The file has more than one column of addresses, or its header does not say which one is the people’s own.',
  columnNumber: ({ column }, intl) => `Column ${intl.number(column)}`,
  mappingChosen: () => '(read as the addresses)',
  mappingOther: () => '(also holds addresses)',
  mappingSecondary: () => '(its header marks it as someone else’s or a second address)',
  useColumn: () => 'Use this column',

  countsLabel: () => 'Show rows',
  countRows: ({ count }, intl) => `${intl.number(count)} ${intl.plural(count, { one: 'row', other: 'rows' })}`,
  countValid: ({ count }, intl) => `${intl.number(count)} valid`,
  countInvalid: ({ count }, intl) => `${intl.number(count)} invalid`,
  countDuplicate: ({ count }, intl) => `${intl.number(count)} ${intl.plural(count, { one: 'duplicate', other: 'duplicates' })}`,
  countMembers: ({ count }, intl) => `of which ${intl.number(count)} ${intl.plural(count, { one: 'member', other: 'members' })}`,
  countPending: ({ count }, intl) => `of which ${intl.number(count)} pending`,
  roleForAll: () => 'Role for all',
  noRole: () => 'No role',
  roleDefault: ({ role }) => `${role} (default)`,
  chooseOne: () => 'Choose…',
  targetMissing: ({ label }) => `Choose ${label.toLowerCase()}`,
  rowsLabel: () => 'Rows to invite',
  gridKeys: () => 'Up and down arrows move between rows. Delete removes a row. Enter edits its address. Tab reaches the row’s fields and buttons.',
  columnLine: () => 'Row',
  columnEmail: () => 'Address',
  columnName: () => 'Name',
  columnRole: () => 'Role',
  columnStatus: () => 'Status',
  columnActions: () => 'Actions',
  addressOnRow: ({ line }, intl) => `Address, row ${intl.number(line)}`,
  nameOnRow: ({ line }, intl) => `Name, row ${intl.number(line)}`,
  roleOnRow: ({ line }, intl) => `Role, row ${intl.number(line)}`,
  rowNumber: ({ line }, intl) => `row ${intl.number(line)}`,
  lineNote: ({ line }, intl) => `line ${intl.number(line)}`,
  removeRow: ({ email }) => `Remove ${email}`,
  removedRow: ({ email }) => `Removed ${email}.`,
  undo: () => 'Undo',
  statusMemberOrPending: () => 'Member or pending invitation',
  notInvitedAgain: () => 'Already there: not invited again.',
  goToRow: ({ line }, intl) => `Go to row ${intl.number(line)}`,
  didYouMean: ({ email }) => `Did you mean ${email}?`,
  fix: () => 'Fix',
  fixLabel: ({ from, to }) => `Fix: change ${from} to ${to}`,
  fixed: ({ from, to }) => `Changed ${from} to ${to}.`,
  resend: () => 'Resend',
  resent: ({ email }) => `Invitation to ${email} sent again.`,
  resentShort: () => 'Sent again',
  resendFailed: ({ email }) => `The invitation to ${email} could not be sent again.`,
  resendFailedShort: () => 'Could not resend',
  noRows: () => 'The list is empty. Go back to add people.',
  noMatchingRows: () => 'No rows have this status.',
  sendInvitations: ({ count }, intl) => `Send ${intl.number(count)} ${intl.plural(count, { one: 'invitation', other: 'invitations' })}`,
  sendValidSkip: ({ valid, skip }, intl) => `Send ${intl.number(valid)} valid, skip ${intl.number(skip)}`,
  problemTitle: () => 'There is a problem',
  problemHint: () => 'Fix or remove these rows, or send only the valid ones:',
  rowProblem: ({ line, reason }, intl) => `Row ${intl.number(line)}: ${reason}`,
  showAllProblems: ({ count }, intl) => `Show all ${intl.number(count)} rows with problems`,
  nothingValid: () => 'There is nobody to invite: no row is valid.',
  noAdapter: () => 'The dialog has no adapter to send with (BulkInviteProvider adapter).',

  sendingHeading: ({ total }, intl) => `Sending ${intl.number(total)} ${intl.plural(total, { one: 'invitation', other: 'invitations' })}`,
  pausedHeading: () => 'Paused',
  progressLabel: () => 'Sending progress',
  progressStatus: ({ sent, total, failed }, intl) => `${intl.number(sent)} of ${intl.number(total)} sent${failed ? `, ${intl.number(failed)} failed` : ''}`,
  progressLine: ({ sent, total, failed }, intl) => `${intl.number(sent)} of ${intl.number(total)} sent${failed ? ` · ${intl.number(failed)} failed` : ''}`,
  progressPaused: ({ sent, total }, intl) => `Paused: ${intl.number(sent)} of ${intl.number(total)} sent`,
  rateLimited: ({ seconds }, intl) => `Paused by the rate limit — resuming in ${intl.number(Math.ceil(seconds))} s`,
  tallyLabel: ({ total }, intl) => `Where the ${intl.number(total)} addresses stand`,
  countSkipped: () => 'Already there',
  pause: () => 'Pause',
  resume: () => 'Resume',
  stopTitle: ({ sent, total }, intl) => `Stop sending? ${intl.number(sent)} of ${intl.number(total)} sent`,
  stopDescription: ({ left }, intl) =>
    `Invitations already sent stay sent. ${intl.plural(left, { one: 'The one address not sent yet', other: `The ${intl.number(left)} addresses not sent yet` })} will be listed as not sent; you can send them later.`,
  keepSending: () => 'Keep sending',
  stopSending: () => 'Stop sending',

  runSummary: ({ sent, skipped, failed, notSent }, intl) =>
    [
      `${intl.number(sent)} sent`,
      skipped ? `${intl.number(skipped)} already there` : '',
      failed ? `${intl.number(failed)} failed` : '',
      notSent ? `${intl.number(notSent)} not sent` : '',
    ]
      .filter(Boolean)
      .join(', '),
  stoppedHeading: ({ summary }) => `Stopped: ${summary}`,
  stopReason: () => 'Sending stopped:',
  notRetryable: ({ count }, intl) =>
    `${intl.plural(count, { one: 'One failure', other: `${intl.number(count)} failures` })} cannot be fixed by sending again; the table says why.`,
  loadingResults: () => 'Loading the results…',
  retryFailed: () => 'Retry failed',
  copyFailedAddresses: () => 'Copy failed addresses',
  copied: ({ count }, intl) => `${intl.number(count)} ${intl.plural(count, { one: 'address', other: 'addresses' })} copied.`,
  copyFailed: () => 'The addresses could not be copied.',
  sendRest: ({ count }, intl) => `Send the other ${intl.number(count)}`,
  inviteMore: () => 'Invite more',
};

export const dialogDe: DialogMessages = {
  dialogTitle: () => 'Personen einladen',
  close: () => 'Schließen',
  cancel: () => 'Abbrechen',
  back: () => 'Zurück',
  done: () => 'Fertig',
  or: () => 'oder',
  total: () => 'Gesamt',
  required: () => '(Pflichtfeld)',

  stepsLabel: () => 'Schritte',
  stepAdd: () => 'Hinzufügen',
  stepReview: () => 'Prüfen',
  stepSend: () => 'Senden',
  composeDescription: () => 'Fügen Sie eine Adressliste ein oder laden Sie eine Datei hoch.',
  mappingDescription: () => 'Wählen Sie die Spalte mit den Adressen.',
  reviewDescription: () => 'Prüfen Sie jede Zeile, korrigieren oder entfernen Sie Fehler und wählen Sie Rollen.',
  sendingDescription: () => 'Die Einladungen werden gesendet. Sie können jederzeit pausieren oder abbrechen.',
  resultsDescription: () => 'Was mit jeder Adresse geschehen ist.',

  recipientsLabel: () => 'E-Mail-Adressen',
  recipientsHint: () => 'Fügen Sie Adressen, eine An:-Zeile oder aus einer Tabelle kopierte Zeilen ein.',
  composePlaceholder: () => 'anna@example.com, Bernd Lee <bernd@example.com>; …',
  uploadLabel: () => 'Datei hochladen',
  uploadHint: () => 'CSV, TSV oder TXT · bis 200 MB',
  dropHint: () => 'oder eine Datei irgendwo hier ablegen',
  review: () => 'Prüfen',
  nothingToReview: () => 'Fügen Sie mindestens eine Adresse ein oder laden Sie eine Datei hoch.',
  readingLabel: () => 'Liste wird gelesen',
  readingRows: ({ rows }, intl) => `${intl.number(rows)} ${intl.plural(rows, { one: 'Zeile', other: 'Zeilen' })} gelesen`,
  readingFile: ({ name, rows }, intl) => `${name} wird gelesen: bisher ${intl.number(rows)} ${intl.plural(rows, { one: 'Zeile', other: 'Zeilen' })}`,
  cancelReading: () => 'Lesen abbrechen',
  readingCancelled: () => 'Lesen abgebrochen; die Liste ist unverändert.',
  rowsRead: ({ rows, name }, intl) => `${name ? `${name}: ` : ''}${intl.number(rows)} ${intl.plural(rows, { one: 'Zeile', other: 'Zeilen' })} gelesen`,
  fileRefused: ({ name, reason }) => `${name} wurde nicht gelesen. ${reason}`,
  rowsInList: ({ rows }, intl) =>
    `${intl.plural(rows, { one: 'Eine Zeile ist', other: `${intl.number(rows)} Zeilen sind` })} bereits in der Liste; weitere werden hinzugefügt.`,

  mappingQuestion: () => 'Welche Spalte enthält die einzuladenden Adressen?',
  mappingHint: () => 'Die Datei hat mehr als eine Spalte mit Adressen, oder ihre Überschrift sagt nicht, welche die eigenen Adressen der Personen sind.',
  columnNumber: ({ column }, intl) => `Spalte ${intl.number(column)}`,
  mappingChosen: () => '(als Adressen gelesen)',
  mappingOther: () => '(enthält ebenfalls Adressen)',
  mappingSecondary: () => '(laut Überschrift die Adresse einer anderen Person oder eine Zweitadresse)',
  useColumn: () => 'Diese Spalte verwenden',

  countsLabel: () => 'Zeilen anzeigen',
  countRows: ({ count }, intl) => `${intl.number(count)} ${intl.plural(count, { one: 'Zeile', other: 'Zeilen' })}`,
  countValid: ({ count }, intl) => `${intl.number(count)} gültig`,
  countInvalid: ({ count }, intl) => `${intl.number(count)} ungültig`,
  countDuplicate: ({ count }, intl) => `${intl.number(count)} doppelt`,
  countMembers: ({ count }, intl) => `davon ${intl.number(count)} ${intl.plural(count, { one: 'Mitglied', other: 'Mitglieder' })}`,
  countPending: ({ count }, intl) => `davon ${intl.number(count)} ausstehend`,
  roleForAll: () => 'Rolle für alle',
  noRole: () => 'Keine Rolle',
  roleDefault: ({ role }) => `${role} (Standard)`,
  chooseOne: () => 'Bitte wählen…',
  targetMissing: ({ label }) => `Auswahl fehlt: ${label}`,
  rowsLabel: () => 'Einzuladende Zeilen',
  gridKeys: () =>
    'Pfeiltasten nach oben und unten wechseln die Zeile. Entf entfernt eine Zeile. Eingabe bearbeitet ihre Adresse. Tab erreicht die Felder und Schaltflächen der Zeile.',
  columnLine: () => 'Zeile',
  columnEmail: () => 'Adresse',
  columnName: () => 'Name',
  columnRole: () => 'Rolle',
  columnStatus: () => 'Status',
  columnActions: () => 'Aktionen',
  addressOnRow: ({ line }, intl) => `Adresse, Zeile ${intl.number(line)}`,
  nameOnRow: ({ line }, intl) => `Name, Zeile ${intl.number(line)}`,
  roleOnRow: ({ line }, intl) => `Rolle, Zeile ${intl.number(line)}`,
  rowNumber: ({ line }, intl) => `Zeile ${intl.number(line)}`,
  lineNote: ({ line }, intl) => `Dateizeile ${intl.number(line)}`,
  removeRow: ({ email }) => `${email} entfernen`,
  removedRow: ({ email }) => `${email} entfernt.`,
  undo: () => 'Rückgängig',
  statusMemberOrPending: () => 'Mitglied oder Einladung ausstehend',
  notInvitedAgain: () => 'Bereits vorhanden: wird nicht erneut eingeladen.',
  goToRow: ({ line }, intl) => `Zu Zeile ${intl.number(line)}`,
  didYouMean: ({ email }) => `Meinten Sie ${email}?`,
  fix: () => 'Korrigieren',
  fixLabel: ({ from, to }) => `Korrigieren: ${from} in ${to} ändern`,
  fixed: ({ from, to }) => `${from} in ${to} geändert.`,
  resend: () => 'Erneut senden',
  resent: ({ email }) => `Einladung an ${email} erneut gesendet.`,
  resentShort: () => 'Erneut gesendet',
  resendFailed: ({ email }) => `Die Einladung an ${email} konnte nicht erneut gesendet werden.`,
  resendFailedShort: () => 'Erneutes Senden fehlgeschlagen',
  noRows: () => 'Die Liste ist leer. Gehen Sie zurück, um Personen hinzuzufügen.',
  noMatchingRows: () => 'Keine Zeile hat diesen Status.',
  sendInvitations: ({ count }, intl) => `${intl.number(count)} ${intl.plural(count, { one: 'Einladung', other: 'Einladungen' })} senden`,
  sendValidSkip: ({ valid, skip }, intl) => `${intl.number(valid)} gültige senden, ${intl.number(skip)} überspringen`,
  problemTitle: () => 'Es gibt ein Problem',
  problemHint: () => 'Korrigieren oder entfernen Sie diese Zeilen oder senden Sie nur die gültigen:',
  rowProblem: ({ line, reason }, intl) => `Zeile ${intl.number(line)}: ${reason}`,
  showAllProblems: ({ count }, intl) => `Alle ${intl.number(count)} Zeilen mit Problemen anzeigen`,
  nothingValid: () => 'Niemand kann eingeladen werden: Keine Zeile ist gültig.',
  noAdapter: () => 'Der Dialog hat keinen Adapter zum Senden (BulkInviteProvider adapter).',

  sendingHeading: ({ total }, intl) => `${intl.number(total)} ${intl.plural(total, { one: 'Einladung wird', other: 'Einladungen werden' })} gesendet`,
  pausedHeading: () => 'Pausiert',
  progressLabel: () => 'Fortschritt beim Senden',
  progressStatus: ({ sent, total, failed }, intl) => `${intl.number(sent)} von ${intl.number(total)} gesendet${failed ? `, ${intl.number(failed)} fehlgeschlagen` : ''}`,
  progressLine: ({ sent, total, failed }, intl) => `${intl.number(sent)} von ${intl.number(total)} gesendet${failed ? ` · ${intl.number(failed)} fehlgeschlagen` : ''}`,
  progressPaused: ({ sent, total }, intl) => `Pausiert: ${intl.number(sent)} von ${intl.number(total)} gesendet`,
  rateLimited: ({ seconds }, intl) => `Wegen des Ratenlimits pausiert – weiter in ${intl.number(Math.ceil(seconds))} s`,
  tallyLabel: ({ total }, intl) => `Stand der ${intl.number(total)} Adressen`,
  countSkipped: () => 'Bereits vorhanden',
  pause: () => 'Pausieren',
  resume: () => 'Fortsetzen',
  stopTitle: ({ sent, total }, intl) => `Senden abbrechen? ${intl.number(sent)} von ${intl.number(total)} gesendet`,
  stopDescription: ({ left }, intl) =>
    `Bereits gesendete Einladungen bleiben gesendet. ${intl.plural(left, { one: 'Die noch nicht gesendete Adresse wird', other: `Die ${intl.number(left)} noch nicht gesendeten Adressen werden` })} als nicht gesendet aufgeführt; Sie können sie später senden.`,
  keepSending: () => 'Weiter senden',
  stopSending: () => 'Senden abbrechen',

  runSummary: ({ sent, skipped, failed, notSent }, intl) =>
    [
      `${intl.number(sent)} gesendet`,
      skipped ? `${intl.number(skipped)} bereits vorhanden` : '',
      failed ? `${intl.number(failed)} fehlgeschlagen` : '',
      notSent ? `${intl.number(notSent)} nicht gesendet` : '',
    ]
      .filter(Boolean)
      .join(', '),
  stoppedHeading: ({ summary }) => `Abgebrochen: ${summary}`,
  stopReason: () => 'Senden abgebrochen:',
  notRetryable: ({ count }, intl) =>
    `${intl.plural(count, { one: 'Ein Fehler lässt', other: `${intl.number(count)} Fehler lassen` })} sich durch erneutes Senden nicht beheben; die Tabelle nennt den Grund.`,
  loadingResults: () => 'Ergebnisse werden geladen…',
  retryFailed: () => 'Fehlgeschlagene erneut senden',
  copyFailedAddresses: () => 'Fehlgeschlagene Adressen kopieren',
  copied: ({ count }, intl) => `${intl.number(count)} ${intl.plural(count, { one: 'Adresse', other: 'Adressen' })} kopiert.`,
  copyFailed: () => 'Die Adressen konnten nicht kopiert werden.',
  sendRest: ({ count }, intl) => `Die übrigen ${intl.number(count)} senden`,
  inviteMore: () => 'Weitere einladen',
};
