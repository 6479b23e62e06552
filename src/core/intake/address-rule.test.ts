import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkAddress, cleanAddress, domainMatches, domainOf, emailAddressSchema, validAddress } from './address-rule.ts';

/** A domain of `total` characters made of full 63-character labels and a short last one. */
function domainOfLength(total: number): string {
  const labels: string[] = [];
  let left = total;
  let letter = 98; // 'b'
  while (left > 0) {
    // Leave room for the dot before the next label and keep the last label at least 2 characters.
    const size = left <= 63 ? left : Math.min(63, left - 3);
    labels.push(String.fromCharCode(letter++).repeat(size));
    left -= size + (left > size ? 1 : 0);
  }
  return labels.join('.');
}

describe('checkAddress: what the rule accepts', () => {
  it.each([
    ['ann@example.com', 'ann@example.com'],
    ['Ann.Lee@Example.COM', 'ann.lee@example.com'],
    ['  ann@example.com\t', 'ann@example.com'],
    ["o'brien+tag@example.io", "o'brien+tag@example.io"],
    // Every character WHATWG allows before the @.
    ["!#$%&'*+/=?^_`{|}~-@example.io", "!#$%&'*+/=?^_`{|}~-@example.io"],
    // WHATWG does not police dots in the local part (RFC 5321 would).
    ['.ann@example.com', '.ann@example.com'],
    ['ann.@example.com', 'ann.@example.com'],
    ['ann..lee@example.com', 'ann..lee@example.com'],
    // Hyphens inside a label, also doubled (punycode's "xn--").
    ['ann@my-company.example', 'ann@my-company.example'],
    ['ann@x--y.example', 'ann@x--y.example'],
    ['ann@xn--mnchen-3ya.de', 'ann@xn--mnchen-3ya.de'],
    // Digits anywhere in a label; one-letter labels.
    ['ann@1.2.3.4', 'ann@1.2.3.4'],
    ['a@b.c', 'a@b.c'],
    ['ann@sub.domain.example.co.uk', 'ann@sub.domain.example.co.uk'],
  ])('%j is valid as %j', (input, email) => {
    expect(checkAddress(input)).toEqual({ ok: true, email });
    expect(emailAddressSchema.safeParse(input)).toMatchObject({ success: true, data: email });
  });

  it('accepts a 64-character local part and refuses 65 with EMAIL_TOO_LONG', () => {
    expect(checkAddress(`${'a'.repeat(64)}@example.com`).ok).toBe(true);
    expect(checkAddress(`${'a'.repeat(65)}@example.com`)).toEqual({
      ok: false,
      email: `${'a'.repeat(65)}@example.com`,
      code: 'EMAIL_TOO_LONG',
      params: { reason: 'LOCAL_PART', length: 65, limit: 64 },
      message: 'The part before the @ is 65 characters long; the limit is 64.',
    });
  });

  it('accepts a 254-character address and refuses 255 with EMAIL_TOO_LONG', () => {
    const at254 = `${'a'.repeat(64)}@${domainOfLength(254 - 65)}`;
    const at255 = `${'a'.repeat(64)}@${domainOfLength(255 - 65)}`;
    expect(at254).toHaveLength(254);
    expect(at255).toHaveLength(255);
    expect(checkAddress(at254)).toEqual({ ok: true, email: at254 });
    expect(checkAddress(at255)).toMatchObject({
      ok: false,
      code: 'EMAIL_TOO_LONG',
      params: { reason: 'ADDRESS', length: 255, limit: 254 },
      message: 'The address is 255 characters long; the limit is 254.',
    });
  });

  it('accepts a 63-character domain label and refuses 64', () => {
    expect(checkAddress(`ann@${'b'.repeat(63)}.io`).ok).toBe(true);
    expect(checkAddress(`ann@${'b'.repeat(64)}.io`)).toMatchObject({
      ok: false,
      code: 'INVALID_EMAIL',
      params: { value: `ann@${'b'.repeat(64)}.io`, reason: 'DOMAIN_PART_TOO_LONG', label: 'b'.repeat(64), limit: 63 },
      message: `"ann@${'b'.repeat(64)}.io" is not a valid e-mail address: the domain part "${'b'.repeat(20)}…" is longer than 63 characters.`,
    });
  });
});

describe('checkAddress: a space inside says where it is', () => {
  it.each([
    ['tom haddad@x.io', 'haddad', '"tom haddad@x.io" has a space before "haddad"'],
    ['andy dwyer@northwind.example', 'dwyer', '"andy dwyer@northwind.example" has a space before "dwyer"'],
    ['"ann lee"@example.com', 'lee"', '""ann lee"@example.com" has a space before "lee""'],
    ['ann@exam ple.com', 'ple.com', '"ann@exam ple.com" has a space before "ple.com"'],
    ['ann@x.io\u00a0b', 'b', '"ann@x.io\u00a0b" has a space before "b"'],
    ['a\tb@x.io', 'b', '"a\tb@x.io" has a space before "b"'],
  ])('%j → INVALID_EMAIL: a space before %j', (input, word, start) => {
    const result = checkAddress(input);
    expect(result).toMatchObject({ ok: false, code: 'INVALID_EMAIL', params: { value: input, reason: 'SPACE', word } });
    expect(result.message).toBe(`${start}; an address cannot contain spaces.`);
  });

  it('says a space stands before the @ (it once said "at the end")', () => {
    for (const input of ['ann @x.io', 'ann \t @x.io']) {
      expect(checkAddress(input)).toMatchObject({
        code: 'INVALID_EMAIL',
        params: { value: input, reason: 'SPACE_BEFORE_AT' },
        message: `"${input}" has a space before the @; an address cannot contain spaces.`,
      });
    }
  });

  it('names an invisible character by its code point', () => {
    const result = checkAddress('ann\u200b@x.io');
    expect(result.params).toEqual({ value: 'ann\u200b@x.io', reason: 'INVISIBLE_CHARACTER', character: '\u200b', codePoint: 0x200b });
    expect(result.message).toContain('an invisible character (U+200B)');
  });

  it('names a character outside the Basic Multilingual Plane whole, not half a surrogate pair', () => {
    expect(checkAddress('ann\u{1f600}@x.io')).toMatchObject({
      params: { reason: 'NON_ASCII', character: '\u{1f600}', codePoint: 0x1f600 },
      message: '"ann\u{1f600}@x.io" is not a valid e-mail address: it contains "\u{1f600}", which addresses cannot contain.',
    });
  });

  it('refuses a huge input by its length without running the pattern over it', () => {
    const huge = `${'a'.repeat(100_000)}@x.io`;
    expect(checkAddress(huge)).toMatchObject({ ok: false, code: 'EMAIL_TOO_LONG' });
  });
});

describe('checkAddress: what the rule refuses, and how it says so', () => {
  const why = (input: string, reason: string) => `"${input}" is not a valid e-mail address: ${reason}.`;
  it.each<[string, Record<string, unknown>, string]>([
    ['annexample.com', { reason: 'NO_AT' }, 'it has no @'],
    ['', { reason: 'NO_AT' }, 'it has no @'],
    ['ann@@example.com', { reason: 'SEVERAL_AT' }, 'it has more than one @'],
    ['ann@lee@example.com', { reason: 'SEVERAL_AT' }, 'it has more than one @'],
    ['@example.com', { reason: 'NOTHING_BEFORE_AT' }, 'nothing comes before the @'],
    ['ann@', { reason: 'NOTHING_AFTER_AT' }, 'nothing comes after the @'],
    // Internationalised addresses are refused, never transliterated.
    ['jörg@example.de', { reason: 'NON_ASCII', character: 'ö', codePoint: 0xf6 }, 'it contains "ö", which addresses cannot contain'],
    ['ann@münchen.de', { reason: 'NON_ASCII', character: 'ü', codePoint: 0xfc }, 'it contains "ü", which addresses cannot contain'],
    ['ann@exämple.com', { reason: 'NON_ASCII', character: 'ä', codePoint: 0xe4 }, 'it contains "ä", which addresses cannot contain'],
    ['ann,lee@example.com', { reason: 'CHARACTER_BEFORE_AT', character: ',' }, '"," is not allowed before the @'],
    ['ann(lee)@example.com', { reason: 'CHARACTER_BEFORE_AT', character: '(' }, '"(" is not allowed before the @'],
    ['ann\\lee@example.com', { reason: 'CHARACTER_BEFORE_AT', character: '\\' }, '"\\" is not allowed before the @'],
    // The design's extra: a domain needs a dot.
    ['ann@localhost', { reason: 'DOMAIN_WITHOUT_DOT', domain: 'localhost' }, 'the domain "localhost" has no dot (like example.com)'],
    ['ann@example', { reason: 'DOMAIN_WITHOUT_DOT', domain: 'example' }, 'the domain "example" has no dot (like example.com)'],
    ['ann@example..com', { reason: 'DOMAIN_EMPTY_PART', domain: 'example..com' }, 'the domain "example..com" has an empty part between dots'],
    ['ann@.example.com', { reason: 'DOMAIN_EMPTY_PART', domain: '.example.com' }, 'the domain ".example.com" has an empty part between dots'],
    ['ann@example.com.', { reason: 'DOMAIN_EMPTY_PART', domain: 'example.com.' }, 'the domain "example.com." has an empty part between dots'],
    ['ann@[192.168.0.1]', { reason: 'DOMAIN_CHARACTER', domain: '[192.168.0.1]' }, 'the domain "[192.168.0.1]" may only contain letters, digits, hyphens and dots'],
    ['ann@my_company.com', { reason: 'DOMAIN_CHARACTER', domain: 'my_company.com' }, 'the domain "my_company.com" may only contain letters, digits, hyphens and dots'],
    ['ann@example.com,', { reason: 'DOMAIN_CHARACTER', domain: 'example.com,' }, 'the domain "example.com," may only contain letters, digits, hyphens and dots'],
    // Label hyphens: zod's email() lets the first of these through; the design's rule does not.
    ['ann@example-.com', { reason: 'DOMAIN_PART_HYPHEN', label: 'example-' }, 'the domain part "example-" starts or ends with a hyphen'],
    ['ann@-example.com', { reason: 'DOMAIN_PART_HYPHEN', label: '-example' }, 'the domain part "-example" starts or ends with a hyphen'],
    ['ann@example.com-', { reason: 'DOMAIN_PART_HYPHEN', label: 'com-' }, 'the domain part "com-" starts or ends with a hyphen'],
    ['ann@sub.-x.com', { reason: 'DOMAIN_PART_HYPHEN', label: '-x' }, 'the domain part "-x" starts or ends with a hyphen'],
  ])('%j → INVALID_EMAIL %o: %s', (input, params, reason) => {
    expect(checkAddress(input)).toEqual({
      ok: false,
      email: input.trim().toLowerCase(),
      code: 'INVALID_EMAIL',
      params: { value: input, ...params },
      message: why(input, reason),
    });
    expect(emailAddressSchema.safeParse(input).success).toBe(false);
  });

  it('reports an invalid address trimmed and lower-cased, as it was read', () => {
    expect(checkAddress('  Ann@Example-.COM ')).toMatchObject({ ok: false, email: 'ann@example-.com' });
  });

  it('reports the length problem before any other', () => {
    const long = `${'x'.repeat(300)} @ y`;
    expect(checkAddress(long)).toMatchObject({ code: 'EMAIL_TOO_LONG', message: 'The address is 304 characters long; the limit is 254.' });
  });
});

describe('cleanAddress', () => {
  it.each([
    ['mailto:ann@example.com', 'ann@example.com'],
    ['MAILTO:Ann@Example.com', 'Ann@Example.com'],
    ['mailto:ann@example.com?subject=Welcome&cc=bob@example.com', 'ann@example.com'],
    ['mailto:ann%2Bteam@example.com', 'ann+team@example.com'],
    ['mailto:%zz@example.com', '%zz@example.com'],
    ['<ann@example.com>', 'ann@example.com'],
    ['< ann@example.com >', 'ann@example.com'],
    ['<mailto:ann@example.com>', 'ann@example.com'],
    // What web pages and chat apps wrap around a copied address.
    ['\u00a0ann@example.com\u00a0', 'ann@example.com'],
    ['\u200bann@example.com\u200b', 'ann@example.com'],
    ['\ufeffann@example.com', 'ann@example.com'],
    ['ann@example.com\u2060', 'ann@example.com'],
    ['ann@example.com', 'ann@example.com'],
  ])('%j → %j', (input, output) => {
    expect(cleanAddress(input)).toBe(output);
  });
});

describe('domains', () => {
  it('domainOf takes what follows the last @', () => {
    expect(domainOf('ann@eu.example.com')).toBe('eu.example.com');
  });

  it('domainMatches a domain and its subdomains, not look-alikes', () => {
    expect(domainMatches('example.com', 'example.com')).toBe(true);
    expect(domainMatches('eu.example.com', 'example.com')).toBe(true);
    expect(domainMatches('badexample.com', 'example.com')).toBe(false);
    expect(domainMatches('example.com.evil.io', 'example.com')).toBe(false);
  });
});

describe('validAddress (the row checker) and emailAddressSchema (zod) give the same answers', () => {
  const piece = fc.constantFrom('a', 'Z', '0', '.', '-', '_', '+', '@', ' ', '\t', 'é', '"', ',', 'x'.repeat(63), 'y'.repeat(64), 'example', 'com', '..');
  const candidates = fc.oneof(
    fc.emailAddress(),
    fc.emailAddress().map((value) => ` ${value.toUpperCase()}\t`),
    fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
    fc.string({ maxLength: 80 }),
  );

  it('on every generated input (fast-check), counting the valid ones it met', () => {
    let valid = 0;
    let ran = 0;
    fc.assert(
      fc.property(candidates, (input) => {
        ran++;
        const parsed = emailAddressSchema.safeParse(input);
        expect(validAddress(input)).toBe(parsed.success ? parsed.data : undefined);
        expect(checkAddress(input).ok).toBe(parsed.success);
        if (parsed.success) valid++;
      }),
      { seed: 7, numRuns: 2000 },
    );
    expect(ran).toBe(2000);
    // Both sides of the rule were exercised, not just refusals.
    expect(valid).toBeGreaterThan(400);
    expect(ran - valid).toBeGreaterThan(400);
  });
});
