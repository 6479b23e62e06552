/**
 * The mock backend in a browser page (the demo app, Storybook): msw's service worker answers the four
 * vendor APIs. Needs `public/mockServiceWorker.js` (msw 2 writes it on install; `npx msw init public`).
 * Runs unchanged on msw 2.15 and msw 3.
 */
import { setupWorker } from 'msw/browser';
import { createMockBackend, unhandledOption, type MockBackend, type MockBackendOptions } from './index.ts';

export interface MockWorkerOptions extends MockBackendOptions {
  /** Where the page serves msw's worker script. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
}

export interface MockWorker {
  /** msw's worker, for per-story overrides (`use`). */
  readonly worker: ReturnType<typeof setupWorker>;
  readonly backend: MockBackend;
  /** Drops overrides added with `worker.use()` and returns every store (and the scenario) to the start. */
  reset(): void;
  stop(): void;
}

/** Registers the worker and resolves once it intercepts. Requests to anything else pass through untouched. */
export async function startMockWorker(options: MockWorkerOptions = {}): Promise<MockWorker> {
  const backend = createMockBackend(options);
  const worker = setupWorker(...backend.handlers);
  const startOptions = {
    quiet: true,
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    ...unhandledOption('bypass'),
  };
  await worker.start(startOptions);
  return {
    worker,
    backend,
    reset() {
      worker.resetHandlers();
      backend.reset();
    },
    stop: () => void worker.stop(),
  };
}
