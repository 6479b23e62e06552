import { describe, expect, it } from 'vitest';
import { parseList, type ListEntry } from './list.ts';

/** Entry shorthand: line, raw piece, address text, name. */
const e = (line: number, raw: string, email: string, name?: string): ListEntry =>
  name === undefined ? { line, raw, email } : { line, raw, email, name };

describe('parseList: separators', () => {
  it('reads one address per line, numbering lines from 1 and skipping blank ones', () => {
    expect(parseList('ann@x.com\n\n  bob@x.com  \r\ncat@x.com\rdan@x.com\n')).toEqual([
      e(1, 'ann@x.com', 'ann@x.com'),
      e(3, 'bob@x.com', 'bob@x.com'),
      e(4, 'cat@x.com', 'cat@x.com'),
      e(5, 'dan@x.com', 'dan@x.com'),
    ]);
  });

  it('numbers from firstLine', () => {
    expect(parseList('ann@x.com\nbob@x.com', 41).map((entry) => entry.line)).toEqual([41, 42]);
  });

  it('splits at commas, semicolons and spaces, dropping empty pieces', () => {
    expect(parseList('ann@x.com, bob@x.com;cat@x.com ;; dan@x.com  eve@x.com,')).toEqual([
      e(1, 'ann@x.com', 'ann@x.com'),
      e(1, 'bob@x.com', 'bob@x.com'),
      e(1, 'cat@x.com', 'cat@x.com'),
      e(1, 'dan@x.com', 'dan@x.com'),
      e(1, 'eve@x.com', 'eve@x.com'),
    ]);
    expect(parseList(', ;\n;')).toEqual([]);
  });

  it('reports words between space-separated addresses as entries of their own (never dropped)', () => {
    // An address with a word right beside it says so: `and cat@x.com` may be one mistyped address.
    const beside = (word: string, email: string) => ({
      code: 'WORD_NEXT_TO_ADDRESS',
      params: { word, email },
      message: `"${word}" stands next to ${email} with only a space between; if the space was typed by mistake, correct the row.`,
    });
    expect(parseList('ann@x.com bob@x.com and cat@x.com')).toEqual([
      e(1, 'ann@x.com', 'ann@x.com'),
      { ...e(1, 'bob@x.com', 'bob@x.com'), warnings: [beside('and', 'bob@x.com')] },
      e(1, 'and', 'and'),
      { ...e(1, 'cat@x.com', 'cat@x.com'), warnings: [beside('and', 'cat@x.com')] },
    ]);
  });

  it('keeps a piece without any address as an entry, so validation can say why', () => {
    expect(parseList('Ann Lee\nnot-an-address')).toEqual([e(1, 'Ann Lee', 'Ann Lee'), e(2, 'not-an-address', 'not-an-address')]);
  });
});

describe('parseList: display names', () => {
  it('reads Name <email>', () => {
    expect(parseList('Ann Lee <Ann.Lee@x.com>')).toEqual([e(1, 'Ann Lee <Ann.Lee@x.com>', 'Ann.Lee@x.com', 'Ann Lee')]);
  });

  it('reads a bare <email> without inventing a name', () => {
    expect(parseList('<ann@x.com>')).toEqual([e(1, '<ann@x.com>', 'ann@x.com')]);
  });

  it('reads "Last, First" <email>, quotes removed, the comma kept inside the name', () => {
    expect(parseList('"Lee, Ann" <ann@x.com>, "O\'Brien, Bob" <bob@x.com>')).toEqual([
      e(1, '"Lee, Ann" <ann@x.com>', 'ann@x.com', 'Lee, Ann'),
      e(1, '"O\'Brien, Bob" <bob@x.com>', 'bob@x.com', "O'Brien, Bob"),
    ]);
  });

  it('unescapes \\" inside a quoted name and strips single quotes', () => {
    expect(parseList('"Dwayne \\"The Rock\\" Johnson" <dj@x.com>\n\'Ann\' <ann@x.com>')).toEqual([
      e(1, '"Dwayne \\"The Rock\\" Johnson" <dj@x.com>', 'dj@x.com', 'Dwayne "The Rock" Johnson'),
      e(2, "'Ann' <ann@x.com>", 'ann@x.com', 'Ann'),
    ]);
  });

  it("reads Outlook's unquoted Last, First <email>; … (the comma splits no name)", () => {
    expect(parseList('Smith, John <john@x.com>; Doe, Jane <jane@x.com>')).toEqual([
      e(1, 'Smith, John <john@x.com>', 'john@x.com', 'Smith, John'),
      e(1, 'Doe, Jane <jane@x.com>', 'jane@x.com', 'Doe, Jane'),
    ]);
  });

  it('reads email (Name), also with a comma inside the parentheses', () => {
    expect(parseList('ann@x.com (Ann Lee), bob@x.com (Stone, Bob)')).toEqual([
      e(1, 'ann@x.com (Ann Lee)', 'ann@x.com', 'Ann Lee'),
      e(1, 'bob@x.com (Stone, Bob)', 'bob@x.com', 'Stone, Bob'),
    ]);
  });

  it('reads Name email without brackets, and says so on the entry: the same shape is a typo', () => {
    expect(parseList('Ann Lee ann@x.com\n"Bob" bob@x.com\nuser name@x.io')).toEqual([
      {
        ...e(1, 'Ann Lee ann@x.com', 'ann@x.com', 'Ann Lee'),
        warnings: [
          { code: 'NAME_FROM_WORDS', params: { words: 'Ann Lee', email: 'ann@x.com' }, message: expect.stringContaining('"Ann Lee" was read as the name for ann@x.com') },
        ],
      },
      // A quoted name says it is a name: nothing to warn about.
      e(2, '"Bob" bob@x.com', 'bob@x.com', 'Bob'),
      {
        ...e(3, 'user name@x.io', 'name@x.io', 'user'),
        warnings: [{ code: 'NAME_FROM_WORDS', params: { words: 'user', email: 'name@x.io' }, message: expect.stringContaining('"user" was read as the name for name@x.io') }],
      },
    ]);
  });

  it('reads words after the address the same way, and a (comment) without a warning', () => {
    expect(parseList('ann@x.com Ann Lee\nbob@x.com (Bob)')).toEqual([
      { ...e(1, 'ann@x.com Ann Lee', 'ann@x.com', 'Ann Lee'), warnings: [expect.objectContaining({ code: 'NAME_FROM_WORDS' })] },
      e(2, 'bob@x.com (Bob)', 'bob@x.com', 'Bob'),
    ]);
  });

  it('reads several Name <email> entries separated only by spaces, dropping none', () => {
    expect(parseList('Ann Lee <ann@x.com> Bob Stone <bob@x.com>')).toEqual([
      e(1, 'Ann Lee <ann@x.com>', 'ann@x.com', 'Ann Lee'),
      e(1, 'Bob Stone <bob@x.com>', 'bob@x.com', 'Bob Stone'),
    ]);
  });

  it('splits quoted names too, and keeps a trailing word as its own entry', () => {
    expect(parseList('"Ann" <a@x.com> "Lee, Bob" <b@x.com> trailing')).toEqual([
      e(1, '"Ann" <a@x.com>', 'a@x.com', 'Ann'),
      e(1, '"Lee, Bob" <b@x.com>', 'b@x.com', 'Lee, Bob'),
      e(1, 'trailing', 'trailing'),
    ]);
  });

  it('does not cut a quoted display name that itself holds brackets', () => {
    expect(parseList('"Ann <ann@old.com>" <ann@new.com>')).toEqual([
      e(1, '"Ann <ann@old.com>" <ann@new.com>', 'ann@new.com', 'Ann <ann@old.com>'),
    ]);
  });

  it('an empty <> is an entry with no address, not nothing', () => {
    expect(parseList('Ann <>')).toEqual([e(1, 'Ann <>', '', 'Ann')]);
  });
});

describe('parseList: what mail clients put around addresses', () => {
  it.each(['To', 'to', 'Cc', 'BCC ', 'From', 'Reply-To', 'An', 'Kopie', 'À', 'Para'])('drops a leading "%s:" label', (label) => {
    expect(parseList(`${label}: ann@x.com`)).toEqual([e(1, 'ann@x.com', 'ann@x.com')]);
  });

  it('does not drop other "Word:" prefixes', () => {
    expect(parseList('Subject: hello')).toEqual([e(1, 'Subject: hello', 'Subject: hello')]);
  });

  it('reads a Gmail To: line', () => {
    expect(parseList('To: Ann Lee <ann@x.com>, "Stone, Bob" <bob@x.com>, cat@x.com')).toEqual([
      e(1, 'Ann Lee <ann@x.com>', 'ann@x.com', 'Ann Lee'),
      e(1, '"Stone, Bob" <bob@x.com>', 'bob@x.com', 'Stone, Bob'),
      e(1, 'cat@x.com', 'cat@x.com'),
    ]);
  });

  it('reads a folded header (continuation line starting with a space)', () => {
    expect(parseList('To: Ann Lee <ann@x.com>,\r\n Bob Stone <bob@x.com>')).toEqual([
      e(1, 'Ann Lee <ann@x.com>', 'ann@x.com', 'Ann Lee'),
      e(2, 'Bob Stone <bob@x.com>', 'bob@x.com', 'Bob Stone'),
    ]);
  });

  it('unwraps mailto: links, dropping the query and decoding escapes', () => {
    expect(parseList('mailto:ann@x.com\nmailto:Bob%2Bteam@x.com?subject=Hi\n<mailto:cat@x.com>')).toEqual([
      e(1, 'mailto:ann@x.com', 'ann@x.com'),
      e(2, 'mailto:Bob%2Bteam@x.com?subject=Hi', 'Bob+team@x.com'),
      e(3, '<mailto:cat@x.com>', 'cat@x.com'),
    ]);
  });

  it('strips zero-width and no-break spaces copied from web pages', () => {
    expect(parseList('\u200bann@x.com\u200b\n\u00a0bob@x.com\u00a0')).toEqual([
      e(1, '\u200bann@x.com\u200b', 'ann@x.com'),
      e(2, 'bob@x.com', 'bob@x.com'),
    ]);
  });
});
