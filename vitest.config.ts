import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { startWorkerHeapProbe, stopWorkerHeapProbe } from './scripts/worker-heap-probe.ts';

// A fresh object per project: vitest refuses one browser config shared by two projects.
const browser = () => ({
  enabled: true,
  headless: true,
  instances: [{ browser: 'chromium' as const }],
  provider: playwright({
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  }),
  commands: { startWorkerHeapProbe, stopWorkerHeapProbe },
});

export default defineConfig({
  plugins: [react()],
  // Found up front, not on a page's first import: a dependency Vite discovers mid-run reloads the page, and
  // a test running in it fails (the demo's `react-dom/client` and `msw/browser` on a fresh clone).
  optimizeDeps: {
    include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'msw', 'msw/browser', 'papaparse'],
  },
  test: {
    // CI reads the counts from the JSON report to print its closing line (see .ci/run).
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/results.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'mocks/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.browser.test.*', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        // Type tests (`*.test-d.ts`, expectTypeOf): compiled by tsc, never run.
        extends: true,
        test: {
          name: 'types',
          typecheck: { enabled: true, only: true, include: ['src/**/*.test-d.ts'], tsconfig: 'tsconfig.typetest.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.{ts,tsx}'],
          browser: browser(),
        },
      },
      {
        // Every story renders in Chromium and its play function runs as a test.
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: { name: 'storybook', browser: browser() },
      },
      // Screenshots for a person to look at, only when asked: `npm run screenshots`.
      ...(process.env.RBI_SCREENSHOTS
        ? [{ extends: true as const, test: { name: 'screenshots', include: ['src/**/*.screenshots.tsx'], browser: browser() } }]
        : []),
    ],
  },
});
