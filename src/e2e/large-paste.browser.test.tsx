/**
 * A paste of thousands of rows goes straight to the draft (read in its Worker, as a dropped file is)
 * instead of into the textarea, whose layout of megabytes blocks the main thread for seconds; a small paste
 * stays in the box for the person to edit. `npm run bench` measures the 100,000-row case in Chromium.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { LARGE_PASTE } from '../components/dialog/compose.tsx';
import { button, copyToClipboard, count, dialog, grid, recipients, renderDialog, serveBackend, startWorker, stopWorker, trigger } from './harness.tsx';

beforeAll(async () => {
  await startWorker();
});
afterAll(() => stopWorker());

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `Person ${i + from} <person.${i + from}@northwind.example>`);

it('a paste over the limit is read into the list (not the box) and the review opens', async () => {
  await page.viewport(1200, 820);
  await renderDialog('diga', serveBackend());
  const list = ['email,name', ...Array.from({ length: 6000 }, (_, i) => `person.${i}@northwind.example,Person ${i}`)].join('\n');
  expect(list.length).toBeGreaterThan(LARGE_PASTE);
  await copyToClipboard(list);
  await userEvent.click(trigger());
  await expect.element(dialog()).toBeVisible();
  await userEvent.paste();
  await expect.element(grid(), { timeout: 20_000 }).toBeVisible();
  expect([count(/^[\d,]+ rows?$/), count(/^[\d,]+ valid$/)]).toEqual([6000, 6000]);
  await expect.element(page.getByText('6,000 rows read')).toBeInTheDocument();
});

it('a paste under the limit goes into the box, where it can be edited before the review', async () => {
  await page.viewport(1200, 820);
  await renderDialog('diga', serveBackend());
  const list = rows(20).join('\n');
  await copyToClipboard(list);
  await userEvent.click(trigger());
  await userEvent.paste();
  await expect.element(recipients()).toHaveValue(list);
  await userEvent.click(button('Review'));
  await expect.element(grid()).toBeVisible();
  expect(count(/^[\d,]+ rows?$/)).toBe(20);
});
