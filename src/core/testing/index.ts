/**
 * `react-bulk-invite/testing`: tools for tests (the kit's own, its benchmarks, and a host's tests of its
 * integration). Never imported by the kit's production code (a dependency-cruiser rule).
 *
 * - `createVirtualClock`: pass it as `createInviteRun(invitees, { clock })` (or to `createRateLimiter`)
 *   and a minute of backoff and rate limiting runs in milliseconds, deterministically.
 * - `createFakeVendor`: an in-process `InviteAdapter` with faults scripted per request, including a
 *   request that lands and whose answer is lost.
 */
export { createVirtualClock } from './virtual-clock.ts';
export type { VirtualClock, VirtualClockOptions } from './virtual-clock.ts';
export { createFakeVendor } from './fake-vendor.ts';
export type { FakeFault, FakeLogEntry, FakeRequest, FakeVendor, FakeVendorOptions } from './fake-vendor.ts';
