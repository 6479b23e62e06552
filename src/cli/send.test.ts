/**
 * `bulk-invite send` as a user runs it: a real process per run, real files, against the mock server on
 * 127.0.0.1 (started in this process so its state can be read back over `GET /__mock/state`). Each test
 * uses its own addresses, so the vendors' stores never need resetting between tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ATHENA_FIXTURE_IDS } from '../../mocks/athenahq/index.ts';
import { CONFIDENT_AI_DOCS_PROJECT_ID } from '../../mocks/confident-ai/index.ts';
import { startMockServer, type MockServerOptions, type RunningMockServer } from '../../mocks/server.ts';
import { WIX_FIXTURE_CONTRIBUTOR_EMAILS, WIX_FIXTURE_EXAMPLE_POLICY_ID, WIX_FIXTURE_SITE_ID } from '../../mocks/wix/index.ts';
import { CSV_COLUMNS } from '../core/index.ts';

const BIN = fileURLToPath(new URL('../../bin/bulk-invite.js', import.meta.url));
const WAIT_MS = 15_000;
const KEY_ENV = 'BULK_INVITE_TEST_KEY';
const UNSET_ENV = 'BULK_INVITE_TEST_KEY_NOT_SET';

const tmp = mkdtempSync(join(tmpdir(), 'bulk-invite-send-'));
const servers: RunningMockServer[] = [];
const children: ChildProcess[] = [];
let mock: RunningMockServer;

async function serve(options: MockServerOptions = {}): Promise<RunningMockServer> {
  const server = await startMockServer({ port: 0, host: '127.0.0.1', ...options });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  mock = await serve();
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  rmSync(tmp, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Finished {
  code: number | null;
  stderr: string;
}

/** Starts `bulk-invite send …`; the key variable holds `key` unless `key` is undefined. */
function launch(args: string[], key: string | undefined = 'cli-test-key') {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env[UNSET_ENV];
  if (key === undefined) delete env[KEY_ENV];
  else env[KEY_ENV] = key;
  const child = spawn(process.execPath, [BIN, 'send', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stdout!.resume();
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<Finished>((resolve) => child.once('close', (code) => resolve({ code, stderr })));
  return { child, stderr: () => stderr, exit };
}

function send(args: string[], key?: string): Promise<Finished> {
  return within(launch(args, key).exit, `bulk-invite send ${args.join(' ')}`);
}

/** The common flags: the mock's URL and the key variable. */
const target = (server: RunningMockServer) => ['--base-url', server.url, '--key-env', KEY_ENV];

async function mockState(server: RunningMockServer): Promise<any> {
  const response = await fetch(`${server.url}/__mock/state`, { signal: AbortSignal.timeout(WAIT_MS) });
  return response.json();
}

interface VendorCase {
  vendor: string;
  flags: string[];
  /** Invitations the vendor holds for this address. */
  held(state: any, email: string): number;
}

const vendors: VendorCase[] = [
  { vendor: 'diga', flags: [], held: (state, email) => state.diga.invitations.filter((i: any) => i.invited_email === email).length },
  {
    vendor: 'wix',
    flags: ['--site-id', WIX_FIXTURE_SITE_ID, '--policy-id', WIX_FIXTURE_EXAMPLE_POLICY_ID],
    held: (state, email) => state.wix.invites.filter((i: any) => i.email.toLowerCase() === email && i.status === 'Pending').length,
  },
  {
    vendor: 'confident',
    flags: ['--project-id', CONFIDENT_AI_DOCS_PROJECT_ID],
    held: (state, email) =>
      state['confident-ai'].invitations.filter((i: any) => i.email === email && i.projectId === CONFIDENT_AI_DOCS_PROJECT_ID).length,
  },
  {
    vendor: 'athena',
    flags: ['--website-id', ATHENA_FIXTURE_IDS.siteExample, '--invite-method', 'email'],
    held: (state, email) => state.athenahq.invites.filter((i: any) => i.email === email && i.target_id === ATHENA_FIXTURE_IDS.siteExample).length,
  },
];
const athena = vendors[3]!;

interface Outcome {
  line: number;
  email: string;
  status: string;
  code?: string;
  message?: string;
  attempts: number;
}

function readJson(path: string): { summary: Record<string, number>; outcomes: Outcome[] } {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const emptySummary = { total: 0, queued: 0, inFlight: 0, sent: 0, skipped: 0, failed: 0, pending: 0, invalid: 0, duplicate: 0, excluded: 0 };

describe('bulk-invite send, to each vendor', () => {
  it.each(vendors)('$vendor: sends every valid row once, writes the JSON results, exits 0', async ({ vendor, flags, held }) => {
    const emails = ['ann', 'bob', 'cy', 'dee'].map((name) => `${name}.${vendor}@send.example`);
    const input = file(`${vendor}.csv`, `email,name\n${emails.map((e, i) => `${e},Person ${i}`).join('\n')}\n${emails[0]!.toUpperCase()},Again\n`);
    const out = join(tmp, `${vendor}.json`);

    const { code, stderr } = await send([...target(mock), '--vendor', vendor, ...flags, '--rate', '500', '--out', out, input]);
    expect(stderr).toContain('4 addresses to');
    // The bar is drawn on a terminal only: a pipe gets the summary lines alone.
    expect(stderr).not.toContain('\u001b[');
    expect(code, stderr).toBe(0);

    const results = readJson(out);
    expect(results.summary).toEqual({ ...emptySummary, total: 5, sent: 4, duplicate: 1 });
    expect(results.outcomes.map((o) => [o.line, o.email, o.status, o.attempts])).toEqual([
      [2, emails[0], 'sent', 1],
      [3, emails[1], 'sent', 1],
      [4, emails[2], 'sent', 1],
      [5, emails[3], 'sent', 1],
      [6, emails[0], 'duplicate', 0],
    ]);
    expect(results.outcomes[4]).toMatchObject({ code: 'DUPLICATE', message: expect.stringContaining('line 2') });

    const state = await mockState(mock);
    expect(emails.map((email) => held(state, email))).toEqual([1, 1, 1, 1]);
  });

  it('gives rows without a role the --role, keeps the rows that name one', async () => {
    const input = file('roles.csv', 'email,role\nrole.a@send.example,Admin\nrole.b@send.example,\n');
    const out = join(tmp, 'roles.json');
    const { code } = await send([...target(mock), '--vendor', 'diga', '--role', 'reader', '--rate', '500', '--out', out, input]);
    expect(code).toBe(0);
    const state = await mockState(mock);
    const roleOf = (email: string) => state.diga.invitations.find((i: any) => i.invited_email === email)?.role;
    expect([roleOf('role.a@send.example'), roleOf('role.b@send.example')]).toEqual(['admin', 'reader']);
  });

  it('writes CSV, with rows the check rejected and the vendor refused, and exits 3', async () => {
    const member = WIX_FIXTURE_CONTRIBUTOR_EMAILS[0];
    const input = file('wix-mixed.csv', `email,name\ncsv.new@send.example,"=cmd|' /C calc'!A0"\nnot-an-address,Nobody\n${member},Already there\n`);
    const out = join(tmp, 'wix-mixed.csv.out.csv');
    const { code } = await send([...target(mock), '--vendor', 'wix', ...vendors[1]!.flags, '--rate', '500', '--out', out, input]);
    expect(code).toBe(3);

    const text = readFileSync(out, 'utf8');
    const parsed = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' });
    expect(parsed.data[0]).toEqual([...CSV_COLUMNS]);
    const rows = parsed.data.slice(1).map((cells) => Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, cells[i]])));
    expect(rows.map((row) => [row.line, row.email, row.status, row.code])).toEqual([
      ['2', 'csv.new@send.example', 'sent', ''],
      ['3', 'not-an-address', 'invalid', 'INVALID_EMAIL'],
      ['4', member, 'failed', 'VENDOR_REJECTED'],
    ]);
    // Neutralised for spreadsheets: a leading quote, never a live formula.
    expect(rows[0]!.name).toBe("'=cmd|' /C calc'!A0");
    expect(vendors[1]!.held(await mockState(mock), 'csv.new@send.example')).toBe(1);
  });

  it('exits 3 when the check rejected a row, though every valid row went out', async () => {
    const input = file('one-invalid.csv', 'fine@invalid-row.example\nno-at-sign\n');
    const out = join(tmp, 'one-invalid.json');
    const { code } = await send([...target(mock), '--vendor', 'confident', ...vendors[2]!.flags, '--rate', '500', '--out', out, input]);
    expect(code).toBe(3);
    expect(readJson(out).summary).toEqual({ ...emptySummary, total: 2, sent: 1, invalid: 1 });
  });
});

describe('bulk-invite send, when the key is refused', () => {
  it('stops at the 401, leaves every address pending with the reason, writes the results, exits 2', async () => {
    const strict = await serve({ keys: { diga: ['the-right-key'] } });
    const emails = ['k1', 'k2', 'k3'].map((name) => `${name}@auth.example`);
    const input = file('auth.csv', `${emails.join('\n')}\n`);
    const out = join(tmp, 'auth.json');

    const { code, stderr } = await send([...target(strict), '--vendor', 'diga', '--out', out, input], 'a-wrong-key');
    expect(code).toBe(2);
    expect(stderr).toMatch(/stopped: .*\(AUTH_FAILED\)/);
    const results = readJson(out);
    expect(results.summary).toEqual({ ...emptySummary, total: 3, pending: 3 });
    for (const outcome of results.outcomes) expect(outcome).toMatchObject({ status: 'pending', code: 'AUTH_FAILED', message: expect.stringMatching(/^Not sent/) });
    const state = await mockState(strict);
    expect(emails.map((email) => vendors[0]!.held(state, email))).toEqual([0, 0, 0]);
  });

  it('keeps what went out before the key expired, and the rest pending', async () => {
    // auth-expired: the first 5 requests are accepted, every later one gets 401. One at a time, so
    // exactly 5 land.
    const expiring = await serve({ scenario: 'auth-expired' });
    const emails = Array.from({ length: 8 }, (_, i) => `expiry${i}@auth.example`);
    const input = file('expiry.csv', `${emails.join('\n')}\n`);
    const out = join(tmp, 'expiry.json');

    const args = [...target(expiring), '--vendor', 'athena', ...athena.flags, '--concurrency', '1', '--rate', '500', '--out', out, input];
    const { code } = await send(args);
    expect(code).toBe(2);
    const results = readJson(out);
    expect(results.outcomes.map((o) => o.status)).toEqual([...Array(5).fill('sent'), ...Array(3).fill('pending')]);
    const state = await mockState(expiring);
    expect(emails.map((email) => athena.held(state, email))).toEqual([1, 1, 1, 1, 1, 0, 0, 0]);
  });
});

describe('bulk-invite send, Ctrl-C', () => {
  it('cancels mid-run: the results file is written, sent ones held once, the unsent pending; exits 3', async () => {
    const emails = Array.from({ length: 100 }, (_, i) => `sigint${i}@cancel.example`);
    const input = file('sigint.csv', `${emails.join('\n')}\n`);
    const out = join(tmp, 'sigint.json');
    // AthenaHQ: one address per request, 20 a second, so the run would take 5 s.
    const run = launch([...target(mock), '--vendor', 'athena', ...athena.flags, '--rate', '20', '--out', out, input]);

    const heldNow = async () => {
      const state = await mockState(mock);
      return emails.filter((email) => athena.held(state, email) > 0).length;
    };
    await within(
      (async () => {
        while ((await heldNow()) < 3) await new Promise((resolve) => setTimeout(resolve, 20));
      })(),
      'the first invitations to land',
    );
    run.child.kill('SIGINT');
    const { code, stderr } = await within(run.exit, 'the cancelled run to exit');
    expect(stderr).toContain('SIGINT: cancelling');
    expect(code, stderr).toBe(3);

    const results = readJson(out);
    const sent = results.outcomes.filter((o) => o.status === 'sent');
    const pending = results.outcomes.filter((o) => o.status === 'pending');
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(pending.length).toBeGreaterThan(0);
    expect(sent.length + pending.length).toBe(100);
    expect(results.summary).toMatchObject({ total: 100, sent: sent.length, pending: pending.length, failed: 0 });
    for (const outcome of pending) expect(outcome.code).toBe('ABORTED');

    const state = await mockState(mock);
    const held = new Map(emails.map((email) => [email, athena.held(state, email)]));
    for (const outcome of sent) expect(held.get(outcome.email), outcome.email).toBe(1);
    expect([...held.values()].every((n) => n <= 1)).toBe(true);
    // Only a request out at the moment of the cancel may have landed unconfirmed (4 at a time at most).
    const landedPending = pending.filter((o) => held.get(o.email) === 1).length;
    expect(landedPending).toBeLessThanOrEqual(4);
  });
});

describe('bulk-invite send, unusable input', () => {
  const list = () => file('two.csv', 'unusable1@send.example\nunusable2@send.example\n');

  it('exits 2 naming the variable when the key variable is not set, and sends nothing', async () => {
    const out = join(tmp, 'unset.json');
    const { code, stderr } = await send(['--base-url', mock.url, '--key-env', UNSET_ENV, '--vendor', 'diga', '--out', out, list()]);
    expect(code).toBe(2);
    expect(stderr).toContain(`the environment variable ${UNSET_ENV} is not set`);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 when the key variable is empty', async () => {
    const { code, stderr } = await send([...target(mock), '--vendor', 'diga', '--out', join(tmp, 'empty.json'), list()], '  ');
    expect(code).toBe(2);
    expect(stderr).toContain(`${KEY_ENV} is empty`);
  });

  it('exits 2 when the input cannot be read', async () => {
    const { code, stderr } = await send([...target(mock), '--vendor', 'diga', '--out', join(tmp, 'x.json'), join(tmp, 'no-such.csv')]);
    expect(code).toBe(2);
    expect(stderr).toContain('no-such.csv: no such file.');
  });

  it('exits 2 before sending when --out cannot be written', async () => {
    const out = join(tmp, 'no-such-folder', 'results.json');
    const { code, stderr } = await send([...target(mock), '--vendor', 'diga', '--out', out, list()]);
    expect(code).toBe(2);
    expect(stderr).toContain('does not exist');
    const state = await mockState(mock);
    expect(vendors[0]!.held(state, 'unusable1@send.example')).toBe(0);
  });
});

describe('bulk-invite send, usage', () => {
  const list = () => file('usage.csv', 'usage@send.example\n');
  const cases: [string, (out: string) => string[], RegExp][] = [
    ['no --out', () => ['--vendor', 'diga'], /required option '--out <file>'/],
    ['an --out that is neither .csv nor .json', () => ['--vendor', 'diga', '--out', join(tmp, 'r.txt')], /--out must end in \.csv or \.json/],
    ["another vendor's option", (out) => ['--vendor', 'diga', '--site-id', 'x', '--out', out], /--site-id is a Wix option; --vendor is diga/],
    ['Wix without --policy-id', (out) => ['--vendor', 'wix', '--site-id', WIX_FIXTURE_SITE_ID, '--out', out], /Wix needs --policy-id/],
    ['AthenaHQ with websites and groups', (out) => ['--vendor', 'athena', ...athena.flags, '--group-id', ATHENA_FIXTURE_IDS.groupMarketing, '--out', out], /not both/],
    ['a --role the vendor lacks', (out) => ['--vendor', 'diga', '--role', 'owner', '--out', out], /--role owner is not a Diga role; choose one of: admin, member, reader/],
    ['an unknown vendor', (out) => ['--vendor', 'slack', '--out', out], /argument 'slack' is invalid/],
  ];

  it.each(cases)('exits 1 for %s, before reading the key', async (_, args, message) => {
    const out = join(tmp, 'usage.json');
    // The key variable is unset: a usage error must be reported first.
    const { code, stderr } = await send(['--base-url', mock.url, '--key-env', UNSET_ENV, ...args(out), list()], undefined);
    expect(stderr).toMatch(message);
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('documents the key variable, the vendor options, the results and the exit codes in --help', async () => {
    const run = launch(['--help']);
    let stdout = '';
    run.child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const { code } = await within(run.exit, 'send --help');
    expect(code).toBe(0);
    for (const text of ['--key-env <var>', '--policy-id', '--invite-method', 'Exit codes:', '  3  some rows were not invited']) {
      expect(stdout).toContain(text);
    }
  });
});
