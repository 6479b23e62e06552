import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBytes, checkStream, checkText, IntakeError, type CheckedRow, type CheckOptions, type CheckResult } from '../index.ts';
import { decodeBytes } from './decode.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/** The parts of a row every fixture test pins down. */
function outline(row: CheckedRow): Record<string, unknown> {
  const out: Record<string, unknown> = { line: row.line, email: row.email };
  for (const key of ['name', 'firstName', 'lastName', 'role'] as const) if (row[key] !== undefined) out[key] = row[key];
  out.status = row.status;
  if (row.code !== undefined) out.code = row.code;
  if (row.duplicateOf !== undefined) out.duplicateOf = row.duplicateOf;
  return out;
}

const ROLES = ['Admin', 'Member', 'Viewer', 'Editor'];

function expectIntakeError(run: () => unknown, code: IntakeError['code']): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(IntakeError);
  expect((caught as IntakeError).code).toBe(code);
  expect((caught as IntakeError).message.length).toBeGreaterThan(10);
}

async function expectStreamIntakeError(bytes: Uint8Array, code: IntakeError['code']): Promise<void> {
  const rows: CheckedRow[] = [];
  const caught = await checkStream(chunked(bytes, [7]), {}, (row) => rows.push(row)).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(IntakeError);
  expect((caught as IntakeError).code).toBe(code);
  expect(rows).toEqual([]);
}

/** Splits bytes into chunks of the given sizes (cycled), or at the given absolute positions. */
async function* chunked(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    yield bytes.slice(at, at + size);
    at += size;
  }
}

async function* cutAt(bytes: Uint8Array, positions: readonly number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const position of [...positions].sort((a, b) => a - b)) {
    if (position <= at || position >= bytes.length) continue;
    yield bytes.slice(at, position);
    at = position;
  }
  yield bytes.slice(at);
}

async function streamed(chunks: AsyncIterable<Uint8Array>, options: CheckOptions = {}): Promise<Omit<CheckResult, 'rows'> & { rows: CheckedRow[] }> {
  const rows: CheckedRow[] = [];
  const result = await checkStream(chunks, options, (row) => rows.push(row));
  return { ...result, rows };
}

function comparable(result: Omit<CheckResult, 'rows'> & { rows: CheckedRow[] }) {
  const { summary, encoding, bom, mapping, ignored, rows } = result;
  return { summary, encoding, bom, mapping, ignored, rows };
}

function summaryOf(rows: readonly CheckedRow[]) {
  return {
    total: rows.length,
    valid: rows.filter((row) => row.status === 'valid').length,
    invalid: rows.filter((row) => row.status === 'invalid').length,
    duplicate: rows.filter((row) => row.status === 'duplicate').length,
  };
}

describe('real exports, byte for byte', () => {
  it('Outlook contacts export (Windows-1252, CRLF, every field quoted, line breaks inside fields)', () => {
    const result = checkBytes(fixture('outlook-contacts.csv'));
    expect(result.encoding).toBe('windows-1252');
    expect(result.bom).toBe(false);
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: ',',
      headerLine: 1,
      columns: {
        email: { index: 57, header: 'E-mail Address', source: 'header' },
        firstName: { index: 1, header: 'First Name', source: 'header' },
        lastName: { index: 3, header: 'Last Name', source: 'header' },
      },
      otherAddressColumns: [{ index: 60, header: 'E-mail 2 Address', reason: 'secondary' }],
    });
    expect(result.ignored).toEqual([{ line: 1, raw: expect.stringMatching(/^"Title","First Name",.*"Web Page"$/), reason: 'HEADER_ROW' }]);
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'john.smith@contoso.com', name: 'John Smith', firstName: 'John', lastName: 'Smith', status: 'valid' },
      // The first row's address and notes fields hold CRLFs: the next row starts on line 5.
      { line: 5, email: 'renee.fournier@fabrikam.fr', name: 'Renée Fournier', firstName: 'Renée', lastName: 'Fournier', status: 'valid' },
      // An Exchange-only contact: Outlook writes the X.500 path, not an address.
      {
        line: 6,
        email: '/o=exchangelabs/ou=exchange administrative group (fydibohf23spdlt)/cn=recipients/cn=a1b2c3d4e5f6-pkim',
        name: 'Pat Kim',
        firstName: 'Pat',
        lastName: 'Kim',
        status: 'invalid',
        code: 'INVALID_EMAIL',
      },
      // Only "E-mail 2 Address" is filled: one address column per row, so this person is reported, not guessed.
      { line: 7, email: '', name: 'Jane Doe', firstName: 'Jane', lastName: 'Doe', status: 'invalid', code: 'MISSING_EMAIL' },
      { line: 8, email: 'john.smith@contoso.com', name: 'John Smith', firstName: 'John', lastName: 'Smith', status: 'duplicate', code: 'DUPLICATE', duplicateOf: 2 },
    ]);
    expect(result.summary).toEqual({ total: 5, valid: 2, invalid: 2, duplicate: 1 });
    const [john, , pat, jane] = result.rows;
    expect(john!.raw.split('\r\n')).toHaveLength(3);
    expect(john!.extra).toMatchObject({
      Company: 'Contoso Ltd.',
      'Business Street': '1 Main St.\r\nSuite 400',
      'E-mail Display Name': 'John Smith (John.Smith@contoso.com)',
      'E-mail 2 Address': 'jsmith@gmail.com',
      Notes: 'Met at the Contoso offsite, "loves" golf.\r\nCall after 3pm, not before.',
      Gender: 'Unspecified',
    });
    expect(pat!.message).toBe(
      '"/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=a1b2c3d4e5f6-pkim" is not a valid e-mail address: it has no @.',
    );
    expect(jane!.message).toMatch(/^The row for Jane Doe has no e-mail address; "E-mail 2 Address" holds \S+@\S+, which is not invited: its header marks it as not the person's own/);
    expect(result.rows[4]!.message).toBe('john.smith@contoso.com is already listed on line 2.');
  });

  it('Google Contacts export (E-mail 1 - Value; several values joined by " ::: "; quoted multi-line address)', () => {
    const result = checkBytes(fixture('google-contacts.csv'));
    expect(result.encoding).toBe('utf-8');
    expect(result.bom).toBe(false);
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: ',',
      headerLine: 1,
      columns: {
        email: { index: 18, header: 'E-mail 1 - Value', source: 'header' },
        firstName: { index: 0, header: 'First Name', source: 'header' },
        lastName: { index: 2, header: 'Last Name', source: 'header' },
      },
      otherAddressColumns: [{ index: 20, header: 'E-mail 2 - Value', reason: 'secondary' }],
    });
    expect(result.ignored.map(({ line, reason }) => ({ line, reason }))).toEqual([{ line: 1, reason: 'HEADER_ROW' }]);
    expect(result.rows.map(outline)).toEqual([
      // "a ::: b": the first value is the primary address.
      { line: 2, email: 'ana.garcia@initech.com', name: 'Ana García', firstName: 'Ana', lastName: 'García', status: 'valid' },
      { line: 5, email: 'wei.zhang@example.org', name: 'Wei Zhang', firstName: 'Wei', lastName: 'Zhang', status: 'valid' },
      { line: 6, email: '', name: 'Tom Becker', firstName: 'Tom', lastName: 'Becker', status: 'invalid', code: 'MISSING_EMAIL' },
      { line: 7, email: 'support@acme.example', status: 'valid' },
      { line: 8, email: 'ana.g@gmail.com', name: 'Ana García', firstName: 'Ana', lastName: 'García', status: 'valid' },
    ]);
    expect(result.summary).toEqual({ total: 5, valid: 4, invalid: 1, duplicate: 0 });
    // The secondary addresses of a ` ::: ` cell are named on the row, not dropped.
    expect(result.rows.map((row) => row.warnings?.map((warning) => warning.code))).toEqual([['OTHER_ADDRESSES'], undefined, undefined, undefined, undefined]);
    expect(result.rows[0]!.extra).toMatchObject({ Labels: '* myContacts ::: Coworkers', 'Address 1 - Formatted': 'Calle Mayor 1\nMadrid 28013\nES' });
    expect(result.rows[1]!.extra).toMatchObject({ Notes: 'Prefers "Wei", not "Mr Zhang"', 'E-mail 2 - Value': 'wei@initech.com' });
    expect(result.rows[3]!.extra).toMatchObject({ 'Organization Name': 'Acme Support' });
  });

  it('Excel "CSV UTF-8" (BOM, CRLF, accents, CJK, a quoted comma)', () => {
    const result = checkBytes(fixture('excel-csv-utf8.csv'), { roles: ROLES });
    expect(result.encoding).toBe('utf-8');
    expect(result.bom).toBe(true);
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: ',',
      headerLine: 1,
      columns: {
        email: { index: 0, header: 'Email', source: 'header' },
        firstName: { index: 1, header: 'First name', source: 'header' },
        lastName: { index: 2, header: 'Last name', source: 'header' },
        role: { index: 3, header: 'Role', source: 'header' },
      },
    });
    // The BOM is not part of the header's text.
    expect(result.ignored).toEqual([{ line: 1, raw: 'Email,First name,Last name,Role', reason: 'HEADER_ROW' }]);
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'jose.nunez@example.com', name: 'José Núñez', firstName: 'José', lastName: 'Núñez', role: 'Admin', status: 'valid' },
      // Roles are matched case-insensitively and come out as the target spells them.
      { line: 3, email: 'zoe.muller@example.com', name: 'Zoë Müller', firstName: 'Zoë', lastName: 'Müller', role: 'Member', status: 'valid' },
      { line: 4, email: 'lukasz.wisniewski@example.com', name: 'Łukasz Wiśniewski', firstName: 'Łukasz', lastName: 'Wiśniewski', role: 'Member', status: 'valid' },
      { line: 5, email: 'mei@example.com', name: '美 Lin, Jr.', firstName: '美', lastName: 'Lin, Jr.', role: 'Viewer', status: 'valid' },
      { line: 6, email: 'not-an-address', name: 'Kai Ono', firstName: 'Kai', lastName: 'Ono', role: 'Member', status: 'invalid', code: 'INVALID_EMAIL' },
      { line: 7, email: 'jose.nunez@example.com', name: 'José Núñez', firstName: 'José', lastName: 'Núñez', role: 'Admin', status: 'duplicate', code: 'DUPLICATE', duplicateOf: 2 },
    ]);
    expect(result.rows[2]!.raw).toBe(' Lukasz.Wisniewski@Example.com ,Łukasz,Wiśniewski,MEMBER');
    expect(result.summary).toEqual({ total: 6, valid: 4, invalid: 1, duplicate: 1 });
  });

  it('European Excel (semicolons, Windows-1252, trailing ;;; columns and rows)', () => {
    const result = checkBytes(fixture('excel-european-semicolon.csv'), { roles: ROLES });
    expect(result.encoding).toBe('windows-1252');
    expect(result.bom).toBe(false);
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: ';',
      headerLine: 1,
      columns: {
        email: { index: 0, header: 'E-Mail', source: 'header' },
        firstName: { index: 1, header: 'Vorname', source: 'header' },
        lastName: { index: 2, header: 'Nachname', source: 'header' },
        role: { index: 3, header: 'Rolle', source: 'header' },
      },
    });
    expect(result.ignored).toEqual([{ line: 1, raw: 'E-Mail;Vorname;Nachname;Rolle;Bemerkung;;;', reason: 'HEADER_ROW' }]);
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'juergen.mueller@beispiel.de', name: 'Jürgen Müller', firstName: 'Jürgen', lastName: 'Müller', role: 'Admin', status: 'valid' },
      { line: 3, email: 'francoise.lefevre@exemple.fr', name: 'Françoise Lefèvre', firstName: 'Françoise', lastName: 'Lefèvre', role: 'Member', status: 'valid' },
      { line: 4, email: 'soeren.ostergaard@eksempel.dk', name: 'Søren Østergaard', firstName: 'Søren', lastName: 'Østergaard', role: 'Member', status: 'valid' },
      { line: 5, email: 'strasse@beispiel.de', name: 'Grüße Straße', firstName: 'Grüße', lastName: 'Straße', role: 'Member', status: 'valid' },
    ]);
    expect(result.rows[1]!.extra).toEqual({ Bemerkung: 'Budget 1.200 €' });
    expect(result.rows[3]!.extra).toEqual({ Bemerkung: 'Notiz; mit Semikolon' });
    // The ;;;;;;; rows at the end are blank: not rows, not errors.
    expect(result.summary).toEqual({ total: 4, valid: 4, invalid: 0, duplicate: 0 });
  });

  it('TSV copied from Google Sheets (tabs, LF, no final line break, a blank row)', () => {
    const result = checkBytes(fixture('google-sheets-copy.tsv'), { roles: ROLES });
    expect(result.encoding).toBe('utf-8');
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: '\t',
      headerLine: 1,
      columns: {
        email: { index: 1, header: 'Email', source: 'header' },
        name: { index: 0, header: 'Name', source: 'header' },
        role: { index: 2, header: 'Role', source: 'header' },
      },
    });
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'priya.patel@example.com', name: 'Priya Patel', role: 'Editor', status: 'valid' },
      { line: 3, email: 'sam.oneil@example.com', name: "Sam O'Neil", role: 'Viewer', status: 'valid' },
      // A comma inside a tab-separated cell is just a character.
      { line: 4, email: 'chris.lee@example.com', name: 'Lee, Chris', role: 'Editor', status: 'valid' },
      { line: 6, email: 'dana@example', name: 'Dana Scully', role: 'Viewer', status: 'invalid', code: 'INVALID_EMAIL' },
    ]);
    expect(result.rows[2]!.extra).toEqual({ Team: 'Ops, EMEA' });
    expect(result.rows[3]!.message).toBe('"dana@example" is not a valid e-mail address: the domain "example" has no dot (like example.com).');
    expect(result.summary).toEqual({ total: 4, valid: 3, invalid: 1, duplicate: 0 });
    // The same text pasted rather than uploaded reads the same.
    const pasted = checkText(new TextDecoder().decode(fixture('google-sheets-copy.tsv')), { roles: ROLES });
    expect(pasted.rows).toEqual(result.rows);
    expect(pasted.encoding).toBeUndefined();
  });

  it('Microsoft 365 "Add multiple users" template: User Name is a sign-in name, invited only when chosen', () => {
    const result = checkBytes(fixture('m365-users-template.csv'));
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: ',',
      headerLine: 1,
      columns: {
        name: { index: 3, header: 'Display Name', source: 'header' },
        firstName: { index: 1, header: 'First Name', source: 'header' },
        lastName: { index: 2, header: 'Last Name', source: 'header' },
      },
      otherAddressColumns: [
        { index: 0, header: 'User Name', reason: 'secondary' },
        { index: 10, header: 'Alternate email address', reason: 'secondary' },
      ],
    });
    // A sign-in name (UPN) is not always a mailbox: each row says where an address was seen and why it is
    // not invited, so nothing is guessed and nothing is dropped quietly.
    expect(result.rows.map((row) => [row.line, row.code, row.name])).toEqual([
      [2, 'MISSING_EMAIL', 'Chris Green'],
      [3, 'MISSING_EMAIL', 'Ben Andrews'],
      [4, 'MISSING_EMAIL', 'David Longmuir'],
      [5, 'MISSING_EMAIL', 'Cynthia Carey'],
      [6, 'MISSING_EMAIL', 'Melissa MacBeth'],
    ]);
    expect(result.rows[0]!.message).toMatch(/^The row for Chris Green has no e-mail address; "User Name" holds chris@contoso.com, which is not invited/);
    // Chosen as the address column, the user names are the invitees.
    const chosen = checkBytes(fixture('m365-users-template.csv'), { columns: { email: 'User Name' } });
    expect(chosen.rows.map(outline)).toEqual([
      { line: 2, email: 'chris@contoso.com', name: 'Chris Green', firstName: 'Chris', lastName: 'Green', status: 'valid' },
      { line: 3, email: 'ben@contoso.com', name: 'Ben Andrews', firstName: 'Ben', lastName: 'Andrews', status: 'valid' },
      { line: 4, email: 'david@contoso.com', name: 'David Longmuir', firstName: 'David', lastName: 'Longmuir', status: 'valid' },
      { line: 5, email: 'cynthia@contoso.com', name: 'Cynthia Carey', firstName: 'Cynthia', lastName: 'Carey', status: 'valid' },
      { line: 6, email: 'melissa@contoso.com', name: 'Melissa MacBeth', firstName: 'Melissa', lastName: 'MacBeth', status: 'valid' },
    ]);
    // The alternate address is kept as an extra column, never a second invitee.
    expect(chosen.rows[0]!.extra).toMatchObject({ 'Alternate email address': 'chris.green@outlook.com', 'Job Title': 'IT Manager' });
    expect(chosen.summary).toEqual({ total: 5, valid: 5, invalid: 0, duplicate: 0 });
  });

  it('HubSpot contacts export (quoted, an owner column holding an address)', () => {
    const result = checkBytes(fixture('hubspot-contacts.csv'));
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: ',',
      headerLine: 1,
      columns: {
        email: { index: 3, header: 'Email', source: 'header' },
        firstName: { index: 1, header: 'First Name', source: 'header' },
        lastName: { index: 2, header: 'Last Name', source: 'header' },
      },
      otherAddressColumns: [{ index: 5, header: 'Contact owner', reason: 'secondary' }],
    });
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'emailmaria@hubspot.com', name: 'Maria Johnson (Sample Contact)', firstName: 'Maria', lastName: 'Johnson (Sample Contact)', status: 'valid' },
      { line: 3, email: 'bh@hubspot.com', name: 'Brian Halligan (Sample Contact)', firstName: 'Brian', lastName: 'Halligan (Sample Contact)', status: 'valid' },
      { line: 4, email: 'olu@adeyemi.ng', name: 'Olu Adeyemi', firstName: 'Olu', lastName: 'Adeyemi', status: 'valid' },
      { line: 5, email: '', name: 'No Address', firstName: 'No', lastName: 'Address', status: 'invalid', code: 'MISSING_EMAIL' },
    ]);
    expect(result.rows.some((row) => row.email.includes('ada@ourco.io'))).toBe(false);
    expect(result.summary).toEqual({ total: 4, valid: 3, invalid: 1, duplicate: 0 });
  });

  it('Slack member export (username is a handle, not an address; the bot has no address)', () => {
    const result = checkBytes(fixture('slack-members.csv'));
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: ',',
      headerLine: 1,
      columns: {
        email: { index: 1, header: 'email', source: 'header' },
        name: { index: 7, header: 'fullname', source: 'header' },
      },
    });
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: '', name: 'Slackbot', status: 'invalid', code: 'MISSING_EMAIL' },
      { line: 3, email: 'alice@acme.io', name: 'Alice Archer', status: 'valid' },
      { line: 4, email: 'bob@acme.io', name: 'Bob Brown', status: 'valid' },
      { line: 5, email: 'carol@partner.example', name: 'Carol Chen', status: 'valid' },
      { line: 6, email: 'dan@acme.io', name: 'Dan Diaz', status: 'valid' },
    ]);
    expect(result.rows[1]!.extra).toMatchObject({ username: 'alice', status: 'Primary Owner', displayname: 'alice' });
    expect(result.summary).toEqual({ total: 5, valid: 4, invalid: 1, duplicate: 0 });
  });

  it('Excel "Unicode Text" (UTF-16LE with BOM, tabs, CRLF, a quoted line break)', () => {
    const result = checkBytes(fixture('excel-unicode-text.txt'), { roles: ROLES });
    expect(result.encoding).toBe('utf-16le');
    expect(result.bom).toBe(true);
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: '\t',
      headerLine: 1,
      columns: {
        email: { index: 0, header: 'Email', source: 'header' },
        name: { index: 1, header: 'Name', source: 'header' },
        role: { index: 2, header: 'Role', source: 'header' },
      },
    });
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'taro.yamada@example.jp', name: '山田 太郎', role: 'Member', status: 'valid' },
      { line: 3, email: 'olga@example.ru', name: 'Ольга Петрова', role: 'Admin', status: 'valid' },
      { line: 4, email: 'noor@example.ae', name: 'نور\r\nالهدى', role: 'Member', status: 'valid' },
      { line: 6, email: 'emoji@example.com', name: 'Party 🎉 Person', role: 'Member', status: 'valid' },
    ]);
    expect(result.summary).toEqual({ total: 4, valid: 4, invalid: 0, duplicate: 0 });
  });

  it('title and blank lines before the header are set aside, each with its line', () => {
    const result = checkBytes(fixture('title-lines.csv'));
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: ',',
      headerLine: 4,
      columns: {
        email: { index: 1, header: 'Email', source: 'header' },
        name: { index: 0, header: 'Name', source: 'header' },
      },
    });
    // The title line holding the exporter's address is not an invitee.
    expect(result.ignored).toEqual([
      { line: 1, raw: 'Acme Corp — new starters, September', reason: 'BEFORE_HEADER' },
      { line: 2, raw: 'Exported by it-admin@acme.io on 2024-09-02', reason: 'BEFORE_HEADER' },
      { line: 4, raw: 'Name,Email,Department', reason: 'HEADER_ROW' },
    ]);
    expect(result.rows.map(outline)).toEqual([
      { line: 5, email: 'ivy.nguyen@acme.io', name: 'Ivy Nguyen', status: 'valid' },
      { line: 7, email: 'omar.haddad@acme.io', name: 'Omar Haddad', status: 'valid' },
    ]);
    expect(result.summary).toEqual({ total: 2, valid: 2, invalid: 0, duplicate: 0 });
  });

  it('quoted fields with commas, doubled quotes and line breaks', () => {
    const result = checkBytes(fixture('quoted-multiline.csv'));
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: ',',
      headerLine: 1,
      columns: {
        email: { index: 0, header: 'email', source: 'header' },
        name: { index: 1, header: 'name', source: 'header' },
      },
    });
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'ann.lee@example.com', name: 'Lee, Ann', status: 'valid' },
      { line: 4, email: 'bob@example.com', name: 'Bob "The Builder" Smith', status: 'valid' },
      { line: 5, email: 'carl@example.com', name: 'Carl, Jr.', status: 'valid' },
      { line: 8, email: 'dee@example.com', name: 'Dee', status: 'valid' },
    ]);
    expect(result.rows[0]!.raw).toBe('"ann.lee@example.com","Lee, Ann","Met at the conference,\r\nfollow up in May"');
    expect(result.rows[2]!.extra).toEqual({ notes: 'Line one\r\nLine two\r\nLine three' });
    expect(result.summary).toEqual({ total: 4, valid: 4, invalid: 0, duplicate: 0 });
  });

  it('pipe-delimited', () => {
    const result = checkBytes(fixture('pipe-delimited.txt'), { roles: ROLES });
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: '|',
      headerLine: 1,
      columns: {
        email: { index: 0, header: 'email', source: 'header' },
        firstName: { index: 1, header: 'first_name', source: 'header' },
        lastName: { index: 2, header: 'last_name', source: 'header' },
        role: { index: 3, header: 'role', source: 'header' },
      },
    });
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'ruth@example.com', name: 'Ruth Okafor', firstName: 'Ruth', lastName: 'Okafor', role: 'Admin', status: 'valid' },
      { line: 3, email: 'sven@example.com', name: 'Sven Larsen', firstName: 'Sven', lastName: 'Larsen', role: 'Member', status: 'valid' },
      { line: 4, email: 'ruth@example.com', name: 'Ruth Okafor', firstName: 'Ruth', lastName: 'Okafor', role: 'Member', status: 'duplicate', code: 'DUPLICATE', duplicateOf: 2 },
      { line: 5, email: 'bad@@example.com', name: 'Bad Row', firstName: 'Bad', lastName: 'Row', role: 'member', status: 'invalid', code: 'INVALID_EMAIL' },
    ]);
    expect(result.summary).toEqual({ total: 4, valid: 2, invalid: 1, duplicate: 1 });
  });

  it('a headerless CSV: columns found by content', () => {
    const result = checkBytes(fixture('headerless.csv'), { roles: ROLES });
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: ',',
      columns: {
        email: { index: 0, source: 'content' },
        role: { index: 2, source: 'content' },
        name: { index: 1, source: 'content' },
      },
    });
    expect(result.ignored).toEqual([]);
    expect(result.rows.map(outline)).toEqual([
      { line: 1, email: 'ann@example.com', name: 'Ann Lee', role: 'Admin', status: 'valid' },
      { line: 2, email: 'bob@example.com', name: 'Bob Stone', role: 'Member', status: 'valid' },
      { line: 3, email: 'cat@example.com', name: 'Cat Moore', role: 'Member', status: 'valid' },
      { line: 4, email: 'dan@example', name: 'Dan Ruiz', role: 'member', status: 'invalid', code: 'INVALID_EMAIL' },
    ]);
  });

  it('a headerless list, one address per line, with stray spaces and blank lines', () => {
    const result = checkBytes(fixture('one-per-line.txt'));
    expect(result.mapping).toEqual({ format: 'list', columns: {} });
    expect(result.ignored).toEqual([]);
    expect(result.rows.map(outline)).toEqual([
      { line: 1, email: 'ann@example.com', status: 'valid' },
      { line: 2, email: 'bob@example.com', status: 'valid' },
      { line: 4, email: 'cat@example.com', status: 'valid' },
      { line: 5, email: 'ann@example.com', status: 'duplicate', code: 'DUPLICATE', duplicateOf: 1 },
      { line: 6, email: 'not an address', status: 'invalid', code: 'INVALID_EMAIL' },
      { line: 7, email: 'dee@example.co.uk', status: 'valid' },
    ]);
    expect(result.rows[1]!.raw).toBe('bob@example.com');
    expect(result.rows[4]!.message).toBe('"not an address" is not a valid e-mail address: it has no @.');
    expect(result.summary).toEqual({ total: 6, valid: 4, invalid: 1, duplicate: 1 });
  });

  it('CR-only line breaks (Excel for Mac "CSV (Macintosh)")', () => {
    const result = checkBytes(fixture('classic-mac-cr.csv'));
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: ',',
      headerLine: 1,
      columns: {
        email: { index: 0, header: 'Email', source: 'header' },
        name: { index: 1, header: 'Name', source: 'header' },
      },
    });
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'ann@example.com', name: 'Ann', status: 'valid' },
      { line: 3, email: 'bob@example.com', name: 'Bob\rBuilder', status: 'valid' },
      { line: 5, email: 'carl@example.com', name: 'Carl', status: 'valid' },
    ]);
  });
});

describe('pasted lists', () => {
  const paste = (text: string) => {
    const result = checkText(text);
    expect(result.mapping).toEqual({ format: 'list', columns: {} });
    expect(result.summary).toEqual(summaryOf(result.rows));
    return result.rows.map(outline);
  };
  const valid = (line: number, email: string, name?: string) => (name === undefined ? { line, email, status: 'valid' } : { line, email, name, status: 'valid' });

  it('one per line', () => {
    expect(paste('ann@x.com\nBob@X.com\r\n\ncat@x.com')).toEqual([valid(1, 'ann@x.com'), valid(2, 'bob@x.com'), valid(4, 'cat@x.com')]);
  });

  it.each([
    ['comma', 'ann@x.com, bob@x.com,cat@x.com'],
    ['semicolon', 'ann@x.com; bob@x.com;cat@x.com;'],
    ['space', 'ann@x.com bob@x.com   cat@x.com'],
    ['tab', 'ann@x.com\tbob@x.com\tcat@x.com'],
    ['mixed', 'ann@x.com;  bob@x.com, cat@x.com'],
  ])('%s separated', (_name, text) => {
    expect(paste(text)).toEqual([valid(1, 'ann@x.com'), valid(1, 'bob@x.com'), valid(1, 'cat@x.com')]);
  });

  it('several per line on several lines', () => {
    expect(paste('ann@x.com, bob@x.com\ncat@x.com, dan@x.com\neve@x.com, fay@x.com')).toEqual([
      valid(1, 'ann@x.com'),
      valid(1, 'bob@x.com'),
      valid(2, 'cat@x.com'),
      valid(2, 'dan@x.com'),
      valid(3, 'eve@x.com'),
      valid(3, 'fay@x.com'),
    ]);
  });

  it('Name <email>', () => {
    expect(paste('Ann Lee <Ann@X.com>\nBob <bob@x.com>\nCat Moore <cat@x.com>')).toEqual([
      valid(1, 'ann@x.com', 'Ann Lee'),
      valid(2, 'bob@x.com', 'Bob'),
      valid(3, 'cat@x.com', 'Cat Moore'),
    ]);
  });

  it('"Last, First" <email>', () => {
    expect(paste('"Lee, Ann" <ann@x.com>\n"Stone, Bob" <bob@x.com>\n"Moore, Cat" <cat@x.com>')).toEqual([
      valid(1, 'ann@x.com', 'Lee, Ann'),
      valid(2, 'bob@x.com', 'Stone, Bob'),
      valid(3, 'cat@x.com', 'Moore, Cat'),
    ]);
  });

  it('a whole Outlook "To:" line', () => {
    expect(paste('Smith, John <john@x.com>; Doe, Jane <jane@x.com>')).toEqual([valid(1, 'john@x.com', 'Smith, John'), valid(1, 'jane@x.com', 'Doe, Jane')]);
    expect(paste('To: Smith, John <john@x.com>; Doe, Jane <jane@x.com>\nCc: Roe, Rick <rick@x.com>; Poe, Ed <ed@x.com>')).toEqual([
      valid(1, 'john@x.com', 'Smith, John'),
      valid(1, 'jane@x.com', 'Doe, Jane'),
      valid(2, 'rick@x.com', 'Roe, Rick'),
      valid(2, 'ed@x.com', 'Poe, Ed'),
    ]);
  });

  it("Outlook's Last, First <email> one per line (the name's comma is no column)", () => {
    expect(paste('Smith, John <john@x.com>\nDoe, Jane <jane@x.com>\nRoe, Rick <rick@x.com>')).toEqual([
      valid(1, 'john@x.com', 'Smith, John'),
      valid(2, 'jane@x.com', 'Doe, Jane'),
      valid(3, 'rick@x.com', 'Roe, Rick'),
    ]);
  });

  it('a Gmail To: line, also folded over two lines', () => {
    expect(paste('To: Ann Lee <ann@x.com>, "Stone, Bob" <bob@x.com>, cat@x.com')).toEqual([
      valid(1, 'ann@x.com', 'Ann Lee'),
      valid(1, 'bob@x.com', 'Stone, Bob'),
      valid(1, 'cat@x.com'),
    ]);
    expect(paste('To: Ann Lee <ann@x.com>, "Stone, Bob" <bob@x.com>,\n Cat Moore <cat@x.com>')).toEqual([
      valid(1, 'ann@x.com', 'Ann Lee'),
      valid(1, 'bob@x.com', 'Stone, Bob'),
      valid(2, 'cat@x.com', 'Cat Moore'),
    ]);
  });

  it('mailto: links', () => {
    expect(paste('mailto:ann@x.com\nmailto:Bob%2Bteam@x.com?subject=Join%20us\n<mailto:cat@x.com>')).toEqual([
      valid(1, 'ann@x.com'),
      valid(2, 'bob+team@x.com'),
      valid(3, 'cat@x.com'),
    ]);
  });

  it('email (Name)', () => {
    expect(paste('ann@x.com (Ann Lee), bob@x.com (Bob)')).toEqual([valid(1, 'ann@x.com', 'Ann Lee'), valid(1, 'bob@x.com', 'Bob')]);
    expect(paste('ann@x.com (Lee, Ann)\nbob@x.com (Stone, Bob)')).toEqual([valid(1, 'ann@x.com', 'Lee, Ann'), valid(2, 'bob@x.com', 'Stone, Bob')]);
  });

  it('a one-column file under an "Email" heading is a table of one column; the heading is set aside', () => {
    const result = checkText('Email\nann@x.com\nbob@x.com\n');
    expect(result.mapping).toEqual({ format: 'table', headerLine: 1, columns: { email: { index: 0, header: 'Email', source: 'header' } } });
    expect(result.ignored).toEqual([{ line: 1, raw: 'Email', reason: 'HEADER_ROW' }]);
    expect(result.rows.map(outline)).toEqual([valid(2, 'ann@x.com'), valid(3, 'bob@x.com')]);
  });

  it('reports what is not an address, and duplicates, with their lines', () => {
    expect(paste('ann@x.com\nAnn@X.COM, bob@\n\nthanks!')).toEqual([
      valid(1, 'ann@x.com'),
      { line: 2, email: 'ann@x.com', status: 'duplicate', code: 'DUPLICATE', duplicateOf: 1 },
      { line: 2, email: 'bob@', status: 'invalid', code: 'INVALID_EMAIL' },
      { line: 4, email: 'thanks!', status: 'invalid', code: 'INVALID_EMAIL' },
    ]);
  });
});

describe('cells that need reading', () => {
  it('an address cell may hold Name <email>, mailto:, or invisible characters copied from a web page', () => {
    const text = 'Email,Team\nAnn Lee <ann@x.com>,Ops\nmailto:bob@x.com,Ops\n\u200bcat@x.com\u200b,Ops\ndan@x.com\u2060,Ops\n\u00a0eve@x.com,Ops\n';
    const result = checkText(text);
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'ann@x.com', name: 'Ann Lee', status: 'valid' },
      { line: 3, email: 'bob@x.com', status: 'valid' },
      { line: 4, email: 'cat@x.com', status: 'valid' },
      { line: 5, email: 'dan@x.com', status: 'valid' },
      { line: 6, email: 'eve@x.com', status: 'valid' },
    ]);
  });

  it('a cell with two addresses is one invalid row, not two invitees', () => {
    const result = checkText('Email,Name\nann@x.com; bob@x.com,Ann and Bob\ncat@x.com,Cat\n');
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'ann@x.com; bob@x.com', name: 'Ann and Bob', status: 'invalid', code: 'MULTIPLE_EMAILS' },
      { line: 3, email: 'cat@x.com', name: 'Cat', status: 'valid' },
    ]);
    expect(result.rows[0]!.message).toBe('The cell holds 2 addresses (ann@x.com, bob@x.com); put one address per row.');
  });

  it('a space inside an address is an invalid row that says where, never another valid address', () => {
    const text = 'Email,Name\nandy dwyer@northwind.example,\ntom haddad@x.io,Tom\nann@x.io (Ann Lee),\n"Lee, Ann <ann2@x.io>;",\n"Bob <bob@x.io>",\n';
    const result = checkText(text);
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'andy dwyer@northwind.example', status: 'invalid', code: 'INVALID_EMAIL' },
      { line: 3, email: 'tom haddad@x.io', name: 'Tom', status: 'invalid', code: 'INVALID_EMAIL' },
      { line: 4, email: 'ann@x.io', name: 'Ann Lee', status: 'valid' },
      { line: 5, email: 'ann2@x.io', name: 'Lee, Ann', status: 'valid' },
      { line: 6, email: 'bob@x.io', name: 'Bob', status: 'valid' },
    ]);
    expect(result.rows[0]!.message).toBe('"andy dwyer@northwind.example" has a space before "dwyer"; an address cannot contain spaces.');
    expect(result.rows[1]!.message).toBe('"tom haddad@x.io" has a space before "haddad"; an address cannot contain spaces.');
  });

  it.each([
    ['Name <addr>', 'Ann Lee <ann@x.io>', 'ann@x.io', 'Ann Lee'],
    ['"Last, First" <addr>', '"""Lee, Ann"" <ann@x.io>"', 'ann@x.io', 'Lee, Ann'],
    ['<addr>', '<ann@x.io>', 'ann@x.io', undefined],
    ['addr (Name)', 'ann@x.io (Ann Lee)', 'ann@x.io', 'Ann Lee'],
    ['mailto:', 'mailto:ann@x.io', 'ann@x.io', undefined],
    ['mailto: with a subject', 'mailto:ann@x.io?subject=Welcome%20aboard', 'ann@x.io', undefined],
    ['spaces and a trailing ;', '  ann@x.io ;', 'ann@x.io', undefined],
    ['a trailing ,', '"ann@x.io,"', 'ann@x.io', undefined],
  ])('unwraps %s in a table cell', (_form, cell, email, name) => {
    const result = checkText(`Email\tTeam\n${cell}\tOps\n`);
    expect(result.rows.map(outline)).toEqual([{ line: 2, email, ...(name ? { name } : {}), status: 'valid' }]);
  });

  it.each([
    ['words before the address', 'user name@x.io', 'user name@x.io'],
    ['words after the address', 'ann@x.io Ann', 'ann@x.io ann'],
    ['a To: label', 'To: ann@x.io', 'to: ann@x.io'],
    ['an angle address followed by words', '<ann@x.io> Ann', '<ann@x.io> ann'],
    ['a space inside the brackets', 'Ann <ann lee@x.io>', 'ann lee@x.io'],
  ])('takes %s whole, as one invalid value', (_form, cell, email) => {
    const [row] = checkText(`Email\tTeam\n${cell}\tOps\n`).rows;
    expect(row).toMatchObject({ email, status: 'invalid', code: 'INVALID_EMAIL' });
    expect(row!.name).toBe(cell.startsWith('Ann <') ? 'Ann' : undefined);
  });

  it("Google's ` ::: ` cell invites the first address and says which others it holds", () => {
    const result = checkText('Name,E-mail 1 - Value\nAnn,ann@x.io ::: ann@home.io ::: a@old.io\n');
    expect(result.rows[0]).toMatchObject({
      email: 'ann@x.io',
      status: 'valid',
      warnings: [{ code: 'OTHER_ADDRESSES', message: 'The cell also holds ann@home.io, a@old.io; only the first address, ann@x.io, is invited.' }],
    });
  });

  it('an explicit name column wins over the name inside the address cell', () => {
    const result = checkText('Email,Name\nA. Lee <ann@x.com>,Ann Lee\n');
    expect(result.rows.map(outline)).toEqual([{ line: 2, email: 'ann@x.com', name: 'Ann Lee', status: 'valid' }]);
  });
});

describe('options', () => {
  const csv = 'Email,Name,Role\nann@corp.com,Ann,admin\nbob@corp.com,Bob,\ncat@eu.corp.com,Cat,owner\ndan@gmail.com,Dan,member\neve@corp.com,Eve,member\n';

  it('roles are checked case-insensitively; a default role fills the gaps', () => {
    const result = checkText(csv, { roles: ['Admin', 'Member'], defaultRole: 'member' });
    expect(result.rows.map(outline)).toEqual([
      { line: 2, email: 'ann@corp.com', name: 'Ann', role: 'Admin', status: 'valid' },
      // The default role takes the target's spelling too.
      { line: 3, email: 'bob@corp.com', name: 'Bob', role: 'Member', status: 'valid' },
      { line: 4, email: 'cat@eu.corp.com', name: 'Cat', role: 'owner', status: 'invalid', code: 'ROLE_NOT_ALLOWED' },
      { line: 5, email: 'dan@gmail.com', name: 'Dan', role: 'Member', status: 'valid' },
      { line: 6, email: 'eve@corp.com', name: 'Eve', role: 'Member', status: 'valid' },
    ]);
    expect(result.rows[2]!.message).toBe('"owner" is not a role here; choose one of: Admin, Member.');
  });

  it('allow and block lists match subdomains', () => {
    const allowed = checkText(csv, { allowDomains: ['corp.com'] });
    expect(allowed.rows.map((row) => row.code ?? row.status)).toEqual(['valid', 'valid', 'valid', 'DOMAIN_NOT_ALLOWED', 'valid']);
    const blocked = checkText(csv, { blockDomains: ['@EU.corp.com', 'gmail.com'] });
    expect(blocked.rows.map((row) => row.code ?? row.status)).toEqual(['valid', 'valid', 'DOMAIN_BLOCKED', 'DOMAIN_BLOCKED', 'valid']);
    expect(blocked.rows[3]!.message).toBe('Addresses at gmail.com may not be invited.');
  });

  it('maxRows refuses valid rows past the limit; duplicates and invalid rows do not count', () => {
    const result = checkText('ann@x.com\nann@x.com\nbad\nbob@x.com\ncat@x.com\ndan@x.com\n', { maxRows: 2 });
    expect(result.rows.map((row) => [row.line, row.code ?? row.status])).toEqual([
      [1, 'valid'],
      [2, 'DUPLICATE'],
      [3, 'INVALID_EMAIL'],
      [4, 'valid'],
      [5, 'TOO_MANY_ROWS'],
      [6, 'TOO_MANY_ROWS'],
    ]);
    expect(result.summary).toEqual({ total: 6, valid: 2, invalid: 3, duplicate: 1 });
  });

  it('a repeat of a row past the limit is past it too, whole or streamed (a whole text is deduped after reading)', async () => {
    const text = 'ann@x.com\nbob@x.com\nBOB@x.com\ncat@x.com\nann@x.com\ncat@x.com\n';
    const expected = [
      [1, 'valid', undefined],
      [2, 'valid', undefined],
      [3, 'DUPLICATE', 2],
      [4, 'TOO_MANY_ROWS', undefined],
      [5, 'DUPLICATE', 1],
      [6, 'TOO_MANY_ROWS', undefined],
    ];
    const whole = checkText(text, { maxRows: 2 });
    const stream = await streamed(chunked(new TextEncoder().encode(text), [11, 30]), { maxRows: 2 });
    for (const result of [whole, stream]) {
      expect(result.rows.map((row) => [row.line, row.code ?? row.status, row.duplicateOf])).toEqual(expected);
      expect(result.summary).toEqual({ total: 6, valid: 2, invalid: 2, duplicate: 2 });
    }
  });

  it('existing members and invitations are duplicates with their own codes', () => {
    const result = checkText('ann@x.com\nBOB@x.com\ncat@x.com\ndan@x.com\n', {
      existing: [' Ann@X.com ', { email: 'bob@x.com', status: 'member' }, { email: 'cat@x.com', status: 'invited' }],
    });
    expect(result.rows.map((row) => [row.status, row.code])).toEqual([
      ['duplicate', 'ALREADY_EXISTS'],
      ['duplicate', 'ALREADY_MEMBER'],
      ['duplicate', 'ALREADY_INVITED'],
      ['valid', undefined],
    ]);
    expect(result.rows[1]!.message).toBe('bob@x.com is already a member.');
    expect(result.rows[1]!.duplicateOf).toBeUndefined();
  });

  it('the caller can override the mapping, and the report says so', () => {
    const text = 'Name,Work,Home\nAnn,ann@corp.com,ann@home.io\n';
    const result = checkText(text, { columns: { email: 'Home' } });
    expect(result.mapping.columns.email).toEqual({ index: 2, header: 'Home', source: 'override' });
    expect(result.rows.map(outline)).toEqual([{ line: 2, email: 'ann@home.io', name: 'Ann', status: 'valid' }]);
    const byIndex = checkText('ann@x.com,Ann,bob@y.com\n', { columns: { email: 2, name: null } });
    expect(byIndex.rows.map(outline)).toEqual([{ line: 1, email: 'bob@y.com', status: 'valid' }]);
  });

  it('header: false reads the first row as data; format: list reads a table as text', () => {
    const text = 'ann@x.com,Ann\nbob@x.com,Bob\n';
    expect(checkText(text, { header: false }).rows.map((row) => row.line)).toEqual([1, 2]);
    const asList = checkText('Email\tName\nann@x.com\tAnn\n', { format: 'list' });
    expect(asList.mapping.format).toBe('list');
  });

  it.each<[string, CheckOptions]>([
    ['a maxRows of 0', { maxRows: 0 }],
    ['a fractional maxRows', { maxRows: 1.5 }],
    ['an unknown delimiter', { delimiter: ':' as never }],
    ['a default role that is not a role', { roles: ['Admin'], defaultRole: 'Owner' }],
    ['an empty role name', { roles: [' '] }],
    ['a column that does not exist', { columns: { email: 7 } }],
    ['a header that does not exist', { columns: { email: 'Mail' } }],
  ])('refuses %s with INVALID_OPTIONS', (_what, options) => {
    expectIntakeError(() => checkText('Email,Name\nann@x.com,Ann\n', options), 'INVALID_OPTIONS');
  });
});

describe('inputs that cannot be read', () => {
  const zip = (names: string) => {
    const head = new Uint8Array(256);
    head.set([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    head.set(new TextEncoder().encode(names), 30);
    return head;
  };
  const cases: Array<[string, Uint8Array, IntakeError['code']]> = [
    ['no bytes at all', new Uint8Array(0), 'EMPTY_INPUT'],
    ['whitespace only', new TextEncoder().encode('  \r\n\t\n   \n'), 'EMPTY_INPUT'],
    ['a UTF-8 BOM and nothing else', new Uint8Array([0xef, 0xbb, 0xbf]), 'EMPTY_INPUT'],
    ['a UTF-16 BOM and line breaks', new Uint8Array([0xff, 0xfe, 0x0d, 0x00, 0x0a, 0x00]), 'EMPTY_INPUT'],
    ['an .xlsx workbook', zip('[Content_Types].xml'), 'SPREADSHEET_FILE'],
    ['an .ods spreadsheet', zip('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'), 'SPREADSHEET_FILE'],
    ['an .xls workbook', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]), 'SPREADSHEET_FILE'],
    ['an Excel 2003 XML spreadsheet', new TextEncoder().encode('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">\n'), 'SPREADSHEET_FILE'],
    ['a ZIP archive', zip('people.csv'), 'BINARY_FILE'],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n'), 'BINARY_FILE'],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'BINARY_FILE'],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]), 'BINARY_FILE'],
    ['a gzip file', new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]), 'BINARY_FILE'],
    ['random binary with NULs', Uint8Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256), 'BINARY_FILE'],
    ['binary without NULs but full of control bytes', Uint8Array.from({ length: 512 }, (_, i) => [0x01, 0x02, 0x41, 0x1b, 0x42][i % 5]!), 'BINARY_FILE'],
  ];

  it.each(cases)('%s → %s (checkBytes, decodeBytes)', (_what, bytes, code) => {
    expectIntakeError(() => checkBytes(bytes), code);
    expectIntakeError(() => decodeBytes(bytes), code);
  });

  it.each(cases)('%s → %s (checkStream)', async (_what, bytes, code) => {
    await expectStreamIntakeError(bytes, code);
  });

  it('empty and whitespace-only text → EMPTY_INPUT (checkText)', () => {
    expectIntakeError(() => checkText(''), 'EMPTY_INPUT');
    expectIntakeError(() => checkText(' \n\t\r\n'), 'EMPTY_INPUT');
    expectIntakeError(() => checkText('\ufeff'), 'EMPTY_INPUT');
  });

  it('a large input of nothing but whitespace → EMPTY_INPUT, streamed or not', async () => {
    const bytes = new TextEncoder().encode(`${' '.repeat(300_000)}\n`.repeat(2));
    expectIntakeError(() => checkBytes(bytes), 'EMPTY_INPUT');
    await expectStreamIntakeError(bytes, 'EMPTY_INPUT');
  });

  it('lines of punctuation only are not rows: the result is read, with no rows', () => {
    expect(checkText(',;,\n;;;\n').summary).toEqual({ total: 0, valid: 0, invalid: 0, duplicate: 0 });
  });
});

describe('encodings', () => {
  it('UTF-16LE and UTF-16BE without a BOM are recognised by their zero bytes', () => {
    const text = 'Email\tName\r\nann@x.com\tÄnn\r\n';
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    const be = le.slice();
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    for (const [bytes, encoding] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
      const result = checkBytes(bytes);
      expect(result.encoding).toBe(encoding);
      expect(result.bom).toBe(false);
      expect(result.rows.map(outline)).toEqual([{ line: 2, email: 'ann@x.com', name: 'Änn', status: 'valid' }]);
    }
  });

  it('UTF-16BE with a BOM', () => {
    const le = Buffer.from('\ufeffann@x.com\n', 'utf16le');
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    const result = checkBytes(be);
    expect([result.encoding, result.bom]).toEqual(['utf-16be', true]);
    expect(result.rows.map((row) => row.email)).toEqual(['ann@x.com']);
  });

  it('a doubled UTF-8 BOM (a tool added one to a file that had one) loses no row', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...new TextEncoder().encode('email,name\nann@x.com,Ann\nbob@x.com,Bob\n')]);
    const result = checkBytes(bytes);
    expect(result.rows.map((row) => [row.line, row.raw])).toEqual([
      [2, 'ann@x.com,Ann'],
      [3, 'bob@x.com,Bob'],
    ]);
    expect(result.ignored.map(({ line, reason }) => [line, reason])).toEqual([[1, 'HEADER_ROW']]);
  });
});

describe('checkStream reads exactly what checkBytes reads', () => {
  // Every fixture, including those other test files pin row by row.
  const FIXTURES = readdirSync(new URL('./fixtures/', import.meta.url)).filter((name) => name !== 'README.md');
  const SIZES: number[][] = [[1], [2], [3], [5, 1, 7], [64], [4096], [1 << 20]];

  it.each(FIXTURES)('%s, in chunks of 1, 2, 3, 5/1/7, 64, 4096 bytes and all at once', async (name) => {
    const bytes = fixture(name);
    const expected = comparable(checkBytes(bytes, { roles: ROLES }));
    for (const sizes of SIZES) {
      expect(comparable(await streamed(chunked(bytes, sizes), { roles: ROLES })), `chunks of ${sizes.join('/')}`).toEqual(expected);
    }
  });

  /**
   * A fixture long enough that the stream reads it in many pieces (not all in its first sample): the header
   * once, then the body again and again.
   */
  function enlarge(bytes: Uint8Array, lineBreak: readonly number[], minimum: number): Uint8Array {
    let headerEnd = -1;
    for (let i = 0; i + lineBreak.length <= bytes.length && headerEnd < 0; i++) {
      if (lineBreak.every((byte, k) => bytes[i + k] === byte)) headerEnd = i + lineBreak.length;
    }
    const body = bytes.subarray(headerEnd);
    const copies = Math.ceil(minimum / body.length);
    const out = new Uint8Array(headerEnd + body.length * copies);
    out.set(bytes.subarray(0, headerEnd));
    for (let k = 0; k < copies; k++) out.set(body, headerEnd + k * body.length);
    return out;
  }

  const CRLF = [0x0d, 0x0a];
  const LF = [0x0a];
  const CR = [0x0d];
  const LARGE: Array<[string, readonly number[]]> = [
    ['outlook-contacts.csv', CRLF],
    ['google-contacts.csv', LF],
    ['excel-csv-utf8.csv', CRLF],
    ['excel-european-semicolon.csv', CRLF],
    ['excel-unicode-text.txt', [0x0d, 0x00, 0x0a, 0x00]],
    ['quoted-multiline.csv', CRLF],
    ['one-per-line.txt', LF],
    ['classic-mac-cr.csv', CR],
  ];

  it.each(LARGE)('%s enlarged past 600 KB, in chunks that split characters, quoted fields and CRLF pairs', { timeout: 60_000 }, async (name, lineBreak) => {
    const bytes = enlarge(fixture(name), lineBreak, 600_000);
    const expected = comparable(checkBytes(bytes, { roles: ROLES }));
    expect(expected.rows.length).toBeGreaterThan(1000);
    for (const sizes of [[997], [4093, 1, 2, 3], [65_536], [65_537, 13], [300_001]]) {
      expect(comparable(await streamed(chunked(bytes, sizes), { roles: ROLES })), `chunks of ${sizes.join('/')}`).toEqual(expected);
    }
  });

  const encoder = new TextEncoder();
  const filler = (rows: number, newline = '\n') =>
    `email,name,notes${newline}${Array.from({ length: rows }, (_, i) => `user${i}@example.com,User ${i},`).join(newline)}${newline}`;

  it('splits between CR and LF, inside quoted fields and inside multi-byte characters, far into the input', { timeout: 60_000 }, async () => {
    const tail = 'ann@x.com,"Lee, Ann","two\r\nlines"\r\nzoë@x.com,Zoë Ünal,"€ 5"\r\nbob@x.com,"Bob ""B""",\r\n';
    const bytes = encoder.encode(filler(12_000, '\r\n') + tail);
    const from = bytes.length - encoder.encode(tail).length;
    const expected = comparable(checkBytes(bytes));
    for (let cut = from; cut <= bytes.length; cut++) {
      // One cut at every byte of the tail, and the head in one piece or many.
      expect(comparable(await streamed(cutAt(bytes, [cut]))), `cut at ${cut}`).toEqual(expected);
      expect(comparable(await streamed(cutAt(bytes, [70_000, 140_001, cut]))), `cut at ${cut}`).toEqual(expected);
    }
  });

  it('a quote inside an unquoted field does not make the stream cut a later quoted field', { timeout: 60_000 }, async () => {
    const tail = 'ann@x.com,O"Neil,\nbob@x.com,Bob,"Multi\nline"\ncat@x.com,Cat,\n';
    const bytes = encoder.encode(filler(12_000) + tail);
    const expected = comparable(checkBytes(bytes));
    expect(expected.rows.slice(-3).map((row) => row.line)).toEqual([12_002, 12_003, 12_005]);
    for (let cut = bytes.length - tail.length; cut <= bytes.length; cut++) {
      expect(comparable(await streamed(cutAt(bytes, [cut]))), `cut at ${cut}`).toEqual(expected);
    }
  });

  it('a stray CR inside a line of an LF file does not end a row', { timeout: 60_000 }, async () => {
    const tail = 'ann@x.com,An\rn,\nbob@x.com,Bob,\n';
    const bytes = encoder.encode(filler(12_000) + tail);
    const expected = comparable(checkBytes(bytes));
    expect(expected.rows.at(-2)!.name).toBe('An\rn');
    for (let cut = bytes.length - tail.length; cut <= bytes.length; cut++) {
      expect(comparable(await streamed(cutAt(bytes, [cut]))), `cut at ${cut}`).toEqual(expected);
    }
  });

  it('a list with CR, LF and CRLF line breaks keeps its line numbers', { timeout: 60_000 }, async () => {
    const list = `${Array.from({ length: 15_000 }, (_, i) => `user${i}@example.com`).join('\n')}\nann@x.com\rbob@x.com\r\ncat@x.com\n`;
    const bytes = encoder.encode(list);
    const expected = comparable(checkBytes(bytes));
    expect(expected.rows.slice(-3).map((row) => row.line)).toEqual([15_001, 15_002, 15_003]);
    for (let cut = bytes.length - 32; cut <= bytes.length; cut++) {
      expect(comparable(await streamed(cutAt(bytes, [cut]))), `cut at ${cut}`).toEqual(expected);
    }
  });

  it('Windows-1252 bytes that first appear deep in a file are decoded as Windows-1252', async () => {
    const bytes = new Uint8Array([...encoder.encode(filler(12_000)), ...[...'josé@x.com,José Müller,\n'].map((c) => c.charCodeAt(0))]);
    const expected = comparable(checkBytes(bytes));
    expect(expected.encoding).toBe('windows-1252');
    expect(expected.rows.at(-1)).toMatchObject({ name: 'José Müller', status: 'invalid', code: 'INVALID_EMAIL' });
    for (const sizes of [[4096], [65_536], [1 << 20], [3]]) {
      expect(comparable(await streamed(chunked(bytes, sizes))), `chunks of ${sizes}`).toEqual(expected);
    }
  });

  it('a second BOM at the very start is no row and moves no line', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...encoder.encode(filler(12_000))]);
    const expected = comparable(checkBytes(bytes));
    expect(expected.summary.total).toBe(12_000);
    for (const sizes of [[1], [4096], [1 << 20]]) {
      expect(comparable(await streamed(chunked(bytes, sizes))), `chunks of ${sizes}`).toEqual(expected);
    }
  });

  it('a file of few, very long rows chooses the same layout streamed as whole', async () => {
    // Fewer records in the first 64 Ki characters than the sample looks at; UTF-16 halves what a byte count buys.
    const rows = Array.from({ length: 12 }, (_, i) => `p${i}@example.com\tPerson ${i}\t${'note '.repeat(2_000)}`);
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf16le')]);
    const expected = comparable(checkBytes(bytes));
    for (const sizes of [[4096], [65_536], [1 << 20]]) {
      expect(comparable(await streamed(chunked(bytes, sizes))), `chunks of ${sizes}`).toEqual(expected);
    }
  });
});
