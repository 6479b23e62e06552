/**
 * The mock at scale: a request's time does not grow with what the vendor's store holds. Per vendor, two
 * standalone mock servers (mocks/server.ts on 127.0.0.1), real HTTP requests one at a time: the median
 * time of a 50-address request (AthenaHQ: 1 address, its per-request limit) to the one at its fixture
 * ("0 stored") and to the one holding 200,000 invitations, and their ratio. Target: flat, ≤ 1.5.
 *
 * The 200,000 go in through each store's own create call (mocks/scale.ts), not 200,000 requests'
 * worth of HTTP (AthenaHQ would need 200,000); the timed requests are real. A warm-up first, whose
 * invitations a reset removes.
 */
import { median, scaleAddresses, SCALE_VENDORS, type ScaleVendor } from '../mocks/scale.ts';
import { startMockServer } from '../mocks/server.ts';

const STORED = 200_000;
const SAMPLES = 61;
const WARM_UP = 40;
const TARGET = 1.5;

export interface MockScaleFigure {
  vendor: ScaleVendor['name'];
  addressesPerRequest: number;
  stored: number;
  emptyMs: number;
  fullMs: number;
  ratio: number;
  /** How long filling the store took (through the store, not HTTP). */
  fillMs: number;
}

/** Wall time (ms) of one request with fresh addresses, which the answer must all invite. */
async function timeRequest(url: string, vendor: ScaleVendor, tag: string): Promise<number> {
  const emails = scaleAddresses(tag, vendor.addressesPerRequest);
  const request = vendor.request(url, emails);
  const began = performance.now();
  const response = await fetch(request);
  const body: unknown = await response.json();
  const took = performance.now() - began;
  const invited = vendor.invited(body);
  if (!response.ok || invited !== emails.length) {
    throw new Error(`${vendor.name}: ${response.status}, ${invited} of ${emails.length} invited: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return took;
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

/**
 * One vendor: two servers in this process, one at its fixture and one holding `STORED` invitations,
 * asked in turn (the order alternating), so the load of a shared machine falls on both alike.
 */
async function measure(vendor: ScaleVendor): Promise<MockScaleFigure> {
  const empty = await startMockServer({ port: 0, host: '127.0.0.1' });
  const full = await startMockServer({ port: 0, host: '127.0.0.1' });
  try {
    for (let i = 0; i < WARM_UP; i++) {
      await timeRequest(empty.url, vendor, `warm-up-e${i}`);
      await timeRequest(full.url, vendor, `warm-up-f${i}`);
    }
    empty.backend.reset();
    full.backend.reset();

    const began = performance.now();
    vendor.fill(full.backend, scaleAddresses('fill', STORED));
    const fillMs = performance.now() - began;
    const stored = vendor.held(full.backend);
    // The fill held the event loop for seconds, past the servers' keep-alive timeout: let them close the
    // idle pooled connections now, not under the next request (ECONNRESET).
    await new Promise((resolve) => setTimeout(resolve, 200));

    const times = { empty: [] as number[], full: [] as number[] };
    for (let i = 0; i < SAMPLES; i++) {
      const order = i % 2 === 0 ? (['empty', 'full'] as const) : (['full', 'empty'] as const);
      for (const which of order) times[which].push(await timeRequest((which === 'empty' ? empty : full).url, vendor, `${which}-${i}`));
    }
    const emptyMs = median(times.empty);
    const fullMs = median(times.full);
    return { vendor: vendor.name, addressesPerRequest: vendor.addressesPerRequest, stored, emptyMs, fullMs, ratio: fullMs / emptyMs, fillMs };
  } finally {
    await Promise.all([empty.close(), full.close()]);
  }
}

export async function benchMockScale(log: (line: string) => void = console.log): Promise<MockScaleFigure[]> {
  log(
    `mock at scale: median of ${SAMPLES} requests over HTTP, 50 addresses each (AthenaHQ 1, its limit), to a server ` +
      `at its fixture and, in turn, one holding ${STORED.toLocaleString('en-US')} invitations`,
  );
  const figures: MockScaleFigure[] = [];
  for (const vendor of SCALE_VENDORS) {
    const figure = await measure(vendor);
    figures.push(figure);
    log(
      `mock: ${vendor.name} request time at 0 stored ${ms(figure.emptyMs)} ms, at ${STORED} stored ${ms(figure.fullMs)} ms, ` +
        `RATIO ${figure.ratio.toFixed(2)} (target flat, ≤ ${TARGET})`,
    );
  }
  return figures;
}
