/**
 * Shapes that used to lose people or invent them: one-column files, headerless tables with several
 * address columns, a header-named column that holds no addresses, mixed line breaks, damaged UTF-8, a
 * heading part-way down a pasted list. Each fixture is written as the tool that makes it writes it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBytes, checkText, type CheckedRow } from '../index.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/** line, status (or code), address, name: what a person reads in the review. */
function brief(row: CheckedRow): [number, string, string, string?] {
  const out: [number, string, string, string?] = [row.line, row.code ?? row.status, row.email];
  if (row.name !== undefined) out.push(row.name);
  return out;
}

describe('one-column files are CSV', () => {
  it('Excel "CSV UTF-8", one column under "Email": quoting undone, two addresses in a cell are one invalid row', () => {
    const result = checkBytes(fixture('excel-one-column.csv'));
    expect([result.encoding, result.bom]).toEqual(['utf-8', true]);
    expect(result.mapping).toEqual({ format: 'table', headerLine: 1, columns: { email: { index: 0, header: 'Email', source: 'header' } } });
    expect(result.rows.map(brief)).toEqual([
      [2, 'valid', 'ann.lee@example.com'],
      [3, 'valid', 'bob.stone@example.com', 'Stone, Bob'],
      [4, 'valid', 'cat.moore@example.com', 'Cat Moore'],
      [5, 'MULTIPLE_EMAILS', 'dan@example.com, dana@example.com'],
      [6, 'INVALID_EMAIL', 'tom haddad@example.com'],
      [7, 'valid', 'eve@example.com'],
    ]);
    expect(result.rows[3]!.message).toBe('The cell holds 2 addresses (dan@example.com, dana@example.com); put one address per row.');
    expect(result.ignored).toEqual([{ line: 1, raw: 'Email', reason: 'HEADER_ROW' }]);
  });

  it('headerless, every field quoted: read as CSV, not as free text', () => {
    const result = checkBytes(fixture('one-column-quoted.csv'));
    expect(result.mapping).toEqual({ format: 'table', columns: { email: { index: 0, source: 'content' } } });
    expect(result.rows.map(brief)).toEqual([
      [1, 'valid', 'ann.lee@example.com'],
      [2, 'DUPLICATE', 'ann.lee@example.com', 'Lee, Ann'],
      [3, 'valid', 'bob.stone@example.com'],
      [4, 'INVALID_EMAIL', 'cat moore@example.com'],
      // Free text would make these two invitees; in a cell they are one value.
      [5, 'MULTIPLE_EMAILS', 'dan@example.com dana@example.com'],
    ]);
  });

  it('a pasted list under a heading that holds several addresses a line stays a list', () => {
    const result = checkText('Email\nann@x.com, bob@x.com\ncat@x.com; dan@x.com\n');
    expect(result.mapping).toEqual({ format: 'list', headerLine: 1, columns: {} });
    expect(result.rows.map((row) => row.email)).toEqual(['ann@x.com', 'bob@x.com', 'cat@x.com', 'dan@x.com']);
  });
});

describe('headerless tables with several address columns: one is the invitee column', () => {
  it('person and manager: the manager column repeats, so the person column is chosen; managers are invited only as persons', () => {
    const result = checkBytes(fixture('headerless-person-manager.csv'));
    expect(result.mapping).toEqual({
      format: 'table',
      delimiter: ',',
      columns: { email: { index: 1, source: 'content' }, name: { index: 0, source: 'content' } },
      otherAddressColumns: [{ index: 2, reason: 'not-chosen' }],
    });
    expect(result.rows.map(brief)).toEqual([
      [1, 'valid', 'ann.lee@example.com', 'Ann Lee'],
      [2, 'valid', 'bob.stone@example.com', 'Bob Stone'],
      [3, 'valid', 'cat.moore@example.com', 'Cat Moore'],
      [4, 'valid', 'maria.boss@example.com', 'Maria Boss'],
      [5, 'valid', 'dan.ruiz@example.com', 'Dan Ruiz'],
    ]);
    expect(result.rows.some((row) => row.email === 'ceo@example.com')).toBe(false);
  });

  it('attendee and buyer: the buyer never becomes an invitee', () => {
    const result = checkBytes(fixture('headerless-attendee-buyer.csv'));
    expect(result.mapping.columns).toEqual({ email: { index: 0, source: 'content' }, name: { index: 2, source: 'content' } });
    expect(result.mapping.otherAddressColumns).toEqual([{ index: 1, reason: 'not-chosen' }]);
    expect(result.rows.map((row) => row.email)).toEqual(['ann@example.com', 'bob@example.com', 'cat@example.com', 'dan@example.com']);
  });

  it('work and home, equally distinct: the leftmost wins and the other is reported', () => {
    const result = checkBytes(fixture('headerless-work-home.csv'));
    expect(result.mapping.columns.email).toEqual({ index: 0, source: 'content' });
    expect(result.mapping.otherAddressColumns).toEqual([{ index: 1, reason: 'not-chosen' }]);
    expect(result.rows.map(brief)).toEqual([
      [1, 'valid', 'ann@work.example', 'Ann Lee'],
      [2, 'valid', 'bob@work.example', 'Bob Stone'],
      [3, 'valid', 'cat@work.example', 'Cat Moore'],
    ]);
  });

  it('the more distinct column wins even when it is not the leftmost', () => {
    const result = checkText('boss@x.com,ann@x.com,Ann\nboss@x.com,bob@x.com,Bob\nboss@x.com,cat@x.com,Cat\n');
    expect(result.mapping.columns.email).toEqual({ index: 1, source: 'content' });
    expect(result.rows.map((row) => row.email)).toEqual(['ann@x.com', 'bob@x.com', 'cat@x.com']);
  });

  it('a typed list of addresses ("a, b" on each line) is still a list: every address is an invitee', () => {
    const result = checkText('ann@x.com, bob@x.com\ncat@x.com, dan@x.com\n');
    expect(result.mapping.format).toBe('list');
    expect(result.rows.map((row) => row.email)).toEqual(['ann@x.com', 'bob@x.com', 'cat@x.com', 'dan@x.com']);
  });
});

describe('a header-named address column needs addresses in it', () => {
  it('an "E-mail" column of opt-in flags with one stray address loses to a column of addresses', () => {
    const result = checkBytes(fixture('email-flag-column.csv'));
    expect(result.mapping.columns.email).toEqual({ index: 2, header: 'Reach at', source: 'content' });
    expect(result.rows.map(brief)).toEqual([
      [2, 'valid', 'ann@example.com', 'Ann Lee'],
      [3, 'valid', 'bob@example.com', 'Bob Stone'],
      [4, 'valid', 'cat@example.com', 'Cat Moore'],
      [5, 'valid', 'dan@example.com', 'Dan Ruiz'],
    ]);
    expect(result.rows[3]!.extra).toMatchObject({ 'E-mail': 'dan@old.example' });
  });

  it.each(['Home Email', 'Personal Email', 'Other Email', 'Manager Email', 'Buyer Email', 'Assistant Email', 'UPN', 'Login', 'User principal name'])(
    'a "%s" column never creates invitees, even as the only address column',
    (header) => {
      const result = checkText(`Name,${header}\nAnn Lee,ann@x.com\nBob Stone,bob@x.com\n`);
      expect(result.mapping.columns.email).toBeUndefined();
      expect(result.mapping.otherAddressColumns).toEqual([{ index: 1, header, reason: 'secondary' }]);
      expect(result.rows.map(brief)).toEqual([
        [2, 'MISSING_EMAIL', '', 'Ann Lee'],
        [3, 'MISSING_EMAIL', '', 'Bob Stone'],
      ]);
      expect(result.rows[0]!.message).toBe(
        `The row for Ann Lee has no e-mail address; "${header}" holds ann@x.com, which is not invited: its header marks it as not the person's own (a sign-in name, another person's address, or a secondary one); choose it as the address column to invite from it.`,
      );
      // Chosen on purpose, it is the address column.
      expect(checkText(`Name,${header}\nAnn Lee,ann@x.com\n`, { columns: { email: header } }).rows[0]).toMatchObject({ email: 'ann@x.com', status: 'valid' });
    },
  );

  it('beside a primary address column, a secondary one is reported and its addresses are not invited', () => {
    const result = checkText('Name,Email,Manager Email\nAnn,ann@x.com,boss@x.com\nBob,,boss@x.com\n');
    expect(result.mapping.columns.email).toEqual({ index: 1, header: 'Email', source: 'header' });
    expect(result.mapping.otherAddressColumns).toEqual([{ index: 2, header: 'Manager Email', reason: 'secondary' }]);
    expect(result.rows.map(brief)).toEqual([
      [2, 'valid', 'ann@x.com', 'Ann'],
      [3, 'MISSING_EMAIL', '', 'Bob'],
    ]);
  });
});

describe('line breaks are found per line', () => {
  it('a CRLF header above LF rows reads every row', () => {
    const result = checkBytes(fixture('mixed-line-endings.csv'));
    expect(result.rows.map(brief)).toEqual([
      [2, 'valid', 'ann@example.com', 'Ann Lee'],
      [3, 'valid', 'bob@example.com', 'Bob Stone'],
      [4, 'valid', 'cat@example.com', 'Moore, Cat'],
      [5, 'valid', 'dan@example.com', 'Dan Ruiz'],
    ]);
    expect(result.rows.map((row) => row.raw)).toEqual(['ann@example.com,Ann Lee', 'bob@example.com,Bob Stone', 'cat@example.com,"Moore, Cat"', 'dan@example.com,Dan Ruiz']);
  });

  it('three people on LF lines under a CRLF header are three rows, not one MULTIPLE_EMAILS row', () => {
    const result = checkText('Email\r\nann@x.com\nbob@x.com\ncat@x.com\n');
    expect(result.rows.map(brief)).toEqual([
      [2, 'valid', 'ann@x.com'],
      [3, 'valid', 'bob@x.com'],
      [4, 'valid', 'cat@x.com'],
    ]);
  });

  it('a CR inside a cell of an LF file stays in the cell', () => {
    const result = checkText('Email,Name\nann@x.com,An\rn\nbob@x.com,Bob\n');
    expect(result.rows.map(brief)).toEqual([
      [2, 'valid', 'ann@x.com', 'An\rn'],
      [3, 'valid', 'bob@x.com', 'Bob'],
    ]);
  });
});

describe('damaged UTF-8 stays UTF-8', () => {
  it('a few invalid bytes: accents kept, the damaged rows carry a warning', () => {
    const result = checkBytes(fixture('utf8-damaged.csv'));
    expect(result.encoding).toBe('utf-8');
    expect(result.rows.map(brief)).toEqual([
      [2, 'valid', 'ann@example.com', 'Zoë Müller'],
      [3, 'valid', 'bob@example.com', 'Ren\ufffde Ström'],
      [4, 'valid', 'cat@example.com', 'José García'],
      [5, 'valid', 'dan@example.com', 'Chloé\ufffd Dubois'],
      [6, 'valid', 'eve@example.com', 'Åsa Ñúñez'],
    ]);
    expect(result.rows.map((row) => row.warnings?.map((warning) => warning.code))).toEqual([undefined, ['INVALID_BYTES'], undefined, ['INVALID_BYTES'], undefined]);
    expect(result.rows[1]!.warnings![0]!.message).toContain('Line 3 held bytes that are not valid text');
  });

  it('a file that reads as Windows-1252 is still read as Windows-1252', () => {
    const bytes = Uint8Array.from([...Buffer.from('Email,Name\nann@x.com,Ren'), 0xe9, ...Buffer.from('e\nbob@x.com,J'), 0xfc, ...Buffer.from('rgen\n')]);
    const result = checkBytes(bytes);
    expect(result.encoding).toBe('windows-1252');
    expect(result.rows.map((row) => row.name)).toEqual(['Renée', 'Jürgen']);
    expect(result.rows.every((row) => row.warnings === undefined)).toBe(true);
  });
});

describe('nothing dropped quietly', () => {
  it('a heading word part-way down a pasted list sets aside only itself', () => {
    const result = checkBytes(fixture('list-heading-below.txt'));
    expect(result.mapping).toEqual({ format: 'list', headerLine: 3, columns: {} });
    expect(result.rows.map(brief)).toEqual([
      [1, 'valid', 'ann@example.com'],
      [2, 'valid', 'bob@example.com'],
      [4, 'valid', 'cat@example.com'],
      [5, 'valid', 'dan@example.com'],
    ]);
    expect(result.ignored).toEqual([{ line: 3, raw: 'Email', reason: 'HEADER_ROW' }]);
  });

  it('a title line without an address above a list heading is set aside with its reason', () => {
    const result = checkText('Team invites\n\nEmail\nann@x.com, bob@x.com\n');
    expect(result.ignored).toEqual([
      { line: 1, raw: 'Team invites', reason: 'BEFORE_HEADER' },
      { line: 3, raw: 'Email', reason: 'HEADER_ROW' },
    ]);
    expect(result.rows.map((row) => row.email)).toEqual(['ann@x.com', 'bob@x.com']);
  });
});

describe('a lone CR in an LF table', () => {
  it('stays in its cell, and the row says so: a row it may have cut off is not lost quietly', () => {
    const result = checkText('Email,Name\nann@x.com,Ann\nb@x.com,B\rc@x.com,C\n');
    expect(result.rows.map(brief)).toEqual([
      [2, 'valid', 'ann@x.com', 'Ann'],
      [3, 'valid', 'b@x.com', 'B\rc@x.com'],
    ]);
    expect(result.rows[1]!.warnings).toEqual([
      {
        code: 'CR_INSIDE_ROW',
        params: { line: 3 },
        message: 'Line 3 holds a carriage return that this file does not use as a line break; if it was meant to start a new row, that row was read as part of this one.',
      },
    ]);
    expect(result.rows[0]!.warnings).toBeUndefined();
  });
});
