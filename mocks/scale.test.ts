/**
 * A request's cost does not grow with what the store holds. CPU time, not wall time (the machine is
 * shared), as a ratio of medians between a small and a large store: a linear scan per address makes the
 * large store's requests many times dearer (see LARGE), while with the lookup tables the ratio stays
 * near 1 and noise well under the bound.
 */
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createMockBackend, type MockBackend } from './index.ts';
import { median, scaleAddresses, SCALE_VENDORS, type ScaleVendor } from './scale.ts';

const SMALL = 1_000;
/**
 * Measured on the linear scans before the stores were indexed, at 50,000: 16 × for Diga, 20 × for
 * Confident AI (Wix's fill alone took minutes), but 4.5 × for AthenaHQ, whose request carries one address
 * where the others carry 50; so AthenaHQ's large store is larger, for a scan to show as plainly.
 */
const LARGE: Record<ScaleVendor['name'], number> = { diga: 50_000, wix: 50_000, 'confident-ai': 50_000, athenahq: 200_000 };
const SAMPLES = 25;
const BOUND = 3;

/** Median CPU time (µs) of one request, each with fresh addresses that the answer must all invite. */
async function requestCost(backend: MockBackend, vendor: ScaleVendor, tag: string, count = SAMPLES): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const emails = scaleAddresses(`${tag}-${i}`, vendor.addressesPerRequest);
    const request = vendor.request('https://mock.test', emails);
    const before = process.cpuUsage();
    const response = await getResponse(vendor.mock(backend).handlers, request);
    const body: unknown = await response?.json();
    const used = process.cpuUsage(before);
    expect(response?.status, JSON.stringify(body)).toBeLessThan(300);
    expect(vendor.invited(body)).toBe(emails.length);
    samples.push(used.user + used.system);
  }
  return median(samples);
}

describe('the mock stores at scale', () => {
  it.each(SCALE_VENDORS.map((vendor) => [vendor.name, LARGE[vendor.name].toLocaleString('en-US'), vendor] as const))(
    `%s: a request costs about the same with %s invitations stored as with ${SMALL.toLocaleString('en-US')}`,
    async (_, __, vendor) => {
      const large = LARGE[vendor.name];
      const backend = createMockBackend();
      vendor.fill(backend, scaleAddresses('fill', SMALL));
      await requestCost(backend, vendor, 'warm-up', 40);
      const small = await requestCost(backend, vendor, 'small');

      vendor.fill(backend, scaleAddresses('fill', large - SMALL, SMALL));
      expect(vendor.held(backend)).toBeGreaterThanOrEqual(large);
      await requestCost(backend, vendor, 'settle', 10);
      const atLarge = await requestCost(backend, vendor, 'large');

      expect(atLarge / small, `median CPU per request: ${small} µs at ${SMALL} stored, ${atLarge} µs at ${large}`).toBeLessThan(BOUND);
    },
    30_000,
  );
});
