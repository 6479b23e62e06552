/**
 * The standalone mock server (`bulk-invite mock`) driven over real HTTP on 127.0.0.1, ephemeral ports.
 * Each vendor's documented example request is replayed with the client the doc shows: Diga's Python
 * `requests` snippet with a real Python, the others' curl commands with the real `curl` binary, the host
 * being the only change (and a placeholder filled in only where the doc's literal one cannot authenticate).
 *
 * Needs on the machine: `curl`, and a Python 3 with `requests` (`$PYTHON`, else `/usr/bin/python3`
 * (Debian's python3-requests), else `python3` on PATH). Missing, the tests fail; they never skip.
 */
import { execFile, spawnSync } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ATHENA_DEMO_KEYS, ATHENA_FIXTURE_IDS } from './athenahq/index.ts';
import { XOR_ERROR } from './athenahq/schemas.ts';
import { confidentAiRoleIds } from './confident-ai/index.ts';
import { DIGA_FIXTURE } from './diga/index.ts';
import { createScenario, parseMockKeys, scenarioNames, type MockBackendOptions } from './index.ts';
import { startMockServer, type RunningMockServer } from './server.ts';
import { WIX_FIXTURE_ACCOUNT_ID, WIX_FIXTURE_EXAMPLE_POLICY_ID, WIX_FIXTURE_SITE_ID } from './wix/index.ts';

// ---------------------------------------------------------------------------------------------------
// The documented examples, as published (seeds 001–004). Only the host is replaced before running.

/** Diga, seed 001: the Python `requests` example, verbatim. */
const DIGA_PYTHON = `import requests
url = "https://api.diga.io/v1/project/invitation/send/bulk"
payload = { "invitations": [
{
"email": "<string>",
"role": "member"
}
] }
headers = {
"Authorization": "Bearer <token>",
"Content-Type": "application/json"
}
response = requests.post(url, json=payload, headers=headers)
print(response.text)`;

/**
 * Wix, seed 002: the "Invite contributor to site" curl example (the seed flattens its lines; here they are
 * as the page shows them). The key is left blank in the doc, and no wix-site-id header is sent.
 */
const WIX_CURL = `curl -X POST \\
'https://www.wixapis.com/invites/site-invite/bulk' \\
-H 'Content-Type: application/json' \\
-H 'Authorization: ' \\
-d '{
"policyIds": [
"6600344420111308827"
],
"emails": [
"some@email.com"
]
}'`;

/** Confident AI, seed 003: the Create Project Invitations curl example (without the page's `$`/`>` prompts). */
const CONFIDENT_AI_CURL = `curl -X POST https://api.confident-ai.com/v1/projects/projectId/invitations \\
-H "CONFIDENT_API_KEY: <ORGANIZATION-API-KEY>" \\
-H "Content-Type: application/json" \\
-d '{
"emails": [
"carol@example.com",
"dave@example.com"
],
"projectRoleId": "project-role-uuid-2"
}'`;

/** AthenaHQ, seed 004: the Bulk Invite curl example, verbatim. It sends both id lists, which the doc forbids. */
const ATHENA_CURL = `curl --request POST \\
  --url https://api.athenahq.ai/api/v1/invites/bulk \\
  --header 'Content-Type: application/json' \\
  --header 'x-api-key: <api-key>' \\
  --data '
{
  "invite_method": "direct",
  "email": "user@example.com",
  "role": "viewer",
  "website_ids": [
    "123e4567-e89b-12d3-a456-426614174000",
    "987e6543-e21b-12d3-a456-426614174000"
  ],
  "group_ids": [
    "456e7890-e89b-12d3-a456-426614174000",
    "789e0123-e89b-12d3-a456-426614174000"
  ],
  "first_name": "John",
  "last_name": "Doe"
}
'`;

// ---------------------------------------------------------------------------------------------------
// Harness

const TIMEOUT_MS = 15_000;

/** The children talk to 127.0.0.1 directly, whatever proxy the machine sets. */
const childEnv = (() => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (/^(https?|all|no)_proxy$/i.test(name)) delete env[name];
  env['NO_PROXY'] = '*';
  env['no_proxy'] = '*';
  return env;
})();

function run(file: string, args: string[], env: NodeJS.ProcessEnv = childEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout: TIMEOUT_MS, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(new Error(`${file} failed: ${error.message}\n${stderr}`));
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

/** A Python 3 that has `requests`: $PYTHON, Debian's /usr/bin/python3, or python3 on PATH. */
function findPython(): string | undefined {
  const candidates = [process.env['PYTHON'], '/usr/bin/python3', 'python3'].filter((c): c is string => Boolean(c));
  return candidates.find((python) => spawnSync(python, ['-c', 'import requests'], { timeout: TIMEOUT_MS }).status === 0);
}

/**
 * Runs a doc's curl command through the shell, pointed at `url`. `-s -w` (appended) only shape curl's
 * output, so the status code can be read; `--max-time` bounds it. The request itself is the doc's.
 */
async function curl(command: string, from: string, to: string): Promise<{ status: number; body: any; raw: string }> {
  expect(command).toContain(from);
  const { code, stdout, stderr } = await run('/bin/sh', ['-c', `${command.replace(from, to)} -s --max-time 10 -w '\\n%{http_code}'`]);
  expect(code, stderr).toBe(0);
  const cut = stdout.lastIndexOf('\n');
  const raw = stdout.slice(0, cut);
  return { status: Number(stdout.slice(cut + 1)), body: raw ? JSON.parse(raw) : undefined, raw };
}

let server: RunningMockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: MockBackendOptions = {}): Promise<RunningMockServer> {
  server = await startMockServer({ port: 0, ...options });
  return server;
}

async function call(base: string, path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(TIMEOUT_MS), ...init });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

// One request per vendor that succeeds against the fixtures, each with its own credential header.
const digaBulk = (base: string, emails: string[], token = 'any-key') =>
  call(base, '/v1/project/invitation/send/bulk', json({ invitations: emails.map((email) => ({ email, role: 'member' })) }, { authorization: `Bearer ${token}` }));
const wixBulk = (base: string, emails: string[], key = 'any-key') =>
  call(base, '/invites/site-invite/bulk', json({ policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID], emails }, { authorization: key, 'wix-site-id': WIX_FIXTURE_SITE_ID }));
const confidentBulk = (base: string, emails: string[], key = 'any-key') =>
  call(base, '/v1/projects/projectId/invitations', json({ emails }, { CONFIDENT_API_KEY: key }));
const athenaBulk = (base: string, email: string, key = 'any-key', targets: Record<string, string[]> = { website_ids: [ATHENA_FIXTURE_IDS.siteShop] }) =>
  call(base, '/api/v1/invites/bulk', json({ invite_method: 'email', email, ...targets }, { 'x-api-key': key }));

// ---------------------------------------------------------------------------------------------------

describe('the documented example requests, over real HTTP', () => {
  let python: string | undefined;
  beforeAll(() => {
    python = findPython();
  });

  it("Diga: the Python requests example runs unchanged but for the host (201, '<string>' refused per address)", async () => {
    expect(python, 'no Python 3 with requests: install python3-requests, or set $PYTHON').toBeDefined();
    const { url, backend } = await start();
    const snippet = DIGA_PYTHON.replace('https://api.diga.io', url);
    expect(snippet).not.toBe(DIGA_PYTHON);
    // The snippet runs as published; the harness only reads `response.status_code` afterwards.
    const harness = "import os, sys\nns = {}\nexec(os.environ['SNIPPET'], ns)\nsys.stderr.write('STATUS=%d' % ns['response'].status_code)";
    const { code, stdout, stderr } = await run(python!, ['-c', harness], { ...childEnv, SNIPPET: snippet });
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('STATUS=201');
    expect(JSON.parse(stdout)).toEqual({
      successful: [],
      failed: [{ email: '<string>', success: false, error: 'The email <string> is not valid', invitation: null }],
    });
    expect(backend.state().diga.invitations).toHaveLength(1); // the fixture's pending one only

    // The same snippet with an address in place of the placeholder invites it.
    const real = await run(python!, ['-c', harness], { ...childEnv, SNIPPET: snippet.replace('<string>', 'erin@example.net') });
    expect(real.stderr).toContain('STATUS=201');
    expect(JSON.parse(real.stdout)).toMatchObject({
      successful: [{ invited_email: 'erin@example.net', role: 'member', project_id: DIGA_FIXTURE.projectId, inviter_name: DIGA_FIXTURE.inviterName }],
      failed: [],
    });
  });

  it('Wix: the curl example as published is refused 401 (blank key); with a key and the site header it invites', async () => {
    const { url, backend } = await start();
    const asPublished = await curl(WIX_CURL, 'https://www.wixapis.com', url);
    expect(asPublished.status).toBe(401);
    expect(asPublished.body.details.applicationError.code).toBe('UNAUTHENTICATED');

    // The doc leaves the key blank: fill it. The API-key article requires wix-site-id too (403 without).
    const keyed = WIX_CURL.replace("'Authorization: '", "'Authorization: IST.demo-key'");
    const noSite = await curl(keyed, 'https://www.wixapis.com', url);
    expect(noSite.status).toBe(403);
    expect(noSite.body.details.applicationError.code).toBe('PERMISSION_DENIED');

    const withSite = await curl(keyed.replace("-d '{", `-H 'wix-site-id: ${WIX_FIXTURE_SITE_ID}' \\\n-d '{`), 'https://www.wixapis.com', url);
    expect(withSite.status).toBe(200);
    expect(withSite.body).toEqual({
      invites: [
        expect.objectContaining({
          siteId: WIX_FIXTURE_SITE_ID,
          email: 'some@email.com',
          policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID],
          status: 'Pending',
          inviterAccountId: WIX_FIXTURE_ACCOUNT_ID,
        }),
      ],
      failedEmails: [],
    });
    expect(backend.state().wix.invites.map((invite) => invite.email)).toContain('some@email.com');
  });

  it('Confident AI: the curl example works unchanged but for the host', async () => {
    const { url } = await start();
    const answer = await curl(CONFIDENT_AI_CURL, 'https://api.confident-ai.com', url);
    expect(answer.status).toBe(200);
    const invitation = (id: number, email: string) => ({
      id,
      email,
      status: 'PENDING',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      projectRoleId: confidentAiRoleIds.member,
    });
    expect(answer.body).toEqual({
      success: true,
      data: { invitations: [invitation(201, 'carol@example.com'), invitation(202, 'dave@example.com')] },
      deprecated: false,
    });
    // Sent again: both are now invited, so both are skipped.
    const again = await curl(CONFIDENT_AI_CURL, 'https://api.confident-ai.com', url);
    expect(again.body.data).toEqual({ invitations: [] });
  });

  it('AthenaHQ: the curl example as published gets 400 (both id lists); the corrected one the documented answer', async () => {
    const { url, backend } = await start();
    const asPublished = await curl(ATHENA_CURL, 'https://api.athenahq.ai', url);
    expect(asPublished).toMatchObject({ status: 400, body: { success: false, error: XOR_ERROR } });
    expect(backend.state().athenahq.memberships).toHaveLength(4);

    const corrected = ATHENA_CURL.replace(/ {2}"group_ids": \[[^\]]*\],\n/, '');
    expect(corrected).not.toContain('group_ids');
    const answer = await curl(corrected, 'https://api.athenahq.ai', url);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      success: true,
      results: [
        {
          website_id: '123e4567-e89b-12d3-a456-426614174000',
          success: true,
          message: 'User added to website',
          user_id: 'abc12345-e89b-12d3-a456-426614174000',
        },
        { website_id: '987e6543-e21b-12d3-a456-426614174000', success: false, error: 'User is already a member of this website' },
      ],
    });
  });
});

describe('scenarios through the server option', () => {
  it('covers every scenario name', () => {
    // A new scenario must get a test here.
    expect([...scenarioNames].sort()).toEqual(['auth-expired', 'flaky', 'network-error', 'ok', 'partial', 'rate-limited', 'slow', 'timeout']);
  });

  it('ok: every vendor answers its happy path', async () => {
    const { url } = await start({ scenario: 'ok' });
    expect((await digaBulk(url, ['new@example.net'])).status).toBe(201);
    expect((await wixBulk(url, ['new@example.net'])).status).toBe(200);
    expect((await confidentBulk(url, ['new@example.net'])).status).toBe(200);
    expect((await athenaBulk(url, 'new@example.net')).status).toBe(200);
  });

  it('slow: answers after 200–800 ms', async () => {
    const { url } = await start({ scenario: 'slow' });
    const began = performance.now();
    const answer = await digaBulk(url, ['new@example.net']);
    const took = performance.now() - began;
    expect(answer.status).toBe(201);
    expect(took).toBeGreaterThanOrEqual(195);
    expect(took).toBeLessThan(3_000);
  });

  it('flaky: some requests get 500/503 in the vendor envelope, the same ones for the same seed', async () => {
    const statuses = async (seed: number) => {
      const { url } = await start({ scenario: 'flaky', seed });
      const seen: number[] = [];
      for (let i = 0; i < 30; i++) {
        const answer = await confidentBulk(url, [`p${i}@example.net`]);
        if (answer.status >= 500) expect(answer.body).toMatchObject({ success: false, deprecated: false });
        seen.push(answer.status);
      }
      await server!.close();
      return seen;
    };
    const first = await statuses(7);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(first.filter((s) => s === 500 || s === 503).length).toBeGreaterThan(0);
    expect(first.every((s) => [200, 500, 503].includes(s))).toBe(true);
    expect(await statuses(7)).toEqual(first);
  });

  it("rate-limited: 429 with Retry-After past the vendor's window (AthenaHQ: 60 a minute)", async () => {
    const { url } = await start({ scenario: 'rate-limited' });
    for (let i = 0; i < 60; i++) expect((await athenaBulk(url, `r${i}@example.net`)).status).toBe(200);
    const limited = await athenaBulk(url, 'r60@example.net');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ success: false, error: 'Rate limit exceeded' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    // Windows are per vendor: Diga still answers.
    expect((await digaBulk(url, ['r@example.net'])).status).toBe(201);
  });

  it('rate-limited with a config: Diga answers RATE_LIMIT_EXCEEDED past the given window', async () => {
    const { url } = await start({ scenario: { name: 'rate-limited', rateLimit: { limit: 2, windowMs: 60_000 } } });
    expect((await digaBulk(url, ['a@example.net'])).status).toBe(201);
    expect((await digaBulk(url, ['b@example.net'])).status).toBe(201);
    const limited = await digaBulk(url, ['c@example.net']);
    expect(limited).toMatchObject({ status: 429, body: { status: 'error', error_code: 'RATE_LIMIT_EXCEEDED' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(50);
  });

  it('auth-expired: 401 after 5 requests, counted per vendor', async () => {
    const { url } = await start({ scenario: 'auth-expired' });
    for (let i = 0; i < 5; i++) expect((await wixBulk(url, [`w${i}@example.net`])).status).toBe(200);
    const expired = await wixBulk(url, ['w5@example.net']);
    expect(expired.status).toBe(401);
    expect(expired.body.details.applicationError.code).toBe('UNAUTHENTICATED');
    expect((await digaBulk(url, ['d@example.net'])).status).toBe(201);
  });

  it('network-error: the connection is cut (fetch and curl both see it)', async () => {
    const { url, backend } = await start({ scenario: 'network-error' });
    await expect(digaBulk(url, ['a@example.net'])).rejects.toThrow(TypeError);
    const viaCurl = await run('curl', ['-s', '--max-time', '10', '-X', 'POST', '-H', 'x-api-key: k', '-d', '{}', `${url}/api/v1/invites/bulk`]);
    expect(viaCurl.code).toBe(52); // "Empty reply from server"
    expect(backend.scenario.requestCount('diga')).toBe(1);
    // The server itself stays up.
    expect((await call(url, '/__mock/state')).status).toBe(200);
  });

  it('timeout: no answer ever comes, and close() still ends the server promptly', async () => {
    const { url } = await start({ scenario: 'timeout' });
    await expect(
      fetch(`${url}/api/v1/invites/bulk`, { ...json({}, { 'x-api-key': 'k' }), signal: AbortSignal.timeout(400) }),
    ).rejects.toThrow(/timeout|aborted/i);

    // A request still hanging when the server closes.
    const hanging = fetch(`${url}/v1/project/invitation/send/bulk`, json({ invitations: [] }, { authorization: 'Bearer k' })).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    const began = performance.now();
    const closed = await Promise.race([server!.close().then(() => 'closed'), new Promise((resolve) => setTimeout(resolve, 2_000, 'still open'))]);
    expect(closed).toBe('closed');
    expect(performance.now() - began).toBeLessThan(1_000);
    server = undefined;
    expect(await hanging).toBe('cut');
  });

  it("partial: the addresses the seed picks are refused with the vendor's per-address error, again on a retry", async () => {
    const { url } = await start({ scenario: 'partial', seed: 3 });
    const picks = createScenario({ name: 'partial', seed: 3 });
    const emails = Array.from({ length: 6 }, (_, i) => `person${i}@example.net`);
    const refused = emails.filter((email) => picks.refuses(email));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThan(emails.length);

    const diga = await digaBulk(url, emails);
    expect(diga.status).toBe(201);
    expect(diga.body.failed).toEqual(refused.map((email) => ({ email, success: false, error: 'Failed to send invitation email', invitation: null })));
    expect(diga.body.successful.map((i: { invited_email: string }) => i.invited_email)).toEqual(emails.filter((e) => !refused.includes(e)));
    const retry = await digaBulk(url, refused);
    expect(retry.body.failed.map((f: { email: string }) => f.email)).toEqual(refused);

    // Wix lists refusals as bare addresses in failedEmails (the site has room for these six).
    const wix = await wixBulk(url, emails);
    expect(wix.status).toBe(200);
    expect(wix.body.failedEmails).toEqual(refused);
    expect(wix.body.invites).toHaveLength(emails.length - refused.length);
  });
});

describe('/__mock/state and /__mock/reset', () => {
  it("returns every vendor's store, and reset brings the fixtures back", async () => {
    const { url } = await start();
    const initial = await call(url, '/__mock/state');
    expect(initial.status).toBe(200);
    expect(Object.keys(initial.body)).toEqual(['diga', 'wix', 'confident-ai', 'athenahq']);
    expect(initial.body.diga.projects[0].id).toBe(DIGA_FIXTURE.projectId);

    await digaBulk(url, ['new@example.net']);
    await wixBulk(url, ['new@example.net']);
    await confidentBulk(url, ['new@example.net']);
    await athenaBulk(url, 'new@example.net');
    const after = (await call(url, '/__mock/state')).body;
    expect(after.diga.invitations.map((i: { invited_email: string }) => i.invited_email)).toContain('new@example.net');
    expect(after.wix.invites.map((i: { email: string }) => i.email)).toContain('new@example.net');
    expect(after['confident-ai'].invitations.map((i: { email: string }) => i.email)).toContain('new@example.net');
    expect(after.athenahq.invites.map((i: { email: string }) => i.email)).toContain('new@example.net');

    const reset = await fetch(`${url}/__mock/reset`, { method: 'POST', signal: AbortSignal.timeout(TIMEOUT_MS) });
    expect(reset.status).toBe(204);
    const back = (await call(url, '/__mock/state')).body;
    expect(back.wix).toEqual(initial.body.wix);
    expect(back['confident-ai']).toEqual(initial.body['confident-ai']);
    expect(back.athenahq).toEqual(initial.body.athenahq);
    // Diga's fixture is dated from the clock at reset; the records are the same.
    expect(back.diga.invitations.map((i: { id: string }) => i.id)).toEqual(initial.body.diga.invitations.map((i: { id: string }) => i.id));
    expect(back.diga.members).toEqual(initial.body.diga.members);
  });

  it('reset also restarts the scenario counters', async () => {
    const { url } = await start({ scenario: 'auth-expired' });
    for (let i = 0; i < 5; i++) await digaBulk(url, []);
    expect((await digaBulk(url, [])).status).toBe(401);
    await fetch(`${url}/__mock/reset`, { method: 'POST', signal: AbortSignal.timeout(TIMEOUT_MS) });
    expect((await digaBulk(url, [])).status).toBe(201);
  });

  it('answers other methods 405, unknown routes 404 JSON', async () => {
    const { url } = await start();
    expect((await call(url, '/__mock/state', { method: 'POST' })).status).toBe(405);
    expect((await call(url, '/__mock/reset')).status).toBe(405);
    const missing = await call(url, '/v2/nothing/here', json({}));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: 'Not found' });
    expect(missing.body.routes).toContain('POST /api/v1/invites/bulk');
  });
});

describe('CORS', () => {
  it('answers preflights from a localhost page and marks every answer readable by it', async () => {
    const { url } = await start();
    const preflight = await fetch(`${url}/v1/projects/projectId/invitations`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'confident_api_key,content-type' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('confident_api_key,content-type');

    const answer = await confidentBulk(url, ['cors@example.net']);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toContain('retry-after');
    const error = await call(url, '/nowhere');
    expect(error.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('/__mock/* refuses web pages at other origins', () => {
  const refusal = ({ status, body, headers }: { status: number; body: any; headers: Headers }) => {
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: 'Cross-origin request refused', message: expect.stringContaining('other origins') });
    for (const name of ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers']) {
      expect(headers.get(name), name).toBeNull();
    }
  };

  it('a cross-origin GET of the state and POST of a reset get 403 JSON, and the store is left alone', async () => {
    const { url, backend } = await start();
    await digaBulk(url, ['kept@example.net']);
    const state = await call(url, '/__mock/state', { headers: { origin: 'https://evil.example' } });
    refusal(state);
    expect(state.body.message).toContain('Origin https://evil.example');

    const reset = await call(url, '/__mock/reset', { method: 'POST', headers: { origin: 'http://localhost:5173' } });
    refusal(reset);
    expect(backend.state().diga.invitations.map((i) => i.invited_email)).toContain('kept@example.net');

    // An opaque origin (sandboxed frame, file: page) and another port of the same host are other origins too.
    refusal(await call(url, '/__mock/reset', { method: 'POST', headers: { origin: 'null' } }));
    refusal(await call(url, '/__mock/state', { headers: { origin: url.replace(/:\d+$/, ':1') } }));
  });

  it('refuses what Fetch Metadata marks cross-site or same-site, even without an Origin (a no-cors GET)', async () => {
    const { url } = await start();
    for (const site of ['cross-site', 'same-site']) {
      const answer = await call(url, '/__mock/state', { headers: { 'sec-fetch-site': site } });
      refusal(answer);
      expect(answer.body.message).toContain(`Sec-Fetch-Site ${site}`);
    }
  });

  it('answers a preflight from another origin without any CORS permission', async () => {
    const { url } = await start();
    const preflight = await fetch(`${url}/__mock/reset`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    refusal({ status: preflight.status, body: await preflight.json(), headers: preflight.headers });
  });

  it('serves same-origin calls, typed-in URLs and tools that send no Origin (fetch, curl), without CORS headers', async () => {
    const { url, backend } = await start();
    const sameOrigin = await call(url, '/__mock/state', { headers: { origin: url, 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
    expect((await call(url, '/__mock/state', { headers: { 'sec-fetch-site': 'none' } })).status).toBe(200);

    await digaBulk(url, ['gone@example.net']);
    const reset = await fetch(`${url}/__mock/reset`, { method: 'POST', headers: { origin: url }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    expect(reset.status).toBe(204);
    expect(backend.state().diga.invitations.map((i) => i.invited_email)).not.toContain('gone@example.net');

    const viaCurl = await run('curl', ['-s', '--max-time', '10', '-w', '\n%{http_code}', `${url}/__mock/state`]);
    expect(viaCurl.stdout.trimEnd().split('\n').at(-1)).toBe('200');
    const resetViaCurl = await run('curl', ['-s', '--max-time', '10', '-X', 'POST', '-w', '%{http_code}', `${url}/__mock/reset`]);
    expect(resetViaCurl.stdout).toBe('204');
  });

  it('vendor paths keep their CORS for pages at any origin', async () => {
    const { url } = await start();
    const answer = await confidentBulk(url, ['page@example.net']);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const fromPage = await call(url, '/v1/project/invitation/send/bulk', {
      ...json({ invitations: [{ email: 'page2@example.net', role: 'member' }] }, { authorization: 'Bearer k', origin: 'https://app.example' }),
    });
    expect(fromPage.status).toBe(201);
    expect(fromPage.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await fetch(`${url}/api/v1/invites/bulk`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-api-key' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('x-api-key');
  });
});

describe('--keys restriction (the server option)', () => {
  it('a vendor named in the keys accepts only its keys; the others accept any non-empty one', async () => {
    const { url } = await start({ keys: { diga: ['diga-good'] } });
    expect((await digaBulk(url, ['a@example.net'], 'diga-bad')).status).toBe(401);
    expect((await digaBulk(url, ['a@example.net'], 'diga-good')).status).toBe(201);
    expect((await wixBulk(url, ['a@example.net'], 'whatever')).status).toBe(200);
    expect((await wixBulk(url, ['b@example.net'], '')).status).toBe(401);
  });

  it("expresses each vendor's key kinds", async () => {
    const unknownProject = '550e8400-e29b-41d4-a716-446655440000';
    const keys = {
      diga: { keys: ['d1'], projectKeys: { 'd-gone': unknownProject } },
      wix: { keys: ['w1'], keysWithoutScope: ['w-noscope'] },
      'confident-ai': { organization: ['c-org'], project: ['c-proj'] },
      athenahq: { global: ['a-global'], scoped: { 'a-scoped': [ATHENA_FIXTURE_IDS.siteExample] } },
    };
    expect(parseMockKeys(keys).ok).toBe(true);
    const { url } = await start({ keys });

    expect((await digaBulk(url, ['x@example.net'], 'd1')).status).toBe(201);
    expect((await digaBulk(url, ['x@example.net'], 'd-gone')).body).toMatchObject({ error_code: 'PROJECT_NOT_FOUND' });
    expect((await digaBulk(url, ['x@example.net'], 'other')).status).toBe(401);

    expect((await wixBulk(url, ['x@example.net'], 'w1')).status).toBe(200);
    expect((await wixBulk(url, ['y@example.net'], 'w-noscope')).status).toBe(403);
    expect((await wixBulk(url, ['y@example.net'], 'other')).status).toBe(401);

    expect((await confidentBulk(url, ['x@example.net'], 'c-org')).status).toBe(200);
    expect((await confidentBulk(url, ['y@example.net'], 'c-proj')).status).toBe(403);
    expect((await confidentBulk(url, ['y@example.net'], 'other')).status).toBe(401);

    expect((await athenaBulk(url, 'x@example.net', 'a-global', { group_ids: [ATHENA_FIXTURE_IDS.groupCommerce] })).status).toBe(200);
    expect((await athenaBulk(url, 'y@example.net', 'a-scoped', { group_ids: [ATHENA_FIXTURE_IDS.groupCommerce] })).status).toBe(403);
    const scoped = await athenaBulk(url, 'y@example.net', 'a-scoped', { website_ids: [ATHENA_FIXTURE_IDS.siteExample, ATHENA_FIXTURE_IDS.siteShop] });
    expect(scoped.body.results.map((r: { success: boolean }) => r.success)).toEqual([true, false]);
    expect(scoped.body.results[1].error).toBe('Website not found');
    // The fixture's demo keys are not accepted once AthenaHQ's keys are given.
    expect((await athenaBulk(url, 'z@example.net', ATHENA_DEMO_KEYS.global)).status).toBe(401);
  });

  it('refuses a keys description it cannot read, naming where', () => {
    expect(parseMockKeys({ diga: 'k1' })).toMatchObject({ ok: false, error: expect.stringContaining('diga') });
    expect(parseMockKeys({ wix: [''] })).toMatchObject({ ok: false });
    expect(parseMockKeys({ slack: ['k'] })).toMatchObject({ ok: false });
    expect(parseMockKeys({ athenahq: { scoped: { k: 'site' } } })).toMatchObject({ ok: false });
    expect(parseMockKeys([])).toMatchObject({ ok: false });
  });
});

describe('listening', () => {
  it('binds 127.0.0.1 by default and reports the port it got', async () => {
    const { url, port } = await start();
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(port).toBeGreaterThan(0);
  });

  it('rejects when the port is taken, and close() is idempotent', async () => {
    const first = await start();
    await expect(startMockServer({ port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.close();
    await first.close();
  });
});
