/** `bulk-invite mock` as a user runs it: a real process, real HTTP on 127.0.0.1, real signals. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ATHENA_DEMO_KEYS, ATHENA_FIXTURE_IDS } from '../../mocks/athenahq/index.ts';
import { CONFIDENT_AI_DOCS_PROJECT_ID, CONFIDENT_AI_SDK_PROJECT_ID, confidentAiFixtureKeys, confidentAiRoleIds } from '../../mocks/confident-ai/index.ts';
import { DIGA_FIXTURE } from '../../mocks/diga/index.ts';
import { createScenario } from '../../mocks/index.ts';
import { startMockServer } from '../../mocks/server.ts';
import { WIX_FIXTURE_BLOG_WRITER_POLICY_ID, WIX_FIXTURE_DESIGNER_POLICY_ID, WIX_FIXTURE_EXAMPLE_POLICY_ID, WIX_FIXTURE_SITE_ID } from '../../mocks/wix/index.ts';

const BIN = fileURLToPath(new URL('../../bin/bulk-invite.js', import.meta.url));
const WAIT_MS = 10_000;

interface Running {
  child: ChildProcess;
  url: string;
  banner: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const tmp = mkdtempSync(join(tmpdir(), 'bulk-invite-mock-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function launch(args: string[]): Omit<Running, 'url' | 'banner'> {
  const child = spawn(process.execPath, [BIN, 'mock', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Starts the command and waits for its banner (the whole of it: the last line names the keys). */
async function startMock(args: string[]): Promise<Running> {
  const run = launch(['--port', '0', ...args]);
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (/^ {2}keys .*\n/m.test(run.stdout())) resolve();
    };
    run.child.stdout!.on('data', check);
    void run.exit.then(({ code }) => reject(new Error(`exited ${code} before listening: ${run.stderr()}`)));
  });
  await within(ready, 'the listening banner');
  const first = run.stdout().split('\n')[0]!;
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+) /.exec(first)?.[1];
  expect(url, first).toBeDefined();
  return { ...run, url: url!, banner: run.stdout() };
}

async function finish(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = launch(args);
  const { code } = await within(run.exit, 'the command to exit');
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

const digaBulk = (url: string, emails: string[], token = 'any-key', signal = AbortSignal.timeout(WAIT_MS)) =>
  fetch(`${url}/v1/project/invitation/send/bulk`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ invitations: emails.map((email) => ({ email, role: 'member' })) }),
    signal,
  });

describe('bulk-invite mock', () => {
  it('prints its URL (the real port for --port 0) and the four APIs, answers, and exits 0 on SIGINT', async () => {
    const mock = await startMock([]);
    const lines = mock.banner.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^bulk-invite mock: listening on http:\/\/127\.0\.0\.1:[1-9]\d* \(scenario ok, seed 1\)$/);
    expect(lines.slice(1).join('\n')).toContain(`POST ${mock.url}/v1/project/invitation/send/bulk`);
    for (const path of ['/invites/site-invite/bulk', '/v1/projects/:projectId/invitations', '/api/v1/invites/bulk', '/__mock/state']) {
      expect(mock.banner).toContain(`${mock.url}${path}`);
    }
    expect(mock.banner).toContain('any non-empty credential');

    const answer = await digaBulk(mock.url, ['cli@example.net']);
    expect(answer.status).toBe(201);
    const state = (await (await fetch(`${mock.url}/__mock/state`, { signal: AbortSignal.timeout(WAIT_MS) })).json()) as {
      diga: { invitations: { invited_email: string }[] };
    };
    expect(state.diga.invitations.map((i) => i.invited_email)).toContain('cli@example.net');

    mock.child.kill('SIGINT');
    expect(await within(mock.exit, 'exit after SIGINT')).toEqual({ code: 0, signal: null });
    expect(mock.stderr()).toContain('stopped (SIGINT)');
    await expect(fetch(`${mock.url}/__mock/state`, { signal: AbortSignal.timeout(WAIT_MS) })).rejects.toThrow();
  });

  it("prints the fixtures' ids and demo keys to try each vendor with, between the routes and the keys line", async () => {
    const mock = await startMock([]);
    const lines = mock.banner.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^ {2}keys +any non-empty credential$/);
    const start = lines.findIndex((line) => /^ {2}fixtures +/.test(line));
    expect(start).toBeGreaterThan(lines.findIndex((line) => /^ {2}state +GET /.test(line)));
    const block = lines.slice(start, -1);
    const section = (vendor: string) => {
      const from = block.findIndex((line) => line.startsWith(`  ${vendor} `));
      const to = block.findIndex((line, i) => i > from && /^ {2}\S/.test(line));
      return block.slice(from, to === -1 ? undefined : to).join('\n');
    };
    expect(section('Diga')).toContain(DIGA_FIXTURE.projectId);
    for (const id of [WIX_FIXTURE_SITE_ID, WIX_FIXTURE_EXAMPLE_POLICY_ID, WIX_FIXTURE_DESIGNER_POLICY_ID, WIX_FIXTURE_BLOG_WRITER_POLICY_ID]) {
      expect(section('Wix')).toContain(id);
    }
    for (const id of [CONFIDENT_AI_DOCS_PROJECT_ID, CONFIDENT_AI_SDK_PROJECT_ID, confidentAiRoleIds.member, confidentAiRoleIds.analyst, confidentAiFixtureKeys.organization]) {
      expect(section('Confident AI')).toContain(id);
    }
    const { siteExample, siteBlog, siteShop, groupMarketing, groupCommerce } = ATHENA_FIXTURE_IDS;
    for (const id of [siteExample, siteBlog, siteShop, groupMarketing, groupCommerce, ATHENA_DEMO_KEYS.global, ATHENA_DEMO_KEYS.scoped]) {
      expect(section('AthenaHQ')).toContain(id);
    }
    // What the banner says works: Wix's site and first policy, as printed.
    const wix = await fetch(`${mock.url}/invites/site-invite/bulk`, {
      method: 'POST',
      headers: { authorization: 'any-key', 'wix-site-id': /site ids (\S+)/.exec(section('Wix'))![1]!, 'content-type': 'application/json' },
      body: JSON.stringify({ policyIds: [/policy ids (\S+)/.exec(section('Wix'))![1]!], emails: ['banner@example.net'] }),
      signal: AbortSignal.timeout(WAIT_MS),
    });
    expect(((await wix.json()) as { invites: unknown[] }).invites).toHaveLength(1);
    mock.child.kill('SIGINT');
    expect((await within(mock.exit, 'exit')).code).toBe(0);
  });

  it('honours --scenario: auth-expired answers 401 from the sixth request on', async () => {
    const mock = await startMock(['--scenario', 'auth-expired']);
    expect(mock.banner).toContain('(scenario auth-expired, seed 1)');
    for (let i = 0; i < 5; i++) expect((await digaBulk(mock.url, [`a${i}@example.net`])).status).toBe(201);
    expect((await digaBulk(mock.url, ['a5@example.net'])).status).toBe(401);
    mock.child.kill('SIGTERM');
    expect(await within(mock.exit, 'exit after SIGTERM')).toEqual({ code: 0, signal: null });
  });

  it('honours --seed: partial refuses exactly the addresses that seed picks', async () => {
    const mock = await startMock(['--scenario', 'partial', '--seed', '42']);
    expect(mock.banner).toContain('(scenario partial, seed 42)');
    const emails = Array.from({ length: 20 }, (_, i) => `seeded${i}@example.net`);
    const body = (await (await digaBulk(mock.url, emails)).json()) as { failed: { email: string }[] };
    const expected = createScenario({ name: 'partial', seed: 42 });
    const refused = emails.filter((email) => expected.refuses(email));
    expect(refused.length).toBeGreaterThan(0);
    expect(body.failed.map((f) => f.email)).toEqual(refused);
    mock.child.kill('SIGINT');
    expect((await within(mock.exit, 'exit')).code).toBe(0);
  });

  it('--scenario timeout: a request left hanging does not stop SIGINT from closing promptly', async () => {
    const mock = await startMock(['--scenario', 'timeout']);
    const hanging = digaBulk(mock.url, ['slow@example.net']).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    mock.child.kill('SIGINT');
    expect(await within(mock.exit, 'exit with a request pending', 5_000)).toEqual({ code: 0, signal: null });
    expect(await hanging).toBe('cut');
  });

  it('--keys FILE restricts the vendors it names', async () => {
    const file = join(tmp, 'keys.json');
    writeFileSync(file, JSON.stringify({ diga: ['diga-key-1'] }));
    const mock = await startMock(['--keys', file]);
    expect(mock.banner).toContain(`restricted by ${file} for diga`);
    expect(mock.banner.trimEnd().split('\n').at(-1)).toContain('restricted by');
    expect((await digaBulk(mock.url, ['k@example.net'], 'diga-key-2')).status).toBe(401);
    expect((await digaBulk(mock.url, ['k@example.net'], 'diga-key-1')).status).toBe(201);
    const athena = await fetch(`${mock.url}/api/v1/invites/bulk`, {
      method: 'POST',
      headers: { 'x-api-key': 'anything', 'content-type': 'application/json' },
      body: JSON.stringify({ invite_method: 'email', email: 'k@example.net', website_ids: ['c2f1e0d9-8b7a-4c6d-9e5f-4a3b2c1d0e9f'] }),
      signal: AbortSignal.timeout(WAIT_MS),
    });
    expect(athena.status).toBe(200);
    mock.child.kill('SIGINT');
    expect((await within(mock.exit, 'exit')).code).toBe(0);
  });

  it.each([
    ['an unknown scenario', ['--scenario', 'sunny'], /Allowed choices are ok, slow/],
    ['a port out of range', ['--port', '70000'], /--port <port>.*invalid/],
    ['a port that is not a number', ['--port', 'http'], /--port <port>.*invalid/],
    ['a seed that is not a whole number', ['--seed', '1.5'], /--seed <n>.*invalid/],
  ])('refuses %s as a usage error (exit 1)', async (_, args, message) => {
    const result = await finish(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('exits 2 when the keys file cannot be used or the port is taken', async () => {
    const missing = await finish(['--port', '0', '--keys', join(tmp, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the keys file');

    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ diga: 'not-a-list' }));
    const invalid = await finish(['--port', '0', '--keys', bad]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/bad\.json: diga/);

    const taken = await startMockServer({ port: 0 });
    try {
      const busy = await finish(['--port', String(taken.port)]);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`port ${taken.port} on 127.0.0.1 is in use`);
    } finally {
      await taken.close();
    }
  });

  it('documents the scenarios and the --keys format in its help', async () => {
    const help = await finish(['--help']);
    expect(help.code).toBe(0);
    for (const text of ['--keys <file>', '"confident-ai": { "organization"', '"athenahq":     { "global"', 'network-error', '/__mock/reset', 'refused (403) to web pages']) {
      expect(help.stdout).toContain(text);
    }
  });
});
