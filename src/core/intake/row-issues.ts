/**
 * A row's problem as data: a stable code and the parameters its sentence needs. The sentences are in
 * the message table (`../messages/`), so the CLI, a UI or a host words them, in any language, from the
 * same facts. Parameters are data (numbers as numbers, lists as arrays), never English.
 */

/** Why a text is not an address: one sentence per reason. `value` is the text as read (trimmed). */
export type InvalidEmailParams = { value: string } & (
  | { reason: 'NO_AT' | 'SEVERAL_AT' | 'NOTHING_BEFORE_AT' | 'NOTHING_AFTER_AT' | 'NOT_AN_ADDRESS' }
  /** A space right before the `@` (`ann @x.com`). */
  | { reason: 'SPACE_BEFORE_AT' }
  /** A space before `word` (`tom haddad@x.io`: `haddad`). */
  | { reason: 'SPACE'; word: string }
  /** A character outside ASCII; `INVISIBLE_CHARACTER` when it cannot be seen (a zero-width space…). */
  | { reason: 'NON_ASCII' | 'INVISIBLE_CHARACTER'; character: string; codePoint: number }
  /** An ASCII character the part before the `@` may not hold (`,`, `(`, `\`…). */
  | { reason: 'CHARACTER_BEFORE_AT'; character: string }
  | { reason: 'DOMAIN_WITHOUT_DOT' | 'DOMAIN_EMPTY_PART' | 'DOMAIN_CHARACTER'; domain: string }
  | { reason: 'DOMAIN_PART_TOO_LONG'; label: string; limit: number }
  | { reason: 'DOMAIN_PART_HYPHEN'; label: string }
);

export type InvalidEmailReason = InvalidEmailParams['reason'];

/** The whole address (`ADDRESS`) or the part before the `@` (`LOCAL_PART`) is `length` characters, over `limit`. */
export interface EmailTooLongParams {
  reason: 'ADDRESS' | 'LOCAL_PART';
  length: number;
  limit: number;
}

/**
 * A row without an address. `name` is the person's, when the row gives one. When another address column
 * of the row holds one that is not invited: its 1-based `column`, its `header`, the `value` it holds, and
 * why (its header marks it as not the person's own, or another column was chosen).
 */
export type MissingEmailParams = { name?: string } & (
  | { reason: 'NO_ADDRESS' }
  | { reason: 'SECONDARY_COLUMN' | 'OTHER_COLUMN_CHOSEN'; column: number; header?: string; value: string }
);

/** Each row code with its parameters. */
export interface RowIssueParams {
  MISSING_EMAIL: MissingEmailParams;
  INVALID_EMAIL: InvalidEmailParams;
  EMAIL_TOO_LONG: EmailTooLongParams;
  /** The cell's addresses, in order. */
  MULTIPLE_EMAILS: { count: number; emails: readonly string[] };
  /** `allowed`: the domains the host allows (as normalised: lower-case, no `@`). */
  DOMAIN_NOT_ALLOWED: { domain: string; allowed: readonly string[] };
  DOMAIN_BLOCKED: { domain: string };
  /** `role` as the row wrote it; `roles` as the target spells them. */
  ROLE_NOT_ALLOWED: { role: string; roles: readonly string[] };
  /** `limit`: the host's `maxRows`. */
  TOO_MANY_ROWS: { limit: number };
  /** `line`: the line of the earlier row this one repeats (the row's `duplicateOf`). */
  DUPLICATE: { email: string; line: number };
  ALREADY_MEMBER: { email: string };
  ALREADY_INVITED: { email: string };
  ALREADY_EXISTS: { email: string };
}

export type RowIssueCode = keyof RowIssueParams;

/** The parameters of any row code (pair them with the code through `RowIssueOf`). */
export type AnyRowIssueParams = RowIssueParams[RowIssueCode];

/** A row code with its own parameters. */
export type RowIssueOf<C extends RowIssueCode = RowIssueCode> = { [K in C]: { code: K; params: RowIssueParams[K] } }[C];

// Records, so that a code or reason added to the types above and not here fails to compile.
const ROW_ISSUES: Record<RowIssueCode, true> = {
  MISSING_EMAIL: true,
  INVALID_EMAIL: true,
  EMAIL_TOO_LONG: true,
  MULTIPLE_EMAILS: true,
  DOMAIN_NOT_ALLOWED: true,
  DOMAIN_BLOCKED: true,
  ROLE_NOT_ALLOWED: true,
  TOO_MANY_ROWS: true,
  DUPLICATE: true,
  ALREADY_MEMBER: true,
  ALREADY_INVITED: true,
  ALREADY_EXISTS: true,
};

const INVALID_EMAIL: Record<InvalidEmailReason, true> = {
  NO_AT: true,
  SEVERAL_AT: true,
  NOTHING_BEFORE_AT: true,
  NOTHING_AFTER_AT: true,
  SPACE_BEFORE_AT: true,
  SPACE: true,
  NON_ASCII: true,
  INVISIBLE_CHARACTER: true,
  CHARACTER_BEFORE_AT: true,
  DOMAIN_WITHOUT_DOT: true,
  DOMAIN_EMPTY_PART: true,
  DOMAIN_CHARACTER: true,
  DOMAIN_PART_TOO_LONG: true,
  DOMAIN_PART_HYPHEN: true,
  NOT_AN_ADDRESS: true,
};

/** Every row code, for a translator's checklist and the tests. */
export const ROW_ISSUE_CODES = Object.keys(ROW_ISSUES) as RowIssueCode[];
/** Every reason an address is `INVALID_EMAIL`. */
export const INVALID_EMAIL_REASONS = Object.keys(INVALID_EMAIL) as InvalidEmailReason[];
