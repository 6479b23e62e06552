/**
 * The mock backend inside a Node process (tests, scripts): msw's `setupServer` intercepts `fetch` and
 * answers from all four vendor mocks. Runs unchanged on msw 2.15 and msw 3.
 *
 * ```ts
 * const mock = setupMockServer({ scenario: 'partial' });
 * beforeAll(() => mock.listen());          // unhandled requests are errors
 * afterEach(() => mock.reset());           // drop `mock.server.use()` overrides, stores back to fixtures
 * afterAll(() => mock.close());
 * ```
 */
import { setupServer } from 'msw/node';
import { createMockBackend, unhandledOption, type MockBackend, type MockBackendOptions, type UnhandledStrategy } from './index.ts';

export interface MockServer {
  /** msw's server, for per-test overrides (`use`) and life-cycle events. */
  readonly server: ReturnType<typeof setupServer>;
  readonly backend: MockBackend;
  /** Starts intercepting. A request no handler answers: 'error' by default, so no test reaches the network. */
  listen(onUnhandled?: UnhandledStrategy): void;
  /** Drops overrides added with `server.use()` and returns every store (and the scenario) to the start. */
  reset(): void;
  /** Stops intercepting. */
  close(): void;
}

export function setupMockServer(options: MockBackendOptions = {}): MockServer {
  const backend = createMockBackend(options);
  const server = setupServer(...backend.handlers);
  return {
    server,
    backend,
    listen: (onUnhandled = 'error') => server.listen(unhandledOption(onUnhandled)),
    reset() {
      server.resetHandlers();
      backend.reset();
    },
    close: () => server.close(),
  };
}
