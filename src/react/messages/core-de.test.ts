/**
 * The German core table: an entry for every key of the English one, each worded from its params (plurals,
 * lists, numbers as German writes them), and rows from a real check read in German.
 */
import { describe, expect, it } from 'vitest';
import {
  checkText,
  englishMessages,
  formatIntakeError,
  formatMessage,
  formatRowIssue,
  formatRowWarning,
  IntakeError,
  type InviteErrorCode,
  type MessageKey,
  type MessageParams,
} from '../../core/index.ts';
import { coreDe } from './core-de.ts';
import { german } from './locales.ts';

/** Parameters for each key (one per reason where a key has several). A key the English table gains without one here fails below. */
const SAMPLES: { [K in MessageKey]?: Array<MessageParams[K]> } = {
  'row.MISSING_EMAIL': [
    { reason: 'NO_ADDRESS' },
    { reason: 'NO_ADDRESS', name: 'Ann Lee' },
    { reason: 'SECONDARY_COLUMN', name: 'Ann', column: 3, header: 'Manager Email', value: 'boss@x.io' },
    { reason: 'OTHER_COLUMN_CHOSEN', column: 2, value: 'buyer@x.io' },
  ],
  'row.INVALID_EMAIL': [
    { value: 'annx.io', reason: 'NO_AT' },
    { value: 'a@@x.io', reason: 'SEVERAL_AT' },
    { value: '@x.io', reason: 'NOTHING_BEFORE_AT' },
    { value: 'ann@', reason: 'NOTHING_AFTER_AT' },
    { value: 'ann lee@x.io', reason: 'SPACE', word: 'lee' },
    { value: 'ann @x.io', reason: 'SPACE_BEFORE_AT' },
    { value: 'jörg@x.de', reason: 'NON_ASCII', character: 'ö', codePoint: 0xf6 },
    { value: 'ann\u200b@x.io', reason: 'INVISIBLE_CHARACTER', character: '\u200b', codePoint: 0x200b },
    { value: 'a,b@x.io', reason: 'CHARACTER_BEFORE_AT', character: ',' },
    { value: 'ann@x', reason: 'DOMAIN_WITHOUT_DOT', domain: 'x' },
    { value: 'ann@x..io', reason: 'DOMAIN_EMPTY_PART', domain: 'x..io' },
    { value: 'ann@x_y.io', reason: 'DOMAIN_CHARACTER', domain: 'x_y.io' },
    { value: `ann@${'b'.repeat(64)}.io`, reason: 'DOMAIN_PART_TOO_LONG', label: 'b'.repeat(64), limit: 63 },
    { value: 'ann@x-.io', reason: 'DOMAIN_PART_HYPHEN', label: 'x-' },
    { value: 'ann@x.io@', reason: 'NOT_AN_ADDRESS' },
  ],
  'row.EMAIL_TOO_LONG': [
    { reason: 'ADDRESS', length: 300, limit: 254 },
    { reason: 'LOCAL_PART', length: 65, limit: 64 },
  ],
  'row.MULTIPLE_EMAILS': [
    { count: 2, emails: ['a@x.io', 'b@x.io'] },
    { count: 1, emails: ['a@x.io'] },
  ],
  'row.DOMAIN_NOT_ALLOWED': [{ domain: 'y.io', allowed: ['x.io', 'x.com'] }],
  'row.DOMAIN_BLOCKED': [{ domain: 'gmail.com' }],
  'row.ROLE_NOT_ALLOWED': [{ role: 'owner', roles: ['admin', 'member', 'reader'] }],
  'row.TOO_MANY_ROWS': [{ limit: 1000 }, { limit: 1 }],
  'row.DUPLICATE': [{ email: 'ann@x.io', line: 12 }],
  'row.ALREADY_MEMBER': [{ email: 'ann@x.io' }],
  'row.ALREADY_INVITED': [{ email: 'ann@x.io' }],
  'row.ALREADY_EXISTS': [{ email: 'ann@x.io' }],
  'warning.NAME_FROM_WORDS': [{ words: 'user', email: 'name@x.io' }],
  'warning.WORD_NEXT_TO_ADDRESS': [{ word: 'lee', email: 'ann@x.io' }],
  'warning.INVALID_BYTES': [{ line: 4 }],
  'warning.CR_INSIDE_ROW': [{ line: 7 }],
  'warning.OTHER_ADDRESSES': [{ invited: 'a@x.io', others: ['b@x.io', 'c@x.io'] }],
  'intakeError.EMPTY_INPUT': [{}],
  'intakeError.BINARY_FILE': [
    { kind: 'ZIP' },
    { kind: 'PDF' },
    { kind: 'PNG' },
    { kind: 'JPEG' },
    { kind: 'GIF' },
    { kind: 'GZIP' },
    { kind: 'ELF' },
    { kind: 'WINDOWS_PROGRAM' },
    { kind: 'BINARY_DATA' },
    { kind: 'NUL', line: 3 },
  ],
  'intakeError.SPREADSHEET_FILE': [{ kind: 'XLSX' }, { kind: 'ODS' }, { kind: 'XLS' }, { kind: 'EXCEL_XML' }],
  'intakeError.TOO_LARGE': [
    { size: 300 * 1024 * 1024, limit: 200 * 1024 * 1024, unit: 'bytes' },
    { size: 2, limit: 1, unit: 'bytes' },
    { size: 12, limit: 10, unit: 'characters' },
  ],
  'intakeError.INVALID_OPTIONS': [
    { reason: 'SCHEMA', options: ['maxRows'], detail: '✖ Too small → at maxRows' },
    { reason: 'DEFAULT_ROLE', role: 'owner', roles: ['admin', 'member'] },
    { reason: 'NO_SUCH_HEADER', field: 'email', header: 'Mail' },
    { reason: 'NO_SUCH_COLUMN', field: 'email', index: 7, width: 3 },
    { reason: 'NO_SUCH_COLUMN', field: 'role', index: 1, width: 1 },
  ],
};

/** Every whole-request failure code (a code added to the union and not here fails to compile). */
const FAILURE_CODES = Object.keys({
  AUTH_FAILED: 1,
  FORBIDDEN: 1,
  NOT_FOUND: 1,
  BAD_REQUEST: 1,
  RATE_LIMITED: 1,
  SERVER_ERROR: 1,
  NETWORK_ERROR: 1,
  CONNECT_FAILED: 1,
  TIMEOUT: 1,
  ABORTED: 1,
  INVALID_RESPONSE: 1,
} satisfies Record<InviteErrorCode, 1>) as InviteErrorCode[];

type RequestFailure = MessageParams['outcome.SERVER_ERROR'];
/** What a failed request can know, one fact or several at a time. */
const FAILURES: RequestFailure[] = [
  {},
  { status: 503, vendorMessage: 'Service temporarily unavailable', attempts: 4, maybeDelivered: true },
  { status: 429, retryAfterMs: 30_000 },
  { status: 400, detail: 'invitations[0].role: expected one of admin, member' },
  { unsendable: { problem: 'LINE_BREAK' } },
  { unsendable: { header: 'wix-site-id', problem: 'NON_ASCII' } },
  { origin: 'https://api.diga.io', systemCode: 'ECONNREFUSED' },
  { origin: 'https://api.diga.io', systemCode: 'EPROTO' },
  { timeoutMs: 30_000 },
];

for (const code of FAILURE_CODES) {
  (SAMPLES as Record<string, unknown[]>)[`outcome.${code}`] = FAILURES;
  (SAMPLES as Record<string, unknown[]>)[`runStop.${code}`] = FAILURES;
  (SAMPLES as Record<string, unknown[]>)[`pending.${code}`] = [{}, { maybeDelivered: true }];
}
Object.assign(SAMPLES, {
  'runStop.CONNECT_FAILED': [...FAILURES, { origin: 'http://127.0.0.1:4010', systemCode: 'ECONNREFUSED', requests: 3 }, { requests: 1 }],
  'outcome.ALREADY_MEMBER': [{}, { afterLostRequest: true }],
  'outcome.ALREADY_INVITED': [{}, { memberOrInvited: true }],
  'outcome.INVALID_EMAIL': [{}, { vendorMessage: 'value is not a valid email address' }],
  'outcome.ROLE_NOT_ALLOWED': [{ role: 'owner', roles: ['admin', 'viewer'] }, { role: 'owner', roles: ['admin', 'viewer'], vendorMessage: 'Invalid role' }],
  'outcome.TARGET_NOT_FOUND': [{}, { vendorMessage: 'Website not found' }],
  'outcome.LIMIT_REACHED': [{}, { vendorMessage: 'Contributor limit reached' }],
  'outcome.VENDOR_REJECTED': [{ reason: 'SAID', vendorMessage: 'User is blocked' }, { reason: 'NO_REASON' }, { reason: 'NOT_IN_ANSWER' }],
  'outcome.CONFIRMED_ON_RETRY': [{}],
  'outcome.UNCERTAIN': [{}],
  'outcome.ADAPTER_ERROR': [
    { reason: 'THREW', detail: 'TypeError: cannot read properties of null' },
    { reason: 'WRONG_COUNT', expected: 5, got: 4 },
    { reason: 'WRONG_COUNT', expected: 1 },
  ],
  'runError.RUN_ACTIVE': [{}],
  'runWait.RATE_LIMITED': [{ seconds: 12 }, { seconds: 1 }],
  'export.NOT_IN_RUN': [{}],
} satisfies { [K in MessageKey]?: Array<MessageParams[K]> });

const englishKeys = Object.keys(englishMessages).sort() as MessageKey[];

describe('coreDe', () => {
  it('has a German entry for every key of the English table, and no other', () => {
    expect(Object.keys(coreDe).sort()).toEqual(englishKeys);
  });

  it('is the core table of the german locale', () => {
    expect(german.core).toBe(coreDe);
  });

  const cases = englishKeys.flatMap((key) => (SAMPLES[key] ?? [undefined]).map((params) => [key, params] as const));
  it.each(cases)('words %s %o in German, not English', (key, params) => {
    expect(params, `a sample for ${key}`).toBeDefined();
    const german = formatMessage(key, params as never, coreDe);
    expect(german).not.toBe(formatMessage(key, params as never));
    expect(german).not.toMatch(/undefined|\[object|NaN|\$\{/);
    // German quotation marks, never the English ones around quoted input.
    expect(german).not.toMatch(/(^|\s)"/);
  });

  it('chooses plurals, lists and numbers as German does', () => {
    const de = <K extends MessageKey>(key: K, params: MessageParams[K]) => formatMessage(key, params, coreDe);
    expect(de('row.MULTIPLE_EMAILS', { count: 3, emails: ['a@x.io', 'b@x.io', 'c@x.io'] })).toBe(
      'Die Zelle enthält 3 Adressen (a@x.io, b@x.io und c@x.io); bitte nur eine Adresse pro Zeile.',
    );
    expect(de('row.MULTIPLE_EMAILS', { count: 1, emails: ['a@x.io'] })).toBe('Die Zelle enthält eine Adresse (a@x.io); bitte nur eine Adresse pro Zeile.');
    expect(de('row.ROLE_NOT_ALLOWED', { role: 'owner', roles: ['admin', 'member', 'reader'] })).toBe('„owner“ ist hier keine Rolle; wählen Sie admin, member oder reader.');
    expect(de('row.TOO_MANY_ROWS', { limit: 1000 })).toBe('Es können höchstens 1.000 Personen auf einmal eingeladen werden; diese Zeile liegt über der Grenze.');
    expect(de('row.TOO_MANY_ROWS', { limit: 1 })).toBe('Es kann höchstens eine Person auf einmal eingeladen werden; diese Zeile liegt über der Grenze.');
    expect(de('intakeError.TOO_LARGE', { size: 300 * 1024 * 1024, limit: 200 * 1024 * 1024, unit: 'bytes' })).toBe(
      'Die Eingabe umfasst 300,0 MB; erlaubt sind höchstens 200,0 MB. Teilen Sie die Liste auf oder erhöhen Sie die Grenze (maxBytes).',
    );
    expect(de('intakeError.TOO_LARGE', { size: 2, limit: 1, unit: 'bytes' })).toBe(
      'Die Eingabe umfasst 2 Bytes; erlaubt sind höchstens 1 Byte. Teilen Sie die Liste auf oder erhöhen Sie die Grenze (maxBytes).',
    );
    expect(de('intakeError.INVALID_OPTIONS', { reason: 'NO_SUCH_COLUMN', field: 'role', index: 1, width: 1 })).toBe(
      'Spalte 1 gibt es nicht (angegeben für role); die Eingabe hat eine Spalte.',
    );
  });

  it('words the rows of a real check in German', () => {
    const pasted = [
      'Ann Lee <ann@example.com>; ben@example.com',
      'ANN@example.com',
      'carla@example',
      'dan lee@example.com',
      'Eve <eve@example.com>, frank@gmail.com',
    ].join('\n');
    const { rows } = checkText(pasted, { roles: ['admin', 'member'], blockDomains: ['gmail.com'], existing: ['ben@example.com'] });
    const byEmail = (raw: string) => rows.find((row) => row.raw.includes(raw))!;
    expect(formatRowIssue(byEmail('ANN@example.com'), coreDe)).toBe('ann@example.com steht bereits in Zeile 1.');
    expect(formatRowIssue(byEmail('carla@example'), coreDe)).toBe('„carla@example“ ist keine gültige E-Mail-Adresse: die Domain „example“ hat keinen Punkt (wie example.com).');
    // Loose words beside an address: read as the name, with a warning to check.
    expect(formatRowIssue(byEmail('dan lee'), coreDe)).toBeUndefined();
    expect(formatRowWarning(byEmail('dan lee').warnings![0]!, coreDe)).toBe(
      '„dan“ wurde als Name für lee@example.com gelesen; falls es zur Adresse gehört (ein versehentlich getipptes Leerzeichen), korrigieren Sie die Zeile.',
    );
    expect(formatRowIssue(byEmail('frank@gmail.com'), coreDe)).toBe('Adressen bei gmail.com dürfen nicht eingeladen werden.');
    expect(formatRowIssue(byEmail('ben@example.com'), coreDe)).toBe('ben@example.com ist bereits Mitglied oder hat eine offene Einladung.');
    // A valid row has no message, in any language.
    expect(formatRowIssue(byEmail('eve@example.com'), coreDe)).toBeUndefined();
  });

  it('words what became of an address, and why a run stopped or waits', () => {
    const de = <K extends MessageKey>(key: K, params: MessageParams[K]) => formatMessage(key, params, coreDe);
    expect(de('outcome.SERVER_ERROR', { status: 503, vendorMessage: 'Service temporarily unavailable', attempts: 4 })).toBe(
      'Auf dem Server des Anbieters ist ein Fehler aufgetreten (HTTP 503): „Service temporarily unavailable“. Nach 4 Versuchen aufgegeben.',
    );
    expect(de('outcome.RATE_LIMITED', { status: 429, retryAfterMs: 30_000 })).toBe('Das Ratenlimit des Anbieters hat die Anfrage abgelehnt (HTTP 429); er bat, 30 Sek. zu warten.');
    expect(de('outcome.ROLE_NOT_ALLOWED', { role: 'owner', roles: ['admin', 'viewer'] })).toBe('Der Anbieter akzeptiert die Rolle „owner“ nicht; wählen Sie admin oder viewer.');
    expect(de('pending.AUTH_FAILED', {})).toBe('Nicht gesendet: Der Versand wurde angehalten, weil der Anbieter die Zugangsdaten abgelehnt hat.');
    expect(de('runStop.CONNECT_FAILED', { origin: 'http://127.0.0.1:4010', systemCode: 'ECONNREFUSED', requests: 3 })).toBe(
      'Die ersten 3 Anfragen konnten keine Verbindung herstellen zu http://127.0.0.1:4010 (ECONNREFUSED: Verbindung abgelehnt); es wurde nichts gesendet.',
    );
    expect(de('runStop.CONNECT_FAILED', { requests: 1 })).toBe('Die erste Anfrage konnte keine Verbindung herstellen; es wurde nichts gesendet.');
    expect(de('runWait.RATE_LIMITED', { seconds: 12 })).toBe('Wegen des Ratenlimits pausiert – geht in 12 Sek. weiter');
    // The vendor's words are quoted as given, never translated.
    expect(de('outcome.VENDOR_REJECTED', { reason: 'SAID', vendorMessage: 'User is blocked' })).toBe('Der Anbieter hat diese Adresse abgelehnt: „User is blocked“.');
    // No second full stop after the vendor's own.
    expect(de('outcome.VENDOR_REJECTED', { reason: 'SAID', vendorMessage: 'Refused.' })).toBe('Der Anbieter hat diese Adresse abgelehnt: „Refused.“');
    expect(de('runStop.AUTH_FAILED', { status: 401, vendorMessage: 'Invalid API key.' })).toBe('Der Anbieter hat die Zugangsdaten abgelehnt (HTTP 401): „Invalid API key.“');
  });

  it('words a refused input in German', () => {
    try {
      checkText('');
      expect.unreachable('an empty input is refused');
    } catch (error) {
      expect(error).toBeInstanceOf(IntakeError);
      expect(formatIntakeError(error as IntakeError, coreDe)).toBe('Die Eingabe ist leer: Es gibt keine Zeilen zu lesen.');
    }
  });
});
