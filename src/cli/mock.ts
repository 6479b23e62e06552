/**
 * `bulk-invite mock`: the four vendor invite APIs on one local port (mocks/server.ts), until SIGINT/SIGTERM.
 *
 * `--keys FILE` restricts the credentials each vendor accepts (format: `MockKeys` in mocks/index.ts):
 *
 *   {
 *     "diga":         ["key"]  or { "keys": [...], "projectKeys": { "key": "<project uuid>" } },
 *     "wix":          ["key"]  or { "keys": [...], "keysWithoutScope": [...] },
 *     "confident-ai": ["key"]  or { "organization": [...], "project": [...] },
 *     "athenahq":     ["key"]  or { "global": [...], "scoped": { "key": ["<website uuid>", ...] } }
 *   }
 *
 * A plain list holds full-permission keys. A vendor named in the file accepts only its listed keys; a
 * vendor left out (and every vendor without --keys) accepts any non-empty credential.
 */
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import type { MockKeys } from '../../mocks/index.ts';
import { scenarioNames, type ScenarioName } from '../../mocks/scenario-names.ts';
import { port, seed } from './arguments.ts';
import type { RunningMockServer } from '../../mocks/server.ts';

/**
 * The mocks are loaded only when this command runs: they need msw, an optional peer of the kit, and
 * `bulk-invite check` must work without it.
 */
async function loadMocks() {
  try {
    const [backend, server, guide] = await Promise.all([
      import('../../mocks/index.ts'),
      import('../../mocks/server.ts'),
      import('../../mocks/fixture-guide.ts'),
    ]);
    return {
      parseMockKeys: backend.parseMockKeys,
      mockRoutes: server.mockRoutes,
      startMockServer: server.startMockServer,
      fixtureGuide: guide.fixtureGuide,
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND') throw new Error('the mock server needs msw: npm install --save-dev msw');
    throw error;
  }
}
type Mocks = Awaited<ReturnType<typeof loadMocks>>;

interface MockFlags {
  port: number;
  host: string;
  scenario: ScenarioName;
  seed: number;
  keys?: string;
}



const SCENARIO_HELP = `
Scenarios (--scenario, deterministic for a --seed):
  ok             every request answered as the vendor documents it
  slow           200-800 ms of latency per request
  flaky          about 1 request in 5 gets a 500 or 503
  rate-limited   429 with Retry-After past the vendor's limit (Wix 200/min, AthenaHQ 60/min, others 10/s)
  auth-expired   401 after the first 5 requests to a vendor
  network-error  every request's connection is cut
  timeout        no request is ever answered
  partial        about 1 address in 4 refused with the vendor's per-address error

Keys file (--keys FILE), JSON. A vendor named in it accepts only the keys listed for it; the others
accept any non-empty credential. Each vendor takes a list of full-permission keys, or its key kinds:
  {
    "diga":         { "keys": ["k"], "projectKeys": { "k2": "<project uuid>" } },
    "wix":          { "keys": ["k"], "keysWithoutScope": ["k3"] },
    "confident-ai": { "organization": ["k"], "project": ["k4"] },
    "athenahq":     { "global": ["k"], "scoped": { "k5": ["<website uuid>"] } }
  }
  diga projectKeys: a key for another project (one not in the mock: 404 PROJECT_NOT_FOUND)
  wix keysWithoutScope: keys lacking the Manage Contributors scope (403)
  confident-ai project: project-level keys, refused by the invitation endpoints (403)
  athenahq scoped: keys that reach only the websites listed (group invites 403)
  e.g. { "diga": ["my-diga-key"], "athenahq": ["my-athena-key"] }

Also served: GET /__mock/state (what every vendor holds), POST /__mock/reset (back to the fixtures),
both refused (403) to web pages at other origins.
`;

async function readKeys(path: string, parseMockKeys: Mocks['parseMockKeys']): Promise<MockKeys> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read the keys file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON (${(error as Error).message}).`);
  }
  const parsed = parseMockKeys(json);
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error}`);
  return parsed.keys;
}

/**
 * The startup banner. Its first line (the URL) and its last (the keys) are what scripts read: the
 * fixture's ids go between the routes and the keys.
 */
function banner(server: RunningMockServer, flags: MockFlags, keys: MockKeys | undefined, mocks: Mocks): string {
  const width = Math.max(...mocks.mockRoutes.map((route) => route.vendor.length));
  const column = (text: string) => `  ${text.padEnd(width)}  `;
  const lines = [
    `bulk-invite mock: listening on ${server.url} (scenario ${flags.scenario}, seed ${flags.seed})`,
    ...mocks.mockRoutes.map((route) => `${column(route.vendor)}${route.method} ${server.url}${route.path}`),
    `${column('state')}GET ${server.url}/__mock/state, POST ${server.url}/__mock/reset`,
    `${column('fixtures')}the ids and demo keys to try each vendor with:`,
    ...mocks.fixtureGuide(keys).flatMap((guide) =>
      guide.lines.map((line, i) => `${column(i === 0 ? guide.vendor : '')}${line.label} ${line.items.join(', ')}`),
    ),
    `${column('keys')}${keys ? `restricted by ${flags.keys} for ${Object.keys(keys).join(', ') || 'no vendor'}` : 'any non-empty credential'}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function registerMock(program: Command): void {
  program
    .command('mock')
    .description('Serve the Diga, Wix, Confident AI and AthenaHQ invite APIs on one local port, as their docs describe them.')
    .addOption(new Option('--port <port>', 'port to listen on (0 picks a free one)').default(4010).argParser(port))
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .addOption(new Option('--scenario <name>', 'fault scenario').choices(scenarioNames).default('ok'))
    .addOption(new Option('--seed <n>', "seed for the scenario's random choices").default(1).argParser(seed))
    .option('--keys <file>', 'JSON file restricting the credentials each vendor accepts (format below)')
    .addHelpText('after', SCENARIO_HELP)
    .action(async (flags: MockFlags) => {
      let server: RunningMockServer;
      let keys: MockKeys | undefined;
      let mocks: Mocks;
      try {
        mocks = await loadMocks();
        keys = flags.keys === undefined ? undefined : await readKeys(flags.keys, mocks.parseMockKeys);
        server = await mocks.startMockServer({
          port: flags.port,
          host: flags.host,
          scenario: flags.scenario,
          seed: flags.seed,
          ...(keys ? { keys } : {}),
        });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const message =
          code === 'EADDRINUSE'
            ? `port ${flags.port} on ${flags.host} is in use (try --port 0).`
            : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
              ? `cannot listen on ${flags.host}.`
              : (error as Error).message;
        process.stderr.write(`bulk-invite mock: ${message}\n`);
        process.exit(2);
      }
      process.stdout.write(banner(server, flags, keys, mocks));

      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      process.stderr.write(`bulk-invite mock: stopped (${signal}).\n`);
    });
}
