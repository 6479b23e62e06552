/**
 * The whole flow by keyboard alone (Tab, arrows, Enter, Ctrl+V, Ctrl+Enter, Escape; no pointer event
 * reaches the page), on each vendor's mock set up as the demo sets it up: open from the trigger, paste,
 * review, (Confident AI: choose the project), apply the typo fix, correct the broken row in place, send,
 * read the results, retry the failed, export the CSV, close and land back on the trigger.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { CONFIDENT_AI_DOCS_PROJECT_ID, CONFIDENT_AI_SDK_PROJECT_ID } from '../../mocks/confident-ai/index.ts';
import {
  addressOf,
  button,
  catchDownloads,
  dialog,
  downloadText,
  grid,
  parseCsv,
  recipients,
  renderDialog,
  resultLines,
  resultsTable,
  reviewRow,
  reviewRows,
  serveBackend,
  startWorker,
  stopWorker,
  tabTo,
  trigger,
  copyToClipboard,
} from './harness.tsx';
import { BROKEN, CORRECTED, expectedCsv, expectedTable, FAILING, memberOf, pastedList, sentAddresses, VENDORS } from './lists.ts';

const SENT = sentAddresses(true);

beforeAll(async () => {
  await startWorker();
});
afterAll(() => stopWorker());
beforeEach(async () => {
  await page.viewport(1200, 820);
});
afterEach(() => vi.restoreAllMocks());

/** Counts pointer input reaching the page: a keyboard-only flow makes none. */
function watchPointer() {
  const seen: string[] = [];
  const note = (event: Event) => seen.push(`${event.type} on ${(event.target as Element).tagName}`);
  const types = ['pointerdown', 'mousedown', 'touchstart', 'contextmenu'];
  for (const type of types) document.addEventListener(type, note, true);
  return {
    seen,
    stop: () => {
      for (const type of types) document.removeEventListener(type, note, true);
    },
  };
}

/** From the grid's one tab stop, the arrow keys to the row that holds `email`. */
async function arrowToRow(email: string) {
  await tabTo(() => document.querySelector('[role="grid"] [role="row"][data-row-id][tabindex="0"]')!);
  const target = () => reviewRow(email);
  for (let i = 0; i < 30 && document.activeElement !== target(); i++) {
    const here = reviewRows().indexOf(document.activeElement as HTMLElement);
    const there = reviewRows().indexOf(target()!);
    await userEvent.keyboard(there > here ? '{ArrowDown}' : '{ArrowUp}');
  }
  expect(document.activeElement).toBe(target());
}

for (const vendor of VENDORS) {
  it(`${vendor.label} by keyboard alone: paste, review, ${vendor.id === 'confident-ai' ? 'choose the project, ' : ''}fix, correct, send, retry failed, export, close`, async () => {
    const backend = serveBackend();
    await renderDialog(vendor.id, backend);
    const list = pastedList(vendor.id);
    // The list is on the clipboard already (copied with Ctrl+C from elsewhere).
    await copyToClipboard(list);
    (document.activeElement as HTMLElement | null)?.blur();
    const pointer = watchPointer();

    // ── open, paste, review ──────────────────────────────────────────────────────────────────────────
    await tabTo(() => trigger().element());
    await userEvent.keyboard('{Enter}');
    await expect.element(dialog()).toBeVisible();
    await expect.element(recipients()).toHaveFocus();
    await userEvent.paste();
    await expect.element(recipients()).toHaveValue(list);
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await expect.element(grid()).toBeVisible();
    await expect.poll(() => reviewRow(memberOf(vendor.id).email)?.dataset.state, { timeout: 10_000 }).toBe('member');
    expect(reviewRows()).toHaveLength(11);

    // ── Confident AI's choice: the project, by arrow key on its select (the others keep their defaults) ──
    if (vendor.id === 'confident-ai') {
      const project = page.getByLabelText(/^Project/).element() as HTMLSelectElement;
      await tabTo(() => project);
      expect(project.value).toBe(CONFIDENT_AI_DOCS_PROJECT_ID);
      await userEvent.keyboard('{ArrowDown}');
      await expect.poll(() => project.value).toBe(CONFIDENT_AI_SDK_PROJECT_ID);
    }

    // ── the typo: its row's "Fix" button ─────────────────────────────────────────────────────────────
    await arrowToRow('tom.becker@gmial.com');
    const fix = () => page.getByRole('button', { name: 'Fix: change tom.becker@gmial.com to tom.becker@gmail.com' }).element();
    await tabTo(fix);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => reviewRow('tom.becker@gmail.com')?.dataset.state).toBe('valid');

    // ── the broken row, corrected in place: Enter to its address, type, Enter ────────────────────────
    // (The fix leaves the focus on the fixed address: see focus-after-fix.browser.test.tsx.)
    await arrowToRow(BROKEN);
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('textbox', { name: 'Address, row 8' })).toHaveFocus();
    await userEvent.keyboard('{Control>}a{/Control}');
    await userEvent.keyboard(CORRECTED);
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => reviewRow(CORRECTED)?.dataset.state).toBe('valid');
    expect(reviewRows().map(addressOf)).not.toContain(BROKEN);
    await expect.element(page.getByRole('button', { name: /^0 invalid$/ })).toBeVisible();

    // ── send (the vendor fails every request carrying FAILING) ───────────────────────────────────────
    backend.failFor.add(FAILING);
    await tabTo(() => button('Send 9 invitations').element());
    await userEvent.keyboard('{Enter}');
    await expect.element(button('Invite more'), { timeout: 30_000 }).toBeVisible();
    await expect.element(resultsTable()).toBeVisible();
    const failed = new Set(backend.log.filter((entry) => entry.forced).flatMap((entry) => entry.emails));
    expect(failed.has(FAILING)).toBe(true);
    // The failed request was the batch that carried FAILING (batches in read order, of the vendor's size).
    const first = Math.floor(SENT.indexOf(FAILING) / vendor.batch) * vendor.batch;
    expect([...failed]).toEqual(SENT.slice(first, first + vendor.batch));
    // Confident AI: every request went to the project chosen.
    if (vendor.id === 'confident-ai') {
      expect(backend.log.every((entry) => entry.path === `/api/confident-ai/v1/projects/${CONFIDENT_AI_SDK_PROJECT_ID}/invitations`)).toBe(true);
    }
    // The results heading takes the focus.
    await expect.element(page.getByRole('heading', { name: `${SENT.length - failed.size} sent, ${failed.size} failed` })).toHaveFocus();
    expect(resultLines().map((row) => [row.line, row.email, row.status])).toEqual(expectedTable(vendor.id, failed, true));

    // ── retry the failed ─────────────────────────────────────────────────────────────────────────────
    backend.failFor.clear();
    const before = backend.log.length;
    await tabTo(() => button('Retry failed').element());
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('heading', { name: `${SENT.length} sent` }), { timeout: 30_000 }).toHaveFocus();
    expect(backend.log.slice(before).flatMap((entry) => entry.emails).sort()).toEqual([...failed].sort());
    for (const email of SENT) expect(backend.accepted(email), email).toBe(1);

    // ── export ───────────────────────────────────────────────────────────────────────────────────────
    const downloads = catchDownloads();
    await tabTo(() => button('Export CSV').element());
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => downloads.length).toBe(1);
    const { bom, records } = parseCsv(await downloadText(downloads[0]!));
    expect(bom).toBe(true);
    expect(records).toEqual(expectedCsv(vendor.id, vendor.role, true));

    // ── close: Escape, and the focus is back on the trigger ──────────────────────────────────────────
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog()).not.toBeInTheDocument();
    await expect.element(trigger()).toHaveFocus();

    pointer.stop();
    expect(pointer.seen).toEqual([]);
  }, 60_000);
}
