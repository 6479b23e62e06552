/**
 * English for the intake: rows' problems and warnings, and inputs that cannot be read. The wording is
 * what the CLI prints and what `message` carries; change it here, not at the call sites.
 */
import type { InvalidEmailParams, MissingEmailParams } from '../intake/row-issues.ts';
import type { BinaryKind, IntakeErrorParams, SpreadsheetKind } from '../intake/errors.ts';
import type { IntakeMessageKey, Messages } from './types.ts';

const list = (items: readonly string[]) => items.join(', ');

/** `1 person`, `2 people`: the count with the noun it takes. */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function invalidEmail(params: InvalidEmailParams): string {
  const { value } = params;
  switch (params.reason) {
    case 'SPACE':
      return `"${value}" has a space before "${params.word}"; an address cannot contain spaces.`;
    case 'SPACE_BEFORE_AT':
      return `"${value}" has a space before the @; an address cannot contain spaces.`;
    default:
      return `"${value}" is not a valid e-mail address: ${whyInvalid(params)}.`;
  }
}

function whyInvalid(params: Exclude<InvalidEmailParams, { reason: 'SPACE' | 'SPACE_BEFORE_AT' }>): string {
  switch (params.reason) {
    case 'NO_AT':
      return 'it has no @';
    case 'SEVERAL_AT':
      return 'it has more than one @';
    case 'NOTHING_BEFORE_AT':
      return 'nothing comes before the @';
    case 'NOTHING_AFTER_AT':
      return 'nothing comes after the @';
    case 'NON_ASCII':
      return `it contains "${params.character}", which addresses cannot contain`;
    case 'INVISIBLE_CHARACTER':
      return `it contains an invisible character (${codePoint(params.codePoint)}), which addresses cannot contain`;
    case 'CHARACTER_BEFORE_AT':
      return `"${params.character}" is not allowed before the @`;
    case 'DOMAIN_WITHOUT_DOT':
      return `the domain "${params.domain}" has no dot (like example.com)`;
    case 'DOMAIN_EMPTY_PART':
      return `the domain "${params.domain}" has an empty part between dots`;
    case 'DOMAIN_PART_TOO_LONG':
      return `the domain part "${params.label.slice(0, 20)}…" is longer than ${params.limit} characters`;
    case 'DOMAIN_CHARACTER':
      return `the domain "${params.domain}" may only contain letters, digits, hyphens and dots`;
    case 'DOMAIN_PART_HYPHEN':
      return `the domain part "${params.label}" starts or ends with a hyphen`;
    case 'NOT_AN_ADDRESS':
      return 'it does not have the form name@example.com';
  }
}

/** `U+200B`. */
function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function missingEmail(params: MissingEmailParams): string {
  const row = params.name ? `The row for ${params.name}` : 'The row';
  if (params.reason === 'NO_ADDRESS') return `${row} has no e-mail address.`;
  const column = params.header ? `"${params.header}"` : `column ${params.column}`;
  const why =
    params.reason === 'SECONDARY_COLUMN'
      ? "its header marks it as not the person's own (a sign-in name, another person's address, or a secondary one); choose it as the address column to invite from it"
      : "another column was taken as the invitees' addresses";
  return `${row} has no e-mail address; ${column} holds ${params.value}, which is not invited: ${why}.`;
}

const BINARY: Record<BinaryKind, string> = {
  ZIP: 'a ZIP archive',
  PDF: 'a PDF document',
  PNG: 'a PNG image',
  JPEG: 'a JPEG image',
  GIF: 'a GIF image',
  GZIP: 'a gzip archive',
  ELF: 'a program (ELF)',
  WINDOWS_PROGRAM: 'a Windows program',
  BINARY_DATA: 'binary data',
};

const UPLOAD_TEXT = 'Upload a CSV or TSV file, or paste the list.';

function binaryFile(params: IntakeErrorParams['BINARY_FILE']): string {
  if (params.kind === 'NUL') return `This file contains binary data, not text (a NUL byte on line ${params.line}). ${UPLOAD_TEXT}`;
  if (params.kind === 'BINARY_DATA') return `This file contains binary data, not text. ${UPLOAD_TEXT}`;
  return `This is ${BINARY[params.kind]}, not a text file. ${UPLOAD_TEXT}`;
}

const SPREADSHEET: Record<SpreadsheetKind, string> = {
  XLSX: 'This is an Excel workbook (.xlsx), not a text file.',
  ODS: 'This is an OpenDocument spreadsheet (.ods), not a text file.',
  XLS: 'This is an Excel 97-2003 workbook (.xls), not a text file.',
  EXCEL_XML: 'This is an Excel XML spreadsheet, not a CSV file.',
};

/** `3.2 MB` from a megabyte up (one decimal), else `512 bytes`. */
function size(amount: number, unit: 'bytes' | 'characters'): string {
  if (unit === 'characters') return count(amount, 'character', 'characters');
  return amount >= 1024 * 1024 ? `${(amount / (1024 * 1024)).toFixed(1)} MB` : count(amount, 'byte', 'bytes');
}

function invalidOptions(params: IntakeErrorParams['INVALID_OPTIONS']): string {
  switch (params.reason) {
    case 'SCHEMA':
      return `Invalid intake options: ${params.detail}`;
    case 'DEFAULT_ROLE':
      return `Invalid intake options: the default role "${params.role}" is not one of ${list(params.roles)}.`;
    case 'NO_SUCH_HEADER':
      return `No column is headed "${params.header}" (asked for ${params.field}).`;
    case 'NO_SUCH_COLUMN':
      return `Column ${params.index} does not exist (asked for ${params.field}); the input has ${count(params.width, 'column', 'columns')}.`;
  }
}

export const enIntake: Pick<Messages, IntakeMessageKey> = {
  'row.MISSING_EMAIL': missingEmail,
  'row.INVALID_EMAIL': invalidEmail,
  'row.EMAIL_TOO_LONG': ({ reason, length, limit }) =>
    `${reason === 'ADDRESS' ? 'The address' : 'The part before the @'} is ${length} characters long; the limit is ${limit}.`,
  'row.MULTIPLE_EMAILS': ({ count: n, emails }) => `The cell holds ${count(n, 'address', 'addresses')} (${list(emails)}); put one address per row.`,
  'row.DOMAIN_NOT_ALLOWED': ({ domain, allowed }) => `Only addresses at ${list(allowed)} may be invited, not ${domain}.`,
  'row.DOMAIN_BLOCKED': ({ domain }) => `Addresses at ${domain} may not be invited.`,
  'row.ROLE_NOT_ALLOWED': ({ role, roles }) => `"${role}" is not a role here; choose one of: ${list(roles)}.`,
  'row.TOO_MANY_ROWS': ({ limit }) => `Only ${count(limit, 'person', 'people')} can be invited at once; this row is past that limit.`,
  'row.DUPLICATE': ({ email, line }) => `${email} is already listed on line ${line}.`,
  'row.ALREADY_MEMBER': ({ email }) => `${email} is already a member.`,
  'row.ALREADY_INVITED': ({ email }) => `${email} already has a pending invitation.`,
  'row.ALREADY_EXISTS': ({ email }) => `${email} is already a member or has a pending invitation.`,

  'warning.NAME_FROM_WORDS': ({ words, email }) =>
    `"${words}" was read as the name for ${email}; if it is part of the address (a space typed by mistake), correct the row.`,
  'warning.WORD_NEXT_TO_ADDRESS': ({ word, email }) =>
    `"${word}" stands next to ${email} with only a space between; if the space was typed by mistake, correct the row.`,
  'warning.INVALID_BYTES': ({ line }) =>
    `Line ${line} held bytes that are not valid text in the file's encoding; they show as "\ufffd". Check the name and address against the original.`,
  'warning.CR_INSIDE_ROW': ({ line }) =>
    `Line ${line} holds a carriage return that this file does not use as a line break; if it was meant to start a new row, that row was read as part of this one.`,
  'warning.OTHER_ADDRESSES': ({ invited, others }) => `The cell also holds ${list(others)}; only the first address, ${invited}, is invited.`,

  'intakeError.EMPTY_INPUT': () => 'The input is empty: there are no rows to read.',
  'intakeError.BINARY_FILE': binaryFile,
  'intakeError.SPREADSHEET_FILE': ({ kind }) => `${SPREADSHEET[kind]} Save it as CSV (in Excel: File › Save As › "CSV UTF-8") and try again.`,
  'intakeError.TOO_LARGE': ({ size: amount, limit, unit }) =>
    `The input is ${size(amount, unit)}; the limit is ${size(limit, unit)}. Split the list, or raise the limit (maxBytes).`,
  'intakeError.INVALID_OPTIONS': invalidOptions,
};
