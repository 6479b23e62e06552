/**
 * The intake's rows, warnings and errors carry code + params, and their `message` is what the table
 * makes of them: the English of before, word for word, and another table's words when one is given.
 */
import { describe, expect, it } from 'vitest';
import { checkBytes, checkText } from '../intake/check.ts';
import { IntakeError } from '../intake/errors.ts';
import { issuesOf } from '../intake/row-rules.ts';
import { formatIntakeError, formatRowIssue, formatRowWarning } from './intake.ts';
import type { MessageOverrides } from './types.ts';

const de: MessageOverrides = {
  'row.DUPLICATE': ({ email, line }) => `${email} steht schon in Zeile ${line}.`,
  'row.INVALID_EMAIL': (params) => (params.reason === 'NO_AT' ? `„${params.value}“ ist keine E-Mail-Adresse: das @ fehlt.` : `„${params.value}“ ist keine E-Mail-Adresse.`),
  'warning.NAME_FROM_WORDS': ({ words, email }) => `„${words}“ wurde als Name für ${email} gelesen.`,
  'intakeError.TOO_LARGE': ({ size, limit }) => `Die Eingabe hat ${size} Byte; erlaubt sind ${limit}.`,
};

const LIST = [
  'Email,Name,Role,Manager Email',
  'ann@example.com,Ann,member,',
  'ANN@example.com,Ann Again,member,',
  'not-an-address,Bob,member,',
  'cy@blocked.example,Cy,member,',
  'dee@example.com,Dee,owner,',
  ',Eve,member,boss@example.com',
  '"a@example.com, b@example.com",Two,member,',
  'fay@example.com,Fay,member,',
  'gus@example.com,Gus,member,',
].join('\n');

function check() {
  return checkText(LIST, { roles: ['admin', 'member'], blockDomains: ['blocked.example'], maxRows: 1, existing: [{ email: 'fay@example.com', status: 'invited' }] });
}

describe('intake rows, worded from the table', () => {
  it('carry code and params, and a message that is the English table applied to them (the wording of before)', () => {
    const rows = check().rows;
    expect(rows.map((row) => [row.line, row.code, row.params, row.message])).toEqual([
      [2, undefined, undefined, undefined],
      [3, 'DUPLICATE', { email: 'ann@example.com', line: 2 }, 'ann@example.com is already listed on line 2.'],
      [4, 'INVALID_EMAIL', { value: 'not-an-address', reason: 'NO_AT' }, '"not-an-address" is not a valid e-mail address: it has no @.'],
      [5, 'DOMAIN_BLOCKED', { domain: 'blocked.example' }, 'Addresses at blocked.example may not be invited.'],
      [6, 'ROLE_NOT_ALLOWED', { role: 'owner', roles: ['admin', 'member'] }, '"owner" is not a role here; choose one of: admin, member.'],
      [
        7,
        'MISSING_EMAIL',
        { reason: 'SECONDARY_COLUMN', name: 'Eve', column: 4, header: 'Manager Email', value: 'boss@example.com' },
        `The row for Eve has no e-mail address; "Manager Email" holds boss@example.com, which is not invited: its header marks it as not the person's own (a sign-in name, another person's address, or a secondary one); choose it as the address column to invite from it.`,
      ],
      [
        8,
        'MULTIPLE_EMAILS',
        { count: 2, emails: ['a@example.com', 'b@example.com'] },
        'The cell holds 2 addresses (a@example.com, b@example.com); put one address per row.',
      ],
      [9, 'ALREADY_INVITED', { email: 'fay@example.com' }, 'fay@example.com already has a pending invitation.'],
      [10, 'TOO_MANY_ROWS', { limit: 1 }, 'Only 1 person can be invited at once; this row is past that limit.'],
    ]);
    for (const row of rows) expect(formatRowIssue(row)).toBe(row.message);
  });

  it('pass code and params on in issuesOf', () => {
    const issues = issuesOf(check().rows);
    expect(issues[0]).toEqual({
      line: 3,
      raw: 'ANN@example.com,Ann Again,member,',
      code: 'DUPLICATE',
      params: { email: 'ann@example.com', line: 2 },
      message: 'ann@example.com is already listed on line 2.',
    });
  });

  it('carry warnings as code and params, with the English message', () => {
    const [row] = checkText('user name@example.com\n').rows;
    expect(row!.warnings).toEqual([
      {
        code: 'NAME_FROM_WORDS',
        params: { words: 'user', email: 'name@example.com' },
        message: '"user" was read as the name for name@example.com; if it is part of the address (a space typed by mistake), correct the row.',
      },
    ]);
    // Bytes a decoder could not read show as U+FFFD.
    const damaged = checkText('email,name\nann@example.com,A\ufffd\n').rows[0]!;
    expect(damaged.warnings).toEqual([expect.objectContaining({ code: 'INVALID_BYTES', params: { line: 2 } })]);
    for (const warning of [...row!.warnings!, ...damaged.warnings!]) expect(formatRowWarning(warning)).toBe(warning.message);
  });

  it("are worded from a host's table, in English where it has no entry", () => {
    const rows = check().rows;
    expect(formatRowIssue(rows[1]!, de)).toBe('ann@example.com steht schon in Zeile 2.');
    expect(formatRowIssue(rows[2]!, de)).toBe('„not-an-address“ ist keine E-Mail-Adresse: das @ fehlt.');
    expect(formatRowIssue(rows[3]!, de)).toBe('Addresses at blocked.example may not be invited.');
    expect(formatRowIssue(rows[0]!, de)).toBeUndefined();
    const [row] = checkText('user name@example.com\n').rows;
    expect(formatRowWarning(row!.warnings![0]!, de)).toBe('„user“ wurde als Name für name@example.com gelesen.');
  });

  it('keep the message a row was saved with when it has no params (an older version)', () => {
    expect(formatRowIssue({ code: 'DUPLICATE', message: 'as saved' }, de)).toBe('as saved');
  });
});

describe('IntakeError, worded from the table', () => {
  function refusal(run: () => unknown): IntakeError {
    try {
      run();
    } catch (error) {
      if (error instanceof IntakeError) return error;
      throw error;
    }
    throw new Error('expected an IntakeError');
  }

  it.each([
    ['too large', () => checkText('ann@example.com\n', { maxBytes: 10 }), 'TOO_LARGE', { size: 16, limit: 10, unit: 'characters' }, 'The input is 16 characters; the limit is 10 characters. Split the list, or raise the limit (maxBytes).'],
    ['empty', () => checkText(' \n'), 'EMPTY_INPUT', {}, 'The input is empty: there are no rows to read.'],
    ['a PNG', () => checkBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), 'BINARY_FILE', { kind: 'PNG' }, 'This is a PNG image, not a text file. Upload a CSV or TSV file, or paste the list.'],
    ['a NUL', () => checkText('a@x.io\nb@x.io\0\n'), 'BINARY_FILE', { kind: 'NUL', line: 2 }, 'This file contains binary data, not text (a NUL byte on line 2). Upload a CSV or TSV file, or paste the list.'],
    [
      'an .xls',
      () => checkBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
      'SPREADSHEET_FILE',
      { kind: 'XLS' },
      'This is an Excel 97-2003 workbook (.xls), not a text file. Save it as CSV (in Excel: File › Save As › "CSV UTF-8") and try again.',
    ],
    [
      'a default role outside the roles',
      () => checkText('a@x.io\n', { roles: ['admin', 'member'], defaultRole: 'owner' }),
      'INVALID_OPTIONS',
      { reason: 'DEFAULT_ROLE', role: 'owner', roles: ['admin', 'member'] },
      'Invalid intake options: the default role "owner" is not one of admin, member.',
    ],
    [
      'a header that is not there',
      () => checkText('Email,Name\nann@x.io,Ann\n', { columns: { email: 'Mail' } }),
      'INVALID_OPTIONS',
      { reason: 'NO_SUCH_HEADER', field: 'email', header: 'Mail' },
      'No column is headed "Mail" (asked for email).',
    ],
    [
      'a column that is not there',
      () => checkText('Email,Name\nann@x.io,Ann\n', { columns: { email: 7 } }),
      'INVALID_OPTIONS',
      { reason: 'NO_SUCH_COLUMN', field: 'email', index: 7, width: 2 },
      'Column 7 does not exist (asked for email); the input has 2 columns.',
    ],
  ] as const)('%s: code, params and the English message', (_, run, code, params, message) => {
    const error = refusal(run);
    expect([error.code, error.params, error.message]).toEqual([code, params, message]);
    expect(formatIntakeError(error)).toBe(message);
  });

  it('names the options a schema check refused, with zod’s own words beside them', () => {
    const error = refusal(() => checkText('a@x.io\n', { maxRows: 0, roles: ['admin', ''] }));
    expect(error.params).toMatchObject({ reason: 'SCHEMA', options: ['roles', 'maxRows'] });
    expect(error.message).toMatch(/^Invalid intake options: .*maxRows/);
  });

  it("is worded from a host's table, in English where it has no entry", () => {
    expect(formatIntakeError(refusal(() => checkText('ann@example.com\n', { maxBytes: 10 })), de)).toBe('Die Eingabe hat 16 Byte; erlaubt sind 10.');
    expect(formatIntakeError(refusal(() => checkText(' ')), de)).toBe('The input is empty: there are no rows to read.');
  });

  it('is rebuilt from its code and params (a worker’s answer) with the same message', () => {
    const error = refusal(() => checkText('a@x.io\0'));
    const copy = new IntakeError(...(structuredClone([error.code, error.params]) as ConstructorParameters<typeof IntakeError>));
    expect([copy.code, copy.params, copy.message]).toEqual([error.code, error.params, error.message]);
  });
});
