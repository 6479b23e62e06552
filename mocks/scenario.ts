/**
 * Fault scenarios shared by every vendor mock. A scenario decides, per request, whether the request meets
 * a fault (and which), adds latency, and says which addresses a `partial` run refuses. Each vendor's
 * handlers turn a fault into that vendor's own error envelope. Deterministic for a given seed and
 * request order.
 */
import { delay, HttpResponse } from 'msw';

import type { ScenarioName } from './scenario-names.ts';

export { isScenarioName, scenarioNames, type ScenarioName } from './scenario-names.ts';

export interface ScenarioConfig {
  name: ScenarioName;
  /** Seeds every random choice. Default 1. */
  seed?: number;
  /** `slow`: latency per request, uniformly in [min, max] ms. Default [200, 800]. */
  latencyMs?: readonly [number, number];
  /** `flaky`: share of requests answered 500 or 503. Default 0.2. */
  failureRate?: number;
  /**
   * `rate-limited`: requests allowed per window, counted per vendor. Default: the vendor's documented limit
   * where it has one (the vendor passes it in), else 10 per second.
   */
  rateLimit?: { limit: number; windowMs: number };
  /** `auth-expired`: requests accepted before every later one gets 401. Default 5. */
  authExpiresAfter?: number;
  /** `network-error`: share of requests that fail at the network level. Default 1 (all). */
  networkErrorRate?: number;
  /** `timeout`: share of requests that never get an answer. Default 1 (all). */
  timeoutRate?: number;
  /** `partial`: share of addresses the vendor refuses (decided per address, stable across retries). Default 0.25. */
  partialRate?: number;
}

/** What a scenario does to one request. Vendors render `server-error`, `rate-limited`, `auth-expired` in their own envelopes. */
export type Fault =
  | { kind: 'network-error' }
  | { kind: 'timeout' }
  | { kind: 'server-error'; status: 500 | 503 }
  | { kind: 'rate-limited'; retryAfterSeconds: number; limit: number; resetAt: number }
  | { kind: 'auth-expired' };

export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface Scenario {
  readonly config: Readonly<Required<Omit<ScenarioConfig, 'rateLimit'>>> & { rateLimit?: RateWindow };
  /**
   * Call once per request, first thing in a handler. Waits out any latency, then returns the fault this
   * request meets, or null. `vendorLimit` is the vendor's documented rate limit, used by `rate-limited`
   * unless the config names one.
   */
  next(vendor: string, vendorLimit?: RateWindow): Promise<Fault | null>;
  /** `partial`: whether the vendor refuses this address. Stable for a seed, so a retry meets the same answer. */
  refuses(email: string): boolean;
  /** Requests seen per vendor so far (all of them, faulted or not). */
  requestCount(vendor: string): number;
  /** Forget counters and windows (the store reset calls this). */
  reset(): void;
}

/** mulberry32: small, fast, good enough for test faults. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the seed and the text: a stable per-address coin. */
function hashUnit(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 4294967296;
}

export function createScenario(input: ScenarioConfig | ScenarioName = 'ok'): Scenario {
  const given = typeof input === 'string' ? { name: input } : input;
  const config = {
    name: given.name,
    seed: given.seed ?? 1,
    latencyMs: given.latencyMs ?? ([200, 800] as const),
    failureRate: given.failureRate ?? 0.2,
    authExpiresAfter: given.authExpiresAfter ?? 5,
    networkErrorRate: given.networkErrorRate ?? 1,
    timeoutRate: given.timeoutRate ?? 1,
    partialRate: given.partialRate ?? 0.25,
    ...(given.rateLimit ? { rateLimit: given.rateLimit } : {}),
  };
  let random = createRandom(config.seed);
  const counts = new Map<string, number>();
  const windows = new Map<string, { start: number; used: number }>();

  return {
    config,
    requestCount: (vendor) => counts.get(vendor) ?? 0,
    reset() {
      random = createRandom(config.seed);
      counts.clear();
      windows.clear();
    },
    refuses(email) {
      return config.name === 'partial' && hashUnit(config.seed, email.toLowerCase()) < config.partialRate;
    },
    async next(vendor, vendorLimit) {
      const seen = (counts.get(vendor) ?? 0) + 1;
      counts.set(vendor, seen);
      switch (config.name) {
        case 'ok':
        case 'partial':
          return null;
        case 'slow': {
          const [min, max] = config.latencyMs;
          await delay(Math.round(min + random() * (max - min)));
          return null;
        }
        case 'flaky':
          return random() < config.failureRate
            ? { kind: 'server-error', status: random() < 0.5 ? 500 : 503 }
            : null;
        case 'auth-expired':
          return seen > config.authExpiresAfter ? { kind: 'auth-expired' } : null;
        case 'network-error':
          return random() < config.networkErrorRate ? { kind: 'network-error' } : null;
        case 'timeout':
          return random() < config.timeoutRate ? { kind: 'timeout' } : null;
        case 'rate-limited': {
          const { limit, windowMs } = config.rateLimit ?? vendorLimit ?? { limit: 10, windowMs: 1000 };
          const now = Date.now();
          let window = windows.get(vendor);
          if (!window || now - window.start >= windowMs) {
            window = { start: now, used: 0 };
            windows.set(vendor, window);
          }
          window.used++;
          if (window.used <= limit) return null;
          const resetAt = window.start + windowMs;
          return {
            kind: 'rate-limited',
            limit,
            resetAt,
            retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
          };
        }
      }
    },
  };
}

/**
 * Answers the faults that look the same at every vendor (the network ones). Returns undefined for the
 * faults the vendor must render in its own envelope.
 */
export async function networkFaultResponse(fault: Fault): Promise<Response | undefined> {
  if (fault.kind === 'network-error') return HttpResponse.error();
  if (fault.kind === 'timeout') {
    await delay('infinite');
  }
  return undefined;
}
