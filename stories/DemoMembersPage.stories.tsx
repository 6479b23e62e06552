import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createDemoMock } from '../demo/mock.ts';
import { MembersPage } from '../demo/MembersPage.tsx';
import '../demo/demo.css';

/** One backend for the file's stories; each story starts from the fixtures and the `ok` scenario. */
const mock = createDemoMock();

const meta = {
  title: 'Demo/Members page',
  component: MembersPage,
  // The addon's worker (the only one) answers with the demo's vendor mocks.
  parameters: { layout: 'fullscreen', msw: { handlers: mock.handlers } },
  args: { mock },
  argTypes: { mock: { control: false, table: { disable: true } }, onSettingsChange: { table: { disable: true } } },
  beforeEach: () => {
    mock.reset();
    mock.setScenario('ok');
  },
  // The toolbar's theme and language are where the page starts.
  render: (args, { globals }) => (
    <MembersPage {...args} initial={{ theme: globals.theme === 'dark' ? 'dark' : 'light', language: globals.locale === 'de' ? 'de' : 'en', ...args.initial }} />
  ),
} satisfies Meta<typeof MembersPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The page as `npm run dev` opens it: Diga, the `ok` scenario, the fixture's members and invitation. */
export const Diga: Story = {
  // The stories whose play functions read English words start in English whatever the toolbar says.
  args: { initial: { language: 'en' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
    const vendor = canvas.getByLabelText('Vendor');
    await expect([...(vendor as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Diga', 'Wix', 'Confident AI', 'AthenaHQ']);
    const scenario = canvas.getByLabelText('Scenario');
    await expect([...(scenario as HTMLSelectElement).options].map((o) => o.value)).toEqual(['ok', 'slow', 'flaky', 'rate-limited', 'auth-expired', 'partial']);
    const table = canvas.getByRole('table');
    await expect(within(table).getByRole('rowheader', { name: /ben@acme\.example/ })).toBeVisible();
    await expect(within(table).getByRole('rowheader', { name: /dan@acme\.example/ })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Invite people' })).toBeVisible();
  },
};

/** Switching the vendor shows that vendor's members: Wix's contributors and invites. */
export const SwitchVendor: Story = {
  args: { initial: { language: 'en' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText('Vendor'), 'wix');
    await expect(await canvas.findByRole('rowheader', { name: /dana\.cohen@example\.com/ })).toBeVisible();
    await expect(canvas.getByText('People with access to Rivera Ceramics.')).toBeVisible();
  },
};

export const ConfidentAi: Story = { args: { initial: { vendor: 'confident-ai' } } };
export const AthenaHq: Story = { args: { initial: { vendor: 'athenahq' } } };

/** The page and the kit in German. */
export const German: Story = {
  args: { initial: { language: 'de' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 1, name: 'Mitglieder' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Personen einladen' })).toBeVisible();
  },
};

export const Dark: Story = { args: { initial: { theme: 'dark' } } };

/**
 * The whole flow on the mock: paste the sample list, review, send the valid rows, and the members table
 * gains the new invitations.
 */
export const InviteTheSampleList: Story = {
  args: { initial: { language: 'en' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    const sample = (canvas.getByLabelText('Pasted from an email') as HTMLTextAreaElement).value;
    await userEvent.click(canvas.getByRole('button', { name: 'Invite people' }));
    const dialog = await page.findByRole('dialog', { name: 'Invite people' });
    const recipients = within(dialog).getByLabelText('Email addresses');
    await userEvent.click(recipients);
    await userEvent.paste(sample);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Review' }));
    const skip = await within(dialog).findByRole('button', { name: /^Send \d+ valid, skip \d+$/ });
    await userEvent.click(skip);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Done' })).toBeVisible(), { timeout: 20_000 });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(canvas.getByRole('rowheader', { name: /priya\.natarajan@northwind\.example/ })).toBeVisible(), { timeout: 5_000 });
    // The fixture's one pending invitation and the fourteen new ones; the member and the pending row were left out.
    await waitFor(() => expect(canvas.getByText('2 members · 15 pending invitations')).toBeVisible());
  },
};
