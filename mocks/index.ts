/**
 * The whole mock backend: the four vendor mocks over one shared fault scenario. Tests (`mocks/node.ts`),
 * the demo and Storybook (`mocks/browser.ts`) and `bulk-invite mock` (`mocks/server.ts`) all build on it.
 */
import * as z from 'zod/mini';
import type { HttpHandler } from 'msw';
import { createAthenaMock, type AthenaMockOptions } from './athenahq/index.ts';
import { createConfidentAiMock, type ConfidentAiMockOptions } from './confident-ai/index.ts';
import { createDigaMock, type DigaMockOptions } from './diga/index.ts';
import { createScenario, type Scenario, type ScenarioConfig, type ScenarioName } from './scenario.ts';
import { createWixMock, type WixMockOptions } from './wix/index.ts';

/**
 * Credentials the backend accepts, per vendor (the format of `bulk-invite mock --keys FILE`). A vendor
 * named here accepts only the keys listed for it; a vendor left out accepts any non-empty credential.
 * Each vendor takes a plain list (full-permission keys) or an object naming its own key kinds:
 *
 * ```json
 * {
 *   "diga": { "keys": ["diga-key"], "projectKeys": { "other-key": "<project uuid>" } },
 *   "wix": { "keys": ["wix-key"], "keysWithoutScope": ["wix-key-without-manage-contributors"] },
 *   "confident-ai": { "organization": ["org-key"], "project": ["project-key"] },
 *   "athenahq": { "global": ["global-key"], "scoped": { "scoped-key": ["<website uuid>"] } }
 * }
 * ```
 *
 * - diga: `keys` select the fixture's project; `projectKeys` map a key to another project (unknown → 404).
 * - wix: `keysWithoutScope` authenticate but lack the Manage Contributors scope (every call 403).
 * - confident-ai: `organization` keys administer; `project` keys authenticate but get 403 here.
 * - athenahq: `global` keys reach every website and group; `scoped` keys reach only the websites listed
 *   (group invites 403, other websites "Website not found").
 * In the object form a kind left out lists no keys.
 */
const keyList = z.array(z.string().check(z.minLength(1)));
export const mockKeysSchema = z.strictObject({
  diga: z.optional(z.union([keyList, z.strictObject({ keys: z.optional(keyList), projectKeys: z.optional(z.record(z.string(), z.string())) })])),
  wix: z.optional(z.union([keyList, z.strictObject({ keys: z.optional(keyList), keysWithoutScope: z.optional(keyList) })])),
  'confident-ai': z.optional(z.union([keyList, z.strictObject({ organization: z.optional(keyList), project: z.optional(keyList) })])),
  athenahq: z.optional(z.union([keyList, z.strictObject({ global: z.optional(keyList), scoped: z.optional(z.record(z.string(), keyList)) })])),
});
export type MockKeys = z.infer<typeof mockKeysSchema>;

/** Checks a parsed keys file; the message names the first problem. */
export function parseMockKeys(value: unknown): { ok: true; keys: MockKeys } | { ok: false; error: string } {
  const parsed = z.safeParse(mockKeysSchema, value);
  if (parsed.success) return { ok: true, keys: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.map(String).join('.') : 'the file';
  return { ok: false, error: `${where}: ${issue?.message ?? 'not a keys description'}` };
}

export interface MockBackendOptions {
  /** A scenario name or config; default `ok`. All four vendors share it (counters are per vendor). */
  scenario?: ScenarioName | ScenarioConfig;
  /** Seeds the scenario's random choices; overrides a config's `seed`. Default 1. */
  seed?: number;
  /** Restricts credentials; see `MockKeys`. Absent: any non-empty credential is accepted everywhere. */
  keys?: MockKeys;
}

export interface MockBackend {
  readonly handlers: HttpHandler[];
  readonly vendors: {
    readonly diga: ReturnType<typeof createDigaMock>;
    readonly wix: ReturnType<typeof createWixMock>;
    readonly confidentAi: ReturnType<typeof createConfidentAiMock>;
    readonly athenahq: ReturnType<typeof createAthenaMock>;
  };
  /** Every vendor's store, keyed by the vendor's id (what `GET /__mock/state` returns). */
  state(): MockBackendState;
  /** Every store back to its fixtures, the scenario's counters cleared. */
  reset(): void;
  readonly scenario: Scenario;
}

export interface MockBackendState {
  diga: ReturnType<MockBackend['vendors']['diga']['state']>;
  wix: ReturnType<MockBackend['vendors']['wix']['state']>;
  'confident-ai': ReturnType<MockBackend['vendors']['confidentAi']['state']>;
  athenahq: ReturnType<MockBackend['vendors']['athenahq']['state']>;
}

type Entry<V extends keyof MockKeys> = MockKeys[V];

const digaKeys = (entry: Entry<'diga'>): Pick<DigaMockOptions, 'keys' | 'projectKeys'> =>
  entry === undefined ? {} : Array.isArray(entry) ? { keys: entry } : { keys: entry.keys ?? [], projectKeys: entry.projectKeys ?? {} };

const wixKeys = (entry: Entry<'wix'>): Pick<WixMockOptions, 'keys' | 'keysWithoutScope'> =>
  entry === undefined ? {} : Array.isArray(entry) ? { keys: entry } : { keys: entry.keys ?? [], keysWithoutScope: entry.keysWithoutScope ?? [] };

const confidentAiKeys = (entry: Entry<'confident-ai'>): Pick<ConfidentAiMockOptions, 'keys' | 'projectKeys'> =>
  entry === undefined ? {} : Array.isArray(entry) ? { keys: entry } : { keys: entry.organization ?? [], projectKeys: entry.project ?? [] };

const athenaKeys = (entry: Entry<'athenahq'>): Pick<AthenaMockOptions, 'keys' | 'apiKeys'> =>
  entry === undefined
    ? {}
    : Array.isArray(entry)
      ? { keys: entry }
      : {
          keys: entry.global ?? [],
          apiKeys: Object.entries(entry.scoped ?? {}).map(([key, websiteIds]) => ({ key, websiteIds })),
        };

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const given: ScenarioConfig = typeof options.scenario === 'string' ? { name: options.scenario } : (options.scenario ?? { name: 'ok' });
  const scenario = createScenario({ ...given, ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  const keys = options.keys ?? {};
  const diga = createDigaMock({ scenario, ...digaKeys(keys.diga) });
  const wix = createWixMock({ scenario, ...wixKeys(keys.wix) });
  const confidentAi = createConfidentAiMock({ scenario, ...confidentAiKeys(keys['confident-ai']) });
  const athenahq = createAthenaMock({ scenario, ...athenaKeys(keys.athenahq) });

  const vendors = { diga, wix, confidentAi, athenahq } as const;
  return {
    handlers: [...diga.handlers, ...wix.handlers, ...confidentAi.handlers, ...athenahq.handlers],
    vendors,
    scenario,
    state: () => ({ diga: diga.state(), wix: wix.state(), 'confident-ai': confidentAi.state(), athenahq: athenahq.state() }),
    reset() {
      for (const vendor of Object.values(vendors)) vendor.reset();
    },
  };
}

export { createAthenaMock, type AthenaMock, type AthenaMockOptions } from './athenahq/index.ts';
export { createConfidentAiMock, type ConfidentAiMock, type ConfidentAiMockOptions } from './confident-ai/index.ts';
export { createDigaMock, type DigaMock, type DigaMockOptions } from './diga/index.ts';
export { createWixMock, type WixMock, type WixMockOptions } from './wix/index.ts';
export {
  createScenario,
  isScenarioName,
  scenarioNames,
  type Fault,
  type Scenario,
  type ScenarioConfig,
  type ScenarioName,
} from './scenario.ts';
export type { VendorMock, VendorMockOptions } from './types.ts';

/** What to do with a request no handler answers. */
export type UnhandledStrategy = 'bypass' | 'warn' | 'error';

/**
 * The unhandled-request option for `server.listen()` / `worker.start()` on msw 2 and 3 alike: msw 2 reads
 * `onUnhandledRequest`, msw 3 renamed it `onUnhandledFrame`, and each ignores the other's key
 * (TOOLCHAIN.md §5). Pass the object as it is (not spelled out in a literal, where tsc would refuse the
 * key the installed version lacks).
 */
export function unhandledOption(strategy: UnhandledStrategy): { onUnhandledRequest: UnhandledStrategy; onUnhandledFrame: UnhandledStrategy } {
  return { onUnhandledRequest: strategy, onUnhandledFrame: strategy };
}
