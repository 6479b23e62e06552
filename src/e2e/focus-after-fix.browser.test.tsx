/**
 * Found by the keyboard-only flow: pressing a typo's "Fix" button (Enter) applies the fix and the button
 * goes away with the suggestion. The focus must stay in the list: on the fixed row's address, or, when the
 * fixed row leaves an "invalid" filter, on its neighbour. Falling back to the dialog box (Radix's focus
 * scope catches the removal) loses a keyboard or screen-reader user's place.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { button, dialog, grid, recipients, renderDialog, reviewRow, serveBackend, startWorker, stopWorker, trigger } from './harness.tsx';

beforeAll(async () => {
  await startWorker();
});
afterAll(() => stopWorker());

it('after "Fix" by keyboard the focus stays in the fixed row, and Shift+Tab leaves it for the field before', async () => {
  await page.viewport(1200, 820);
  await renderDialog('diga', serveBackend());
  await userEvent.click(trigger());
  await expect.element(dialog()).toBeVisible();
  await userEvent.fill(recipients(), 'ann@northwind.example\nTom Becker <tom.becker@gmial.com>\ncat@northwind.example');
  await userEvent.click(button('Review'));
  await expect.element(grid()).toBeVisible();

  const fix = page.getByRole('button', { name: 'Fix: change tom.becker@gmial.com to tom.becker@gmail.com' });
  (fix.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => reviewRow('tom.becker@gmail.com')?.dataset.state).toBe('valid');
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

  const row = reviewRow('tom.becker@gmail.com')!;
  expect(document.activeElement, `focus is on ${document.activeElement?.outerHTML.slice(0, 80)}`).not.toBe(dialog().element());
  expect(row.contains(document.activeElement)).toBe(true);
  // And a step back by keyboard leaves the row for the field before it, not for nowhere.
  await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
  expect(document.activeElement).not.toBe(dialog().element());
});

it('a fix that makes the row leave the filtered view (it becomes a repeat) hands the focus to its neighbour, not the dialog box', async () => {
  await page.viewport(1200, 820);
  await renderDialog('diga', serveBackend());
  await userEvent.click(trigger());
  await expect.element(dialog()).toBeVisible();
  await userEvent.fill(recipients(), 'tom.becker@gmail.com\nTom Becker <tom.becker@gmial.com>\ncat@northwind.example');
  await userEvent.click(button('Review'));
  await expect.element(grid()).toBeVisible();
  await userEvent.click(page.getByRole('button', { name: /^3 valid$/ }));

  const fix = page.getByRole('button', { name: 'Fix: change tom.becker@gmial.com to tom.becker@gmail.com' });
  (fix.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('button', { name: /^2 valid$/ })).toBeVisible();
  await expect.poll(() => reviewRow('cat@northwind.example')?.contains(document.activeElement)).toBe(true);
});
