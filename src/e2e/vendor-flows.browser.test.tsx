/**
 * The whole flow for each vendor, in Chromium, on the vendor mocks answered by msw's service worker, with
 * the dialog set up as the demo sets it up (`vendorSetup`: the adapter against the vendor's proxy path,
 * the vendor's own choices, roles, the members lookup):
 *
 *   paste (Ctrl+V of a realistic list: a To: line, separators mixed, a typo'd domain, an address with no
 *   domain ending, a repeat in capitals, someone already a member) → fix the typo → send the valid rows →
 *   the results, address by address → "Retry failed" (the vendor answered 503, in its own envelope, to
 *   every request carrying one address; the engine gave up after its retries) → only those addresses go
 *   out again, none twice → "Export CSV", read from the Blob the table hands to the download link.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import {
  button,
  catchDownloads,
  copyToClipboard,
  count,
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
  addressOf,
  serveBackend,
  startWorker,
  stopWorker,
  trigger,
} from './harness.tsx';
import { BROKEN, expectedCsv, expectedTable, expectedReview, FAILING, memberOf, pastedList, sentAddresses, VENDORS } from './lists.ts';

const SENT = sentAddresses();

beforeAll(async () => {
  await startWorker();
});
afterAll(() => stopWorker());
beforeEach(async () => {
  await page.viewport(1200, 820);
});
afterEach(() => vi.restoreAllMocks());

describe('the whole flow on each vendor mock: paste → fix → send → results → retry failed → export', () => {
  for (const vendor of VENDORS) {
    it(`${vendor.label}: paste, fix the typo, send, exact results, retry only the failed, export the CSV`, async () => {
      const backend = serveBackend();
      await renderDialog(vendor.id, backend);

      // ── paste ────────────────────────────────────────────────────────────────────────────────────
      await copyToClipboard(pastedList(vendor.id));
      await userEvent.click(trigger());
      await expect.element(dialog()).toBeVisible();
      await expect.element(recipients()).toHaveFocus();
      await userEvent.paste();
      await expect.element(recipients()).toHaveValue(pastedList(vendor.id));
      await userEvent.click(button('Review'));
      await expect.element(grid()).toBeVisible();
      // The members lookup (the host's) marks the vendor's existing member.
      await expect.poll(() => reviewRow(memberOf(vendor.id).email)?.dataset.state, { timeout: 10_000 }).toBe('member');
      expect(reviewRows().map((row) => [addressOf(row), row.dataset.state])).toEqual(expectedReview(vendor.id));
      expect([count(/^[\d,]+ rows?$/), count(/^[\d,]+ valid$/), count(/^[\d,]+ invalid$/), count(/^[\d,]+ duplicates?$/)]).toEqual([11, 8, 1, 2]);
      expect(reviewRow(BROKEN)!.getAttribute('aria-invalid')).toBe('true');
      expect(reviewRow(BROKEN)!.textContent).toContain('has no dot');
      expect(reviewRows()[8]!.textContent).toContain('Duplicate of row 1');

      // ── fix a row: the typo's one-click fix ──────────────────────────────────────────────────────
      expect(reviewRow('tom.becker@gmial.com')!.textContent).toContain('Did you mean tom.becker@gmail.com?');
      await userEvent.click(page.getByRole('button', { name: 'Fix: change tom.becker@gmial.com to tom.becker@gmail.com' }));
      await expect.poll(() => reviewRow('tom.becker@gmail.com')?.dataset.state).toBe('valid');
      expect(reviewRow('tom.becker@gmial.com')).toBeUndefined();
      expect(reviewRow('tom.becker@gmail.com')!.textContent).not.toContain('Did you mean');

      // ── send, the vendor failing every request that carries FAILING ──────────────────────────────
      backend.failFor.add(FAILING);
      await userEvent.click(button('Send 8 valid, skip 3').first());
      await expect.element(button('Invite more'), { timeout: 30_000 }).toBeVisible();
      await expect.element(resultsTable()).toBeVisible();

      const firstPass = [...backend.log];
      const failed = new Set(firstPass.filter((entry) => entry.forced).flatMap((entry) => entry.emails));
      // The whole request that carried FAILING failed, and nothing else: one batch of the vendor's size.
      expect(failed.has(FAILING)).toBe(true);
      expect(failed.size).toBe(vendor.batch);
      // Every address of the list went out in the first pass (the member, the repeat and the broken one did not).
      expect(new Set(firstPass.flatMap((entry) => entry.emails))).toEqual(new Set(SENT));
      // Each request carried at most the vendor's batch; a 503 was tried twice (TEST_SEND_OPTIONS), then given up.
      expect(firstPass.every((entry) => entry.emails.length <= vendor.batch)).toBe(true);
      expect(firstPass.filter((entry) => entry.forced)).toHaveLength(2);
      expect(firstPass.filter((entry) => entry.forced).every((entry) => entry.status === 503)).toBe(true);

      const sentFirst = SENT.length - failed.size;
      await expect.element(page.getByRole('heading', { name: `${sentFirst} sent, ${failed.size} failed` })).toBeVisible();
      expect(resultLines().map((row) => [row.line, row.email, row.status])).toEqual(expectedTable(vendor.id, failed));
      for (const row of resultLines()) {
        if (row.status === 'failed') expect(row.text).toMatch(/^Failed: The vendor's server failed \(HTTP 503\)/);
        // The vendor's own words follow where it says more than "sent" (AthenaHQ: "Invitation sent").
        if (row.status === 'sent') expect(row.text).toMatch(/^Sent( The service said: .+)?$/);
      }
      expect(resultLines().find((row) => row.email === BROKEN)!.text).toMatch(/^Invalid: .*has no dot/);
      expect(resultLines().find((row) => row.line === '9')!.text).toBe('Duplicate of row 1');
      expect(resultLines().find((row) => row.line === '10')!.text).toBe(`Duplicate: ${memberOf(vendor.id).email} is already a member.`);

      // ── retry failed: only the failed addresses go out again ─────────────────────────────────────
      backend.failFor.clear();
      const before = backend.log.length;
      await userEvent.click(button('Retry failed'));
      await expect.element(page.getByRole('heading', { name: `${SENT.length} sent` }), { timeout: 30_000 }).toBeVisible();
      const retried = backend.log.slice(before);
      expect(retried.flatMap((entry) => entry.emails).sort()).toEqual([...failed].sort());
      expect(retried.every((entry) => entry.status >= 200 && entry.status < 300)).toBe(true);
      // No address reached the vendor's store twice: each was accepted by exactly one request.
      for (const email of SENT) expect(backend.accepted(email), email).toBe(1);
      const invited = backend.mock.members(vendor.id).filter((row) => row.status === 'invited' && SENT.includes(row.email.toLowerCase()));
      expect(invited.map((row) => row.email.toLowerCase()).sort()).toEqual([...SENT].sort());
      expect(resultLines().map((row) => [row.line, row.email, row.status])).toEqual(expectedTable(vendor.id, new Set()));
      await expect.element(button('Retry failed')).not.toBeInTheDocument();

      // ── export ───────────────────────────────────────────────────────────────────────────────────
      const downloads = catchDownloads();
      await userEvent.click(button('Export CSV'));
      await expect.poll(() => downloads.length).toBe(1);
      const file = downloads[0]!;
      expect(file.name).toBe('invitation-results.csv');
      expect(file.type).toBe('text/csv;charset=utf-8');
      const text = await downloadText(file);
      expect(text.endsWith('\r\n')).toBe(true);
      const { bom, records } = parseCsv(text);
      expect(bom).toBe(true);
      expect(records).toEqual(expectedCsv(vendor.id, vendor.role));
    }, 60_000);
  }
});
