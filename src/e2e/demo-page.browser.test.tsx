/**
 * The demo (`npm run dev`): the project's own `index.html`, served and transformed by Vite as the dev
 * server serves it, loads `demo/main.tsx`, which starts msw's service worker (`/mockServiceWorker.js`,
 * from `public/`) and only then mounts the members page. Loaded here in a same-origin frame, as a visitor
 * opens it: the "Vendor" and "Scenario" pickers (set from the address bar), the "Invite people" button,
 * and an invitation that goes through the mock and lands in the members table.
 */
import { expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';

/** Opens the demo's index.html in a frame of the test page; resolves once the frame's document has loaded. */
async function openDemo(query: string) {
  const frame = document.createElement('iframe');
  frame.src = `/index.html${query}`;
  frame.title = 'Demo';
  frame.style.width = '1200px';
  frame.style.height = '900px';
  const errors: string[] = [];
  const loaded = new Promise<void>((resolve) =>
    frame.addEventListener(
      'load',
      () => {
        const win = frame.contentWindow as Window & { __vitest_browser_runner__?: unknown };
        // Vitest's server (which serves this page here) rewrites every dynamic `import()` into a call of its
        // test runner's `wrapDynamicImport`; a page that is not a Vitest tester has no runner, so it gets
        // the same stand-in Vitest gives Web Workers. (`npm run dev`'s own server does no such rewrite.)
        win.__vitest_browser_runner__ ??= { wrapDynamicImport: (load: () => unknown) => load() };
        win.addEventListener('error', (event) => errors.push(event.message));
        resolve();
      },
      { once: true },
    ),
  );
  document.body.append(frame);
  await loaded;
  return { frame, errors, demo: page.frameLocator(page.getByTitle('Demo')) };
}

it('the demo page mounts on the mocks: "Vendor" and "Scenario" pickers, "Invite people", and an invitation that reaches the mock', async () => {
  await page.viewport(1280, 1000);
  const { frame, errors, demo } = await openDemo('?vendor=wix&scenario=partial&theme=light&lang=en');
  const win = frame.contentWindow!;
  // The source is the project's own page, through Vite's HTML transform.
  const html = await (await fetch('/index.html')).text();
  expect(html).toContain('<script type="module" src="/demo/main.tsx"></script>');
  expect(html).toContain('/@vite/client');

  // Mounted only after the worker started (main.tsx renders in worker.start()'s then).
  const vendor = demo.getByRole('combobox', { name: 'Vendor' });
  const scenario = demo.getByRole('combobox', { name: 'Scenario' });
  await expect.element(vendor, { timeout: 30_000 }).toBeVisible();
  await expect.element(scenario).toBeVisible();
  await expect.element(demo.getByRole('button', { name: 'Invite people' })).toBeVisible();
  expect(win.navigator.serviceWorker.controller?.scriptURL).toBe(new URL('/mockServiceWorker.js', location.href).href);

  // The address bar's choices are the pickers' values, and the pickers offer every vendor and scenario.
  await expect.element(vendor).toHaveValue('wix');
  await expect.element(scenario).toHaveValue('partial');
  const frameDocument = frame.contentDocument!;
  const options = (label: string) => {
    const id = [...frameDocument.querySelectorAll('label')].find((l) => l.textContent === label)!.htmlFor;
    return [...(frameDocument.getElementById(id) as HTMLSelectElement).options].map((o) => o.textContent);
  };
  expect(options('Vendor')).toEqual(['Diga', 'Wix', 'Confident AI', 'AthenaHQ']);
  expect(options('Scenario')).toEqual(['ok', 'slow', 'flaky', 'rate-limited', 'auth-expired', 'partial']);

  // Switching the pickers: the page follows (and keeps the choice in the address bar).
  await userEvent.selectOptions(vendor, 'diga');
  await userEvent.selectOptions(scenario, 'ok');
  await expect.poll(() => win.location.search).toBe('?vendor=diga&scenario=ok&theme=light&lang=en');
  // Diga's fixture member is on the members page.
  await expect.element(demo.getByRole('rowheader', { name: /ben@acme\.example/ })).toBeVisible();

  // The README's main job: invite someone through the dialog, answered by the mock in the service worker.
  await userEvent.click(demo.getByRole('button', { name: 'Invite people' }));
  await expect.element(demo.getByRole('dialog', { name: 'Invite people' })).toBeVisible();
  await userEvent.fill(demo.getByLabelText('Email addresses'), 'Demo Visitor <demo.visitor@northwind.example>');
  await userEvent.click(demo.getByRole('button', { name: 'Review', exact: true }));
  await userEvent.click(demo.getByRole('button', { name: 'Send 1 invitation', exact: true }));
  await expect.element(demo.getByRole('heading', { name: '1 sent' }), { timeout: 20_000 }).toBeVisible();
  await userEvent.click(demo.getByRole('button', { name: 'Done', exact: true }));
  await expect.element(demo.getByRole('dialog')).not.toBeInTheDocument();
  // The members page now lists the invitation the mock holds.
  await expect.element(demo.getByRole('rowheader', { name: /demo\.visitor@northwind\.example/ })).toBeVisible();
  expect(errors).toEqual([]);
  frame.remove();
}, 60_000);
