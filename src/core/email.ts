/**
 * The address rule: WHATWG HTML's "valid e-mail address" (what `<input type=email>` accepts), plus what
 * real mail needs and WHATWG leaves out: a domain with at least one dot, a local part of at most 64 and
 * an address of at most 254 characters. zod's own `email()` is not this rule (it accepts a domain label
 * ending in a hyphen), so the rule is its own schema. Addresses are compared and sent lower-cased:
 * local parts are case-sensitive on paper, but no mailbox provider in use treats them so, and inviting
 * `Ann@x.com` and `ann@x.com` as two people is the mistake users actually make.
 */
import * as z from 'zod/mini';

const LOCAL = "[a-z0-9.!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** Case-insensitive form for diagnosis; the schema runs on lower-cased input. */
const ADDRESS_RE = new RegExp(`^${LOCAL}@${LABEL}(?:\\.${LABEL})+$`);

export const MAX_ADDRESS_LENGTH = 254;
export const MAX_LOCAL_LENGTH = 64;

/** A normalised address: trimmed, lower-cased, and valid by the rule above. */
export const emailAddressSchema = z.string().check(
  z.overwrite(normalise),
  z.regex(ADDRESS_RE),
  z.refine((value) => value.length <= MAX_ADDRESS_LENGTH && value.indexOf('@') <= MAX_LOCAL_LENGTH),
);

/** Trim and lower-case, allocating nothing for the usual already-clean address. */
function normalise(value: string): string {
  const trimmed = value.trim();
  return /[A-Z]/.test(trimmed) ? trimmed.toLowerCase() : trimmed;
}

export type AddressProblemCode = 'INVALID_EMAIL' | 'EMAIL_TOO_LONG';

/** Strips what copy-paste wraps around an address: spaces of every kind, `mailto:`, angle brackets. */
export function cleanAddress(text: string): string {
  let value = text.replace(/^[\s\u00a0\u200b-\u200d\u2060\ufeff]+|[\s\u00a0\u200b-\u200d\u2060\ufeff]+$/g, '');
  if (value.startsWith('<') && value.endsWith('>')) value = value.slice(1, -1).trim();
  if (/^mailto:/i.test(value)) {
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
  | { ok: true; email: string; code?: never; message?: never }
  /** `email` is trimmed and lower-cased also when invalid, so the person sees what was read. */
  | { ok: false; email: string; code: AddressProblemCode; message: string };

/** Validates one address (already cleaned of wrappers) and explains a failure in plain words. */
export function checkAddress(input: string): AddressCheck {
  const result = emailAddressSchema.safeParse(input);
  if (result.success) return { ok: true, email: result.data };
  const email = input.trim().toLowerCase();
  return { ok: false, email, ...explain(input.trim()) };
}

function explain(value: string): { code: AddressProblemCode; message: string } {
  const invalid = (why: string) => ({ code: 'INVALID_EMAIL' as const, message: `"${value}" is not a valid e-mail address: ${why}.` });
  if (value.length > MAX_ADDRESS_LENGTH) {
    return { code: 'EMAIL_TOO_LONG', message: `The address is ${value.length} characters long; the limit is ${MAX_ADDRESS_LENGTH}.` };
  }
  const at = value.indexOf('@');
  if (at < 0) return invalid('it has no @');
  if (value.indexOf('@', at + 1) >= 0) return invalid('it has more than one @');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length === 0) return invalid('nothing comes before the @');
  if (domain.length === 0) return invalid('nothing comes after the @');
  if (local.length > MAX_LOCAL_LENGTH) {
    return { code: 'EMAIL_TOO_LONG', message: `The part before the @ is ${local.length} characters long; the limit is ${MAX_LOCAL_LENGTH}.` };
  }
  const space = /\s/.exec(value);
  if (space) return invalid('it contains a space');
  const nonAscii = /[^\x00-\x7f]/.exec(value);
  if (nonAscii) return invalid(`it contains "${nonAscii[0]}", which addresses cannot contain`);
  const badLocal = /[^a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]/.exec(local);
  if (badLocal) return invalid(`"${badLocal[0]}" is not allowed before the @`);
  if (!domain.includes('.')) return invalid(`the domain "${domain}" has no dot (like example.com)`);
  for (const label of domain.split('.')) {
    if (label.length === 0) return invalid(`the domain "${domain}" has an empty part between dots`);
    if (label.length > 63) return invalid(`the domain part "${label.slice(0, 20)}…" is longer than 63 characters`);
    if (/[^a-zA-Z0-9-]/.test(label)) return invalid(`the domain "${domain}" may only contain letters, digits, hyphens and dots`);
    if (label.startsWith('-') || label.endsWith('-')) return invalid(`the domain part "${label}" starts or ends with a hyphen`);
  }
  return invalid('it does not have the form name@example.com');
}

/** The domain of a valid normalised address. */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** Whether `domain` is `rule` or one of its subdomains (`eu.example.com` matches `example.com`). */
export function domainMatches(domain: string, rule: string): boolean {
  return domain === rule || domain.endsWith(`.${rule}`);
}
