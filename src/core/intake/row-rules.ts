/**
 * The per-row rules: address validity, domain lists, role, row limit, and dedupe (within the input and
 * against the host's `existing` list). Each candidate comes out as exactly one `CheckedRow` in exactly
 * one state, with a stable code and a human message when it is not valid. Stateful (dedupe, limit), so
 * one checker serves one input, read in order.
 */
import { AddressIndex } from './address-index.ts';
import { checkAddress, domainMatches, domainOf, validAddress, type AddressProblemCode } from './address-rule.ts';
import type { RowWarning } from './warnings.ts';

export type RowStatus = 'valid' | 'invalid' | 'duplicate';

export type RowIssueCode =
  | AddressProblemCode
  | 'MISSING_EMAIL'
  | 'MULTIPLE_EMAILS'
  | 'DOMAIN_NOT_ALLOWED'
  | 'DOMAIN_BLOCKED'
  | 'ROLE_NOT_ALLOWED'
  | 'TOO_MANY_ROWS'
  | 'DUPLICATE'
  | 'ALREADY_MEMBER'
  | 'ALREADY_INVITED'
  | 'ALREADY_EXISTS';

/** What a row says, as read. */
interface RowFields {
  /** 1-based line where the row starts in the input. */
  line: number;
  /** The row's original text. */
  raw: string;
  /**
   * Candidate: the address text as found ('' when the row has none). Checked row: normalised (trimmed,
   * lower-cased) when valid, as read otherwise.
   */
  email: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  /** Candidate: as written. Checked row: as the target spells it, when the row or the default gives one. */
  role?: string;
  /** Other named columns of a table row. */
  extra?: Record<string, string>;
  /** What the reader noticed that the person should see, whatever the row's state. */
  warnings?: RowWarning[];
}

/** A row as the reader found it, before the rules. */
export interface Candidate extends RowFields {
  /** A problem the reader already found (e.g. several addresses in one cell). */
  problem?: { code: RowIssueCode; message: string };
}

export interface CheckedRow extends RowFields {
  status: RowStatus;
  code?: RowIssueCode;
  message?: string;
  /** For in-input duplicates: the line of the row this one repeats. */
  duplicateOf?: number;
}

export interface RowIssue {
  line: number;
  raw: string;
  code: RowIssueCode;
  message: string;
}

export type ExistingEntry = string | { email: string; status: 'member' | 'invited' };

export interface RowRules {
  /** Roles the target accepts; a row's role is matched case-insensitively and output as spelled here. */
  roles?: readonly string[];
  /** Role for rows that name none. */
  defaultRole?: string;
  /** Only these domains (and their subdomains) may be invited. */
  allowDomains?: readonly string[];
  /** These domains (and their subdomains) may not be invited. */
  blockDomains?: readonly string[];
  /** At most this many valid rows; later ones are refused with TOO_MANY_ROWS. */
  maxRows?: number;
  /** Addresses that are already members or invited. Plain strings mean "one or the other". */
  existing?: Iterable<ExistingEntry>;
}

export interface Summary {
  total: number;
  valid: number;
  invalid: number;
  duplicate: number;
}

export interface RowChecker {
  /** Checks one candidate. The candidate object itself becomes the returned row (no copy). */
  check(candidate: Candidate): CheckedRow;
  readonly summary: Readonly<Summary>;
}

const EXISTING_TEXT = {
  ALREADY_MEMBER: 'is already a member',
  ALREADY_INVITED: 'already has a pending invitation',
  ALREADY_EXISTS: 'is already a member or has a pending invitation',
} as const;

function foldDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '');
}

export interface RowCheckerOptions {
  /**
   * Keep the dedupe index compact and detached from the input's text (streaming). The default, a
   * `Map`, is faster but its keys pin the text they were cut from, which a whole-text check holds anyway.
   */
  compactIndex?: boolean;
}

/** What the dedupe needs of an index: the first line of each address. */
interface FirstLineIndex {
  get(email: string): number | undefined;
  add(email: string, line: number): void;
}

function mapIndex(): FirstLineIndex {
  const map = new Map<string, number>();
  return { get: (email) => map.get(email), add: (email, line) => void map.set(email, line) };
}

/** A person's name for display: the full name, else first and last name joined. */
export function displayName(person: { name?: string | undefined; firstName?: string | undefined; lastName?: string | undefined }): string | undefined {
  if (person.name) return person.name;
  const joined = [person.firstName, person.lastName].filter(Boolean).join(' ');
  return joined || undefined;
}

export function createRowChecker(rules: RowRules = {}, { compactIndex = false }: RowCheckerOptions = {}): RowChecker {
  const roles = rules.roles ? new Map(rules.roles.map((role) => [role.toLowerCase(), role])) : undefined;
  const roleSpellings = rules.roles ? [...rules.roles] : undefined;
  const allow = rules.allowDomains?.map(foldDomain);
  const block = rules.blockDomains?.map(foldDomain);
  // The default role is spelled as the target spells it, like any role a row names.
  const defaultRole = rules.defaultRole === undefined ? undefined : (roles?.get(rules.defaultRole.trim().toLowerCase()) ?? rules.defaultRole);
  const existing = new Map<string, keyof typeof EXISTING_TEXT>();
  for (const entry of rules.existing ?? []) {
    if (typeof entry === 'string') existing.set(entry.trim().toLowerCase(), 'ALREADY_EXISTS');
    else existing.set(entry.email.trim().toLowerCase(), entry.status === 'member' ? 'ALREADY_MEMBER' : 'ALREADY_INVITED');
  }
  const firstLine: FirstLineIndex = compactIndex ? new AddressIndex() : mapIndex();
  const summary: Summary = { total: 0, valid: 0, invalid: 0, duplicate: 0 };

  // Hot path (100,000s of rows): no closures or object copies per row; the candidate becomes the row.
  function settle(row: CheckedRow, status: RowStatus, code?: RowIssueCode, message?: string, duplicateOf?: number): CheckedRow {
    row.status = status;
    if (code !== undefined) {
      row.code = code;
      row.message = message!;
    }
    if (duplicateOf !== undefined) row.duplicateOf = duplicateOf;
    summary.total++;
    if (status === 'valid') summary.valid++;
    else if (status === 'invalid') summary.invalid++;
    else summary.duplicate++;
    return row;
  }

  function invalidAddress(row: CheckedRow): CheckedRow {
    const address = checkAddress(row.email);
    row.email = address.email;
    return settle(row, 'invalid', address.code, address.message);
  }

  function check(candidate: Candidate): CheckedRow {
    const row = candidate as Candidate & CheckedRow;
    const problem = candidate.problem;
    if (problem !== undefined) {
      delete row.problem;
      row.email = row.email.trim();
      return settle(row, 'invalid', problem.code, problem.message);
    }
    const email = validAddress(row.email);
    if (email === undefined) {
      if (row.email.length > 0 && row.email.trim() !== '') return invalidAddress(row);
      row.email = '';
      const who = displayName(row);
      return settle(row, 'invalid', 'MISSING_EMAIL', who ? `The row for ${who} has no e-mail address.` : 'The row has no e-mail address.');
    }
    row.email = email;

    if (block || allow) {
      const domain = domainOf(email);
      if (block?.some((rule) => domainMatches(domain, rule))) {
        return settle(row, 'invalid', 'DOMAIN_BLOCKED', `Addresses at ${domain} may not be invited.`);
      }
      if (allow && !allow.some((rule) => domainMatches(domain, rule))) {
        return settle(row, 'invalid', 'DOMAIN_NOT_ALLOWED', `Only addresses at ${allow.join(', ')} may be invited, not ${domain}.`);
      }
    }

    const role = row.role;
    const wantedRole = role === undefined ? undefined : role.length > 0 && role.charCodeAt(0) > 32 && role.charCodeAt(role.length - 1) > 32 ? role : role.trim() || undefined;
    if (wantedRole !== undefined && roles) {
      // Rows usually spell the role exactly: compare before hashing a lower-cased copy.
      let canonical: string | undefined;
      for (let i = 0; i < roleSpellings!.length; i++) {
        if (roleSpellings![i] === wantedRole) {
          canonical = wantedRole;
          break;
        }
      }
      canonical ??= roles.get(wantedRole.toLowerCase());
      if (canonical === undefined) {
        return settle(row, 'invalid', 'ROLE_NOT_ALLOWED', `"${wantedRole}" is not a role here; choose one of: ${[...roles.values()].join(', ')}.`);
      }
      row.role = canonical;
    } else if (wantedRole === undefined) {
      if (role !== undefined) delete row.role;
      if (defaultRole !== undefined) row.role = defaultRole;
    }

    if (existing.size > 0) {
      const known = existing.get(email);
      if (known) return settle(row, 'duplicate', known, `${email} ${EXISTING_TEXT[known]}.`);
    }
    const earlier = firstLine.get(email);
    if (earlier !== undefined) return settle(row, 'duplicate', 'DUPLICATE', `${email} is already listed on line ${earlier}.`, earlier);

    if (rules.maxRows !== undefined && summary.valid >= rules.maxRows) {
      return settle(row, 'invalid', 'TOO_MANY_ROWS', `Only ${rules.maxRows} people can be invited at once; this row is past that limit.`);
    }
    firstLine.add(email, row.line);
    return settle(row, 'valid');
  }

  return { check, summary };
}

/** The problems in a checked input, one per row that is not valid. */
export function issuesOf(rows: readonly CheckedRow[]): RowIssue[] {
  return rows
    .filter((row) => row.status !== 'valid')
    .map((row) => ({ line: row.line, raw: row.raw, code: row.code!, message: row.message! }));
}
