/**
 * `bulk-invite send` as a user runs it: a real process per run, real files, against the mock server on
 * 127.0.0.1 (started in this process so its state can be read back over `GET /__mock/state`). Each test
 * uses its own addresses, so the vendors' stores never need resetting between tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ATHENA_FIXTURE_IDS } from '../../mocks/athenahq/index.ts';
import { CONFIDENT_AI_DOCS_PROJECT_ID } from '../../mocks/confident-ai/index.ts';
import { DIGA_FIXTURE } from '../../mocks/diga/fixtures.ts';
import { startMockServer, type MockServerOptions, type RunningMockServer } from '../../mocks/server.ts';
import { WIX_FIXTURE_CONTRIBUTOR_EMAILS, WIX_FIXTURE_EXAMPLE_POLICY_ID, WIX_FIXTURE_SITE_ID } from '../../mocks/wix/index.ts';
import { CSV_COLUMNS } from '../core/send/export.ts';

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
  vendorMessage?: string;
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

  it.each([
    ['wix', '200 requests/min'],
    ['athena', '60 requests/min'],
    ['diga', '10 requests/s'],
  ])("%s without --rate: keeps to the adapter's documented limit, else the engine's default (%s)", async (name, rate) => {
    const { flags } = vendors.find((v) => v.vendor === name)!;
    const out = join(tmp, `rate-${name}.json`);
    const { code, stderr } = await send([...target(mock), '--vendor', name, ...flags, '--out', out, file(`rate-${name}.csv`, `rate.${name}@send.example\n`)]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`in 1 request at ${rate},`);
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
    // The columns stay; `message` is the English sentence for the code (Wix gives no reason of its own).
    expect(rows[2]!.message).toBe('The vendor refused this address without giving a reason (it may be malformed, already a member or invited, or over a limit).');
    expect(vendors[1]!.held(await mockState(mock), 'csv.new@send.example')).toBe(1);
  });

  it("writes JSON with the English sentence in message and the vendor's own words verbatim in vendorMessage", async () => {
    const input = file('diga-words.csv', `email\nwords.new@send.example\n${DIGA_FIXTURE.member.email}\n${DIGA_FIXTURE.pending.email}\n`);
    const out = join(tmp, 'diga-words.json');
    const { code, stderr } = await send([...target(mock), '--vendor', 'diga', '--rate', '500', '--out', out, input]);
    expect(code, stderr).toBe(0);
    expect(readJson(out).outcomes.map(({ status, code, message, vendorMessage }) => ({ status, code, message, vendorMessage }))).toEqual([
      { status: 'sent' },
      { status: 'skipped', code: 'ALREADY_MEMBER', message: 'Already a member.', vendorMessage: 'User is already a member of this project' },
      { status: 'skipped', code: 'ALREADY_INVITED', message: 'Already invited: an invitation is pending.', vendorMessage: 'Invitation already sent' },
    ]);
  });

  it('exits 3 when the check rejected a row, though every valid row went out', async () => {
    const input = file('one-invalid.csv', 'fine@invalid-row.example\nno-at-sign\n');
    const out = join(tmp, 'one-invalid.json');
    const { code } = await send([...target(mock), '--vendor', 'confident', ...vendors[2]!.flags, '--rate', '500', '--out', out, input]);
    expect(code).toBe(3);
    expect(readJson(out).summary).toEqual({ ...emptySummary, total: 2, sent: 1, invalid: 1 });
  });

  it('never invites another mailbox for a cell with a space inside: the row is invalid and the vendor never sees it', async () => {
    const input = file('typo-space.csv', 'Email,Name\r\nandy dwyer@typo.example,Andy\r\nann@typo.example,Ann\r\n');
    const out = join(tmp, 'typo-space.json');
    const { code } = await send([...target(mock), '--vendor', 'diga', '--rate', '500', '--out', out, input]);
    expect(code).toBe(3);
    expect(readJson(out).outcomes.map((o) => [o.line, o.email, o.status, o.code])).toEqual([
      [2, 'andy dwyer@typo.example', 'invalid', 'INVALID_EMAIL'],
      [3, 'ann@typo.example', 'sent', undefined],
    ]);
    const state = await mockState(mock);
    expect(vendors[0]!.held(state, 'dwyer@typo.example')).toBe(0);
    expect(vendors[0]!.held(state, 'ann@typo.example')).toBe(1);
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
    expect(stderr).toContain('stopped: The vendor refused the credentials (HTTP 401): "Invalid or missing API key" (AUTH_FAILED). Unsent addresses are pending.');
    const results = readJson(out);
    expect(results.summary).toEqual({ ...emptySummary, total: 3, pending: 3 });
    for (const outcome of results.outcomes) {
      expect(outcome).toMatchObject({ status: 'pending', code: 'AUTH_FAILED', message: 'Not sent: the run stopped because the vendor refused the credentials.' });
    }
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

/** The tests below spawn several runs each; generous on a busy 2-core machine. */
const SLOW_MS = 90_000;

/** A server that is not a faithful mock: it answers whatever `respond` says, e.g. echoing the key. */
async function hostile(respond: (headers: IncomingHttpHeaders) => { status: number; body: string; type?: string }): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const { status, body, type } = respond(req.headers);
      res.writeHead(status, { 'content-type': type ?? 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hostileServers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const hostileServers: Server[] = [];
afterAll(async () => {
  for (const server of hostileServers) server.closeAllConnections();
  await Promise.all(hostileServers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `send`, collecting stdout as well as stderr. */
function sendCollecting(args: string[], key: string): Promise<Finished & { stdout: string }> {
  const run = launch(args, key);
  let stdout = '';
  run.child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return within(run.exit, `bulk-invite send ${args.join(' ')}`).then((finished) => ({ ...finished, stdout }));
}

describe('bulk-invite send never lets the key out', () => {
  // Distinctive, so a hit can only be a leak.
  const KEY = 'bi-SECRET-9c1f7e2a64d04b8f-leakcheck';

  interface Path {
    name: string;
    base: () => Promise<string>;
    vendor: string[];
    extra?: string[];
    code: number;
  }
  const diga = ['--vendor', 'diga'];
  const wixFlags = ['--vendor', 'wix', ...vendors[1]!.flags];
  const paths: Path[] = [
    { name: '401 from the mock', base: async () => (await serve({ keys: { diga: ['the-only-right-key'] } })).url, vendor: diga, code: 2 },
    { name: '403 from the mock', base: async () => (await serve({ keys: { wix: { keys: [], keysWithoutScope: [KEY] } } })).url, vendor: wixFlags, code: 2 },
    { name: 'network cut', base: async () => (await serve({ scenario: 'network-error' })).url, vendor: diga, extra: ['--max-attempts', '2'], code: 3 },
    { name: 'timeout', base: async () => (await serve({ scenario: 'timeout' })).url, vendor: diga, extra: ['--timeout', '0.3', '--max-attempts', '2'], code: 3 },
    { name: 'connection refused', base: async () => `http://127.0.0.1:${await closedPort()}`, vendor: diga, code: 2 },
    {
      name: 'a 401 that echoes the key',
      base: () => hostile((h) => ({ status: 401, body: JSON.stringify({ status: 'error', error_code: 'UNAUTHORIZED', message: `Invalid token ${h.authorization}` }) })),
      vendor: diga,
      code: 2,
    },
    {
      name: 'a 500 page that echoes the key',
      base: () => hostile((h) => ({ status: 500, type: 'text/html', body: `<h1>Upstream refused ${h.authorization}</h1>` })),
      vendor: diga,
      extra: ['--max-attempts', '2'],
      code: 3,
    },
    {
      name: 'per-address errors that echo the key',
      base: () => hostile((h) => ({ status: 201, body: JSON.stringify({ successful: [], failed: [{ email: 'leak0@secret.example', success: false, error: `key ${h.authorization} may not invite` }, { email: 'leak1@secret.example', success: false, error: `key ${h.authorization} may not invite` }] }) })),
      vendor: diga,
      code: 3,
    },
  ];

  it.each(paths)('$name: not in stdout, stderr, the CSV or the JSON results', async ({ base, vendor, extra = [], code }) => {
    const url = await base();
    const input = file('leak.csv', 'leak0@secret.example\nleak1@secret.example\n');
    for (const ext of ['csv', 'json']) {
      const out = join(tmp, `leak-${ext}-${Math.random().toString(36).slice(2)}.${ext}`);
      const result = await sendCollecting(['--base-url', url, '--key-env', KEY_ENV, ...vendor, ...extra, '--rate', '500', '--out', out, input], KEY);
      expect(result.code, result.stderr).toBe(code);
      expect(existsSync(out)).toBe(true);
      for (const [where, text] of [['stdout', result.stdout], ['stderr', result.stderr], [out, readFileSync(out, 'utf8')]] as const) {
        expect(text, where).not.toContain(KEY);
      }
    }
  }, SLOW_MS);

  it('a key holding a line break: a usage error naming the variable, never the value, exit 2, nothing sent', async () => {
    const out = join(tmp, 'two-line-key.json');
    const address = 'twoline@secret.example';
    const result = await sendCollecting([...target(mock), '--vendor', 'diga', '--out', out, file('twoline.csv', `${address}\n`)], `${KEY}\nSECOND-LINE-of-key-file\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`the environment variable ${KEY_ENV} holds a line break`);
    for (const text of [result.stdout, result.stderr]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('SECOND-LINE');
    }
    // Refused before the first request: no results file, nothing at the vendor, no retries.
    expect(existsSync(out)).toBe(false);
    expect(vendors[0]!.held(await mockState(mock), address)).toBe(0);
  }, SLOW_MS);

  it('the mock servers the key was sent to do not hold it in their state', async () => {
    for (const server of servers) expect(JSON.stringify(await mockState(server))).not.toContain(KEY);
  }, SLOW_MS);
});

describe('bulk-invite send never destroys its input', () => {
  const team = 'keep1@out.example\nkeep2@out.example\n';

  const spellings: [string, (input: string) => string][] = [
    ['the same path', (input) => input],
    ['the same file through ./x/..', (input) => {
      mkdirSync(join(tmp, 'x'), { recursive: true });
      return join(tmp, 'x', '..', basename(input));
    }],
    ['a symlink to it', (input) => {
      const link = join(tmp, `link-${basename(input)}`);
      rmSync(link, { force: true });
      symlinkSync(input, link);
      return link;
    }],
    ['a hard link to it', (input) => {
      const link = join(tmp, `hard-${basename(input)}`);
      rmSync(link, { force: true });
      linkSync(input, link);
      return link;
    }],
  ];

  it.each(spellings)('refuses an --out that is the input (%s) before sending, exit 2, the list intact', async (_, spell) => {
    const input = file(`team-${Math.random().toString(36).slice(2)}.csv`, team);
    const { code, stderr } = await send([...target(mock), '--vendor', 'diga', '--out', spell(input), input]);
    expect(code).toBe(2);
    expect(stderr).toContain('is the input file');
    expect(readFileSync(input, 'utf8')).toBe(team);
    expect(vendors[0]!.held(await mockState(mock), 'keep1@out.example')).toBe(0);
  }, SLOW_MS);

  it('writes through a symlinked --out (the link stays, its file gets the results and keeps its permissions), atomically', async () => {
    const folder = mkdtempSync(join(tmp, 'through-'));
    const real = join(folder, 'real-results.json');
    writeFileSync(real, 'old results\n');
    chmodSync(real, 0o640);
    const link = join(folder, 'results.json');
    symlinkSync('real-results.json', link);
    const { code } = await send([...target(mock), '--vendor', 'diga', '--rate', '500', '--out', link, file('through.csv', 'through@out.example\n')]);
    expect(code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readJson(real).outcomes).toMatchObject([{ email: 'through@out.example', status: 'sent' }]);
    expect(statSync(real).mode & 0o777).toBe(0o640);
    // No temporary file left beside it.
    expect(readdirSync(folder).sort()).toEqual(['real-results.json', 'results.json']);
  }, SLOW_MS);

  it('when --out cannot be written after sending, writes the results elsewhere and says where', async () => {
    const folder = mkdtempSync(join(tmp, 'vanishing-'));
    const out = join(folder, 'results.json');
    const emails = Array.from({ length: 12 }, (_, i) => `vanish${i}@out.example`);
    // AthenaHQ at 6 a second: about 2 s, time enough to take the folder away.
    const run = launch([...target(mock), '--vendor', 'athena', ...athena.flags, '--rate', '6', '--out', out, file('vanish.csv', `${emails.join('\n')}\n`)]);
    await within(
      (async () => {
        while (!athena.held(await mockState(mock), emails[0]!)) await new Promise((resolve) => setTimeout(resolve, 20));
      })(),
      'the first invitation',
    );
    rmSync(folder, { recursive: true, force: true });
    const { code, stderr } = await within(run.exit, 'the run to end');
    expect(code).toBe(2);
    expect(stderr).toContain(`could not be written to ${out}`);
    const elsewhere = /they were written to (.+?) instead\./.exec(stderr)?.[1];
    expect(elsewhere, stderr).toBeDefined();
    const results = readJson(elsewhere!);
    expect(results.outcomes.map((o) => o.email)).toEqual(emails);
    expect(results.summary.sent).toBe(12);
    rmSync(elsewhere!, { force: true });
  }, SLOW_MS);
});

describe('bulk-invite send, an unreachable target', () => {
  it('stops with "cannot reach URL", every row pending and never maybe-delivered, exit 2, in seconds', async () => {
    const port = await closedPort();
    const out = join(tmp, 'unreachable.json');
    const emails = Array.from({ length: 30 }, (_, i) => `down${i}@net.example`);
    const started = Date.now();
    // AthenaHQ's 60/min, one address per request: backing off through the list would take many minutes.
    const { code, stderr } = await send(['--base-url', `http://127.0.0.1:${port}`, '--key-env', KEY_ENV, '--vendor', 'athena', ...athena.flags, '--out', out, file('down.csv', `${emails.join('\n')}\n`)]);
    expect(Date.now() - started).toBeLessThan(WAIT_MS);
    expect(code, stderr).toBe(2);
    expect(stderr).toContain(`cannot reach http://127.0.0.1:${port}: the first 3 requests could not connect`);
    expect(stderr).toContain('ECONNREFUSED');
    const results = readJson(out);
    expect(results.summary).toEqual({ ...emptySummary, total: 30, pending: 30 });
    for (const outcome of results.outcomes) {
      expect(outcome).toMatchObject({ status: 'pending', code: 'CONNECT_FAILED', message: expect.stringMatching(/^Not sent: /) });
      expect(outcome.message).not.toMatch(/may have been delivered/);
    }
  }, SLOW_MS);

  it('runs 16 at a time without a runtime warning', async () => {
    const emails = Array.from({ length: 48 }, (_, i) => `wide${i}@net.example`);
    const out = join(tmp, 'wide.json');
    const { code, stderr } = await send([...target(mock), '--vendor', 'athena', ...athena.flags, '--concurrency', '16', '--rate', '100', '--out', out, file('wide.csv', `${emails.join('\n')}\n`)]);
    expect(code, stderr).toBe(0);
    expect(stderr).not.toMatch(/Warning|\(node:\d+\)/);
    expect(readJson(out).summary.sent).toBe(48);
  }, SLOW_MS);

  const usage: [string, string[], RegExp][] = [
    ['a --timeout past the timer limit', ['--timeout', '3000000'], /--timeout.*at most 2,147,483 seconds/s],
    ['a --timeout under a millisecond', ['--timeout', '0.0001'], /at least 0\.001 seconds/],
    ['a --concurrency over 100', ['--concurrency', '101'], /at most 100 requests at once/],
    ['a --base-url with user:password@', ['--base-url', 'http://user:pass@127.0.0.1:9'], /without user:password@/],
  ];
  it.each(usage)('exits 1 for %s', async (_, flags, message) => {
    const out = join(tmp, 'bad-flag.json');
    const { code, stderr } = await send([...target(mock), '--vendor', 'diga', ...flags, '--out', out, file('flag.csv', 'flag@net.example\n')]);
    expect(stderr).toMatch(message);
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
  }, SLOW_MS);
});

describe('bulk-invite send, terminal and spreadsheet safety', () => {
  it('shows control characters and bidi overrides in its messages as escapes', async () => {
    const url = await hostile(() => ({ status: 401, body: JSON.stringify({ status: 'error', error_code: 'UNAUTHORIZED', message: 'Bad key\u001b[2J\u001b]0;pwned\u0007 \u202eyek dab' }) }));
    const { code, stderr } = await send(['--base-url', url, '--key-env', KEY_ENV, '--vendor', 'diga', '--out', join(tmp, 'tty.json'), file('tty.csv', 'tty@term.example\n')]);
    expect(code).toBe(2);
    expect(stderr).toContain('Bad key\\x1b[2J\\x1b]0;pwned\\x07 \\u202eyek dab');
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  }, SLOW_MS);

  it('starts the CSV with a UTF-8 byte-order mark, unless --no-bom', async () => {
    const input = file('bom.csv', 'email,name\nbom1@sheet.example,Zoë\n');
    const withBom = join(tmp, 'bom.csv.out.csv');
    expect((await send([...target(mock), '--vendor', 'diga', '--rate', '500', '--out', withBom, input])).code).toBe(0);
    const bytes = readFileSync(withBom);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Zoë');

    const plain = join(tmp, 'nobom.csv');
    expect((await send([...target(mock), '--vendor', 'diga', '--rate', '500', '--no-bom', '--out', plain, file('nobom-in.csv', 'email\nbom2@sheet.example\n')])).code).toBe(0);
    expect(readFileSync(plain, 'utf8').startsWith('line,email,')).toBe(true);
  }, SLOW_MS);

  it.each([
    ['a header and no rows', 'email,name\n', /nothing to send: .* has no rows below its header/],
    ['only invalid rows', 'email\nnot-an-address\nalso bad\n', /nothing to send: none of the 2 rows is a valid address/],
  ])('exits 2 with "nothing to send" for %s, and sends nothing', async (_, content, message) => {
    const out = join(tmp, 'nothing.json');
    const { code, stderr } = await send([...target(mock), '--vendor', 'diga', '--out', out, file('nothing.csv', content)]);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
    expect(existsSync(out)).toBe(false);
  }, SLOW_MS);
});
