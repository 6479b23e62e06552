import { describe, expect, it } from 'vitest';
import { detectNewline, forEachRecord, parseRecords, type SourceRecord } from './records.ts';

const r = (line: number, raw: string, cells: string[]): SourceRecord => ({ line, raw, cells });

describe('detectNewline', () => {
  it.each([
    // CRLF is read as LF (the CR is dropped from the record), so lines that mix them all break.
    ['a\r\nb\r\n', '\n'],
    ['a\nb\r\n', '\n'],
    ['a\r\nb\nc\n', '\n'],
    ['a\rb\r', '\r'],
    ['a\rb\rc\nd', '\r'],
    ['a,b', '\n'],
    ['', '\n'],
    ['\na', '\n'],
  ])('%j → %j', (text, newline) => {
    expect(detectNewline(text)).toBe(newline);
  });
});

describe('parseRecords', () => {
  it('reads CRLF records with quoted commas, doubled quotes and line breaks, each with its first line and source text', () => {
    const text = 'email,name,notes\r\n"ann@x.com","Lee, Ann","Met at the conference,\r\nfollow up"\r\nbob@x.com,"Bob ""B"" Smith",\r\n';
    expect(parseRecords(text, { delimiter: ',' })).toEqual([
      r(1, 'email,name,notes', ['email', 'name', 'notes']),
      r(2, '"ann@x.com","Lee, Ann","Met at the conference,\r\nfollow up"', ['ann@x.com', 'Lee, Ann', 'Met at the conference,\r\nfollow up']),
      r(4, 'bob@x.com,"Bob ""B"" Smith",', ['bob@x.com', 'Bob "B" Smith', '']),
    ]);
  });

  it('leaves out blank records (empty lines, ;;; rows) but counts their lines', () => {
    const text = 'a@x.com;A;;\r\n;;;\r\n\r\n   ;  ;\r\nb@x.com;B;;\r\n;;;\r\n';
    expect(parseRecords(text, { delimiter: ';' })).toEqual([r(1, 'a@x.com;A;;', ['a@x.com', 'A', '', '']), r(5, 'b@x.com;B;;', ['b@x.com', 'B', '', ''])]);
  });

  it('reads CR-only (classic Mac) line breaks, also inside quotes', () => {
    expect(parseRecords('a@x.com,"A\rB"\rb@x.com,B\r', { delimiter: ',' })).toEqual([
      r(1, 'a@x.com,"A\rB"', ['a@x.com', 'A\rB']),
      r(3, 'b@x.com,B', ['b@x.com', 'B']),
    ]);
  });

  it('uses the given newline, not a stray one inside a line', () => {
    // A bare LF inside a CRLF file belongs to the field it is in.
    expect(parseRecords('a@x.com,A\nB\r\nb@x.com,B\r\n', { delimiter: ',', newline: '\r\n' })).toEqual([
      r(1, 'a@x.com,A\nB', ['a@x.com', 'A\nB']),
      r(3, 'b@x.com,B', ['b@x.com', 'B']),
    ]);
  });

  it.each([
    ['\t', 'a@x.com\tAnn, Lee\tadmin'],
    ['|', 'a@x.com|Ann, Lee|admin'],
    [';', 'a@x.com;Ann, Lee;admin'],
  ] as const)('splits at %j only', (delimiter, line) => {
    expect(parseRecords(`${line}\n`, { delimiter })).toEqual([r(1, line, ['a@x.com', 'Ann, Lee', 'admin'])]);
  });

  it('numbers from firstLine and stops at limit', () => {
    const text = 'a\nb\nc\nd\n';
    expect(parseRecords(text, { delimiter: ',', firstLine: 10, limit: 2 })).toEqual([r(10, 'a', ['a']), r(11, 'b', ['b'])]);
  });

  it('reads a last record without a line break', () => {
    expect(parseRecords('a\nb', { delimiter: ',' })).toEqual([r(1, 'a', ['a']), r(2, 'b', ['b'])]);
  });

  describe('an unterminated quote does not swallow later rows', () => {
    it('when no quote follows: the line is read literally, the rows after it stay rows', () => {
      const text = 'email,name\n"Smith, John,john@x.com\nbob@x.com,Bob\ncat@x.com,Cat\n';
      expect(parseRecords(text, { delimiter: ',' })).toEqual([
        r(1, 'email,name', ['email', 'name']),
        r(2, '"Smith, John,john@x.com', ['"Smith', ' John', 'john@x.com']),
        r(3, 'bob@x.com,Bob', ['bob@x.com', 'Bob']),
        r(4, 'cat@x.com,Cat', ['cat@x.com', 'Cat']),
      ]);
    });

    it('when a properly quoted field follows later (papaparse would close the quote there)', () => {
      const text = 'name,email\n"Smith, John,john@x.com\nBob,bob@x.com\n"Doe, Jane",jane@x.com\nCat,cat@x.com\n';
      expect(parseRecords(text, { delimiter: ',' })).toEqual([
        r(1, 'name,email', ['name', 'email']),
        r(2, '"Smith, John,john@x.com', ['"Smith', ' John', 'john@x.com']),
        r(3, 'Bob,bob@x.com', ['Bob', 'bob@x.com']),
        r(4, '"Doe, Jane",jane@x.com', ['Doe, Jane', 'jane@x.com']),
        r(5, 'Cat,cat@x.com', ['Cat', 'cat@x.com']),
      ]);
    });

    it('when a quoted field ends early ("Bob" Smith) and a quoted field follows', () => {
      const text = 'name,email\n"Bob" Smith,bob@x.com\n"Lee, Ann",ann@x.com\n';
      expect(parseRecords(text, { delimiter: ',' })).toEqual([
        r(1, 'name,email', ['name', 'email']),
        r(2, '"Bob" Smith,bob@x.com', ['"Bob" Smith', 'bob@x.com']),
        r(3, '"Lee, Ann",ann@x.com', ['Lee, Ann', 'ann@x.com']),
      ]);
    });

    it('on the last line', () => {
      expect(parseRecords('a@x.com,A\nb@x.com,"B', { delimiter: ',' })).toEqual([r(1, 'a@x.com,A', ['a@x.com', 'A']), r(2, 'b@x.com,"B', ['b@x.com', '"B'])]);
    });

    it('in a semicolon file', () => {
      expect(parseRecords('a@x.com;"A\nb@x.com;B\n', { delimiter: ';' })).toEqual([r(1, 'a@x.com;"A', ['a@x.com', '"A']), r(2, 'b@x.com;B', ['b@x.com', 'B'])]);
    });
  });

  it('keeps a legitimate multi-line quoted field whole', () => {
    const text = 'email,notes\na@x.com,"line one\nline two, with comma\nline three"\nb@x.com,"x"\n';
    expect(parseRecords(text, { delimiter: ',' })).toEqual([
      r(1, 'email,notes', ['email', 'notes']),
      r(2, 'a@x.com,"line one\nline two, with comma\nline three"', ['a@x.com', 'line one\nline two, with comma\nline three']),
      r(5, 'b@x.com,"x"', ['b@x.com', 'x']),
    ]);
  });

  it('keeps line numbers and source text right when the text starts with a byte-order mark', () => {
    // papaparse drops a leading U+FEFF by itself; positions must still point into the text given.
    const records = parseRecords('\ufeffemail,name\nann@x.com,Ann\nbob@x.com,Bob\n', { delimiter: ',' });
    expect(records.map((record) => [record.line, record.raw])).toEqual([
      [1, '\ufeffemail,name'],
      [2, 'ann@x.com,Ann'],
      [3, 'bob@x.com,Bob'],
    ]);
    expect(records[1]!.cells).toEqual(['ann@x.com', 'Ann']);
  });
});

describe('forEachRecord on a piece of a longer input (partial)', () => {
  const read = (text: string, newline: '\n' | '\r\n' | '\r' = '\n') => {
    const seen: Array<[number, string]> = [];
    const result = forEachRecord(text, { delimiter: ',', newline, partial: true, firstLine: 10 }, (line, raw) => seen.push([line, raw]));
    return { seen, ...result };
  };

  it('leaves the last record, which may be cut short, for the next piece', () => {
    expect(read('a@x.com,A\nb@x.com,B\nc@x.c')).toEqual({ seen: [[10, 'a@x.com,A'], [11, 'b@x.com,B']], consumed: 20, nextLine: 12 });
  });

  it('reads everything up to a final line break', () => {
    expect(read('a@x.com,A\nb@x.com,B\n')).toEqual({ seen: [[10, 'a@x.com,A'], [11, 'b@x.com,B']], consumed: 20, nextLine: 12 });
  });

  it('does not take a CR for a whole CRLF', () => {
    expect(read('a@x.com,A\r\nb@x.com,B\r', '\r\n')).toEqual({ seen: [[10, 'a@x.com,A']], consumed: 11, nextLine: 11 });
  });

  it('stops before a quoted field still open at the end, without reading its line literally', () => {
    expect(read('a@x.com,A\nb@x.com,"two\nlines')).toEqual({ seen: [[10, 'a@x.com,A']], consumed: 10, nextLine: 11 });
  });

  it('reads a quoted field that closes within the piece', () => {
    expect(read('a@x.com,"two\nlines"\nb@x.com,B\n')).toEqual({ seen: [[10, 'a@x.com,"two\nlines"'], [12, 'b@x.com,B']], consumed: 30, nextLine: 13 });
  });
});

describe('forEachRecord on a text larger than one papaparse call (8 MiB)', () => {
  it('reads every record once, with its line and exact text, across the cuts', () => {
    const lines = 320_000;
    const line = (i: number) => `person.${String(i).padStart(6, '0')}@example.com,"Person, Number ${i}",member`;
    let text = '';
    for (let i = 0; i < lines; i++) text += `${line(i)}\n`;
    expect(text.length).toBeGreaterThan(2 * 8 * 1024 * 1024);
    let next = 1;
    const wrong: string[] = [];
    const read = forEachRecord(text, { delimiter: ',', newline: '\n' }, (at, raw, cells) => {
      const i = next - 1;
      if (at !== next || raw !== line(i) || cells[1] !== `Person, Number ${i}`) wrong.push(`${at}: ${raw}`);
      next++;
    });
    expect(wrong).toEqual([]);
    expect(next - 1).toBe(lines);
    expect(read).toEqual({ consumed: text.length, nextLine: lines + 1 });
  });
});
