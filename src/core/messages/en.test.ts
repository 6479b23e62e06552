/**
 * The English table covers every code the intake produces, for every reason, and words each from its
 * parameters alone. The samples are typed by key, so a code added without a sample fails to compile.
 */
import { describe, expect, it } from 'vitest';
import { INTAKE_ERROR_CODES } from '../intake/errors.ts';
import { INVALID_EMAIL_REASONS, ROW_ISSUE_CODES } from '../intake/row-issues.ts';
import { ROW_WARNING_CODES } from '../intake/warnings.ts';
import { en } from './en.ts';
import { formatMessage } from './format.ts';
import type { IntakeMessageKey, MessageParams } from './types.ts';

const value = 'ann lee@x.io';

/** Parameters for each key, one per reason where a code has several, and the English they give. */
const SAMPLES: { [K in IntakeMessageKey]: Array<[MessageParams[K], string]> } = {
  'row.MISSING_EMAIL': [
    [{ reason: 'NO_ADDRESS' }, 'The row has no e-mail address.'],
    [{ reason: 'NO_ADDRESS', name: 'Ann Lee' }, 'The row for Ann Lee has no e-mail address.'],
    [
      { reason: 'SECONDARY_COLUMN', name: 'Ann', column: 3, header: 'Manager Email', value: 'boss@x.io' },
      `The row for Ann has no e-mail address; "Manager Email" holds boss@x.io, which is not invited: its header marks it as not the person's own (a sign-in name, another person's address, or a secondary one); choose it as the address column to invite from it.`,
    ],
    [
      { reason: 'OTHER_COLUMN_CHOSEN', column: 2, value: 'buyer@x.io' },
      "The row has no e-mail address; column 2 holds buyer@x.io, which is not invited: another column was taken as the invitees' addresses.",
    ],
  ],
  'row.INVALID_EMAIL': [
    [{ value: 'annx.io', reason: 'NO_AT' }, '"annx.io" is not a valid e-mail address: it has no @.'],
    [{ value: 'a@@x.io', reason: 'SEVERAL_AT' }, '"a@@x.io" is not a valid e-mail address: it has more than one @.'],
    [{ value: '@x.io', reason: 'NOTHING_BEFORE_AT' }, '"@x.io" is not a valid e-mail address: nothing comes before the @.'],
    [{ value: 'ann@', reason: 'NOTHING_AFTER_AT' }, '"ann@" is not a valid e-mail address: nothing comes after the @.'],
    [{ value, reason: 'SPACE', word: 'lee' }, '"ann lee@x.io" has a space before "lee"; an address cannot contain spaces.'],
    [{ value: 'ann @x.io', reason: 'SPACE_BEFORE_AT' }, '"ann @x.io" has a space before the @; an address cannot contain spaces.'],
    [{ value: 'jörg@x.de', reason: 'NON_ASCII', character: 'ö', codePoint: 0xf6 }, '"jörg@x.de" is not a valid e-mail address: it contains "ö", which addresses cannot contain.'],
    [
      { value: 'ann\u200b@x.io', reason: 'INVISIBLE_CHARACTER', character: '\u200b', codePoint: 0x200b },
      '"ann\u200b@x.io" is not a valid e-mail address: it contains an invisible character (U+200B), which addresses cannot contain.',
    ],
    [{ value: 'a,b@x.io', reason: 'CHARACTER_BEFORE_AT', character: ',' }, '"a,b@x.io" is not a valid e-mail address: "," is not allowed before the @.'],
    [{ value: 'ann@x', reason: 'DOMAIN_WITHOUT_DOT', domain: 'x' }, '"ann@x" is not a valid e-mail address: the domain "x" has no dot (like example.com).'],
    [{ value: 'ann@x..io', reason: 'DOMAIN_EMPTY_PART', domain: 'x..io' }, '"ann@x..io" is not a valid e-mail address: the domain "x..io" has an empty part between dots.'],
    [
      { value: 'ann@x_y.io', reason: 'DOMAIN_CHARACTER', domain: 'x_y.io' },
      '"ann@x_y.io" is not a valid e-mail address: the domain "x_y.io" may only contain letters, digits, hyphens and dots.',
    ],
    [
      { value: `ann@${'b'.repeat(64)}.io`, reason: 'DOMAIN_PART_TOO_LONG', label: 'b'.repeat(64), limit: 63 },
      `"ann@${'b'.repeat(64)}.io" is not a valid e-mail address: the domain part "${'b'.repeat(20)}…" is longer than 63 characters.`,
    ],
    [{ value: 'ann@x-.io', reason: 'DOMAIN_PART_HYPHEN', label: 'x-' }, '"ann@x-.io" is not a valid e-mail address: the domain part "x-" starts or ends with a hyphen.'],
    [{ value: 'ann@x.io@', reason: 'NOT_AN_ADDRESS' }, '"ann@x.io@" is not a valid e-mail address: it does not have the form name@example.com.'],
  ],
  'row.EMAIL_TOO_LONG': [
    [{ reason: 'ADDRESS', length: 300, limit: 254 }, 'The address is 300 characters long; the limit is 254.'],
    [{ reason: 'LOCAL_PART', length: 65, limit: 64 }, 'The part before the @ is 65 characters long; the limit is 64.'],
  ],
  'row.MULTIPLE_EMAILS': [[{ count: 2, emails: ['a@x.io', 'b@x.io'] }, 'The cell holds 2 addresses (a@x.io, b@x.io); put one address per row.']],
  'row.DOMAIN_NOT_ALLOWED': [[{ domain: 'y.io', allowed: ['x.io', 'x.com'] }, 'Only addresses at x.io, x.com may be invited, not y.io.']],
  'row.DOMAIN_BLOCKED': [[{ domain: 'gmail.com' }, 'Addresses at gmail.com may not be invited.']],
  'row.ROLE_NOT_ALLOWED': [[{ role: 'owner', roles: ['admin', 'member'] }, '"owner" is not a role here; choose one of: admin, member.']],
  'row.TOO_MANY_ROWS': [
    [{ limit: 100 }, 'Only 100 people can be invited at once; this row is past that limit.'],
    // Once "Only 1 people": the count chooses the noun.
    [{ limit: 1 }, 'Only 1 person can be invited at once; this row is past that limit.'],
  ],
  'row.DUPLICATE': [[{ email: 'ann@x.io', line: 12 }, 'ann@x.io is already listed on line 12.']],
  'row.ALREADY_MEMBER': [[{ email: 'ann@x.io' }, 'ann@x.io is already a member.']],
  'row.ALREADY_INVITED': [[{ email: 'ann@x.io' }, 'ann@x.io already has a pending invitation.']],
  'row.ALREADY_EXISTS': [[{ email: 'ann@x.io' }, 'ann@x.io is already a member or has a pending invitation.']],
  'warning.NAME_FROM_WORDS': [
    [{ words: 'user', email: 'name@x.io' }, '"user" was read as the name for name@x.io; if it is part of the address (a space typed by mistake), correct the row.'],
  ],
  'warning.WORD_NEXT_TO_ADDRESS': [
    [{ word: 'lee', email: 'ann@x.io' }, '"lee" stands next to ann@x.io with only a space between; if the space was typed by mistake, correct the row.'],
  ],
  'warning.INVALID_BYTES': [
    [{ line: 4 }, `Line 4 held bytes that are not valid text in the file's encoding; they show as "\ufffd". Check the name and address against the original.`],
  ],
  'warning.CR_INSIDE_ROW': [
    [
      { line: 7 },
      'Line 7 holds a carriage return that this file does not use as a line break; if it was meant to start a new row, that row was read as part of this one.',
    ],
  ],
  'warning.OTHER_ADDRESSES': [[{ invited: 'a@x.io', others: ['b@x.io', 'c@x.io'] }, 'The cell also holds b@x.io, c@x.io; only the first address, a@x.io, is invited.']],
  'intakeError.EMPTY_INPUT': [[{}, 'The input is empty: there are no rows to read.']],
  'intakeError.BINARY_FILE': [
    [{ kind: 'ZIP' }, 'This is a ZIP archive, not a text file. Upload a CSV or TSV file, or paste the list.'],
    [{ kind: 'PDF' }, 'This is a PDF document, not a text file. Upload a CSV or TSV file, or paste the list.'],
    [{ kind: 'PNG' }, 'This is a PNG image, not a text file. Upload a CSV or TSV file, or paste the list.'],
    [{ kind: 'JPEG' }, 'This is a JPEG image, not a text file. Upload a CSV or TSV file, or paste the list.'],
    [{ kind: 'GIF' }, 'This is a GIF image, not a text file. Upload a CSV or TSV file, or paste the list.'],
    [{ kind: 'GZIP' }, 'This is a gzip archive, not a text file. Upload a CSV or TSV file, or paste the list.'],
    [{ kind: 'ELF' }, 'This is a program (ELF), not a text file. Upload a CSV or TSV file, or paste the list.'],
    [{ kind: 'WINDOWS_PROGRAM' }, 'This is a Windows program, not a text file. Upload a CSV or TSV file, or paste the list.'],
    [{ kind: 'BINARY_DATA' }, 'This file contains binary data, not text. Upload a CSV or TSV file, or paste the list.'],
    [{ kind: 'NUL', line: 3 }, 'This file contains binary data, not text (a NUL byte on line 3). Upload a CSV or TSV file, or paste the list.'],
  ],
  'intakeError.SPREADSHEET_FILE': [
    [{ kind: 'XLSX' }, 'This is an Excel workbook (.xlsx), not a text file. Save it as CSV (in Excel: File › Save As › "CSV UTF-8") and try again.'],
    [{ kind: 'ODS' }, 'This is an OpenDocument spreadsheet (.ods), not a text file. Save it as CSV (in Excel: File › Save As › "CSV UTF-8") and try again.'],
    [{ kind: 'XLS' }, 'This is an Excel 97-2003 workbook (.xls), not a text file. Save it as CSV (in Excel: File › Save As › "CSV UTF-8") and try again.'],
    [{ kind: 'EXCEL_XML' }, 'This is an Excel XML spreadsheet, not a CSV file. Save it as CSV (in Excel: File › Save As › "CSV UTF-8") and try again.'],
  ],
  'intakeError.TOO_LARGE': [
    [{ size: 300 * 1024 * 1024, limit: 200 * 1024 * 1024, unit: 'bytes' }, 'The input is 300.0 MB; the limit is 200.0 MB. Split the list, or raise the limit (maxBytes).'],
    [{ size: 32, limit: 10, unit: 'bytes' }, 'The input is 32 bytes; the limit is 10 bytes. Split the list, or raise the limit (maxBytes).'],
    [{ size: 12, limit: 10, unit: 'characters' }, 'The input is 12 characters; the limit is 10 characters. Split the list, or raise the limit (maxBytes).'],
    [{ size: 2, limit: 1, unit: 'bytes' }, 'The input is 2 bytes; the limit is 1 byte. Split the list, or raise the limit (maxBytes).'],
  ],
  'intakeError.INVALID_OPTIONS': [
    [{ reason: 'SCHEMA', options: ['maxRows'], detail: '✖ Too small → at maxRows' }, 'Invalid intake options: ✖ Too small → at maxRows'],
    [{ reason: 'DEFAULT_ROLE', role: 'owner', roles: ['admin', 'member'] }, 'Invalid intake options: the default role "owner" is not one of admin, member.'],
    [{ reason: 'NO_SUCH_HEADER', field: 'email', header: 'Mail' }, 'No column is headed "Mail" (asked for email).'],
    [{ reason: 'NO_SUCH_COLUMN', field: 'email', index: 7, width: 3 }, 'Column 7 does not exist (asked for email); the input has 3 columns.'],
    [{ reason: 'NO_SUCH_COLUMN', field: 'role', index: 1, width: 1 }, 'Column 1 does not exist (asked for role); the input has 1 column.'],
  ],
};

const INTAKE_KEYS = [
  ...ROW_ISSUE_CODES.map((code) => `row.${code}` as const),
  ...ROW_WARNING_CODES.map((code) => `warning.${code}` as const),
  ...INTAKE_ERROR_CODES.map((code) => `intakeError.${code}` as const),
];

describe('the English table', () => {
  it.each(INTAKE_KEYS)('has an entry for %s', (key) => {
    expect(en[key]).toBeTypeOf('function');
    expect(SAMPLES[key]?.length).toBeGreaterThan(0);
  });

  it('has no intake entry for a code the intake does not produce', () => {
    const intakeEntries = Object.keys(en).filter((key) => /^(row|warning|intakeError)\./.test(key));
    expect(intakeEntries.sort()).toEqual([...INTAKE_KEYS].sort());
  });

  it('has a sample, and so a sentence, for every reason an address is invalid', () => {
    const sampled = SAMPLES['row.INVALID_EMAIL'].map(([params]) => params.reason);
    expect(new Set(sampled)).toEqual(new Set(INVALID_EMAIL_REASONS));
  });

  const cases = (Object.entries(SAMPLES) as Array<[IntakeMessageKey, Array<[never, string]>]>).flatMap(([key, samples]) =>
    samples.map(([params, english]) => [key, params as object, english] as const),
  );
  it.each(cases)('%s %o → %s', (key, params, english) => {
    expect(formatMessage(key, params as never)).toBe(english);
    // Nothing left unfilled.
    expect(english).not.toMatch(/undefined|\[object|NaN/);
  });

  it('keeps parameters as data: every sample survives a JSON round trip unchanged (a worker, a saved draft)', () => {
    for (const [key, params, english] of cases) expect(formatMessage(key, JSON.parse(JSON.stringify(params)) as never)).toBe(english);
  });
});
