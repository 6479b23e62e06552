/**
 * The four vendors as the engine benchmark drives them: each one's real adapter (pointed at the mock over
 * HTTP, or at its handlers in this process), its mock, and how many invitations its store holds per
 * address (to count lost and duplicated ones). Plus the fault mix of part (b).
 */
import { getResponse, type HttpHandler } from 'msw';
import { ATHENA_FIXTURE_IDS, createAthenaMock } from '../mocks/athenahq/index.ts';
import { CONFIDENT_AI_DOCS_PROJECT_ID, createConfidentAiMock } from '../mocks/confident-ai/index.ts';
import { createDigaMock } from '../mocks/diga/index.ts';
import type { MockBackendState } from '../mocks/index.ts';
import { createRandom, createScenario, type Fault, type Scenario } from '../mocks/scenario.ts';
import type { VendorMock } from '../mocks/types.ts';
import { createWixMock, WIX_FIXTURE_EXAMPLE_POLICY_ID, WIX_FIXTURE_SITE_ID } from '../mocks/wix/index.ts';
import { createAthenaAdapter } from '../src/adapters/athenahq.ts';
import { createConfidentAiAdapter } from '../src/adapters/confident-ai.ts';
import type { AdapterConnection, InviteAdapter } from '../src/core/contract.ts';
import { createDigaAdapter } from '../src/adapters/diga.ts';
import { createWixAdapter } from '../src/adapters/wix.ts';
import type { Clock } from '../src/core/index.ts';

const KEY = 'bench-key';

export interface BenchVendor {
  name: 'diga' | 'wix' | 'confident-ai' | 'athenahq';
  adapter(connection: Pick<AdapterConnection, 'baseUrl' | 'fetch'>): InviteAdapter;
  mock(scenario: Scenario): VendorMock<unknown>;
  /** Invitations held per address, from this vendor's part of `GET /__mock/state`. */
  held(state: MockBackendState): Map<string, number>;
}

function tally(emails: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const email of emails) counts.set(email, (counts.get(email) ?? 0) + 1);
  return counts;
}

export const BENCH_VENDORS: readonly BenchVendor[] = [
  {
    name: 'diga',
    adapter: (c) => createDigaAdapter({ ...c, apiKey: KEY }),
    mock: (scenario) => createDigaMock({ scenario }),
    held: (state) => tally(state.diga.invitations.map((i) => i.invited_email)),
  },
  {
    name: 'wix',
    adapter: (c) => createWixAdapter({ ...c, apiKey: KEY, siteId: WIX_FIXTURE_SITE_ID, policyIds: [WIX_FIXTURE_EXAMPLE_POLICY_ID] }),
    mock: (scenario) => createWixMock({ scenario }),
    held: (state) => tally(state.wix.invites.filter((i) => i.status === 'Pending').map((i) => i.email.toLowerCase())),
  },
  {
    name: 'confident-ai',
    adapter: (c) => createConfidentAiAdapter({ ...c, apiKey: KEY, projectId: CONFIDENT_AI_DOCS_PROJECT_ID }),
    mock: (scenario) => createConfidentAiMock({ scenario }),
    held: (state) =>
      tally(state['confident-ai'].invitations.filter((i) => i.projectId === CONFIDENT_AI_DOCS_PROJECT_ID).map((i) => i.email)),
  },
  {
    name: 'athenahq',
    adapter: (c) => createAthenaAdapter({ ...c, apiKey: KEY, websiteIds: [ATHENA_FIXTURE_IDS.siteExample], inviteMethod: 'email' }),
    mock: (scenario) => createAthenaMock({ scenario }),
    held: (state) => tally(state.athenahq.invites.filter((i) => i.target_id === ATHENA_FIXTURE_IDS.siteExample).map((i) => i.email)),
  },
];

/** `fetch` answered by msw handlers in this process: no socket, so a virtual clock can hold time still. */
export function inProcessFetch(handlers: readonly HttpHandler[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse([...handlers], request);
    if (!response) return Response.json({ error: 'no mock route' }, { status: 404 });
    if (response.type === 'error') throw new TypeError('fetch failed');
    return response;
  };
}

export interface FaultMix {
  /** Share of requests answered 500 or 503. */
  serverErrorRate: number;
  /** The vendor request number at which the 429 burst starts. */
  burstAtRequest: number;
  /** How long (clock time) every request is answered 429 once the burst starts. */
  burstMs: number;
  seed: number;
}

/**
 * Part (b)'s faults as a mock scenario: a seeded 1 % of requests answered 5xx before the vendor acts,
 * and a 429 burst, the vendor refusing every request for `burstMs` with Retry-After until its end.
 */
export function faultMixScenario(clock: Clock, mix: FaultMix): Scenario & { readonly served: { serverErrors: number; rateLimited: number } } {
  const base = createScenario({ name: 'ok', seed: mix.seed });
  const random = createRandom(mix.seed);
  const counts = new Map<string, number>();
  const served = { serverErrors: 0, rateLimited: 0 };
  let burstStart: number | undefined;
  return {
    ...base,
    served,
    requestCount: (vendor) => counts.get(vendor) ?? 0,
    async next(vendor): Promise<Fault | null> {
      const seen = (counts.get(vendor) ?? 0) + 1;
      counts.set(vendor, seen);
      const now = clock.now();
      if (burstStart === undefined && seen >= mix.burstAtRequest) burstStart = now;
      if (burstStart !== undefined && now < burstStart + mix.burstMs) {
        served.rateLimited++;
        const resetAt = burstStart + mix.burstMs;
        return { kind: 'rate-limited', limit: 20, resetAt, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
      }
      if (random() < mix.serverErrorRate) {
        served.serverErrors++;
        return { kind: 'server-error', status: random() < 0.5 ? 500 : 503 };
      }
      return null;
    },
  };
}
