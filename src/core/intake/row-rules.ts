/**
 * The per-row rules: address validity, domain lists, role, row limit, and dedupe (within the input and
 * against the host's `existing` list). Each candidate comes out as exactly one `CheckedRow` in exactly
 * one state, with a stable code, its parameters and the English message when it is not valid. Stateful
 * (dedupe, limit), so one checker serves one input, read in order.
 */
import { en } from '../messages/en.ts';
import { AddressIndex } from './address-index.ts';
import { firstOccurrences } from './first-occurrence.ts';
import { addressProblem, domainMatches, domainOf, validAddress } from './address-rule.ts';
import { ROW_ISSUE_CODES, type AnyRowIssueParams, type RowIssueCode, type RowIssueOf, type RowIssueParams } from './row-issues.ts';
import type { RowWarning } from './warnings.ts';

export type { RowIssueCode } from './row-issues.ts';

export type RowStatus = 'valid' | 'invalid' | 'duplicate';

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
  problem?: RowIssueOf;
  /**
   * Ignored: the checker sets the row's status. A reader may put one in the literal it builds so the
   * object has the checked row's shape from the start.
   */
  status?: RowStatus;
}

export interface CheckedRow extends RowFields {
  status: RowStatus;
  code?: RowIssueCode;
  /** What the message needs, for `code` (see `RowIssueParams`); `formatRowIssue` words it from any table. */
  params?: AnyRowIssueParams;
  /** The English sentence for `code` and `params`. */
  message?: string;
  /** For in-input duplicates: the line of the row this one repeats. */
  duplicateOf?: number;
}

/** A row that is not valid: its line, text, code with params, and English message. */
export type RowIssue = { line: number; raw: string; message: string } & RowIssueOf;

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
  /** With `dedupe: 'whole'`: settles the rows `check` left valid, in order (no-op otherwise). */
  finish(): void;
  readonly summary: Readonly<Summary>;
}

/** The English sentence of each code, looked up by the code itself on the hot path. */
const ENGLISH = Object.fromEntries(ROW_ISSUE_CODES.map((code) => [code, en[`row.${code}`]])) as Record<RowIssueCode, (params: AnyRowIssueParams) => string>;

function foldDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '');
}

export interface RowCheckerOptions {
  /**
   * How rows are deduped against each other:
   * - `'map'` (default): each row as it is checked, against a `Map` (for a few rows).
   * - `'stream'`: each row as it is checked, against an index kept compact and detached from the
   *   input's text, because a stream's rows leave as they are read.
   * - `'whole'`: all at once in `finish`, once a whole text is read (faster). `check` then hands out
   *   rows that pass every other rule as valid, and `finish` settles and counts them.
   */
  dedupe?: 'map' | 'stream' | 'whole';
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

const emailOf = (row: CheckedRow) => row.email;

/** A person's name for display: the full name, else first and last name joined. */
export function displayName(person: { name?: string | undefined; firstName?: string | undefined; lastName?: string | undefined }): string | undefined {
  if (person.name) return person.name;
  const joined = [person.firstName, person.lastName].filter(Boolean).join(' ');
  return joined || undefined;
}

export function createRowChecker(rules: RowRules = {}, { dedupe: mode = 'map' }: RowCheckerOptions = {}): RowChecker {
  const roles = rules.roles ? new Map(rules.roles.map((role) => [role.toLowerCase(), role])) : undefined;
  const roleSpellings = rules.roles ? [...rules.roles] : undefined;
  // Shared by every row's params (frozen: they are data to read).
  const allow = rules.allowDomains && Object.freeze(rules.allowDomains.map(foldDomain));
  const roleList = roles && Object.freeze([...roles.values()]);
  const block = rules.blockDomains?.map(foldDomain);
  // The default role is spelled as the target spells it, like any role a row names.
  const defaultRole = rules.defaultRole === undefined ? undefined : (roles?.get(rules.defaultRole.trim().toLowerCase()) ?? rules.defaultRole);
  const existing = new Map<string, 'ALREADY_MEMBER' | 'ALREADY_INVITED' | 'ALREADY_EXISTS'>();
  for (const entry of rules.existing ?? []) {
    if (typeof entry === 'string') existing.set(entry.trim().toLowerCase(), 'ALREADY_EXISTS');
    else existing.set(entry.email.trim().toLowerCase(), entry.status === 'member' ? 'ALREADY_MEMBER' : 'ALREADY_INVITED');
  }
  const firstLine: FirstLineIndex | undefined = mode === 'whole' ? undefined : mode === 'stream' ? new AddressIndex() : mapIndex();
  const summary: Summary = { total: 0, valid: 0, invalid: 0, duplicate: 0 };
  const deferred: CheckedRow[] | undefined = mode === 'whole' ? [] : undefined;

  // Hot path (100,000s of rows): no closures or object copies per row; the candidate becomes the row.
  // Code and params travel as two arguments; `invalid` (and `satisfies` for duplicates) checks them against each other.
  function settle(row: CheckedRow, status: RowStatus, code?: RowIssueCode, params?: AnyRowIssueParams, duplicateOf?: number): CheckedRow {
    row.status = status;
    if (code !== undefined) {
      row.code = code;
      row.params = params!;
      row.message = ENGLISH[code](params!);
    }
    if (duplicateOf !== undefined) row.duplicateOf = duplicateOf;
    summary.total++;
    if (status === 'valid') summary.valid++;
    else if (status === 'invalid') summary.invalid++;
    else summary.duplicate++;
    return row;
  }

  function invalid<C extends RowIssueCode>(row: CheckedRow, code: C, params: RowIssueParams[C]): CheckedRow {
    return settle(row, 'invalid', code, params);
  }

  function invalidAddress(row: CheckedRow): CheckedRow {
    const problem = addressProblem(row.email);
    // Shown as read, trimmed and lower-cased.
    row.email = row.email.trim().toLowerCase();
    return settle(row, 'invalid', problem.code, problem.params);
  }

  function check(candidate: Candidate): CheckedRow {
    const row = candidate as Candidate & CheckedRow;
    const problem = candidate.problem;
    if (problem !== undefined) {
      delete row.problem;
      row.email = row.email.trim();
      return settle(row, 'invalid', problem.code, problem.params);
    }
    const email = validAddress(row.email);
    if (email === undefined) {
      if (row.email.length > 0 && row.email.trim() !== '') return invalidAddress(row);
      row.email = '';
      const name = displayName(row);
      return invalid(row, 'MISSING_EMAIL', name ? { reason: 'NO_ADDRESS', name } : { reason: 'NO_ADDRESS' });
    }
    row.email = email;

    if (block || allow) {
      const domain = domainOf(email);
      if (block?.some((rule) => domainMatches(domain, rule))) {
        return invalid(row, 'DOMAIN_BLOCKED', { domain });
      }
      if (allow && !allow.some((rule) => domainMatches(domain, rule))) {
        return invalid(row, 'DOMAIN_NOT_ALLOWED', { domain, allowed: allow });
      }
    }

    const role = row.role;
    const wantedRole = role === undefined ? undefined : role.length > 0 && role.charCodeAt(0) > 32 && role.charCodeAt(role.length - 1) > 32 ? role : role.trim() || undefined;
    if (wantedRole !== undefined && roles) {
      // Rows usually spell the role exactly: compare before hashing a lower-cased copy.
      let canonical: string | undefined;
      for (let i = 0; i < roleSpellings!.length; i++) {
        if (roleSpellings![i] === wantedRole) {
          canonical = roleSpellings![i];
          break;
        }
      }
      canonical ??= roles.get(wantedRole.toLowerCase());
      if (canonical === undefined) {
        return invalid(row, 'ROLE_NOT_ALLOWED', { role: wantedRole, roles: roleList! });
      }
      row.role = canonical;
    } else if (wantedRole === undefined) {
      if (role !== undefined) delete row.role;
      if (defaultRole !== undefined) row.role = defaultRole;
    }

    if (existing.size > 0) {
      const known = existing.get(email);
      if (known) return settle(row, 'duplicate', known, { email } satisfies RowIssueParams[typeof known]);
    }
    if (deferred) {
      row.status = 'valid';
      deferred.push(row);
      return row;
    }
    return dedupe(row, firstLine!);
  }

  function dedupe(row: CheckedRow, firstLine: FirstLineIndex): CheckedRow {
    const email = row.email;
    const earlier = firstLine.get(email);
    if (earlier !== undefined) return settle(row, 'duplicate', 'DUPLICATE', { email, line: earlier } satisfies RowIssueParams['DUPLICATE'], earlier);

    if (rules.maxRows !== undefined && summary.valid >= rules.maxRows) {
      return invalid(row, 'TOO_MANY_ROWS', { limit: rules.maxRows });
    }
    firstLine.add(email, row.line);
    return settle(row, 'valid');
  }

  function finish(): void {
    if (!deferred) return;
    const first = firstOccurrences(deferred, emailOf);
    const limit = rules.maxRows ?? Infinity;
    for (let i = 0; i < deferred.length; i++) {
      const row = deferred[i]!;
      const earlier = first[i]! < 0 ? undefined : deferred[first[i]!]!;
      // A repeat of a row refused for the row limit is refused alike (as one at a time would).
      if (earlier?.status === 'valid') settle(row, 'duplicate', 'DUPLICATE', { email: row.email, line: earlier.line }, earlier.line);
      else if (earlier !== undefined || summary.valid >= limit) invalid(row, 'TOO_MANY_ROWS', { limit });
      else {
        // Left valid by `check`: only counted.
        summary.total++;
        summary.valid++;
      }
    }
    deferred.length = 0;
  }

  return { check, finish, summary };
}

/** A code with its parameters, checked against each other. */
export function issue<C extends RowIssueCode>(code: C, params: RowIssueParams[C]): RowIssueOf<C> {
  return { code, params } as RowIssueOf<C>;
}

/** The problems in a checked input, one per row that is not valid. */
export function issuesOf(rows: readonly CheckedRow[]): RowIssue[] {
  return rows
    .filter((row) => row.status !== 'valid')
    .map((row) => ({ line: row.line, raw: row.raw, code: row.code!, params: row.params!, message: row.message! }) as RowIssue);
}
