/**
 * `npm run dev`: the members page on the vendor mocks, answered in the browser by msw's service worker
 * (Vite serves public/mockServiceWorker.js). The choices of the demo controls live in the address bar
 * (`?vendor=wix&scenario=flaky&theme=dark&lang=de`), so a reload or a shared link keeps them.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupWorker } from 'msw/browser';
import { unhandledOption } from '../mocks/index.ts';
// What a host imports as `react-bulk-invite/styles.css`.
import '../src/components/styles.css';
import './demo.css';
import { createDemoMock, DEMO_SCENARIOS, type DemoScenario, type VendorId } from './mock.ts';
import { MembersPage, type DemoSettings } from './MembersPage.tsx';
import { VENDORS } from './vendors.ts';

function settingsFromUrl(): Partial<DemoSettings> {
  const params = new URLSearchParams(location.search);
  const pick = <T extends string>(name: string, values: readonly T[]): T | undefined => {
    const value = params.get(name);
    return values.find((v) => v === value);
  };
  const vendor = pick<VendorId>('vendor', VENDORS.map((v) => v.id));
  const scenario = pick<DemoScenario>('scenario', DEMO_SCENARIOS);
  const theme = pick('theme', ['light', 'dark'] as const);
  const language = pick('lang', ['en', 'de'] as const);
  return { ...(vendor && { vendor }), ...(scenario && { scenario }), ...(theme && { theme }), ...(language && { language }) };
}

function keepInUrl(settings: DemoSettings): void {
  const params = new URLSearchParams({ vendor: settings.vendor, scenario: settings.scenario, theme: settings.theme, lang: settings.language });
  history.replaceState(null, '', `${location.pathname}?${params}`);
}

const initial = settingsFromUrl();
const mock = createDemoMock(initial.scenario);
const worker = setupWorker(...mock.handlers);
// Requests the mocks do not answer (the page's own assets) go to the network untouched.
const startOptions = { quiet: true, serviceWorker: { url: '/mockServiceWorker.js' }, ...unhandledOption('bypass') };

void worker.start(startOptions).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MembersPage mock={mock} initial={initial} onSettingsChange={keepInUrl} />
    </StrictMode>,
  );
});
