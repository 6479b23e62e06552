import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { BulkInviteDialog } from '../src/components/dialog/index.ts';
import { BulkInviteProvider } from '../src/react/index.ts';
import { createDemoMock, type DemoScenario, type VendorId } from '../demo/mock.ts';
import { KNOWN_PEOPLE, vendorSetup } from '../demo/vendors.ts';

/**
 * The dialog on each vendor's mock (msw's worker, started by msw-storybook-addon with
 * `parameters.msw.handlers`), set up as a host sets it up: the adapter behind its own proxy path, the
 * vendor's own choices (Wix policies; AthenaHQ websites or groups and invite method; Confident AI
 * project and role; Diga role), a members lookup, and Resend where the vendor has it.
 */

/** One backend for the file's stories; each story starts from the fixtures. */
const mock = createDemoMock();

function VendorDialog({ vendor }: { vendor: VendorId }) {
  const { config } = vendorSetup(vendor, 'en', mock);
  return (
    <BulkInviteProvider {...config}>
      <BulkInviteDialog sendOptions={{ retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 } }} />
    </BulkInviteProvider>
  );
}

const meta = {
  title: 'Components/BulkInviteDialog/Vendors',
  component: VendorDialog,
  parameters: { layout: 'centered', msw: { handlers: mock.handlers } },
  args: { vendor: 'diga' },
  argTypes: { vendor: { control: 'select', options: ['diga', 'wix', 'confident-ai', 'athenahq'] } },
  beforeEach: () => {
    mock.reset();
    mock.setScenario('ok');
  },
} satisfies Meta<typeof VendorDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

const screen = () => within(document.body);

/** Paste new people and the vendor's known member and pending invitation; review; send; see the results. */
function flow(vendor: VendorId, options: { scenario?: DemoScenario; send?: RegExp; done: RegExp; choose?: () => Promise<void> }): Story['play'] {
  return async () => {
    if (options.scenario) mock.setScenario(options.scenario);
    const known = KNOWN_PEOPLE[vendor];
    await userEvent.click(screen().getByRole('button', { name: 'Invite people' }));
    const field = await screen().findByLabelText('Email addresses');
    await userEvent.click(field);
    await userEvent.paste(['ada@newco.example', 'Grace Hopper <grace@newco.example>', known.member, known.pending, 'linus@newco'].join('\n'));
    await userEvent.click(screen().getByRole('button', { name: 'Review' }));
    const grid = await screen().findByRole('grid', { name: 'Rows to invite' });
    // The members lookup marks the vendor's own member and pending invitation.
    await waitFor(() => expect(grid.querySelectorAll('[role="row"][data-state="member"]').length).toBe(1));
    await expect(grid.querySelectorAll('[role="row"][data-state="pending"]').length).toBe(1);
    await options.choose?.();
    await userEvent.click(screen().getAllByRole('button', { name: options.send ?? /^Send 2 valid, skip 3$/ })[0]!);
    await expect(await screen().findByRole('heading', { name: options.done }, { timeout: 30_000 })).toBeVisible();
    await expect(await screen().findByRole('table', { name: 'Invitation results' }, { timeout: 10_000 })).toBeVisible();
  };
}

export const Diga: Story = { args: { vendor: 'diga' }, play: flow('diga', { done: /^2 sent$/ }) };

/** Wix: site roles are policies, a required choice; a pending invite can be sent again. */
export const Wix: Story = {
  args: { vendor: 'wix' },
  play: flow('wix', {
    done: /^2 sent$/,
    choose: async () => {
      await expect(screen().getByRole('group', { name: /Site roles/ })).toBeVisible();
      await expect(screen().getByRole('button', { name: 'Resend' })).toBeVisible();
    },
  }),
};

/** Confident AI: the project to invite into, and the project role per row. */
export const ConfidentAi: Story = {
  args: { vendor: 'confident-ai' },
  play: flow('confident-ai', {
    done: /^2 sent$/,
    choose: async () => {
      await expect(screen().getByLabelText(/Project/)).toBeVisible();
      await userEvent.selectOptions(screen().getByRole('combobox', { name: 'Role, row 2' }), 'Analyst');
    },
  }),
};

/** AthenaHQ: websites or groups, and how to add people (an email, or directly). */
export const AthenaHq: Story = {
  args: { vendor: 'athenahq' },
  play: flow('athenahq', {
    done: /^2 sent$/,
    choose: async () => {
      await expect(screen().getByRole('group', { name: 'Websites' })).toBeVisible();
      await userEvent.selectOptions(screen().getByLabelText(/How to add people/), 'direct');
    },
  }),
};

/** Under `scenario`: opens the dialog, pastes 20 new addresses, reviews them and sends. */
async function sendTwenty(scenario: Parameters<typeof mock.setScenario>[0]) {
  mock.setScenario(scenario);
    await userEvent.click(screen().getByRole('button', { name: 'Invite people' }));
    await userEvent.click(await screen().findByLabelText('Email addresses'));
    await userEvent.paste(Array.from({ length: 20 }, (_, i) => `person${i}@newco.example`).join('\n'));
    await userEvent.click(screen().getByRole('button', { name: 'Review' }));
    await screen().findByRole('grid', { name: 'Rows to invite' });
    await userEvent.click(screen().getByRole('button', { name: 'Send 20 invitations' }));
}

/** Diga behind a rate limit: the dialog pauses and says for how long, then resumes by itself. */
export const DigaRateLimited: Story = {
  args: { vendor: 'diga' },
  play: async () => {
    await sendTwenty('rate-limited');
    await expect(await screen().findByText(/^Paused by the rate limit — resuming in \d+ s$/, {}, { timeout: 15_000 })).toBeVisible();
  },
};

/** Diga with a key that expires: the run stops, says why, and keeps the rest to send later. */
export const DigaAuthExpired: Story = {
  args: { vendor: 'diga' },
  play: async () => {
    await sendTwenty('auth-expired');
    await expect(await screen().findByRole('heading', { name: /^Stopped: / }, { timeout: 15_000 })).toBeVisible();
    await expect(screen().getByRole('button', { name: /^Send the other \d+$/ })).toBeVisible();
  },
};
