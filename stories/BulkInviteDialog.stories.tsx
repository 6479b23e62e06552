import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { BulkInvite, BulkInviteDialog } from '../src/components/dialog/index.ts';
import { createInviteDraft, type IntakeWorker, type InviteDraft } from '../src/core/index.ts';
import { createFakeVendor, type FakeVendorOptions } from '../src/core/testing/index.ts';

/**
 * The bulk-invite dialog, step by step and state by state, on an in-process fake vendor (the vendors'
 * own mocks are in "BulkInviteDialog/Vendors"). Each story's play function drives it as a person would;
 * axe checks the page (the portalled dialog included) after it.
 */

const vendor = (options: FakeVendorOptions = {}) => createFakeVendor({ maxBatchSize: 5, ...options });

/** The dialog is portalled to <body>: queries go to the whole document. */
const screen = () => within(document.body);

/** A list with every kind of row: valid, invalid, a duplicate, a typo, a member, a pending invitation. */
const MIXED = [
  'Ann Lee <ann@example.com>',
  'bob@example.com',
  'not-an-address',
  'ANN@example.com',
  'carla@gmial.com',
  'Mia Member <mia@example.com>',
  'pat@example.com',
  'dan@example.com; eve@example.com',
  'fay@@example.com',
].join('\n');

/** A draft holding MIXED, with Mia a member and Pat invited (as a host's `checkExisting` would say). */
function mixedDraft(): InviteDraft {
  const draft = createInviteDraft({
    roles: ['member', 'admin', 'viewer'],
    defaultRole: 'member',
    existing: [
      { email: 'mia@example.com', status: 'member' },
      { email: 'pat@example.com', status: 'invited' },
    ],
  });
  void draft.load(MIXED);
  return draft;
}

/** A Worker stand-in that reports progress and never finishes: the compose step's loading state, held still. */
function stuckWorker(): IntakeWorker {
  const worker: IntakeWorker = {
    onmessage: null,
    onerror: null,
    postMessage() {
      setTimeout(() => worker.onmessage?.({ data: { type: 'progress', bytes: 48_000_000, rows: 412_345, totalBytes: 120_000_000 } }), 20);
    },
    terminate() {},
  };
  return worker;
}

const meta = {
  title: 'Components/BulkInviteDialog',
  component: BulkInviteDialog,
  parameters: { layout: 'centered' },
  args: { adapter: vendor(), roles: ['member', 'admin', 'viewer'], defaultRole: 'member', sendOptions: { rateLimit: false } },
  argTypes: {
    adapter: { control: false },
    draft: { control: false },
    checkExisting: { control: false },
    resend: { control: false },
    locale: { control: false },
    messages: { control: false },
    targets: { control: false },
  },
} satisfies Meta<typeof BulkInviteDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

async function openFromTrigger() {
  await userEvent.click(screen().getByRole('button', { name: 'Invite people' }));
  const dialog = await screen().findByRole('dialog', { name: 'Invite people' });
  await waitFor(() => expect(dialog).toBeVisible());
}

async function toReview() {
  await userEvent.click(screen().getByRole('button', { name: 'Review' }));
  await expect(await screen().findByRole('grid', { name: 'Rows to invite' })).toBeVisible();
}

/** Closed: the trigger only. */
export const Trigger: Story = {
  play: async () => {
    await expect(screen().getByRole('button', { name: 'Invite people' })).toBeVisible();
  },
};

/** Compose, empty: the recipients field has the focus. */
export const ComposeEmpty: Story = {
  play: async () => {
    await openFromTrigger();
    await expect(screen().getByLabelText('Email addresses')).toHaveFocus();
    await expect(screen().getByLabelText('Upload a file')).toHaveAttribute('type', 'file');
  },
};

/** Compose, reading a large file in the Worker: a progress bar with the rows read, and a way to stop. */
export const ComposeLoading: Story = {
  args: { draft: createInviteDraft({ worker: stuckWorker, workerThreshold: 0 }) },
  play: async ({ args }) => {
    await openFromTrigger();
    void args.draft!.load(new File(['x'], 'everyone.csv'), { name: 'everyone.csv' });
    const bar = await screen().findByRole('progressbar', { name: 'Reading the list' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    await expect(screen().getByText('412,345 rows read')).toBeVisible();
    await expect(screen().getByRole('button', { name: 'Stop reading' })).toBeVisible();
  },
};

/** Compose, a refused file (an Excel workbook): said in the status region and on the step; rows already read stay. */
export const ComposeRefusedFile: Story = {
  args: { draft: mixedDraft() },
  play: async () => {
    await openFromTrigger();
    const workbook = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('[Content_Types].xml')]), new Uint8Array(600)], 'team.xlsx');
    await userEvent.upload(screen().getByLabelText('Upload a file'), workbook);
    await waitFor(() => expect(screen().getByRole('status')).toHaveTextContent(/team\.xlsx was not read/));
    await expect(screen().getByText(/rows are in the list already/)).toBeVisible();
  },
};

/** Review: invalid rows with their reasons, a duplicate, a typo to fix, a member and a pending invitation, live counts. */
export const ReviewRows: Story = {
  args: { draft: mixedDraft() },
  play: async () => {
    await openFromTrigger();
    await toReview();
    const grid = screen().getByRole('grid', { name: 'Rows to invite' });
    await waitFor(() => expect(grid.querySelectorAll('[role="row"][data-row-id]').length).toBe(10));
    await expect(screen().getByRole('button', { name: '10 rows' })).toBeVisible();
    await expect(grid.querySelectorAll('[aria-invalid="true"][role="row"]')).toHaveLength(2);
    await expect(within(grid).getByText('Duplicate of row 1')).toBeVisible();
    await expect(within(grid).getByText('Did you mean carla@gmail.com?')).toBeVisible();
    await expect(within(grid).getByText('Member')).toBeVisible();
    await expect(within(grid).getByText('Pending invitation')).toBeVisible();
  },
};

/** Review, after Send with problems: "There is a problem", a link per bad row, and "Send N valid, skip M". */
export const ReviewErrorSummary: Story = {
  args: { draft: mixedDraft() },
  play: async () => {
    await openFromTrigger();
    await toReview();
    await userEvent.click(screen().getByRole('button', { name: /^Send \d+ invitations$/ }));
    const summary = screen().getByRole('region', { name: 'There is a problem' });
    await expect(summary).toHaveFocus();
    await expect(within(summary).getAllByRole('link')).toHaveLength(2);
    await expect(screen().getAllByRole('button', { name: 'Send 5 valid, skip 5' })[0]).toBeVisible();
  },
};

/** The column choice: two unnamed columns of addresses. */
export const ColumnChoice: Story = {
  play: async () => {
    await openFromTrigger();
    await userEvent.type(screen().getByLabelText('Email addresses'), 'a,b{enter}ann@x.io,boss@x.io{enter}bob@x.io,boss@x.io');
    await userEvent.click(screen().getByRole('button', { name: 'Review' }));
    await expect(await screen().findByRole('group', { name: 'Which column holds the addresses to invite?' })).toBeVisible();
  },
};

/** Sending: the progress bar, the counts that add up, Pause and Cancel. */
export const Sending: Story = {
  args: { adapter: vendor({ latencyMs: 1500, maxBatchSize: 2 }), concurrency: 1, draft: mixedDraft() },
  play: async () => {
    await openFromTrigger();
    await toReview();
    await userEvent.click(screen().getAllByRole('button', { name: 'Send 5 valid, skip 5' })[0]!);
    const bar = await screen().findByRole('progressbar', { name: 'Sending progress' });
    await expect(bar).toHaveAttribute('aria-valuemax', '5');
    await expect(screen().getByRole('button', { name: 'Pause' })).toBeVisible();
  },
};

/** Sending, held by a 429: "Paused by the rate limit — resuming in N s", and it resumes by itself. */
export const RateLimitedPause: Story = {
  args: {
    adapter: vendor({ maxBatchSize: 2, fault: (request) => (request.number === 2 ? { kind: 'error', code: 'RATE_LIMITED', retryAfterMs: 30_000 } : null) }),
    concurrency: 1,
    draft: mixedDraft(),
  },
  play: async () => {
    await openFromTrigger();
    await toReview();
    await userEvent.click(screen().getAllByRole('button', { name: 'Send 5 valid, skip 5' })[0]!);
    await expect(await screen().findByText(/^Paused by the rate limit — resuming in \d+ s$/, {}, { timeout: 5000 })).toBeVisible();
  },
};

/** A close while sending asks first: "Stop sending? 2 of 5 sent". */
export const CancelConfirm: Story = {
  args: { adapter: vendor({ latencyMs: 3000, maxBatchSize: 1 }), concurrency: 1, draft: mixedDraft() },
  play: async () => {
    await openFromTrigger();
    await toReview();
    await userEvent.click(screen().getAllByRole('button', { name: 'Send 5 valid, skip 5' })[0]!);
    await screen().findByRole('progressbar', { name: 'Sending progress' });
    await userEvent.keyboard('{Escape}');
    const confirm = await screen().findByRole('alertdialog');
    await expect(confirm).toHaveAccessibleName(/^Stop sending\? \d of 5 sent$/);
    await expect(within(confirm).getByRole('button', { name: 'Keep sending' })).toHaveFocus();
  },
};

/** Results: sent, already there, failed (one retryable), invalid and duplicate rows; Retry failed, Copy, Export, Invite more. */
export const Results: Story = {
  args: {
    adapter: vendor({ maxBatchSize: 1, refuses: (email) => email === 'eve@example.com', fault: (request) => (request.emails[0] === 'dan@example.com' ? { kind: 'error', code: 'SERVER_ERROR' } : null) }),
    draft: mixedDraft(),
    sendOptions: { rateLimit: false, retry: { maxAttempts: 1 } },
  },
  play: async () => {
    await openFromTrigger();
    await toReview();
    await userEvent.click(screen().getAllByRole('button', { name: 'Send 5 valid, skip 5' })[0]!);
    await expect(await screen().findByRole('heading', { name: '3 sent, 2 failed' }, { timeout: 10_000 })).toHaveFocus();
    await expect(await screen().findByRole('table', { name: 'Invitation results' }, { timeout: 10_000 })).toBeVisible();
    await expect(screen().getByRole('button', { name: 'Retry failed' })).toBeVisible();
    await expect(screen().getByRole('button', { name: 'Export CSV' })).toBeVisible();
    await expect(screen().getByRole('button', { name: 'Copy failed addresses' })).toBeVisible();
    await expect(screen().getByRole('button', { name: 'Invite more' })).toBeVisible();
  },
};

/** German: the same review, every word from the German tables (the core's reasons too); long words wrap. */
export const German: Story = {
  globals: { locale: 'de' },
  args: { draft: mixedDraft() },
  play: async () => {
    await userEvent.click(screen().getByRole('button', { name: 'Personen einladen' }));
    await userEvent.click(await screen().findByRole('button', { name: 'Prüfen' }));
    await expect(await screen().findByRole('grid', { name: 'Einzuladende Zeilen' })).toBeVisible();
    await userEvent.click(screen().getByRole('button', { name: '7 Einladungen senden' }));
    await expect(screen().getByRole('region', { name: 'Es gibt ein Problem' })).toHaveFocus();
    await expect(screen().getAllByText(/keine gültige E-Mail-Adresse/).length).toBeGreaterThan(0);
  },
};

/** Dark theme (the toolbar's, on <html>), the review with problems. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { draft: mixedDraft() },
  play: async () => {
    await openFromTrigger();
    await toReview();
    await userEvent.click(screen().getByRole('button', { name: /^Send \d+ invitations$/ }));
    await expect(screen().getByRole('region', { name: 'There is a problem' })).toHaveFocus();
  },
};

/** Controlled: the host owns `open` (here a button of its own) and hears every change. */
export const Controlled: Story = {
  render: (args) => {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" className="rbi-button" onClick={() => setOpen(true)}>
          Add teammates
        </button>
        <BulkInviteDialog {...args} trigger={null} open={open} onOpenChange={setOpen} />
      </>
    );
  },
  play: async () => {
    await userEvent.click(screen().getByRole('button', { name: 'Add teammates' }));
    await expect(await screen().findByRole('dialog', { name: 'Invite people' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen().queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen().getByRole('button', { name: 'Add teammates' })).toHaveFocus());
  },
};

/** Composed from the parts: a host's own trigger text, no step list, the same steps. */
export const ComposedParts: Story = {
  render: (args) => (
    <BulkInvite.Root adapter={args.adapter} roles={args.roles} defaultRole={args.defaultRole} sendOptions={args.sendOptions}>
      <BulkInvite.Trigger>Invite people</BulkInvite.Trigger>
      <BulkInvite.Content>
        <div className="rbi-header">
          <div className="rbi-header-text">
            <BulkInvite.Title />
            <BulkInvite.Description />
          </div>
          <BulkInvite.Close />
        </div>
        <BulkInvite.Compose placeholder="one address per line" />
        <BulkInvite.Mapping />
        <BulkInvite.Review />
        <BulkInvite.Progress />
        <BulkInvite.Results />
      </BulkInvite.Content>
    </BulkInvite.Root>
  ),
  play: async () => {
    await openFromTrigger();
    await expect(screen().getByLabelText('Email addresses')).toHaveAttribute('placeholder', 'one address per line');
    await expect(screen().queryByRole('list', { name: 'Steps' })).toBeNull();
  },
};
