/** The `check` command as a user runs it: a real process, real files, stdout/stderr and exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/bulk-invite.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bulk-invite-check-'));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function run(args: string[], input?: string | Uint8Array) {
  const result = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bulk-invite check', () => {
  it('prints the documented JSON for a European Excel export', () => {
    const csv = file('team.csv', 'E-Mail;Vorname;Nachname;Rolle\r\nhans@example.de;Hans;Meier;Admin\r\nHANS@example.de;Hans;Zwei;member\r\nkaputt;Kurt;Ohne;member\r\n;Lea;Leer;\r\n');
    const { status, stdout, stderr } = run(['check', '--roles', 'admin,member', csv]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.summary).toEqual({ total: 4, valid: 1, invalid: 2, duplicate: 1 });
    expect(output.encoding).toBe('utf-8');
    expect(output.mapping).toMatchObject({
      format: 'table',
      delimiter: ';',
      headerLine: 1,
      columns: { email: { index: 0, header: 'E-Mail', source: 'header' }, role: { index: 3, header: 'Rolle' } },
    });
    expect(output.rows).toEqual([
      { line: 2, raw: 'hans@example.de;Hans;Meier;Admin', email: 'hans@example.de', name: 'Hans Meier', firstName: 'Hans', lastName: 'Meier', role: 'admin', status: 'valid' },
      {
        line: 3,
        raw: 'HANS@example.de;Hans;Zwei;member',
        email: 'hans@example.de',
        name: 'Hans Zwei',
        firstName: 'Hans',
        lastName: 'Zwei',
        role: 'member',
        status: 'duplicate',
        code: 'DUPLICATE',
        params: { email: 'hans@example.de', line: 2 },
        message: 'hans@example.de is already listed on line 2.',
        duplicateOf: 2,
      },
      expect.objectContaining({ line: 4, email: 'kaputt', status: 'invalid', code: 'INVALID_EMAIL', params: { value: 'kaputt', reason: 'NO_AT' } }),
      expect.objectContaining({
        line: 5,
        email: '',
        firstName: 'Lea',
        status: 'invalid',
        code: 'MISSING_EMAIL',
        params: { reason: 'NO_ADDRESS', name: 'Lea Leer' },
        message: 'The row for Lea Leer has no e-mail address.',
      }),
    ]);
  });

  it('reads a pasted Outlook To: line from stdin with -', () => {
    const { status, stdout } = run(['check', '-'], 'To: Smith, John <john@example.com>; "Doe, Jane" <jane@example.com>\n');
    expect(status).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.mapping.format).toBe('list');
    expect(output.rows.map((row: { email: string; name: string }) => [row.email, row.name])).toEqual([
      ['john@example.com', 'Smith, John'],
      ['jane@example.com', 'Doe, Jane'],
    ]);
  });

  it('prints a readable table with --format table', () => {
    const { status, stdout } = run(['check', '--format', 'table', '-'], 'ann@example.com\nnot-an-address\n');
    expect(status).toBe(0);
    expect(stdout).toContain('ann@example.com');
    expect(stdout).toContain('it has no @');
    expect(stdout).toMatch(/2 rows: 1 valid, 1 invalid, 0 duplicate\. Read as a list of addresses, utf-8\./);
  });

  it('shows control characters and bidi overrides in --format table as visible escapes', () => {
    // Short names: the table's Name column is 24 wide and cuts longer cells.
    const csv = 'email,name,role\r\nann@example.com,"A\u001b[2J\u0007",member\r\nbob@example.com,"\u202eB\u2066",admin\r\n';
    const { status, stdout } = run(['check', '--format', 'table', '-'], csv);
    expect(status).toBe(0);
    expect(stdout).toContain('A\\x1b[2J\\x07');
    expect(stdout).toContain('\\u202eB\\u2066');
    // Nothing that acts on a terminal is left (stdout is not a TTY here, so the table draws no colours).
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('never turns a cell with a space inside into another valid address, and shows what it read beside an address', () => {
    const csv = file('typo.csv', 'Email,Name\r\nandy dwyer@northwind.example,Andy\r\nann@example.com,Ann\r\n');
    const table = JSON.parse(run(['check', csv]).stdout);
    expect(table.rows.map((row: { email: string; status: string; code?: string }) => [row.email, row.status, row.code])).toEqual([
      ['andy dwyer@northwind.example', 'invalid', 'INVALID_EMAIL'],
      ['ann@example.com', 'valid', undefined],
    ]);
    expect(table.rows[0].message).toBe('"andy dwyer@northwind.example" has a space before "dwyer"; an address cannot contain spaces.');
    // Free text keeps a "Name address" reading, and says so on the row, in JSON and in the table.
    const pasted = JSON.parse(run(['check', '-'], 'user name@example.com\n').stdout);
    expect(pasted.rows[0]).toMatchObject({
      email: 'name@example.com',
      name: 'user',
      status: 'valid',
      warnings: [{ code: 'NAME_FROM_WORDS', params: { words: 'user', email: 'name@example.com' } }],
    });
    const { stdout } = run(['check', '--format', 'table', '-'], 'user name@example.com\n');
    // The table wraps long cells across lines: look for the start of the note.
    expect(stdout).toMatch(/Note: "user" was/);
  });

  it('marks addresses from --existing as already there', () => {
    const existing = file('members.txt', 'Ann <ann@example.com>\n');
    const { stdout } = run(['check', '--existing', existing, '-'], 'ann@example.com\nbob@example.com\n');
    const rows = JSON.parse(stdout).rows as Array<{ status: string; code?: string }>;
    expect(rows.map((row) => [row.status, row.code])).toEqual([
      ['duplicate', 'ALREADY_EXISTS'],
      ['valid', undefined],
    ]);
  });

  it.each([
    ['an Excel workbook', 'book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('[Content_Types].xml')]), /Excel workbook/],
    ['an empty file', 'empty.csv', new Uint8Array(), /empty/],
    ['a binary file', 'random.bin', new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00]), /binary/],
  ])('exits 2 with a one-line reason for %s', (_, name, bytes, reason) => {
    const { status, stdout, stderr } = run(['check', file(name, bytes)]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(reason);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('words the refusal from the message table, with the numbers it was given', () => {
    const { status, stderr } = run(['check', '--max-bytes', '10', file('big.csv', 'ann@example.com\nbob@example.com\n')]);
    expect(status).toBe(2);
    expect(stderr).toBe('bulk-invite: The input is 32 bytes; the limit is 10 bytes. Split the list, or raise the limit (maxBytes).\n');
  });

  it('exits 2 for a file that does not exist', () => {
    const { status, stderr } = run(['check', join(dir, 'nope.csv')]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/no such file/);
  });

  it.each([
    [['check'], /missing required argument/],
    [['check', '--bogus', 'x.csv'], /unknown option/],
    [['check', '--max-rows', 'zero', '-'], /positive whole number/],
    [['check', '--delimiter', 'x', '-'], /unknown delimiter/],
    [['check', '--roles', 'admin', '--default-role', 'owner', '-'], /default role "owner"/],
  ])('exits 1 on usage errors: %j', (args, message) => {
    const { status, stderr } = run(args, 'a@example.com\n');
    expect(status).toBe(1);
    expect(stderr).toMatch(message);
  });

  it('applies column overrides by 1-based number or header name', () => {
    const csv = 'Primary,Backup,Who\nann@example.com,ann.backup@example.com,Ann\n';
    const byName = JSON.parse(run(['check', '--email-column', 'Backup', '-'], csv).stdout);
    const byNumber = JSON.parse(run(['check', '--email-column', '2', '--name-column', 'Who', '-'], csv).stdout);
    expect(byName.rows[0].email).toBe('ann.backup@example.com');
    expect(byNumber.rows[0]).toMatchObject({ email: 'ann.backup@example.com', name: 'Ann' });
    expect(byNumber.mapping.columns.email).toEqual({ index: 1, header: 'Backup', source: 'override' });
  });
});
