/**
 * Engine benchmark (issue 5): 10,000 invitees to each vendor's mock, at most 20 requests/s, 4 at a time.
 *  (a) no faults, over real HTTP (mocks/server.ts on 127.0.0.1), real adapters, real clock: wall time ÷
 *      ideal time (requests ÷ rate), target ≤ 1.05. AthenaHQ takes one invitee per request: 10,000
 *      requests, 500 s.
 *  (b) 1 % of requests 5xx and a 429 burst: requests sent ÷ requests needed, lost 0, duplicated 0, read
 *      from the mock's own store. Virtual clock, the mock's handlers in this process (no socket), so the
 *      same 10,000 invitees take seconds instead of minutes.
 *  (c) engine CPU per 10,000 addresses against the zero-latency in-process adapter (createFakeVendor),
 *      no rate limit, for batches of 50 and of 1: target < 50 ms for both. Median of 9 runs after 3
 *      warm-up runs (the minimum is printed too: on a shared machine it is the steadier figure).
 * `npm run bench -- --quick` (or BENCH_QUICK=1) shrinks (a) and (b) for development, and says so.
 * One part alone: `npx tsx bench/engine.ts --part c` (or `--part a,b`, with `--quick` if wanted).
 */
import { pathToFileURL } from 'node:url';
import type { Invitee, SendContext } from '../src/core/contract.ts';
import { createFakeVendor, createVirtualClock } from '../src/core/testing/index.ts';
import { createInviteRun, plan, type RunSnapshot } from '../src/core/index.ts';
import { sleep } from '../src/core/send/clock.ts';
import { startMockServer } from '../mocks/server.ts';
import { createRandom } from '../mocks/scenario.ts';
import type { MockBackendState } from '../mocks/index.ts';
import { BENCH_VENDORS, faultMixScenario, inProcessFetch } from './engine-vendors.ts';

const RATE = { requests: 20, per: 'second' } as const;
const CONCURRENCY = 4;
/** (c): engine CPU per 10,000 addresses, at every batch size. */
const CPU_TARGET_MS = 50;
/** (b): a request's virtual round trip; 4 at a time then allow 26/s, above the 20/s limit. */
const LATENCY_MS = 150;

export interface EngineFigures {
  quick: boolean;
  noFaults: { vendor: string; invitees: number; requests: number; wallMs: number; idealMs: number; ratio: number }[];
  faults: { vendor: string; requestsMade: number; requestsNeeded: number; ratio: number; lost: number; duplicated: number }[];
  cpu: { batchSize: number; cpuMsPer10k: number; minCpuMsPer10k: number; wallMsPer10k: number }[];
}

export type EnginePart = 'a' | 'b' | 'c';
const PARTS: readonly EnginePart[] = ['a', 'b', 'c'];

/** `--part a,c` (or `--part=c`): the parts to run; all of them when not given. */
function partsFromArgs(argv: readonly string[]): EnginePart[] {
  const i = argv.findIndex((arg) => arg === '--part' || arg.startsWith('--part='));
  if (i < 0) return [...PARTS];
  const value = argv[i]!.includes('=') ? argv[i]!.slice('--part='.length) : (argv[i + 1] ?? '');
  const parts = value.split(',').map((part) => part.trim().toLowerCase());
  const unknown = parts.filter((part) => !PARTS.includes(part as EnginePart));
  if (unknown.length > 0 || parts.length === 0) throw new Error(`--part takes a, b and/or c (e.g. --part c); got ${value || 'nothing'}.`);
  return parts as EnginePart[];
}

export const isQuick = (): boolean => process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

const fmt = (n: number) => n.toLocaleString('en-US');

function invitees(count: number, tag: string): Invitee[] {
  return Array.from({ length: count }, (_, i) => ({ email: `${tag}.${i}@bench.example`, firstName: 'Bench', lastName: `Person ${i}`, line: i + 2 }));
}

/** Addresses the vendor does not hold once (lost) and holds more than once (duplicated). */
function account(list: readonly Invitee[], final: RunSnapshot, held: Map<string, number>): { lost: number; duplicated: number; notSent: number } {
  let lost = 0;
  let duplicated = 0;
  for (const { email } of list) {
    const n = held.get(email) ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicated++;
  }
  return { lost, duplicated, notSent: final.total - final.counts.sent };
}

async function noFaults(log: (line: string) => void, quick: boolean): Promise<EngineFigures['noFaults']> {
  const server = await startMockServer({ port: 0, host: '127.0.0.1' });
  const figures: EngineFigures['noFaults'] = [];
  try {
    for (const vendor of BENCH_VENDORS) {
      const count = quick ? (vendor.name === 'athenahq' ? 200 : 1000) : 10_000;
      const list = invitees(count, `a-${vendor.name}`);
      const adapter = vendor.adapter({ baseUrl: server.url });
      const requests = plan(list, adapter).length;
      const run = createInviteRun(list);
      const start = performance.now();
      const final = await run.send({ adapter, concurrency: CONCURRENCY, rateLimit: RATE });
      const wallMs = performance.now() - start;
      const idealMs = (requests / RATE.requests) * 1000;
      const { lost, duplicated, notSent } = account(list, final, vendor.held(server.backend.state()));
      const ratio = wallMs / idealMs;
      figures.push({ vendor: vendor.name, invitees: count, requests, wallMs, idealMs, ratio });
      log(
        `engine (a) ${vendor.name}: ${fmt(count)} invitees in ${fmt(final.requests.made)} requests over HTTP, ${(wallMs / 1000).toFixed(2)} s ` +
          `(ideal ${(idealMs / 1000).toFixed(2)} s); not sent ${notSent}, lost ${lost}, duplicated ${duplicated}`,
      );
      log(`engine (a) ${vendor.name}: RATIO wall time / ideal time (requests ÷ 20/s) = ${ratio.toFixed(3)} (target ≤ 1.05)`);
    }
  } finally {
    await server.close();
  }
  return figures;
}

async function withFaults(log: (line: string) => void, quick: boolean): Promise<EngineFigures['faults']> {
  const figures: EngineFigures['faults'] = [];
  const count = quick ? 1000 : 10_000;
  for (const vendor of BENCH_VENDORS) {
    const clock = createVirtualClock({ start: Date.now() });
    const list = invitees(count, `b-${vendor.name}`);
    // The burst starts a tenth of the way in and lasts 3 s: every request in it is answered 429.
    const needed = plan(list, vendor.adapter({})).length;
    const scenario = faultMixScenario(clock, { serverErrorRate: 0.01, burstAtRequest: Math.ceil(needed / 10), burstMs: 3000, seed: 7 });
    const mock = vendor.mock(scenario);
    const base = vendor.adapter({ baseUrl: 'http://127.0.0.1', fetch: inProcessFetch(mock.handlers) });
    // Each request spends LATENCY_MS of virtual time on the way, so several are out when the burst
    // starts; time then stands still while the handlers answer.
    const adapter = {
      ...base,
      async send(batch: readonly Invitee[], context?: SendContext) {
        await sleep(clock, LATENCY_MS, context?.signal);
        return clock.track(base.send(batch, context));
      },
    };
    const run = createInviteRun(list, { clock, random: createRandom(11) });
    const started = clock.now();
    const final = await run.send({ adapter, concurrency: CONCURRENCY, rateLimit: RATE });
    const virtualS = (clock.now() - started) / 1000;
    const { lost, duplicated, notSent } = account(list, final, vendor.held({ [vendor.name]: mock.state() } as unknown as MockBackendState));
    const ratio = final.requests.made / needed;
    figures.push({ vendor: vendor.name, requestsMade: final.requests.made, requestsNeeded: needed, ratio, lost, duplicated });
    log(
      `engine (b) ${vendor.name}: ${fmt(count)} invitees, ${scenario.served.serverErrors} answered 5xx, ${scenario.served.rateLimited} answered 429 ` +
        `(burst of 3 s from request ${Math.ceil(needed / 10)}); ${LATENCY_MS} ms a request, ${virtualS.toFixed(1)} s of virtual time; not sent ${notSent}`,
    );
    log(
      `engine (b) ${vendor.name}: RATIO requests sent / requests needed = ${fmt(final.requests.made)} / ${fmt(needed)} = ${ratio.toFixed(3)}; ` +
        `lost ${lost} (target 0), duplicated ${duplicated} (target 0)`,
    );
  }
  return figures;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One run's CPU and wall time, in ms, with a subscriber reading every snapshot as a UI would. */
async function engineCost(list: readonly Invitee[], batchSize: number): Promise<{ cpuMs: number; wallMs: number; sent: number }> {
  const vendor = createFakeVendor({ maxBatchSize: batchSize });
  const run = createInviteRun(list);
  run.subscribe(() => void run.getSnapshot());
  const cpu = process.cpuUsage();
  const start = performance.now();
  const final = await run.send({ adapter: vendor, concurrency: CONCURRENCY, rateLimit: false });
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, wallMs, sent: final.counts.sent };
}

async function cpuOverhead(log: (line: string) => void): Promise<EngineFigures['cpu']> {
  const count = 10_000;
  const list = invitees(count, 'c');
  const figures: EngineFigures['cpu'] = [];
  for (const batchSize of [50, 1]) {
    for (let i = 0; i < 3; i++) await engineCost(list, batchSize);
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let i = 0; i < 9; i++) {
      const { cpuMs, wallMs, sent } = await engineCost(list, batchSize);
      if (sent !== count) throw new Error(`engine (c): ${sent} of ${count} sent`);
      cpu.push(cpuMs);
      wall.push(wallMs);
    }
    const cpuMsPer10k = median(cpu);
    const minCpuMsPer10k = Math.min(...cpu);
    const wallMsPer10k = median(wall);
    figures.push({ batchSize, cpuMsPer10k, minCpuMsPer10k, wallMsPer10k });
    log(
      `engine (c) batch size ${batchSize}: ${fmt(count / batchSize)} requests to the zero-latency in-process adapter, no rate limit; ` +
        `CPU ${cpuMsPer10k.toFixed(1)} ms per ${fmt(count)} addresses (min ${minCpuMsPer10k.toFixed(1)}; wall ${wallMsPer10k.toFixed(1)} ms; median of 9) ` +
        `(target < 50 ms)`,
    );
  }
  const verdict = (ms: number) => (ms < CPU_TARGET_MS ? 'ok' : 'OVER');
  log(
    `engine (c): CPU per ${fmt(count)} addresses, median of 9: ` +
      figures.map((f) => `batch size ${f.batchSize} ${f.cpuMsPer10k.toFixed(1)} ms (${verdict(f.cpuMsPer10k)})`).join(', ') +
      ` (target < ${CPU_TARGET_MS} ms for both)`,
  );
  return figures;
}

export async function benchEngine(
  log: (line: string) => void = console.log,
  options: { quick?: boolean; parts?: readonly EnginePart[] } = {},
): Promise<EngineFigures> {
  const quick = options.quick ?? isQuick();
  const parts = options.parts ?? partsFromArgs(process.argv);
  if (quick && (parts.includes('a') || parts.includes('b'))) {
    log('engine: QUICK run (--quick / BENCH_QUICK=1): (a) 1,000 invitees per vendor (200 for AthenaHQ), (b) 1,000; not the issue\'s figures');
  }
  if (parts.length < PARTS.length) log(`engine: part ${parts.join(', ')} only (--part)`);
  if (parts.includes('a') || parts.includes('b')) {
    log(`engine: 20 requests/s, ${CONCURRENCY} at a time; (a) real HTTP mock server and clock, (b) virtual clock with the mock handlers in process`);
  }
  const noFault = parts.includes('a') ? await noFaults(log, quick) : [];
  const faults = parts.includes('b') ? await withFaults(log, quick) : [];
  const cpu = parts.includes('c') ? await cpuOverhead(log) : [];
  return { quick, noFaults: noFault, faults, cpu };
}

// `npx tsx bench/engine.ts [--part a,b,c] [--quick]`: this benchmark alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchEngine();
