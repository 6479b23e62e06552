/**
 * BulkInviteDialog on the vendor mocks (msw's service worker answering as each vendor does), set up as a
 * host sets it up (the demo's `vendorSetup`: adapters, the vendor's own choices, roles, members lookup,
 * Resend): the whole flow per vendor (paste → fix a row → send → results → retry failed → export),
 * and a rate-limit storm that pauses and resumes by itself.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createDemoMock, type DemoMock, type VendorId } from '../../../demo/mock.ts';
import { vendorSetup } from '../../../demo/vendors.ts';
import { startMockWorker, type MockWorker } from '../../../mocks/browser.ts';
import { BulkInviteProvider } from '../../react/index.ts';
import '../styles.css';
import { BulkInviteDialog } from './index.ts';
import { catchDownloads, downloadText } from '../../e2e/harness.tsx';

const button = (name: string | RegExp) => page.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });
const grid = () => page.getByRole('grid', { name: 'Rows to invite' });

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[role="grid"] [role="row"][data-row-id]')].sort(
    (a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')),
  );
}
const addressOf = (row: HTMLElement) => (row.querySelector('[data-rbi-focus="address"]') as HTMLInputElement).value;
const rowOf = (email: string) => rows().find((row) => addressOf(row) === email);

let worker: MockWorker;
let mock: DemoMock;

beforeAll(async () => {
  worker = await startMockWorker();
});
afterAll(() => worker.stop());
beforeEach(async () => {
  await page.viewport(1200, 820);
  mock = createDemoMock();
  worker.worker.resetHandlers();
  worker.worker.use(...mock.handlers);
});
afterEach(() => vi.restoreAllMocks());

async function start(vendor: VendorId) {
  const { config } = vendorSetup(vendor, 'en', mock);
  await render(
    <BulkInviteProvider {...config}>
      <BulkInviteDialog sendOptions={{ retry: { maxAttempts: 2, baseDelayMs: 50, maxDelayMs: 200 } }} />
    </BulkInviteProvider>,
  );
  await userEvent.click(page.getByRole('button', { name: 'Invite people' }));
  await expect.element(page.getByRole('dialog', { name: 'Invite people' })).toBeVisible();
}

async function review(text: string) {
  await userEvent.fill(page.getByLabelText('Email addresses'), text);
  await userEvent.click(button('Review'));
  await expect.element(grid()).toBeVisible();
  await expect.poll(() => rows().length).toBeGreaterThan(0);
}

describe('BulkInviteDialog on the vendor mocks', () => {
  it('Diga: paste, fix a typo, members marked and left out, send, results, export', async () => {
    await start('diga');
    await review('Ann Lee <ann@gmial.com>\nbob@newco.example\nBen Okafor <ben@acme.example>\ndan@acme.example\nnot an address');
    // The members lookup marks the fixture's member and pending invitation.
    await expect.poll(() => rowOf('ben@acme.example')?.dataset.state).toBe('member');
    expect(rowOf('dan@acme.example')!.dataset.state).toBe('pending');
    await userEvent.click(page.getByRole('button', { name: 'Fix: change ann@gmial.com to ann@gmail.com' }));
    await expect.poll(() => rowOf('ann@gmail.com')?.dataset.state).toBe('valid');
    await userEvent.click(button('Remove not an address'));
    await userEvent.click(button(/^Send 2 invitations$/));
    await expect.element(page.getByRole('heading', { name: '2 sent' }), { timeout: 15_000 }).toBeVisible();
    const table = page.getByRole('table', { name: 'Invitation results' });
    await expect.element(table).toBeVisible();
    const files = catchDownloads();
    await userEvent.click(button('Export CSV'));
    await expect.poll(() => files.length).toBe(1);
    const csv = await downloadText(files[0]!);
    expect(csv).toContain('ann@gmail.com');
    expect(csv).toContain('bob@newco.example');
    // The store holds the two new invitations.
    expect(mock.members('diga').filter((m) => m.status === 'invited').map((m) => m.email)).toEqual(expect.arrayContaining(['ann@gmail.com', 'bob@newco.example']));
  });

  it('Diga: a rate-limit storm shows "Paused by the rate limit — resuming in N s" and finishes by itself', async () => {
    mock.setScenario('rate-limited');
    await start('diga');
    await review(Array.from({ length: 20 }, (_, i) => `person${i}@newco.example`).join('\n'));
    await userEvent.click(button(/^Send 20 invitations$/));
    await expect.element(page.getByText(/^Paused by the rate limit — resuming in \d+ s$/), { timeout: 15_000 }).toBeVisible();
    await expect.element(page.getByRole('heading', { name: '20 sent' }), { timeout: 60_000 }).toBeVisible();
  }, 90_000);

  it('Wix: its roles are policies, chosen in the review; a pending invite offers Resend', async () => {
    await start('wix');
    await expect.element(page.getByRole('dialog')).toBeVisible();
    const { WIX_FIXTURE_PENDING_EMAIL } = await import('../../../mocks/wix/index.ts');
    await review(`new.person@studio.example\n${WIX_FIXTURE_PENDING_EMAIL}`);
    const policies = page.getByRole('group', { name: /Site roles/ });
    await expect.element(policies).toBeVisible();
    await expect.poll(() => rowOf(WIX_FIXTURE_PENDING_EMAIL)?.dataset.state).toBe('pending');
    rowOf(WIX_FIXTURE_PENDING_EMAIL)!.focus();
    await userEvent.click(page.getByRole('row').filter({ hasText: 'Pending invitation' }).getByRole('button', { name: 'Resend' }));
    await expect.element(page.getByText('Sent again', { exact: true })).toBeVisible();
    await userEvent.click(button(/^Send 1 invitation$/));
    await expect.element(page.getByRole('heading', { name: '1 sent' }), { timeout: 15_000 }).toBeVisible();
  });

  it('AthenaHQ: websites or groups and the invite method are the vendor\'s own choices; an adapter that refuses them is a problem', async () => {
    await start('athenahq');
    await review('ava@newco.example\nbo@newco.example');
    // No website and no group: the adapter refuses to be made, and the error summary says why.
    const websites = page.getByRole('group', { name: 'Websites' });
    for (const box of websites.getByRole('checkbox').elements() as HTMLInputElement[]) if (box.checked) await userEvent.click(box);
    await userEvent.click(button(/^Send 2 invitations$/));
    const summary = page.getByRole('region', { name: 'There is a problem' });
    await expect.element(summary).toHaveFocus();
    await expect.element(summary).toHaveTextContent(/website/i);
    await userEvent.click(websites.getByRole('checkbox').first());
    await userEvent.selectOptions(page.getByLabelText(/How to add people/), 'direct');
    await userEvent.click(button(/^Send 2 invitations$/));
    await expect.element(page.getByRole('heading', { name: '2 sent' }), { timeout: 15_000 }).toBeVisible();
  });

  it('Confident AI: the project role per row, sent to the chosen project', async () => {
    await start('confident-ai');
    await review('cleo@newco.example\ndev@newco.example');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Role, row 2' }), 'Analyst');
    await expect.element(page.getByLabelText(/Project/)).toBeVisible();
    await userEvent.click(button(/^Send 2 invitations$/));
    await expect.element(page.getByRole('heading', { name: '2 sent' }), { timeout: 15_000 }).toBeVisible();
  });

  it('flaky vendor: "Retry failed" sends only what failed, and never a sent address again', async () => {
    mock.setScenario('flaky');
    await start('diga');
    await review(Array.from({ length: 30 }, (_, i) => `p${i}@newco.example`).join('\n'));
    await userEvent.click(button(/^Send 30 invitations$/));
    await expect.element(button('Invite more'), { timeout: 30_000 }).toBeVisible();
    for (let attempt = 0; attempt < 5 && document.querySelector('button') && page.getByRole('button', { name: 'Retry failed', exact: true }).elements().length > 0; attempt++) {
      await userEvent.click(button('Retry failed'));
      await expect.element(button('Invite more'), { timeout: 30_000 }).toBeVisible();
    }
    const invited = mock.members('diga').filter((m) => m.status === 'invited' && m.email.endsWith('@newco.example'));
    // Each address at most once in the vendor's store.
    expect(new Set(invited.map((m) => m.email)).size).toBe(invited.length);
  }, 120_000);
});
