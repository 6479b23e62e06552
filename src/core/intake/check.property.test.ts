import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBytes, checkStream, checkText, IntakeError, type CheckedRow, type CheckOptions, type CheckResult } from '../index.ts';

const RUNS = { seed: 42, numRuns: 200 } as const;

// ── Generators: what people paste and upload, messed up ──────────────────────────────────────────────

/** A small pool so that repeats (in any case and spacing) are common. */
const address = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('ann@x.com', 'bob@y.org', 'cat@z.io', 'dan@eu.x.com', 'eve@x.com') },
  { weight: 2, arbitrary: fc.constantFrom('Ann@X.com', ' bob@y.org ', 'CAT@Z.IO', 'mailto:ann@x.com', 'Ann Lee <ann@x.com>', '<bob@y.org>', '\u200bcat@z.io') },
  { weight: 2, arbitrary: fc.constantFrom('bad@', 'no-at', 'a@b', 'x@-y.com', 'jörg@x.de', 'a@@x.com', 'ann@x.com; bob@y.org', '@x.com') },
  { weight: 2, arbitrary: fc.emailAddress() },
);
const text = fc.oneof(
  fc.constantFrom('Ann', 'Lee, Ann', 'O"Neil', '"quoted"', 'two\nlines', 'two\r\nlines', 'Zoë Müller', '', ' ', 'admin', 'Member', 'Email', 'Name', '(Lee, Ann)', '<', '€ 5'),
  fc.string({ maxLength: 8 }),
);
const cell = fc.oneof({ weight: 3, arbitrary: address }, { weight: 3, arbitrary: text });

interface TableShape {
  delimiter: string;
  newline: string;
  header: string[] | null;
  rows: string[][];
  quoting: 'none' | 'needed' | 'all';
  trailingNewline: boolean;
}

const tableShape: fc.Arbitrary<TableShape> = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|', ' ', ', '),
  newline: fc.constantFrom('\n', '\r\n', '\r'),
  header: fc.option(fc.constantFrom(['Email', 'Name'], ['Name', 'E-mail Address', 'Role'], ['First Name', 'Last Name', 'Email'], ['email']), { nil: null }),
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 25 }),
  quoting: fc.constantFrom('none', 'needed', 'all'),
  trailingNewline: fc.boolean(),
});

function render(shape: TableShape): string {
  const quote = (value: string) => {
    const needed = /["\r\n]/.test(value) || value.includes(shape.delimiter.trim() || ' ');
    return shape.quoting === 'all' || (shape.quoting === 'needed' && needed) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  const lines = [...(shape.header ? [shape.header] : []), ...shape.rows].map((cells) => cells.map(quote).join(shape.delimiter));
  return lines.join(shape.newline) + (shape.trailingNewline ? shape.newline : '');
}

const messyText = fc.oneof(
  { weight: 4, arbitrary: tableShape.map(render) },
  // Free text: any mix of addresses and words on any lines.
  { weight: 2, arbitrary: fc.array(fc.oneof(address, text, fc.constantFrom(', ', '; ', ' ', '\n', '\r\n', 'To: ', '"Lee, Ann" <ann@x.com>')), { maxLength: 30 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', '@', '.', ',', ';', '"', '\n', '\r', '\t', '|', ' ', '<', '>', 'x', 'X'), maxLength: 120 }) },
);

/** The text encoded the ways files arrive. */
const messyBytes = fc.tuple(messyText, fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le-bom', 'latin')).map(([value, encoding]) => encode(value, encoding));

function encode(value: string, encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'latin'): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(value);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\ufeff${value}`);
    case 'utf-16le-bom':
      return new Uint8Array(Buffer.from(`\ufeff${value}`, 'utf16le'));
    case 'latin':
      // Single bytes, as a Windows-1252 export would have them (characters past 0xFF dropped).
      return Uint8Array.from([...value].map((c) => c.charCodeAt(0)).filter((code) => code <= 0xff));
  }
}

/** Options with rules that interact with dedupe: an existing list, a row limit, domain lists, roles. */
const rules: fc.Arbitrary<CheckOptions> = fc.record(
  {
    existing: fc.array(fc.constantFrom('ann@x.com', 'BOB@Y.ORG', 'nobody@x.com'), { maxLength: 2 }),
    maxRows: fc.integer({ min: 1, max: 6 }),
    blockDomains: fc.constant(['eu.x.com']),
    roles: fc.constant(['Admin', 'Member']),
  },
  { requiredKeys: [] },
);

/** Split points as fractions of the input, so that they scale to any length. */
const chunking = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────────────

const INVALID_CODES = new Set([
  'INVALID_EMAIL',
  'EMAIL_TOO_LONG',
  'MISSING_EMAIL',
  'MULTIPLE_EMAILS',
  'DOMAIN_NOT_ALLOWED',
  'DOMAIN_BLOCKED',
  'ROLE_NOT_ALLOWED',
  'TOO_MANY_ROWS',
]);
const DUPLICATE_CODES = new Set(['DUPLICATE', 'ALREADY_MEMBER', 'ALREADY_INVITED', 'ALREADY_EXISTS']);

/** Runs `read`, returning its result or the IntakeError it threw; any other exception fails the test. */
function settle<T>(read: () => T): T | IntakeError {
  try {
    return read();
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
}

async function settleAsync<T>(read: () => Promise<T>): Promise<T | IntakeError> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
}

/** Chunks cut at `fractions` of the bytes from `from` on, and at the fixed positions `also`. */
async function* split(bytes: Uint8Array, fractions: readonly number[], from = 0, also: readonly number[] = []): AsyncGenerator<Uint8Array> {
  const cuts = [...new Set([...also, ...fractions.map((f) => from + Math.floor(f * (bytes.length - from)))])].sort((a, b) => a - b);
  let at = 0;
  for (const cut of cuts) {
    if (cut <= at) continue;
    yield bytes.slice(at, cut);
    at = cut;
  }
  if (at < bytes.length || bytes.length === 0) yield bytes.slice(at);
}

async function stream(bytes: Uint8Array, fractions: readonly number[], options: CheckOptions = {}, from = 0, also: readonly number[] = []) {
  const rows: CheckedRow[] = [];
  const result = await checkStream(split(bytes, fractions, from, also), options, (row) => rows.push(row));
  return { summary: result.summary, encoding: result.encoding, bom: result.bom, mapping: result.mapping, ignored: result.ignored, rows };
}

function whole(result: CheckResult) {
  return { summary: result.summary, encoding: result.encoding, bom: result.bom, mapping: result.mapping, ignored: result.ignored, rows: result.rows };
}

function sameOutcome(a: unknown, b: unknown): void {
  if (a instanceof IntakeError || b instanceof IntakeError) {
    expect(b instanceof IntakeError ? b.code : b).toBe(a instanceof IntakeError ? a.code : a);
  } else {
    expect(b).toEqual(a);
  }
}

function assertOneStateEach(result: CheckResult): void {
  for (const row of result.rows) {
    expect(Number.isInteger(row.line) && row.line >= 1).toBe(true);
    expect(typeof row.raw).toBe('string');
    switch (row.status) {
      case 'valid':
        expect(row.code).toBeUndefined();
        expect(row.message).toBeUndefined();
        expect(row.duplicateOf).toBeUndefined();
        expect(row.email).toBe(row.email.trim().toLowerCase());
        expect(row.email).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
        break;
      case 'invalid':
        expect(INVALID_CODES.has(row.code!)).toBe(true);
        expect(row.message).toBeTruthy();
        expect(row.duplicateOf).toBeUndefined();
        break;
      case 'duplicate':
        expect(DUPLICATE_CODES.has(row.code!)).toBe(true);
        expect(row.message).toBeTruthy();
        expect(row.duplicateOf === undefined).toBe(row.code !== 'DUPLICATE');
        break;
      default:
        throw new Error(`row ${row.line} is in no known state: ${String(row.status)}`);
    }
  }
}

function assertCountsAddUp(result: CheckResult): void {
  const { summary, rows } = result;
  expect(summary.valid + summary.invalid + summary.duplicate).toBe(summary.total);
  expect(summary.total).toBe(rows.length);
  expect(summary.valid).toBe(rows.filter((row) => row.status === 'valid').length);
  expect(summary.invalid).toBe(rows.filter((row) => row.status === 'invalid').length);
  expect(summary.duplicate).toBe(rows.filter((row) => row.status === 'duplicate').length);
}

/**
 * Lines never go backwards; in a table nothing read lies before the header, and in a list the heading
 * line itself is never a row (lines above it are read: they may hold addresses).
 */
function assertInOrder(result: CheckResult): void {
  const lines = result.rows.map((row) => row.line);
  expect(lines).toEqual([...lines].sort((a, b) => a - b));
  const headerLine = result.mapping.headerLine ?? 0;
  if (result.mapping.format === 'table') for (const line of lines) expect(line).toBeGreaterThan(headerLine);
  else for (const line of lines) expect(line).not.toBe(headerLine);
}

// ── Properties ──────────────────────────────────────────────────────────────────────────────────────

describe('intake invariants (fast-check)', () => {
  it('every row ends in exactly one state, with a code and message exactly when it is not valid', () => {
    fc.assert(
      fc.property(messyText, rules, (input, options) => {
        const result = settle(() => checkText(input, options));
        if (result instanceof IntakeError) return;
        assertOneStateEach(result);
        assertInOrder(result);
      }),
      RUNS,
    );
  });

  it('summary counts add up to the rows and to the total', () => {
    fc.assert(
      fc.property(messyText, rules, (input, options) => {
        const result = settle(() => checkText(input, options));
        if (result instanceof IntakeError) return;
        assertCountsAddUp(result);
      }),
      RUNS,
    );
  });

  it('dedupe is idempotent: the valid addresses, fed back in, are all valid, in the same order', () => {
    fc.assert(
      fc.property(messyText, (input) => {
        const result = settle(() => checkText(input));
        if (result instanceof IntakeError) return;
        const emails = result.rows.filter((row) => row.status === 'valid').map((row) => row.email);
        fc.pre(emails.length > 0);
        const again = checkText(emails.join('\n'));
        expect(again.rows.map((row) => row.status)).toEqual(emails.map(() => 'valid'));
        expect(again.rows.map((row) => row.email)).toEqual(emails);
        expect(again.summary).toEqual({ total: emails.length, valid: emails.length, invalid: 0, duplicate: 0 });
      }),
      RUNS,
    );
  });

  it('dedupe is order-stable: the first occurrence is the valid one; a duplicate names an earlier line holding the same address', () => {
    fc.assert(
      fc.property(messyText, (input) => {
        const result = settle(() => checkText(input));
        if (result instanceof IntakeError) return;
        const seen = new Map<string, CheckedRow>();
        for (const row of result.rows) {
          if (row.status === 'valid') {
            // No valid row repeats an address that came before it.
            expect(seen.has(row.email)).toBe(false);
            seen.set(row.email, row);
          } else if (row.status === 'duplicate') {
            expect(row.code).toBe('DUPLICATE');
            const first = seen.get(row.email);
            expect(first).toBeDefined();
            expect(row.duplicateOf).toBe(first!.line);
            expect(row.duplicateOf!).toBeLessThanOrEqual(row.line);
            expect(row.message).toBe(`${row.email} is already listed on line ${first!.line}.`);
          }
        }
      }),
      RUNS,
    );
  });

  it('dedupe is case- and space-insensitive and does not depend on what else is in the input', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('ann@x.com', 'ANN@x.com', ' Ann@X.Com ', 'bob@y.org', 'Bob@Y.org'), { minLength: 1, maxLength: 20 }), (lines) => {
        const result = checkText(lines.join('\n'));
        const firsts = new Map<string, number>();
        lines.forEach((value, i) => {
          const key = value.trim().toLowerCase();
          if (!firsts.has(key)) firsts.set(key, i + 1);
        });
        expect(result.rows.map((row) => [row.line, row.status, row.duplicateOf])).toEqual(
          lines.map((value, i) => {
            const first = firsts.get(value.trim().toLowerCase())!;
            return first === i + 1 ? [i + 1, 'valid', undefined] : [i + 1, 'duplicate', first];
          }),
        );
      }),
      RUNS,
    );
  });

  it('no exception other than IntakeError on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 300 }), messyText), (input) => {
        const result = settle(() => checkText(input));
        if (!(result instanceof IntakeError)) {
          assertOneStateEach(result);
          assertCountsAddUp(result);
        }
      }),
      RUNS,
    );
  });

  it('no exception other than IntakeError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 600 }), messyBytes), (bytes) => {
        const result = settle(() => checkBytes(bytes));
        if (!(result instanceof IntakeError)) {
          assertOneStateEach(result);
          assertCountsAddUp(result);
        }
      }),
      RUNS,
    );
  });

  it('checkStream ≡ checkBytes on arbitrary bytes and arbitrary chunkings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 600 }), messyBytes), chunking, async (bytes, fractions) => {
        sameOutcome(settle(() => whole(checkBytes(bytes))), await settleAsync(() => stream(bytes, fractions)));
      }),
      RUNS,
    );
  });

  it('checkStream ≡ checkBytes with rules (dedupe and limits carry across chunks)', async () => {
    await fc.assert(
      fc.asyncProperty(messyBytes, rules, chunking, async (bytes, options, fractions) => {
        sameOutcome(settle(() => whole(checkBytes(bytes, options))), await settleAsync(() => stream(bytes, fractions, options)));
      }),
      RUNS,
    );
  });

  it('checkStream ≡ checkBytes past the first sample, cut anywhere in a messy tail', { timeout: 120_000 }, async () => {
    // Long enough that the stream reads the tail in pieces of its own, not as part of its first sample.
    const rows = Array.from({ length: 9_000 }, (_, i) => `user${i}@example.com,User ${i},note ${i % 7}`);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le-bom', 'latin'),
        tableShape,
        chunking,
        async (delimiter, newline, encoding, shape, fractions) => {
          const head = `Email${delimiter}Name${delimiter}Notes${newline}${rows.map((row) => row.replaceAll(',', delimiter)).join(newline)}${newline}`;
          const tail = render({ ...shape, header: null, delimiter, newline });
          const bytes = encode(head + tail, encoding);
          const tailStart = encode(head, encoding).length;
          // Cuts anywhere in the tail (and just before it), plus a few fixed ones through the head.
          const streamed = await settleAsync(() => stream(bytes, fractions, {}, tailStart - 64, [1, 70_001, 262_145]));
          sameOutcome(settle(() => whole(checkBytes(bytes))), streamed);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });
});

// ── A space typed inside an address never yields another valid address ─────────────────────────────

/** Valid addresses without characters that a delimiter or quote could cut. */
const cleanAddressArb = fc
  .oneof(fc.emailAddress(), fc.constantFrom('ann.lee@example.com', 'bob@x.io', 'tom.haddad@northwind.example', 'a.b@c.de'))
  .filter((value) => value.length >= 3 && !/[|,;"'\t ()<>]/.test(value));
/** The address with a space (or a no-break space) inserted strictly inside it. */
const spacedAddress = fc.tuple(cleanAddressArb, fc.nat(), fc.constantFrom(' ', '  ', '\u00a0')).map(([value, n, space]) => {
  const at = 1 + (n % (value.length - 1));
  return { clean: value, typed: value.slice(0, at) + space + value.slice(at) };
});
const nameCell = fc.constantFrom('Ann', 'Bob Stone', 'Zoë Müller', 'admin', 'Member', '', 'x', 'Tom Haddad', 'Team A');

interface SpacedTable {
  delimiter: ',' | ';' | '\t' | '|';
  newline: string;
  width: number;
  column: number;
  header: boolean;
  quoting: 'none' | 'needed' | 'all';
  rows: Array<{ typed: string; others: string[] }>;
}

const spacedTable: fc.Arbitrary<SpacedTable> = fc
  .record({
    delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const, '|' as const),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    width: fc.integer({ min: 1, max: 4 }),
    column: fc.nat(),
    header: fc.boolean(),
    quoting: fc.constantFrom('none' as const, 'needed' as const, 'all' as const),
    rows: fc.array(fc.record({ address: spacedAddress, others: fc.array(nameCell, { minLength: 3, maxLength: 3 }) }), { minLength: 2, maxLength: 12 }),
  })
  .map(({ rows, ...shape }) => ({ ...shape, column: shape.column % shape.width, rows: rows.map((row) => ({ typed: row.address.typed, others: row.others })) }))
  // One column is a table when a header names it or its fields are quoted; otherwise it is free text (below).
  .filter((shape) => shape.width > 1 || shape.header || shape.quoting === 'all');

function renderSpaced(shape: SpacedTable): string {
  const quote = (value: string) => {
    const needed = /["\r\n ]/.test(value) || value.includes(shape.delimiter);
    return shape.quoting === 'all' || (shape.quoting === 'needed' && needed) ? `"${value}"` : value;
  };
  const line = (cells: string[]) => cells.map(quote).join(shape.delimiter);
  const lines = shape.rows.map(({ typed, others }) => {
    const cells = others.slice(0, shape.width - 1);
    cells.splice(shape.column, 0, typed);
    return line(cells);
  });
  if (shape.header) {
    const names = ['Name', 'Role', 'Team'].slice(0, shape.width - 1);
    names.splice(shape.column, 0, 'Email');
    lines.unshift(line(names));
  }
  return lines.join(shape.newline) + shape.newline;
}

describe('a space inside an address (fast-check)', () => {
  it('in any table shape, a cell holding a valid address with a space inserted never yields a valid row', () => {
    let ran = 0;
    let tables = 0;
    fc.assert(
      fc.property(spacedTable, (shape) => {
        ran++;
        const result = checkText(renderSpaced(shape));
        if (result.mapping.format === 'table') tables++;
        expect(result.rows.filter((row) => row.status === 'valid')).toEqual([]);
        expect(result.rows.length).toBe(shape.rows.length);
      }),
      { seed: 42, numRuns: 400 },
    );
    // Count what actually ran: every generated shape, and every one of them read as a table.
    expect(ran).toBe(400);
    expect(tables).toBe(400);
  });

  it('pasted as free text, a spaced address never comes out quietly valid as another address', () => {
    let ran = 0;
    let warned = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(cleanAddressArb.map((clean) => ({ clean, typed: clean })), spacedAddress), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(', ', '; ', '\n', ' '),
        (entries, separator) => {
          ran++;
          const result = checkText(entries.map((entry) => entry.typed).join(separator), { format: 'list' });
          const typedWhole = new Set(entries.filter((entry) => entry.clean === entry.typed).map((entry) => entry.clean.toLowerCase()));
          for (const row of result.rows) {
            if (row.status !== 'valid' || typedWhole.has(row.email)) continue;
            // A valid address that nobody typed whole: the row must say a word was read beside it.
            expect(row.warnings?.map((warning) => warning.code)).toEqual([expect.stringMatching(/^(NAME_FROM_WORDS|WORD_NEXT_TO_ADDRESS)$/)]);
            warned++;
          }
        },
      ),
      { seed: 42, numRuns: 400 },
    );
    expect(ran).toBe(400);
    // The generator does produce the risky case, many times over.
    expect(warned).toBeGreaterThan(100);
  });
});
