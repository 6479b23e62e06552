/**
 * The core's messages in German, one entry per key of the English table: the intake's (a row's problem
 * or warning, an input that cannot be read) and sending's (what became of an address, why one was left
 * unsent, why a run stopped, refused or waits). Plurals come from `Intl.PluralRules('de')`, numbers from `Intl.NumberFormat('de')`
 * and lists from `Intl.ListFormat('de')` ("a, b und c", "a, b oder c"). Quotation marks are the German
 * „…“; the person is addressed as "Sie", as German admin tools do.
 */
import type {
  BinaryKind,
  IntakeErrorParams,
  InvalidEmailParams,
  InviteErrorCode,
  MessageOverrides,
  MessageParams,
  MissingEmailParams,
  SpreadsheetKind,
} from '../../core/index.ts';

const numbers = new Intl.NumberFormat('de');
const megabytes = new Intl.NumberFormat('de', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const plurals = new Intl.PluralRules('de');
const and = new Intl.ListFormat('de', { type: 'conjunction' });
const or = new Intl.ListFormat('de', { type: 'disjunction' });

const n = (value: number) => numbers.format(value);

/** German has two forms, `one` and `other`. */
const plural = (count: number, one: string, other: string) => (plurals.select(count) === 'one' ? one : other);

/** `„x“`. */
const q = (text: string) => `„${text}“`;

function invalidEmail(params: InvalidEmailParams): string {
  const { value } = params;
  switch (params.reason) {
    case 'SPACE':
      return `${q(value)} hat ein Leerzeichen vor ${q(params.word)}; eine Adresse darf keine Leerzeichen enthalten.`;
    case 'SPACE_BEFORE_AT':
      return `${q(value)} hat ein Leerzeichen vor dem @; eine Adresse darf keine Leerzeichen enthalten.`;
    default:
      return `${q(value)} ist keine gültige E-Mail-Adresse: ${whyInvalid(params)}.`;
  }
}

function whyInvalid(params: Exclude<InvalidEmailParams, { reason: 'SPACE' | 'SPACE_BEFORE_AT' }>): string {
  switch (params.reason) {
    case 'NO_AT':
      return 'das @ fehlt';
    case 'SEVERAL_AT':
      return 'sie enthält mehr als ein @';
    case 'NOTHING_BEFORE_AT':
      return 'vor dem @ steht nichts';
    case 'NOTHING_AFTER_AT':
      return 'nach dem @ steht nichts';
    case 'NON_ASCII':
      return `sie enthält ${q(params.character)}, das in Adressen nicht vorkommen darf`;
    case 'INVISIBLE_CHARACTER':
      return `sie enthält ein unsichtbares Zeichen (${codePoint(params.codePoint)}), das in Adressen nicht vorkommen darf`;
    case 'CHARACTER_BEFORE_AT':
      return `${q(params.character)} ist vor dem @ nicht erlaubt`;
    case 'DOMAIN_WITHOUT_DOT':
      return `die Domain ${q(params.domain)} hat keinen Punkt (wie example.com)`;
    case 'DOMAIN_EMPTY_PART':
      return `die Domain ${q(params.domain)} hat einen leeren Teil zwischen zwei Punkten`;
    case 'DOMAIN_PART_TOO_LONG':
      return `der Domain-Teil ${q(`${params.label.slice(0, 20)}…`)} ist länger als ${n(params.limit)} Zeichen`;
    case 'DOMAIN_CHARACTER':
      return `die Domain ${q(params.domain)} darf nur Buchstaben, Ziffern, Bindestriche und Punkte enthalten`;
    case 'DOMAIN_PART_HYPHEN':
      return `der Domain-Teil ${q(params.label)} beginnt oder endet mit einem Bindestrich`;
    case 'NOT_AN_ADDRESS':
      return 'sie hat nicht die Form name@example.com';
  }
}

/** `U+200B`. */
function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function missingEmail(params: MissingEmailParams): string {
  const row = params.name ? `Die Zeile für ${params.name}` : 'Die Zeile';
  if (params.reason === 'NO_ADDRESS') return `${row} hat keine E-Mail-Adresse.`;
  const column = params.header ? `Die Spalte ${q(params.header)}` : `Spalte ${n(params.column)}`;
  const why =
    params.reason === 'SECONDARY_COLUMN'
      ? 'Laut ihrer Überschrift enthält die Spalte nicht die eigene Adresse der Person (sondern einen Anmeldenamen, die Adresse einer anderen Person oder eine Zweitadresse); wählen Sie sie als Adressspalte, um aus ihr einzuladen.'
      : 'Eine andere Spalte wurde als die Adressen der Eingeladenen gewählt.';
  return `${row} hat keine E-Mail-Adresse. ${column} enthält ${params.value}, doch diese Adresse wird nicht eingeladen: ${why}`;
}

const BINARY: Record<BinaryKind, string> = {
  ZIP: 'ein ZIP-Archiv',
  PDF: 'ein PDF-Dokument',
  PNG: 'ein PNG-Bild',
  JPEG: 'ein JPEG-Bild',
  GIF: 'ein GIF-Bild',
  GZIP: 'ein gzip-Archiv',
  ELF: 'ein Programm (ELF)',
  WINDOWS_PROGRAM: 'ein Windows-Programm',
  BINARY_DATA: 'Binärdaten',
};

const UPLOAD_TEXT = 'Laden Sie eine CSV- oder TSV-Datei hoch oder fügen Sie die Liste ein.';

function binaryFile(params: IntakeErrorParams['BINARY_FILE']): string {
  if (params.kind === 'NUL') return `Diese Datei enthält Binärdaten, keinen Text (ein NUL-Byte in Zeile ${n(params.line)}). ${UPLOAD_TEXT}`;
  if (params.kind === 'BINARY_DATA') return `Diese Datei enthält Binärdaten, keinen Text. ${UPLOAD_TEXT}`;
  return `Das ist ${BINARY[params.kind]}, keine Textdatei. ${UPLOAD_TEXT}`;
}

const SPREADSHEET: Record<SpreadsheetKind, string> = {
  XLSX: 'Das ist eine Excel-Arbeitsmappe (.xlsx), keine Textdatei.',
  ODS: 'Das ist eine OpenDocument-Tabelle (.ods), keine Textdatei.',
  XLS: 'Das ist eine Excel-97-2003-Arbeitsmappe (.xls), keine Textdatei.',
  EXCEL_XML: 'Das ist eine Excel-XML-Tabelle, keine CSV-Datei.',
};

/** `3,2 MB` from a megabyte up (one decimal), else `512 Bytes`, `1 Byte`, `12 Zeichen`. */
function size(amount: number, unit: 'bytes' | 'characters'): string {
  if (unit === 'characters') return `${n(amount)} Zeichen`;
  if (amount >= 1024 * 1024) return `${megabytes.format(amount / (1024 * 1024))} MB`;
  return `${n(amount)} ${plural(amount, 'Byte', 'Bytes')}`;
}

function invalidOptions(params: IntakeErrorParams['INVALID_OPTIONS']): string {
  switch (params.reason) {
    case 'SCHEMA':
      return `Ungültige Optionen für das Einlesen: ${params.detail}`;
    case 'DEFAULT_ROLE':
      return `Ungültige Optionen für das Einlesen: Die Standardrolle ${q(params.role)} ist nicht unter den Rollen ${and.format(params.roles)}.`;
    case 'NO_SUCH_HEADER':
      return `Keine Spalte hat die Überschrift ${q(params.header)} (angegeben für ${params.field}).`;
    case 'NO_SUCH_COLUMN':
      return `Spalte ${n(params.index)} gibt es nicht (angegeben für ${params.field}); die Eingabe hat ${plural(params.width, 'eine Spalte', `${n(params.width)} Spalten`)}.`;
  }
}

// ── Sending ─────────────────────────────────────────────────────────────────────────────────────

/** What a request that failed as a whole knows (status, the vendor's words, retries…). */
type RequestFailure = MessageParams['outcome.SERVER_ERROR'];
type HeaderProblem = NonNullable<RequestFailure['unsendable']>['problem'];

/** What makes a value unfit for an HTTP header, as the object of "enthält". */
const HEADER_PROBLEM: Readonly<Record<HeaderProblem, string>> = {
  LINE_BREAK: 'einen Zeilenumbruch',
  CONTROL_CHARACTER: 'ein Steuerzeichen',
  NON_ASCII: 'ein Zeichen außerhalb des druckbaren ASCII (etwa ein geschütztes Leerzeichen, ein typografisches Anführungszeichen oder einen Buchstaben mit Akzent)',
};

/** The system codes of a connection that was never made (Node's "Common system errors"); another code is shown bare. */
const SYSTEM_CODE: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'Verbindung abgelehnt',
  ENOTFOUND: 'Host nicht gefunden',
  EAI_AGAIN: 'der Hostname ließ sich gerade nicht auflösen',
  EHOSTUNREACH: 'Host nicht erreichbar',
  ENETUNREACH: 'Netzwerk nicht erreichbar',
  UND_ERR_CONNECT_TIMEOUT: 'der Verbindungsversuch dauerte zu lange',
};

const unit = (name: 'second' | 'minute' | 'hour') => new Intl.NumberFormat('de', { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: 0 });
const units = { second: unit('second'), minute: unit('minute'), hour: unit('hour') };

/** `30 Sek.`, `5 Min.`, `2 Std.`: a wait or a deadline, rounded up to the second first (as the English table does). */
function duration(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 120) return units.second.format(seconds);
  if (seconds < 7200) return units.minute.format(Math.round(seconds / 60));
  return units.hour.format(Math.round(seconds / 3600));
}

const MAYBE_DELIVERED =
  'Die Einladung wurde womöglich trotzdem zugestellt: Die Anfrage bekam keine eindeutige Antwort. Ein erneuter Versuch ist sicher, wo der Anbieter Wiederholungen als „bereits eingeladen“ meldet.';

/** `: „the vendor's words“` when it gave any, quoted as given. */
const said = (vendorMessage: string | undefined) => (vendorMessage ? `: ${q(vendorMessage)}` : '');
/** A sentence's full stop, unless it ends on a quote that already ends with one (`„Refused.“`, not `„Refused.“.`). */
const stop = (vendorMessage: string | undefined) => (vendorMessage && /[.!?…]$/.test(vendorMessage) ? '' : '.');
const http = (p: RequestFailure) => (p.status === undefined ? '' : ` (HTTP ${p.status})`);
const because = (p: RequestFailure) => (p.detail ? ` (${p.detail})` : '');

/** What follows any failure's sentence: the retries given up on, the possible delivery. */
function after(p: { attempts?: number; maybeDelivered?: boolean }): string {
  return (p.attempts !== undefined && p.attempts > 1 ? ` Nach ${n(p.attempts)} Versuchen aufgegeben.` : '') + (p.maybeDelivered ? ` ${MAYBE_DELIVERED}` : '');
}

function unsendableKey(problem: HeaderProblem): string {
  return (
    `Der API-Schlüssel kann nicht gesendet werden: Er enthält ${HEADER_PROBLEM[problem]}, was ein HTTP-Header nicht tragen kann ` +
    '(ein Schlüssel aus einer Datei mit einer Zeile zu viel, oder mit zusätzlichen Zeichen eingefügt?). Es wurde nichts gesendet.'
  );
}

/** ` zu https://x (ECONNREFUSED: Verbindung abgelehnt)`. */
function connectTarget(p: RequestFailure): string {
  const to = p.origin ? ` zu ${p.origin}` : '';
  if (!p.systemCode) return to + because(p);
  const text = SYSTEM_CODE[p.systemCode];
  return `${to} (${p.systemCode}${text ? `: ${text}` : ''})`;
}

/** A request that failed as a whole, by code: the same sentence for an address's result and a run's stop. */
const REQUEST_FAILED: { [C in InviteErrorCode]: (p: RequestFailure) => string } = {
  AUTH_FAILED: (p) => (p.unsendable ? unsendableKey(p.unsendable.problem) : `Der Anbieter hat die Zugangsdaten abgelehnt${http(p)}${said(p.vendorMessage)}${stop(p.vendorMessage)}${after(p)}`),
  FORBIDDEN: (p) => `Den Zugangsdaten fehlt dafür die Berechtigung oder der Tarif${http(p)}${said(p.vendorMessage)}${stop(p.vendorMessage)}${after(p)}`,
  NOT_FOUND: (p) => `Der Anbieter hat das Projekt, die Site oder die Website nicht gefunden${http(p)}${said(p.vendorMessage)}${stop(p.vendorMessage)}${after(p)}`,
  BAD_REQUEST: (p) =>
    p.unsendable
      ? `Der Header ${p.unsendable.header ? q(p.unsendable.header) : 'des API-Schlüssels'} kann nicht gesendet werden: Sein Wert enthält ${HEADER_PROBLEM[p.unsendable.problem]}. Es wurde nichts gesendet.`
      : `Der Anbieter hat die Anfrage als ungültig abgelehnt${http(p)}${said(p.vendorMessage)}${because(p)}.${after(p)}`,
  RATE_LIMITED: (p) =>
    `Das Ratenlimit des Anbieters hat die Anfrage abgelehnt${http(p)}${p.retryAfterMs === undefined ? '' : `; er bat, ${duration(p.retryAfterMs)} zu warten`}.${after(p)}`,
  SERVER_ERROR: (p) => `Auf dem Server des Anbieters ist ein Fehler aufgetreten${http(p)}${said(p.vendorMessage)}${stop(p.vendorMessage)}${after(p)}`,
  NETWORK_ERROR: (p) => `Die Anfrage ist ohne Antwort fehlgeschlagen${because(p)}.${after(p)}`,
  CONNECT_FAILED: (p) => `Keine Verbindung${connectTarget(p)}; die Anfrage wurde nicht gesendet.${after(p)}`,
  TIMEOUT: (p) =>
    `${p.timeoutMs === undefined ? 'Die Zeit für die Anfrage lief ab, bevor der Server antwortete' : `Die Anfrage bekam innerhalb von ${duration(p.timeoutMs)} keine Antwort`}.${after(p)}`,
  ABORTED: (p) => `Die Anfrage wurde abgebrochen.${after(p)}`,
  INVALID_RESPONSE: (p) => `Die Antwort des Anbieters${http(p)} hat nicht die Form, die seine Dokumentation angibt${because(p)}.${after(p)}`,
};

function unreachable(p: MessageParams['runStop.CONNECT_FAILED']): string {
  if (p.requests === undefined) return REQUEST_FAILED.CONNECT_FAILED(p);
  const which = plural(p.requests, 'Die erste Anfrage konnte', `Die ersten ${n(p.requests)} Anfragen konnten`);
  return `${which} keine Verbindung herstellen${connectTarget(p)}; es wurde nichts gesendet.`;
}

function adapterError(p: MessageParams['outcome.ADAPTER_ERROR']): string {
  const what =
    p.reason === 'THREW'
      ? `Der Adapter ist unerwartet gescheitert: ${p.detail}`
      : `Der Adapter lieferte ${p.got === undefined ? 'keine Ergebnisliste' : plural(p.got, 'ein Ergebnis', `${n(p.got)} Ergebnisse`)} für ${plural(p.expected, 'eine eingeladene Person', `${n(p.expected)} eingeladene Personen`)}.`;
  return what + after(p);
}

/** Why the addresses left unsent are: the cancel, or what stopped the run. */
const LEFT_UNSENT: { [C in InviteErrorCode]: string } = {
  ABORTED: 'Der Versand wurde abgebrochen',
  AUTH_FAILED: 'Der Versand wurde angehalten, weil der Anbieter die Zugangsdaten abgelehnt hat',
  FORBIDDEN: 'Der Versand wurde angehalten, weil den Zugangsdaten die Berechtigung oder der Tarif fehlt',
  NOT_FOUND: 'Der Versand wurde angehalten, weil der Anbieter das Projekt, die Site oder die Website nicht gefunden hat',
  BAD_REQUEST: 'Der Versand wurde angehalten, weil der Anbieter eine Anfrage als ungültig abgelehnt hat',
  RATE_LIMITED: 'Der Versand wurde angehalten, weil das Ratenlimit des Anbieters eine Anfrage abgelehnt hat',
  SERVER_ERROR: 'Der Versand wurde angehalten, weil auf dem Server des Anbieters ein Fehler aufgetreten ist',
  NETWORK_ERROR: 'Der Versand wurde angehalten, weil eine Anfrage ohne Antwort fehlgeschlagen ist',
  CONNECT_FAILED: 'Der Versand wurde angehalten, weil der Anbieter nicht erreichbar war',
  TIMEOUT: 'Der Versand wurde angehalten, weil eine Anfrage nicht rechtzeitig beantwortet wurde',
  INVALID_RESPONSE: 'Der Versand wurde angehalten, weil die Antwort des Anbieters nicht die dokumentierte Form hatte',
};

const pending =
  (cause: string) =>
  ({ maybeDelivered }: { maybeDelivered?: boolean }): string =>
    maybeDelivered
      ? `Nicht bestätigt: ${cause}, während die Anfrage für diese Adresse unterwegs war; die Einladung wurde also womöglich zugestellt. Prüfen Sie das beim Anbieter, bevor Sie sie erneut senden.`
      : `Nicht gesendet: ${cause}.`;

/** `{ CODE: f }` → `{ 'area.CODE': f }`. */
function inArea<T>(area: string, entries: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).map(([code, entry]) => [`${area}.${code}`, entry]));
}

export const coreDe: MessageOverrides = {
  'row.MISSING_EMAIL': missingEmail,
  'row.INVALID_EMAIL': invalidEmail,
  'row.EMAIL_TOO_LONG': ({ reason, length, limit }) =>
    `${reason === 'ADDRESS' ? 'Die Adresse' : 'Der Teil vor dem @'} ist ${n(length)} Zeichen lang; erlaubt sind höchstens ${n(limit)}.`,
  'row.MULTIPLE_EMAILS': ({ count, emails }) =>
    `Die Zelle enthält ${plural(count, 'eine Adresse', `${n(count)} Adressen`)} (${and.format(emails)}); bitte nur eine Adresse pro Zeile.`,
  'row.DOMAIN_NOT_ALLOWED': ({ domain, allowed }) => `Eingeladen werden dürfen nur Adressen bei ${or.format(allowed)}, nicht bei ${domain}.`,
  'row.DOMAIN_BLOCKED': ({ domain }) => `Adressen bei ${domain} dürfen nicht eingeladen werden.`,
  'row.ROLE_NOT_ALLOWED': ({ role, roles }) => `${q(role)} ist hier keine Rolle; wählen Sie ${or.format(roles)}.`,
  'row.TOO_MANY_ROWS': ({ limit }) =>
    `${plural(limit, 'Es kann höchstens eine Person', `Es können höchstens ${n(limit)} Personen`)} auf einmal eingeladen werden; diese Zeile liegt über der Grenze.`,
  'row.DUPLICATE': ({ email, line }) => `${email} steht bereits in Zeile ${n(line)}.`,
  'row.ALREADY_MEMBER': ({ email }) => `${email} ist bereits Mitglied.`,
  'row.ALREADY_INVITED': ({ email }) => `${email} hat bereits eine offene Einladung.`,
  'row.ALREADY_EXISTS': ({ email }) => `${email} ist bereits Mitglied oder hat eine offene Einladung.`,

  'warning.NAME_FROM_WORDS': ({ words, email }) =>
    `${q(words)} wurde als Name für ${email} gelesen; falls es zur Adresse gehört (ein versehentlich getipptes Leerzeichen), korrigieren Sie die Zeile.`,
  'warning.WORD_NEXT_TO_ADDRESS': ({ word, email }) =>
    `${q(word)} steht nur durch ein Leerzeichen getrennt neben ${email}; falls das Leerzeichen versehentlich getippt wurde, korrigieren Sie die Zeile.`,
  'warning.INVALID_BYTES': ({ line }) =>
    `Zeile ${n(line)} enthielt Bytes, die in der Kodierung der Datei kein gültiger Text sind; sie erscheinen als „\ufffd“. Vergleichen Sie Name und Adresse mit dem Original.`,
  'warning.CR_INSIDE_ROW': ({ line }) =>
    `Zeile ${n(line)} enthält einen Wagenrücklauf (CR), den diese Datei nicht als Zeilenumbruch verwendet; falls dort eine neue Zeile beginnen sollte, wurde sie als Teil dieser Zeile gelesen.`,
  'warning.OTHER_ADDRESSES': ({ invited, others }) => `Die Zelle enthält außerdem ${and.format(others)}; eingeladen wird nur die erste Adresse, ${invited}.`,

  'intakeError.EMPTY_INPUT': () => 'Die Eingabe ist leer: Es gibt keine Zeilen zu lesen.',
  'intakeError.BINARY_FILE': binaryFile,
  'intakeError.SPREADSHEET_FILE': ({ kind }) =>
    `${SPREADSHEET[kind]} Speichern Sie sie als CSV (in Excel: Datei › Speichern unter › „CSV UTF-8 (durch Trennzeichen getrennt)“) und versuchen Sie es erneut.`,
  'intakeError.TOO_LARGE': ({ size: amount, limit, unit }) =>
    `Die Eingabe umfasst ${size(amount, unit)}; erlaubt sind höchstens ${size(limit, unit)}. Teilen Sie die Liste auf oder erhöhen Sie die Grenze (maxBytes).`,
  'intakeError.INVALID_OPTIONS': invalidOptions,

  'outcome.ALREADY_MEMBER': ({ afterLostRequest }) =>
    afterLostRequest ? 'Bereits Mitglied. Eine frühere Anfrage blieb ohne Antwort; womöglich hat sie diese Adresse zum Mitglied gemacht.' : 'Bereits Mitglied.',
  'outcome.ALREADY_INVITED': ({ memberOrInvited }) =>
    memberOrInvited
      ? 'Bereits Mitglied oder bereits eingeladen: Der Anbieter lässt beides in seiner Antwort weg, ohne zu sagen, was zutrifft.'
      : 'Bereits eingeladen: Eine Einladung ist offen.',
  'outcome.INVALID_EMAIL': ({ vendorMessage }) => `Der Anbieter hat diese Adresse als ungültig abgelehnt${said(vendorMessage)}${stop(vendorMessage)}`,
  'outcome.ROLE_NOT_ALLOWED': ({ role, roles, vendorMessage }) => `Der Anbieter akzeptiert die Rolle ${q(role)} nicht${said(vendorMessage)}; wählen Sie ${or.format(roles)}.`,
  'outcome.TARGET_NOT_FOUND': ({ vendorMessage }) =>
    `Der Anbieter hat das Projekt, die Site oder die Website, zu der diese Adresse eingeladen werden sollte, nicht gefunden${said(vendorMessage)}${stop(vendorMessage)}`,
  'outcome.LIMIT_REACHED': ({ vendorMessage }) => `Die Höchstzahl an Mitgliedern, Plätzen oder Einladungen beim Anbieter ist erreicht${said(vendorMessage)}${stop(vendorMessage)}`,
  'outcome.VENDOR_REJECTED': (p) =>
    p.reason === 'SAID'
      ? `Der Anbieter hat diese Adresse abgelehnt: ${q(p.vendorMessage)}${stop(p.vendorMessage)}`
      : p.reason === 'NO_REASON'
        ? 'Der Anbieter hat diese Adresse ohne Begründung abgelehnt (sie ist vielleicht fehlerhaft, schon Mitglied oder eingeladen, oder ein Limit ist erreicht).'
        : 'Die Antwort des Anbieters erwähnt diese Adresse nicht; es ist nicht bekannt, ob sie eingeladen wurde.',
  ...(inArea('outcome', REQUEST_FAILED) as { [C in InviteErrorCode as `outcome.${C}`]: (p: RequestFailure) => string }),
  'outcome.CONFIRMED_ON_RETRY': () =>
    'Eingeladen: Der Anbieter meldet diese Adresse jetzt als bereits eingeladen, höchstwahrscheinlich durch eine frühere Anfrage dieses Versands, deren Antwort verloren ging.',
  'outcome.UNCERTAIN': () =>
    'Womöglich zugestellt: Eine frühere Anfrage blieb ohne Antwort, und der Anbieter lehnt diese Adresse jetzt ohne Begründung ab ' +
    '(vielleicht, weil sie schon eingeladen ist). Prüfen Sie die offenen Einladungen beim Anbieter, bevor Sie sie erneut einladen.',
  'outcome.ADAPTER_ERROR': adapterError,

  ...(inArea('pending', Object.fromEntries(Object.entries(LEFT_UNSENT).map(([code, cause]) => [code, pending(cause)]))) as {
    [C in InviteErrorCode as `pending.${C}`]: (p: { maybeDelivered?: boolean }) => string;
  }),

  ...(inArea('runStop', REQUEST_FAILED) as { [C in InviteErrorCode as `runStop.${C}`]: (p: RequestFailure) => string }),
  'runStop.CONNECT_FAILED': unreachable,

  'runError.RUN_ACTIVE': () => 'Dieser Versand läuft bereits; warten Sie, bis er fertig ist (oder brechen Sie ihn ab), bevor Sie erneut senden.',
  'runWait.RATE_LIMITED': ({ seconds }) => `Wegen des Ratenlimits pausiert – geht in ${units.second.format(seconds)} weiter`,
  'export.NOT_IN_RUN': () => 'Diese Zeile war gültig, gehörte aber nicht zum Versand.',
};
