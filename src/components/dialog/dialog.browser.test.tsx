/**
 * BulkInviteDialog in Chromium, driven as a person drives it (keyboard, paste, the file input), on an
 * in-process fake vendor: one test per UI requirement that concerns the dialog (UI.md 1–11, 15, 17, 18),
 * plus controlled `open`, the keyboard-only flow, German, and a 100,000-row list.
 */
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import type { ExistingEntry, InviteAdapter, Invitee } from '../../core/index.ts';
import { createFakeVendor, type FakeVendor, type FakeVendorOptions } from '../../core/testing/index.ts';
import { german, type BulkInviteConfig } from '../../react/index.ts';
import '../styles.css';
import { BulkInviteDialog, type BulkInviteDialogProps } from './index.ts';
// Pastes through the clipboard as Ctrl+V does; presses Tab until an element has the focus.
import { copyToClipboard, tabTo } from '../../e2e/harness.tsx';

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────
const DIALOG = { name: 'Invite people' };
const dialog = () => page.getByRole('dialog', DIALOG);
const trigger = () => page.getByRole('button', { name: 'Invite people' });
const recipients = () => page.getByLabelText('Email addresses');
const button = (name: string | RegExp) => page.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });
const grid = () => page.getByRole('grid', { name: 'Rows to invite' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The review's rendered rows, in order. */
function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[role="grid"] [role="row"][data-row-id]')].sort(
    (a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')),
  );
}
const addressOf = (row: HTMLElement) => (row.querySelector('[data-rbi-focus="address"]') as HTMLInputElement).value;
const addresses = () => rows().map(addressOf);
const rowOf = (email: string) => rows().find((row) => addressOf(row) === email)!;
const announcer = () => document.querySelector('[data-rbi-announcer]') as HTMLElement;

/** A count button's number ("120 valid" → 120). */
function count(label: RegExp): number {
  const element = button(label).element();
  return Number(element.textContent!.replace(/[^\d]/g, ''));
}

/** Records who was sent, with their roles, around any adapter. */
function recording(adapter: InviteAdapter): InviteAdapter & { seen: Invitee[] } {
  const seen: Invitee[] = [];
  return {
    vendor: adapter.vendor,
    roles: adapter.roles,
    ...(adapter.defaultRole ? { defaultRole: adapter.defaultRole } : {}),
    maxBatchSize: adapter.maxBatchSize,
    ...(adapter.groupBy ? { groupBy: adapter.groupBy } : {}),
    seen,
    send(batch, context) {
      seen.push(...batch);
      return adapter.send(batch, context);
    },
  };
}

function vendorWith(options: FakeVendorOptions = {}): FakeVendor {
  return createFakeVendor(options);
}

/** Fast engine settings for tests: no retries unless asked, short waits. */
const FAST: BulkInviteDialogProps['sendOptions'] = { rateLimit: false, retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 20 } };

async function openDialog(props: Partial<BulkInviteDialogProps> & BulkInviteConfig = {}) {
  const screen = await render(<BulkInviteDialog adapter={vendorWith()} sendOptions={FAST} {...props} />);
  await userEvent.click(trigger());
  await expect.element(dialog()).toBeVisible();
  return screen;
}

async function review(text: string) {
  await userEvent.fill(recipients(), text);
  await userEvent.click(button('Review'));
  await expect.element(grid()).toBeVisible();
  await expect.poll(() => rows().length).toBeGreaterThan(0);
}

beforeEach(async () => {
  await page.viewport(1200, 820);
});

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.classList.remove('rbi-theme-dark');
});

// ── 1 ───────────────────────────────────────────────────────────────────────────────────────────────
describe('BulkInviteDialog', () => {
  it('R1: opening focuses the recipients field; Cancel, Escape and ✕ close it and return the focus to the trigger', async () => {
    await render(<BulkInviteDialog adapter={vendorWith()} />);
    // By keyboard: the trigger opens on Enter.
    (trigger().element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(dialog()).toBeVisible();
    await expect.element(recipients()).toHaveFocus();

    await userEvent.click(button('Cancel'));
    await expect.element(dialog()).not.toBeInTheDocument();
    await expect.element(trigger()).toHaveFocus();

    await userEvent.click(trigger());
    await expect.element(recipients()).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog()).not.toBeInTheDocument();
    await expect.element(trigger()).toHaveFocus();

    await userEvent.click(trigger());
    await expect.element(recipients()).toHaveFocus();
    await userEvent.click(button('Close'));
    await expect.element(dialog()).not.toBeInTheDocument();
    await expect.element(trigger()).toHaveFocus();
  });

  // ── 2 ─────────────────────────────────────────────────────────────────────────────────────────────
  it('R2: a pasted list yields one row per address, "Ann <d@x.io>" read as name and address, B@X.IO a duplicate of row 2', async () => {
    await copyToClipboard('a@x.io; b@x.io\nc@x.io\tB@X.IO, Ann <d@x.io>');
    await openDialog();
    await expect.element(recipients()).toHaveFocus();
    await userEvent.paste();
    await expect.element(recipients()).toHaveValue('a@x.io; b@x.io\nc@x.io\tB@X.IO, Ann <d@x.io>');
    await userEvent.click(button('Review'));
    await expect.element(grid()).toBeVisible();
    await expect.poll(addresses).toEqual(['a@x.io', 'b@x.io', 'c@x.io', 'b@x.io', 'd@x.io']);
    expect(rows().map((row) => row.querySelector('.rbi-cell-line')!.textContent!.replace(/\D/g, ''))).toEqual(['1', '2', '3', '4', '5']);
    expect(rows()[3]!.dataset.state).toBe('duplicate');
    expect(rows()[3]!.textContent).toContain('Duplicate of row 2');
    const name = rows()[4]!.querySelector('.rbi-cell-name input') as HTMLInputElement;
    expect(name.value).toBe('Ann');
    expect(count(/rows$/)).toBe(5);
  });

  // ── 3 ─────────────────────────────────────────────────────────────────────────────────────────────
  it('R3: valid + invalid + duplicate always equals the rows read, each count visible, and each count filters the list', async () => {
    await openDialog();
    await review('ann@example.com\nbob@example.com\nnot-an-address\nANN@example.com\ncat@\ndan@example.com');
    const check = () => {
      const [total, valid, invalid, duplicate] = [count(/rows?$/), count(/^[\d,]+ valid$/), count(/^[\d,]+ invalid$/), count(/duplicates?$/)];
      expect(valid + invalid + duplicate).toBe(total);
      return { total, valid, invalid, duplicate };
    };
    expect(check()).toEqual({ total: 6, valid: 3, invalid: 2, duplicate: 1 });
    for (const label of [/rows?$/, /^[\d,]+ valid$/, /^[\d,]+ invalid$/, /duplicates?$/]) await expect.element(button(label)).toBeVisible();

    await userEvent.click(button(/^[\d,]+ invalid$/));
    await expect.element(button(/^[\d,]+ invalid$/)).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(addresses).toEqual(['not-an-address', 'cat@']);
    await expect.element(grid()).toHaveAttribute('aria-rowcount', '3');
    await userEvent.click(button(/duplicates?$/));
    await expect.poll(addresses).toEqual(['ann@example.com']);
    await userEvent.click(button(/rows?$/));
    await expect.poll(() => rows().length).toBe(6);

    // An edit is re-checked at once and the counts still add up.
    const field = page.getByRole('textbox', { name: 'Address, row 5' });
    await userEvent.fill(field, 'cat@example.com');
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => count(/^[\d,]+ invalid$/)).toBe(1);
    expect(check()).toEqual({ total: 6, valid: 4, invalid: 1, duplicate: 1 });
  });

  // ── 4 ─────────────────────────────────────────────────────────────────────────────────────────────
  it('R4: each invalid row has aria-invalid="true", its reason inline tied by aria-describedby, and its row number', async () => {
    await openDialog();
    await review('ok@example.com\nnot-an-address\nann@@example.com\nfine@example.org');
    const invalid = rows().filter((row) => row.dataset.state === 'invalid');
    expect(invalid).toHaveLength(2);
    for (const [row, number] of [
      [invalid[0]!, '2'],
      [invalid[1]!, '3'],
    ] as const) {
      expect(row.getAttribute('aria-invalid')).toBe('true');
      const reason = document.getElementById(row.getAttribute('aria-describedby')!.split(' ')[0]!)!;
      expect(row.contains(reason)).toBe(true);
      expect(reason.textContent).toMatch(/not a valid e-mail address/);
      expect(row.querySelector('.rbi-cell-line')!.textContent).toContain(number);
      // The address field says the same to whoever is in it.
      const field = row.querySelector('[data-rbi-focus="address"]')!;
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(field.getAttribute('aria-describedby')).toContain(reason.id);
      expect(field.getAttribute('aria-label')).toBe(`Address, row ${number}`);
    }
    for (const row of rows().filter((row) => row.dataset.state === 'valid')) expect(row.hasAttribute('aria-invalid')).toBe(false);
  });

  // ── 5 ─────────────────────────────────────────────────────────────────────────────────────────────
  it('R5: sending with errors focuses "There is a problem", whose links focus each bad row; "Send N valid, skip M" sends the rest', async () => {
    const vendor = vendorWith();
    await openDialog({ adapter: vendor });
    await review('a@x.io\nbad-one\nb@x.io\nA@X.IO\nbad@two@x.io\nc@x.io');
    await userEvent.click(button(/^Send 5 invitations$/));
    const summary = page.getByRole('region', { name: 'There is a problem' });
    await expect.element(summary).toHaveFocus();
    const links = summary.getByRole('link').elements();
    expect(links.map((link) => link.textContent)).toEqual([expect.stringMatching(/^Row 2: /), expect.stringMatching(/^Row 5: /)]);

    await userEvent.click(summary.getByRole('link', { name: /^Row 5: / }));
    await expect.element(page.getByRole('textbox', { name: 'Address, row 5' })).toHaveFocus();
    expect(document.activeElement!.closest('[role="row"]')!.getAttribute('aria-invalid')).toBe('true');
    await userEvent.click(summary.getByRole('link', { name: /^Row 2: / }));
    await expect.element(page.getByRole('textbox', { name: 'Address, row 2' })).toHaveFocus();
    expect(vendor.log).toHaveLength(0);

    await userEvent.click(button(/^Send 3 valid, skip 3$/).first());
    await expect.element(button('Invite more')).toBeVisible();
    expect([...vendor.created.keys()].sort()).toEqual(['a@x.io', 'b@x.io', 'c@x.io']);
  });

  // ── 6 ─────────────────────────────────────────────────────────────────────────────────────────────
  it('R6: members and pending invitations are labelled, left out of the send, and pending ones offer "Resend" where the vendor has it', async () => {
    const vendor = vendorWith();
    const checkExisting = async (emails: string[]): Promise<ExistingEntry[]> => {
      await sleep(20);
      return emails.flatMap((email): ExistingEntry[] =>
        email === 'mia@x.io' ? [{ email, status: 'member' }] : email === 'pat@x.io' ? [{ email, status: 'invited' }] : [],
      );
    };
    const resend = vi.fn(async () => {});
    await openDialog({ adapter: vendor, checkExisting, resend });
    await review('new@x.io\nmia@x.io\npat@x.io');
    await expect.poll(() => rowOf('mia@x.io').dataset.state).toBe('member');
    expect(rowOf('mia@x.io').textContent).toContain('Member');
    expect(rowOf('pat@x.io').dataset.state).toBe('pending');
    expect(rowOf('pat@x.io').textContent).toContain('Pending invitation');
    expect(rowOf('mia@x.io').querySelector('button.rbi-button-small')).toBeNull();

    // Resend is the row's own action; the row stays out of the send.
    rowOf('pat@x.io').focus();
    const resendButton = page.getByRole('row').filter({ hasText: 'Pending invitation' }).getByRole('button', { name: 'Resend' });
    await userEvent.click(resendButton);
    expect(resend).toHaveBeenCalledWith('pat@x.io', expect.any(AbortSignal));
    await expect.element(page.getByText('Sent again', { exact: true })).toBeVisible();

    await userEvent.click(button(/^Send 1 invitation$/));
    await expect.element(button('Invite more')).toBeVisible();
    expect([...vendor.created.keys()]).toEqual(['new@x.io']);
  });

  it('R6: without a resend function there is no "Resend"', async () => {
    await openDialog({ checkExisting: async () => [{ email: 'pat@x.io', status: 'invited' }] });
    await review('pat@x.io\nnew@x.io');
    await expect.poll(() => rowOf('pat@x.io').dataset.state).toBe('pending');
    expect(page.getByRole('button', { name: 'Resend' }).elements()).toHaveLength(0);
  });

  // ── 7 ─────────────────────────────────────────────────────────────────────────────────────────────
  it('R7: a role for all applies to every row, a row can override it, and a role column is checked against the allowed roles', async () => {
    const vendor = recording(vendorWith());
    await openDialog({ adapter: vendor, roles: ['member', 'admin'], defaultRole: 'member' });
    await review('email,role\nann@x.io,\nbob@x.io,ADMIN\ncat@x.io,owner\ndan@x.io,');
    // The role column: "ADMIN" is admin, "owner" is not a role here.
    const cat = rowOf('cat@x.io');
    expect(cat.dataset.state).toBe('invalid');
    expect(cat.textContent).toMatch(/"owner" is not a role here; choose one of: member, admin/);

    await userEvent.selectOptions(page.getByLabelText('Role for all'), 'admin');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Role, row 4' }), 'member');
    await expect.element(page.getByRole('combobox', { name: 'Role, row 1' })).toHaveDisplayValue('admin (default)');

    await userEvent.click(button(/^Send 3 valid, skip 1$/).first());
    await expect.element(button('Invite more')).toBeVisible();
    expect(Object.fromEntries(vendor.seen.map((invitee) => [invitee.email, invitee.role]))).toEqual({ 'ann@x.io': 'admin', 'bob@x.io': 'admin', 'dan@x.io': 'member' });
  });

  // ── 8 ─────────────────────────────────────────────────────────────────────────────────────────────
  it('R8: a labelled native file input (keyboard opens the picker) and a drop read a file; a refused file is announced and the rows stay', async () => {
    await openDialog();
    const input = page.getByLabelText('Upload a file');
    const element = input.element() as HTMLInputElement;
    expect(element.tagName).toBe('INPUT');
    expect(element.type).toBe('file');
    // Reachable by Tab, and Enter or Space activates it (the browser's picker; stopped here).
    await userEvent.tab();
    await expect.element(input).toHaveFocus();
    const opened = vi.fn((event: Event) => event.preventDefault());
    element.addEventListener('click', opened);
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(opened).toHaveBeenCalledTimes(2);
    element.removeEventListener('click', opened);

    await userEvent.upload(input, new File(['Email,Name\nann@x.io,Ann\nbob@x.io,Bob\n'], 'team.csv', { type: 'text/csv' }));
    await expect.element(grid()).toBeVisible();
    await expect.poll(addresses).toEqual(['ann@x.io', 'bob@x.io']);

    // Back to add more: a workbook is refused, announced in the status region, and the two rows stay.
    await userEvent.click(button('Back'));
    const workbook = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('[Content_Types].xml')]), new Uint8Array(600)], 'team.xlsx');
    await userEvent.upload(page.getByLabelText('Upload a file'), workbook);
    await expect.element(page.getByRole('status')).toHaveTextContent(/team\.xlsx was not read\. This is an Excel workbook/);
    await expect.element(page.getByText(/2 rows are in the list already/)).toBeVisible();

    // A drop anywhere on the step reads the file too.
    const drop = new DataTransfer();
    drop.items.add(new File(['cat@x.io\n'], 'more.txt', { type: 'text/plain' }));
    const zone = document.querySelector('.rbi-compose')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: drop, bubbles: true, cancelable: true }));
    await expect.poll(() => zone.getAttribute('data-drop')).toBe('over');
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));
    await expect.element(grid()).toBeVisible();
    await expect.poll(addresses).toEqual(['ann@x.io', 'bob@x.io', 'cat@x.io']);
  });

  // ── 9 ─────────────────────────────────────────────────────────────────────────────────────────────
  it('R9: batches of the vendor\'s size, at most `concurrency` in flight; a 429 shows "Paused by the rate limit — resuming in N s" and resumes by itself', async () => {
    const vendor = vendorWith({
      maxBatchSize: 2,
      latencyMs: 60,
      fault: (request) => (request.number === 3 ? { kind: 'error', code: 'RATE_LIMITED', retryAfterMs: 2500 } : null),
    });
    await openDialog({ adapter: vendor, concurrency: 2, sendOptions: { rateLimit: false, retry: { maxAttempts: 3, baseDelayMs: 10 } } });
    await review(Array.from({ length: 12 }, (_, i) => `p${i}@x.io`).join('\n'));
    await userEvent.click(button(/^Send 12 invitations$/));
    await expect.element(page.getByText(/^Paused by the rate limit — resuming in [1-3] s$/)).toBeVisible();
    await expect.element(page.getByRole('progressbar')).toBeVisible();
    // Nobody pressed anything: it finishes.
    await expect.element(button('Invite more'), { timeout: 15_000 }).toBeVisible();
    expect(vendor.created.size).toBe(12);
    expect(vendor.maxInFlight).toBeLessThanOrEqual(2);
    expect(vendor.log.every((request) => request.emails.length <= 2)).toBe(true);
  });

  it('R9: a second rate-limit wait, seconds after the first, counts down from its own start (not from the last tick of the first)', async () => {
    // One address a request, 0.7 s each; requests 2 and 6 are told to wait 1 s: the second wait starts
    // about 3 s after the first one ended.
    const vendor = vendorWith({
      maxBatchSize: 1,
      latencyMs: 700,
      fault: (request) => (request.number === 2 || request.number === 6 ? { kind: 'error', code: 'RATE_LIMITED', retryAfterMs: 1000 } : null),
    });
    await openDialog({ adapter: vendor, concurrency: 1, sendOptions: { rateLimit: false } });
    await review(Array.from({ length: 6 }, (_, i) => `p${i}@x.io`).join('\n'));
    const shown = new Set<string>();
    const observer = new MutationObserver(() => {
      for (const element of document.querySelectorAll('.rbi-waiting')) shown.add(element.textContent ?? '');
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    await userEvent.click(button(/^Send 6 invitations$/));
    await expect.element(button('Invite more'), { timeout: 20_000 }).toBeVisible();
    observer.disconnect();
    expect(vendor.log.filter((request) => request.number === 2 || request.number === 6)).toHaveLength(2);
    // Every frame of both waits said 1 s: the wait the vendor asked for, never more.
    expect([...shown].map((text) => text.replace(/^\W+/, ''))).toEqual(['Paused by the rate limit — resuming in 1 s']);
  });

  // ── 10 ────────────────────────────────────────────────────────────────────────────────────────────
  it('R10: a progressbar with aria-valuenow; the polite status speaks at most once a second, and once at the end', async () => {
    const vendor = vendorWith({ maxBatchSize: 1, latencyMs: 120, refuses: (email) => email.startsWith('no') });
    await openDialog({ adapter: vendor, concurrency: 1 });
    await review([...Array.from({ length: 22 }, (_, i) => `p${i}@x.io`), 'no1@x.io', 'no2@x.io'].join('\n'));
    const said: Array<{ at: number; text: string }> = [];
    const region = announcer();
    const observer = new MutationObserver(() => said.push({ at: performance.now(), text: region.textContent ?? '' }));
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    const values: number[] = [];
    await userEvent.click(button(/^Send 24 invitations$/));
    const bar = page.getByRole('progressbar', { name: 'Sending progress' });
    await expect.element(bar).toHaveAttribute('aria-valuemax', '24');
    const watch = setInterval(() => {
      const element = document.querySelector('[role="progressbar"][aria-valuenow]');
      if (element) values.push(Number(element.getAttribute('aria-valuenow')));
    }, 50);
    await expect.element(button('Invite more'), { timeout: 20_000 }).toBeVisible();
    clearInterval(watch);
    observer.disconnect();

    expect(values.some((value) => value > 0 && value < 24)).toBe(true);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    const final = said.at(-1)!;
    expect(final.text).toBe('22 sent, 2 failed');
    const progress = said.slice(0, -1);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.at - progress[i - 1]!.at).toBeGreaterThanOrEqual(950);
    for (const entry of progress) expect(entry.text).toMatch(/^\d+ of 24 sent/);
  });

  // ── 11 ────────────────────────────────────────────────────────────────────────────────────────────
  it('R11: Escape, ✕ or the overlay while sending ask "Stop sending? 40 of 120 sent" instead of closing', async () => {
    const vendor = vendorWith({ maxBatchSize: 1, latencyMs: 250 });
    await openDialog({ adapter: vendor, concurrency: 1 });
    await review(Array.from({ length: 60 }, (_, i) => `p${i}@x.io`).join('\n'));
    await userEvent.click(button(/^Send 60 invitations$/));
    await expect.poll(() => vendor.created.size, { timeout: 5000 }).toBeGreaterThanOrEqual(1);

    const confirm = page.getByRole('alertdialog');
    await userEvent.keyboard('{Escape}');
    await expect.element(confirm).toHaveAccessibleName(/^Stop sending\? \d+ of 60 sent$/);
    await expect.element(dialog()).toBeInTheDocument();
    await expect.element(button('Keep sending')).toHaveFocus();
    await userEvent.click(button('Keep sending'));
    await expect.element(confirm).not.toBeInTheDocument();

    await userEvent.click(button('Close'));
    await expect.element(confirm).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(confirm).not.toBeInTheDocument();

    // A click on the overlay, outside the box.
    const overlay = document.querySelector('.rbi-overlay') as HTMLElement;
    await userEvent.click(overlay, { position: { x: 5, y: 5 } } as never);
    await expect.element(confirm).toBeVisible();
    await userEvent.click(button('Stop sending'));
    await expect.element(page.getByRole('heading', { name: /^Stopped: \d+ sent, \d+ not sent$/ })).toBeVisible();
    await expect.element(dialog()).toBeInTheDocument();
    expect(vendor.created.size).toBeLessThan(60);
  });

  // ── 15 ────────────────────────────────────────────────────────────────────────────────────────────
  it('R15: "Retry failed" sends again only the retryable failures; a sent address is never sent again', async () => {
    let failing = true;
    const vendor = vendorWith({
      maxBatchSize: 2,
      refuses: (email) => email === 'no@x.io',
      fault: (request) => (failing && request.emails.includes('c@x.io') ? { kind: 'error', code: 'SERVER_ERROR' } : null),
    });
    await openDialog({ adapter: vendor });
    await review('a@x.io\nb@x.io\nc@x.io\nd@x.io\nno@x.io');
    await userEvent.click(button(/^Send 5 invitations$/));
    await expect.element(page.getByRole('heading', { name: '2 sent, 3 failed' })).toBeVisible();
    const before = vendor.log.length;
    failing = false;
    await userEvent.click(button('Retry failed'));
    await expect.element(page.getByRole('heading', { name: '4 sent, 1 failed' })).toBeVisible();
    // Only the retryable failures went out again (c and its batch-mate d); "no" was refused for good.
    expect(vendor.log.slice(before).flatMap((request) => request.emails).sort()).toEqual(['c@x.io', 'd@x.io']);
    for (const [, times] of vendor.created) expect(times).toBe(1);
    await expect.element(button('Retry failed')).not.toBeInTheDocument();
  });

  // ── 17 ────────────────────────────────────────────────────────────────────────────────────────────
  it('R17: Delete on a row, or its "Remove a@x.io" button, removes it and moves the focus to a neighbour', async () => {
    await openDialog();
    await review('a@x.io\nb@x.io\nc@x.io\nd@x.io');
    // Keyboard: into the grid (its one tab stop is the first row), down one, Delete.
    rows()[0]!.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rowOf('b@x.io'));
    await userEvent.keyboard('{Delete}');
    await expect.poll(addresses).toEqual(['a@x.io', 'c@x.io', 'd@x.io']);
    expect(document.activeElement).toBe(rowOf('c@x.io'));
    await expect.element(page.getByRole('status')).toHaveTextContent('Removed b@x.io.');

    await userEvent.click(button('Remove c@x.io'));
    await expect.poll(addresses).toEqual(['a@x.io', 'd@x.io']);
    await expect.element(button('Remove d@x.io')).toHaveFocus();
    // The last row's neighbour is the one before it.
    await userEvent.keyboard('{Enter}');
    await expect.poll(addresses).toEqual(['a@x.io']);
    await expect.element(button('Remove a@x.io')).toHaveFocus();

    await userEvent.click(button('Undo'));
    await expect.poll(addresses).toEqual(['a@x.io', 'd@x.io']);
  });

  // ── 18 ────────────────────────────────────────────────────────────────────────────────────────────
  it('R18: reopening after a finished send starts empty; closing before a send keeps the list', async () => {
    await openDialog();
    await review('a@x.io\nb@x.io');
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog()).not.toBeInTheDocument();
    await userEvent.click(trigger());
    await expect.poll(addresses).toEqual(['a@x.io', 'b@x.io']);

    await userEvent.click(button(/^Send 2 invitations$/));
    await expect.element(button('Invite more')).toBeVisible();
    await userEvent.click(button('Done'));
    await expect.element(dialog()).not.toBeInTheDocument();
    await userEvent.click(trigger());
    await expect.element(recipients()).toHaveFocus();
    await expect.element(recipients()).toHaveValue('');
    expect(document.querySelector('.rbi-in-list')).toBeNull();
    await expect.element(page.getByRole('listitem').filter({ hasText: 'Add' })).toHaveAttribute('aria-current', 'step');
  });

  it('R18: a host that opts in with keepDraft finds the list and its results again', async () => {
    await openDialog({ keepDraft: true });
    await review('a@x.io');
    await userEvent.click(button(/^Send 1 invitation$/));
    await expect.element(button('Invite more')).toBeVisible();
    await userEvent.click(button('Done'));
    await userEvent.click(trigger());
    await expect.element(page.getByRole('heading', { name: '1 sent' })).toBeVisible();
  });

  // ── more than the requirements ────────────────────────────────────────────────────────────────────
  it('open is controllable (open + onOpenChange), and a close while sending is still asked first', async () => {
    const changes: boolean[] = [];
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Open from the host
          </button>
          <BulkInviteDialog
            trigger={null}
            open={open}
            onOpenChange={(next) => {
              changes.push(next);
              setOpen(next);
            }}
            adapter={vendorWith({ latencyMs: 400, maxBatchSize: 1 })}
            concurrency={1}
            sendOptions={FAST}
          />
        </>
      );
    }
    await render(<Host />);
    expect(page.getByRole('button', { name: 'Invite people' }).elements()).toHaveLength(0);
    await userEvent.click(page.getByRole('button', { name: 'Open from the host' }));
    await expect.element(recipients()).toHaveFocus();
    await review('a@x.io\nb@x.io\nc@x.io');
    await userEvent.click(button(/^Send 3 invitations$/));
    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('alertdialog')).toBeVisible();
    expect(changes).toEqual([]);
    await userEvent.click(button('Keep sending'));
    await expect.element(button('Invite more'), { timeout: 10_000 }).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog()).not.toBeInTheDocument();
    expect(changes).toEqual([false]);
    // No trigger of its own: the focus goes back to what opened it.
    await expect.element(page.getByRole('button', { name: 'Open from the host' })).toHaveFocus();
  });

  it('the whole flow by keyboard only: paste, fix a typo, send, retry, invite more', async () => {
    let failing = true;
    const vendor = vendorWith({ maxBatchSize: 1, fault: (request) => (failing && request.emails[0] === 'bob@x.io' ? { kind: 'error', code: 'TIMEOUT' } : null) });
    await render(<BulkInviteDialog adapter={vendor} sendOptions={FAST} />);
    await userEvent.tab();
    await expect.element(trigger()).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(recipients()).toHaveFocus();
    await userEvent.keyboard('ann@gmial.com{Enter}bob@x.io');
    // Ctrl+Enter is the compose step's submit.
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await expect.element(grid()).toBeVisible();
    await expect.poll(() => document.querySelector('[role="row"][data-row-id]')).toBeTruthy();
    // Into the grid (one tab stop: its first row) and to the typo's "Fix" button.
    await tabTo(() => rows()[0]!);
    await userEvent.tab(); // address
    await userEvent.tab(); // name
    await userEvent.tab(); // role
    await userEvent.tab(); // Fix
    await expect.element(page.getByRole('button', { name: 'Fix: change ann@gmial.com to ann@gmail.com' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(addresses).toEqual(['ann@gmail.com', 'bob@x.io']);
    await tabTo(() => button(/^Send 2 invitations$/).element());
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('heading', { name: '1 sent, 1 failed' })).toHaveFocus();
    failing = false;
    await tabTo(() => button('Retry failed').element());
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('heading', { name: '2 sent' })).toHaveFocus();
    await tabTo(() => button('Invite more').element());
    await userEvent.keyboard(' ');
    await expect.element(recipients()).toHaveFocus();
    expect([...vendor.created.keys()].sort()).toEqual(['ann@gmail.com', 'bob@x.io']);
  });

  it('a column choice when the header leaves the address column in doubt', async () => {
    await openDialog();
    // Two unnamed columns of addresses: the core takes the one with more distinct addresses.
    await userEvent.fill(recipients(), 'a,b\nann@x.io,boss@x.io\nbob@x.io,boss@x.io\ncat@x.io,boss2@x.io');
    await userEvent.click(button('Review'));
    const question = page.getByRole('group', { name: 'Which column holds the addresses to invite?' });
    await expect.element(question).toBeVisible();
    await userEvent.click(page.getByRole('radio', { name: /^b / }));
    await userEvent.click(button('Use this column'));
    await expect.element(grid()).toBeVisible();
    await expect.poll(addresses).toEqual(['boss@x.io', 'boss@x.io', 'boss2@x.io']);
  });

  it('speaks German, with the core\'s reasons in German too', async () => {
    await render(<BulkInviteDialog adapter={vendorWith()} locale={german} sendOptions={FAST} />);
    await userEvent.click(page.getByRole('button', { name: 'Personen einladen' }));
    await userEvent.fill(page.getByLabelText('E-Mail-Adressen'), 'anna@x.io\nkaputt\nANNA@x.io');
    await userEvent.click(page.getByRole('button', { name: 'Prüfen', exact: true }));
    await expect.element(page.getByRole('grid', { name: 'Einzuladende Zeilen' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: '3 Zeilen' })).toBeVisible();
    await expect.poll(() => rowOf('kaputt')?.textContent).toContain('keine gültige E-Mail-Adresse');
    expect(rows()[2]!.textContent).toContain('Doppelt zu Zeile 1');
    await userEvent.click(page.getByRole('button', { name: '2 Einladungen senden' }));
    await expect.element(page.getByRole('region', { name: 'Es gibt ein Problem' })).toHaveFocus();
  });

  it('a 100,000-row list reads in the Worker and the review keeps fewer than 200 rows in the DOM', async () => {
    const lines = ['Email,Name'];
    for (let i = 0; i < 100_000; i++) lines.push(`user.${i}@example.com,User ${i}`);
    const file = new File([lines.join('\n')], 'people.csv', { type: 'text/csv' });
    const longest = { ms: 0 };
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    await openDialog();
    await userEvent.upload(page.getByLabelText('Upload a file'), file);
    await expect.element(grid(), { timeout: 60_000 }).toBeVisible();
    await expect.element(button('100,000 rows')).toBeVisible();
    await expect.element(grid()).toHaveAttribute('aria-rowcount', '100001');
    expect(rows().length).toBeLessThan(200);
    // To the end by keyboard: the last row renders, with its absolute index.
    rows()[0]!.focus();
    await userEvent.keyboard('{End}');
    await expect.poll(() => (document.activeElement as HTMLElement).getAttribute('aria-rowindex')).toBe('100001');
    expect(rows().length).toBeLessThan(200);
    observer.disconnect();
    console.log(`100,000 rows: longest main-thread task ${longest.ms.toFixed(0)} ms`);
  }, 120_000);
});
