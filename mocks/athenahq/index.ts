/**
 * The AthenaHQ mock: `POST /api/v1/invites/bulk` (one invitee → 1–50 websites or groups) and its sibling
 * `POST /api/v1/invites` (one target), over an in-memory organization.
 */
import { createScenario } from '../scenario.ts';
import type { VendorMock, VendorMockOptions } from '../types.ts';
import { athenaFixture } from './fixtures.ts';
import { ATHENA_RATE_LIMIT, createAthenaHandlers } from './handlers.ts';
import { createAthenaStore, type AthenaApiKey, type AthenaFixture, type AthenaState, type AthenaStore, type RateWindow } from './store.ts';

export interface AthenaMockOptions extends VendorMockOptions {
  /**
   * Keys with their scope. Given (or `keys` given), only these keys are accepted; `keys` entries are
   * global. Neither given: the fixture's keys keep their scope and any other non-empty key is global.
   */
  apiKeys?: readonly AthenaApiKey[];
  /** Seeds the store; `reset()` returns to it. Default: `athenaFixture`. */
  fixture?: AthenaFixture;
  /**
   * Answer 429 once the organization's window is used up. Default false: the `x-rate-limit-*` headers
   * are always sent, but only this option or the `rate-limited` scenario refuses requests, so a load
   * test can drive the mock faster than 60 requests a minute.
   */
  enforceRateLimit?: boolean;
  /** The organization's window. Default the documented 60 requests per 60 s. */
  rateLimit?: RateWindow;
  /** Clock for timestamps and the rate-limit window. Default `Date.now`. */
  now?: () => number;
}

export interface AthenaMock extends VendorMock<AthenaState> {
  readonly store: AthenaStore;
}

export function createAthenaMock(options: AthenaMockOptions = {}): AthenaMock {
  const fixture = options.fixture ?? athenaFixture;
  const scenario = options.scenario ?? createScenario('ok');
  const store = createAthenaStore(fixture, options.now ? { now: options.now } : {});
  const rateLimit = options.rateLimit ?? ATHENA_RATE_LIMIT;
  const headerLimit = (scenario.config.name === 'rate-limited' && scenario.config.rateLimit) || rateLimit;

  const restricted = options.keys !== undefined || options.apiKeys !== undefined;
  const known = new Map<string, AthenaApiKey>(
    (restricted
      ? [...(options.keys ?? []).map((key): AthenaApiKey => ({ key, websiteIds: 'all' })), ...(options.apiKeys ?? [])]
      : fixture.apiKeys
    ).map((key) => [key.key, key]),
  );
  const resolveKey = (value: string | null): AthenaApiKey | undefined => {
    const key = value?.trim();
    if (!key) return undefined;
    return known.get(key) ?? (restricted ? undefined : { key, websiteIds: 'all' });
  };

  return {
    vendor: 'athenahq',
    store,
    handlers: createAthenaHandlers({
      store,
      scenario,
      resolveKey,
      rateLimit,
      headerLimit,
      enforceRateLimit: options.enforceRateLimit ?? false,
    }),
    state: () => store.state(),
    reset() {
      store.reset();
      scenario.reset();
    },
  };
}

export { athenaFixture, ATHENA_DEMO_KEYS, ATHENA_FIXTURE_IDS } from './fixtures.ts';
export { ATHENA_RATE_LIMIT, ATHENA_VENDOR } from './handlers.ts';
export { createAthenaStore } from './store.ts';
export type * from './store.ts';
export * as athenaSchemas from './schemas.ts';
