/**
 * The address rule: WHATWG HTML's "valid e-mail address" (what `<input type=email>` accepts), plus what
 * real mail needs and WHATWG leaves out: a domain with at least one dot, a local part of at most 64 and
 * an address of at most 254 characters. zod's own `email()` is not this rule (it accepts a domain label
 * ending in a hyphen), so the rule is its own schema. Addresses are compared and sent lower-cased:
 * local parts are case-sensitive on paper, but no mailbox provider in use treats them so, and inviting
 * `Ann@x.com` and `ann@x.com` as two people is the mistake users actually make.
 */
import * as z from 'zod/mini';
import { isWrapping } from './characters.ts';
import { formatMessage } from '../messages/format.ts';
import type { EmailTooLongParams, InvalidEmailParams, RowIssueOf } from './row-issues.ts';

const LOCAL = "[a-z0-9.!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** Case-insensitive form for diagnosis; the schema runs on lower-cased input. */
const ADDRESS_RE = new RegExp(`^${LOCAL}@${LABEL}(?:\\.${LABEL})+$`);

export const MAX_ADDRESS_LENGTH = 254;
export const MAX_LOCAL_LENGTH = 64;

/** The length limits of the rule, on a normalised address. */
function withinLimits(value: string): boolean {
  return value.length <= MAX_ADDRESS_LENGTH && value.indexOf('@') <= MAX_LOCAL_LENGTH;
}

/**
 * A normalised address: trimmed, lower-cased, and valid by the rule above. Hosts compose it into their
 * own schemas; the row checker runs the same pattern and limits through `validAddress` without zod's
 * per-call objects (at 100,000 rows they cost a quarter of the check), and a property test holds the
 * two to the same answers.
 */
export const emailAddressSchema = z.string().check(z.overwrite(normalise), z.regex(ADDRESS_RE), z.refine(withinLimits));

/** A pattern written inside a function is a new RegExp object on every call: once per row, here. */
const UPPER_CASE = /[A-Z]/;

/** Trim and lower-case, allocating nothing for the usual already-clean address. */
function normalise(value: string): string {
  const trimmed = value.trim();
  return UPPER_CASE.test(trimmed) ? trimmed.toLowerCase() : trimmed;
}

export type AddressProblemCode = 'INVALID_EMAIL' | 'EMAIL_TOO_LONG';
/** Why an address is refused: a code with its parameters. */
export type AddressProblem = RowIssueOf<AddressProblemCode>;


/** Trims whitespace and zero-width characters from both ends (one scan from each end, no pattern). */
export function trimWrapping(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isWrapping(text.charCodeAt(start))) start++;
  while (end > start && isWrapping(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Strips what copy-paste wraps around an address: spaces of every kind, `mailto:`, angle brackets. */
export function cleanAddress(text: string): string {
  let value = trimWrapping(text);
  if (value.startsWith('<') && value.endsWith('>')) value = trimWrapping(value.slice(1, -1));
  if (value.length > 7 && (value.charCodeAt(0) | 32) === 109 /* m */ && /^mailto:/i.test(value)) {
    value = value.slice(7);
    const query = value.indexOf('?');
    if (query >= 0) value = value.slice(0, query);
    try {
      value = decodeURIComponent(value);
    } catch {
      // A lone % is left as typed; the rule then says what is wrong with it.
    }
  }
  return value;
}

export type AddressCheck =
  | { ok: true; email: string; code?: never; params?: never; message?: never }
  /**
   * `email` is trimmed and lower-cased also when invalid, so the person sees what was read; `message` is
   * the English sentence for `code` and `params`.
   */
  | ({ ok: false; email: string; message: string } & AddressProblem);

/**
 * The normalised address when `input` is one, else undefined: `emailAddressSchema`'s answer, computed
 * on the hot path of a row check without allocating. `checkAddress` says why when it is not.
 */
export function validAddress(input: string): string | undefined {
  // Length first: the pattern need never run over a pasted megabyte.
  if (input.length > MAX_ADDRESS_LENGTH + 64) return undefined;
  const value = normalise(input);
  return withinLimits(value) && ADDRESS_RE.test(value) ? value : undefined;
}

/** Validates one address (already cleaned of wrappers) and says why a failure fails, as a code with params. */
export function checkAddress(input: string): AddressCheck {
  const email = validAddress(input);
  if (email !== undefined) return { ok: true, email };
  const problem = addressProblem(input);
  return { ok: false, email: input.trim().toLowerCase(), ...problem, message: formatMessage(`row.${problem.code}`, problem.params as never) } as AddressCheck;
}

/** The longest label of a domain (RFC 1035, section 2.3.4). */
const MAX_LABEL_LENGTH = 63;

/** Why `input`, which `validAddress` refused, is not an address (`value` in the params: `input` trimmed). */
export function addressProblem(input: string): AddressProblem {
  const value = input.trim();
  const invalid = (params: InvalidEmailParams): AddressProblem => ({ code: 'INVALID_EMAIL', params });
  const tooLong = (params: EmailTooLongParams): AddressProblem => ({ code: 'EMAIL_TOO_LONG', params });
  if (value.length > MAX_ADDRESS_LENGTH) return tooLong({ reason: 'ADDRESS', length: value.length, limit: MAX_ADDRESS_LENGTH });
  const at = value.indexOf('@');
  if (at < 0) return invalid({ value, reason: 'NO_AT' });
  if (value.indexOf('@', at + 1) >= 0) return invalid({ value, reason: 'SEVERAL_AT' });
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length === 0) return invalid({ value, reason: 'NOTHING_BEFORE_AT' });
  if (domain.length === 0) return invalid({ value, reason: 'NOTHING_AFTER_AT' });
  if (local.length > MAX_LOCAL_LENGTH) return tooLong({ reason: 'LOCAL_PART', length: local.length, limit: MAX_LOCAL_LENGTH });
  const space = /\s/.exec(value);
  if (space) {
    // Say where: "tom haddad@x.io" has a space before "haddad". The word is what follows the space, up to
    // the next space or @ (or the domain part, when the space is after the @). The value is trimmed, so
    // no word means the @ follows: "ann @x.io".
    const after = value.slice(space.index).replace(/^\s+/, '');
    const stop = after.search(space.index < at ? /[\s@]/ : /\s/);
    const word = stop < 0 ? after : after.slice(0, stop);
    return word === '' ? invalid({ value, reason: 'SPACE_BEFORE_AT' }) : invalid({ value, reason: 'SPACE', word });
  }
  const nonAscii = /[^\x00-\x7f]/u.exec(value);
  if (nonAscii) {
    const character = nonAscii[0];
    // Format, control, separator and combining characters cannot be seen: they are named by code point.
    const reason = /[\p{Cf}\p{Cc}\p{Z}\p{M}]/u.test(character) ? 'INVISIBLE_CHARACTER' : 'NON_ASCII';
    return invalid({ value, reason, character, codePoint: character.codePointAt(0)! });
  }
  const badLocal = /[^a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]/.exec(local);
  if (badLocal) return invalid({ value, reason: 'CHARACTER_BEFORE_AT', character: badLocal[0] });
  if (!domain.includes('.')) return invalid({ value, reason: 'DOMAIN_WITHOUT_DOT', domain });
  for (const label of domain.split('.')) {
    if (label.length === 0) return invalid({ value, reason: 'DOMAIN_EMPTY_PART', domain });
    if (label.length > MAX_LABEL_LENGTH) return invalid({ value, reason: 'DOMAIN_PART_TOO_LONG', label, limit: MAX_LABEL_LENGTH });
    if (/[^a-zA-Z0-9-]/.test(label)) return invalid({ value, reason: 'DOMAIN_CHARACTER', domain });
    if (label.startsWith('-') || label.endsWith('-')) return invalid({ value, reason: 'DOMAIN_PART_HYPHEN', label });
  }
  return invalid({ value, reason: 'NOT_AN_ADDRESS' });
}

/** The domain of a valid normalised address. */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** Whether `domain` is `rule` or one of its subdomains (`eu.example.com` matches `example.com`). */
export function domainMatches(domain: string, rule: string): boolean {
  return domain === rule || domain.endsWith(`.${rule}`);
}
