/**
 * What the end-to-end browser tests share: the vendor mocks served by msw's service worker (as the demo
 * serves them), the dialog set up as the demo sets it up (`vendorSetup`: adapter against the mock's proxy
 * path, the vendor's own choices, roles, members lookup), a log of every invitation request with its
 * answer, a switch that makes the vendor answer 503 (in its own envelope) to any request carrying a given
 * address, and readers for the review grid, the results table and the exported CSV.
 *
 * Not a test file: imported by `src/e2e/*.browser.test.tsx`.
 */
import Papa from 'papaparse';
import { getResponse, http, type HttpHandler } from 'msw';
import { expect, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createDemoMock, type DemoMock, type VendorId } from '../../demo/mock.ts';
import { vendorSetup } from '../../demo/vendors.ts';
import { startMockWorker, type MockWorker } from '../../mocks/browser.ts';
import { createAthenaMock, createConfidentAiMock, createDigaMock, createScenario, createWixMock, type Scenario } from '../../mocks/index.ts';
import { BulkInviteDialog, type BulkInviteDialogProps } from '../components/dialog/index.ts';
import { BulkInviteProvider } from '../react/index.ts';
import '../components/styles.css';

// ── locators ────────────────────────────────────────────────────────────────────────────────────────
export const button = (name: string | RegExp) => page.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });
export const dialog = () => page.getByRole('dialog', { name: 'Invite people' });
export const trigger = () => page.getByRole('button', { name: 'Invite people' });
export const recipients = () => page.getByLabelText('Email addresses');
export const grid = () => page.getByRole('grid', { name: 'Rows to invite' });
export const resultsTable = () => page.getByRole('table', { name: 'Invitation results' });
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The review's rendered rows, in order. */
export function reviewRows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[role="grid"] [role="row"][data-row-id]')].sort(
    (a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')),
  );
}
export const addressOf = (row: HTMLElement) => (row.querySelector('[data-rbi-focus="address"]') as HTMLInputElement).value;
export const reviewRow = (email: string) => reviewRows().find((row) => addressOf(row) === email);
/** `{ address: data-state }` of every review row. */
export const reviewStates = () => Object.fromEntries(reviewRows().map((row) => [addressOf(row), row.dataset.state]));

/** A count button's number ("12 valid" → 12). */
export function count(label: RegExp): number {
  return Number(button(label).element().textContent!.replace(/[^\d]/g, ''));
}

export interface ResultLine {
  line: string;
  email: string;
  status: string;
  text: string;
}

/** The results table's rendered rows: line, the row header's address, data-state and the status cell's words. */
export function resultLines(): ResultLine[] {
  const table = resultsTable().element();
  return [...table.querySelectorAll<HTMLTableRowElement>('tbody tr.rbi-results-row')].map((row) => ({
    line: row.querySelector('.rbi-results-line')!.textContent!.trim(),
    email: row.querySelector('th[scope="row"]')!.textContent!.trim(),
    status: row.dataset.state!,
    text: row.querySelector('.rbi-results-status')!.textContent!.trim(),
  }));
}
/** `{ address: status }` from the results table (an address listed twice keeps its rows apart: `a#2`). */
export function resultStates(): Record<string, string> {
  const states: Record<string, string> = {};
  for (const row of resultLines()) {
    let key = row.email;
    for (let n = 2; key in states; n++) key = `${row.email}#${n}`;
    states[key] = row.status;
  }
  return states;
}

// ── clipboard ───────────────────────────────────────────────────────────────────────────────────────
/** Puts text on the clipboard as a person's Ctrl+C does, from a field outside the dialog. */
export async function copyToClipboard(text: string) {
  const source = document.createElement('textarea');
  source.value = text;
  document.body.append(source);
  source.focus();
  source.select();
  await userEvent.copy();
  source.remove();
}

/** Presses Tab (Shift+Tab with `back`) until the element has the focus. */
export async function tabTo(target: () => Element, { most = 80, back = false } = {}) {
  for (let i = 0; i < most; i++) {
    if (document.activeElement === target()) return;
    await userEvent.tab(back ? { shift: true } : {});
  }
  throw new Error(`Tab never reached ${target().outerHTML.slice(0, 160)}; the focus is on ${document.activeElement?.outerHTML.slice(0, 160)}`);
}

// ── downloads ───────────────────────────────────────────────────────────────────────────────────────
export interface Download {
  /** The link's `download` name. */
  name: string;
  type: string;
  blob: Blob;
}

/** A downloaded file's text, its UTF-8 byte-order mark kept (`Blob.text()` would drop it). */
export async function downloadText(file: Download): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.blob.arrayBuffer());
}

/**
 * Catches what a download link (`<a download>` + an object URL) would save: the Blob handed to
 * `URL.createObjectURL`, read when its link is clicked. The click does not navigate.
 */
export function catchDownloads(): Download[] {
  const files: Download[] = [];
  const blobs = new Map<string, Blob>();
  const create = URL.createObjectURL.bind(URL);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
    const url = create(object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) files.push({ name: this.download, type: blob.type, blob });
  });
  return files;
}

/** A CSV's records (header first), as RFC 4180 reads them; a UTF-8 BOM is dropped and reported. */
export function parseCsv(text: string): { bom: boolean; records: string[][] } {
  const bom = text.startsWith('\uFEFF');
  const parsed = Papa.parse<string[]>(bom ? text.slice(1) : text, { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { bom, records: parsed.data };
}

// ── the mock backend ────────────────────────────────────────────────────────────────────────────────
/** One invitation request as the vendor saw it. */
export interface LoggedRequest {
  vendor: string;
  path: string;
  /** The addresses the body carries, lower-cased, in order. */
  emails: string[];
  status: number;
  /** Answered by the 503 switch rather than the vendor's store. */
  forced: boolean;
  at: number;
}

const EMAIL = /[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

/** A scenario that answers every request with a 503, which each vendor mock renders in its own envelope. */
function unavailable(): Scenario {
  return {
    config: createScenario('ok').config,
    next: async () => ({ kind: 'server-error', status: 503 }),
    refuses: () => false,
    requestCount: () => 0,
    reset() {},
  };
}

export interface Backend {
  mock: DemoMock;
  /** Every POST to a vendor path, in the order answered. */
  log: LoggedRequest[];
  /** While set, any request carrying one of these addresses gets the vendor's own 503. */
  failFor: Set<string>;
  /** Successful (2xx) requests that carried `email`. */
  accepted(email: string): number;
}

let worker: MockWorker | undefined;

/** Starts msw's service worker once per test file (the page's own `/mockServiceWorker.js`). */
export async function startWorker(): Promise<MockWorker> {
  worker ??= await startMockWorker();
  return worker;
}
export function stopWorker() {
  worker?.stop();
  worker = undefined;
}

/**
 * Fresh vendor stores (the demo's `createDemoMock`) behind a logging handler. `extra` handlers (another
 * scenario's mocks) answer instead of the demo's stores when given.
 */
export function serveBackend(options: { mock?: DemoMock; handlers?: HttpHandler[] } = {}): Backend {
  if (!worker) throw new Error('startWorker() first');
  const mock = options.mock ?? createDemoMock();
  const handlers = options.handlers ?? mock.handlers;
  const scenario = unavailable();
  const failing = [
    ...createDigaMock({ scenario }).handlers,
    ...createWixMock({ scenario }).handlers,
    ...createConfidentAiMock({ scenario }).handlers,
    ...createAthenaMock({ scenario }).handlers,
  ];
  const log: LoggedRequest[] = [];
  const failFor = new Set<string>();
  worker.worker.resetHandlers();
  worker.worker.use(
    http.post('*/api/:vendor/*', async ({ request, params }) => {
      const body = await request.clone().text();
      const emails = (body.match(EMAIL) ?? []).map((email) => email.toLowerCase());
      const forced = emails.some((email) => failFor.has(email));
      const response = await getResponse(forced ? failing : handlers, request);
      if (!response) throw new Error(`No mock answers POST ${request.url}`);
      log.push({ vendor: String(params.vendor), path: new URL(request.url).pathname, emails, status: response.status, forced, at: performance.now() });
      return response;
    }),
    ...handlers,
  );
  return {
    mock,
    log,
    failFor,
    accepted: (email) => log.filter((entry) => entry.status < 300 && entry.emails.includes(email.toLowerCase())).length,
  };
}

/** Retries of a 503 short enough for a test (the engine's default backoff is for people). */
export const TEST_SEND_OPTIONS: BulkInviteDialogProps['sendOptions'] = { retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 200 } };

/** The dialog inside the provider, configured as the demo configures `vendor`. */
export async function renderDialog(vendor: VendorId, backend: Backend, props: Partial<BulkInviteDialogProps> = {}) {
  const { config } = vendorSetup(vendor, 'en', backend.mock);
  return render(
    <BulkInviteProvider {...config}>
      <BulkInviteDialog sendOptions={TEST_SEND_OPTIONS} {...props} />
    </BulkInviteProvider>,
  );
}
