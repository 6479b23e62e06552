import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { IntakeDemo } from '../demo/IntakeDemo.tsx';

const meta = {
  title: 'Demo/Intake check',
  component: IntakeDemo,
} satisfies Meta<typeof IntakeDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The page as it opens: an example Outlook paste, nothing checked yet. */
export const Empty: Story = {};

/** Pasting an Outlook To: line and a stray word; every row shows its state and reason. */
export const PastedOutlookLine: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText('Pasted list');
    await userEvent.clear(input);
    await userEvent.type(input, 'To: Smith, John <john@example.com>; Doe, Jane <JANE@example.com>{enter}jane@example.com{enter}nobody');
    await userEvent.click(canvas.getByRole('button', { name: 'Check pasted list' }));
    await expect(canvas.getByRole('status', { name: 'Check result' })).toHaveTextContent('4 rows — 2 valid, 1 invalid, 1 duplicate');
    const rows = canvas.getAllByRole('row').slice(1);
    await expect(rows.map((row) => row.getAttribute('data-state'))).toEqual(['valid', 'valid', 'duplicate', 'invalid']);
    await expect(rows[2]).toHaveTextContent('jane@example.com is already listed on line 1.');
    await expect(rows[3]).toHaveTextContent('"nobody" is not a valid e-mail address: it has no @.');
  },
};

/** User text is rendered as text: markup in a pasted name never becomes HTML. */
export const MarkupStaysText: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText('Pasted list');
    await userEvent.clear(input);
    await userEvent.type(input, 'email,name{enter}ann@example.com,<img src=x onerror=alert(1)>');
    await userEvent.click(canvas.getByRole('button', { name: 'Check pasted list' }));
    await expect(canvas.getByRole('status', { name: 'Check result' })).toHaveTextContent('1 row — 1 valid');
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvas.getAllByRole('row')[1]).toHaveTextContent('ann@example.com<img src=x onerror=alert(1)>');
  },
};

/** Sending the checked rows through the engine and the Diga adapter to the mock in a service worker. */
export const SendsToDigaMock: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Check pasted list' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Send 4 invitations' }));
    const progress = canvas.getByRole('status', { name: 'Sending progress' });
    await waitFor(() => expect(progress).toHaveTextContent('done: 4 sent, 0 skipped, 0 failed, 0 pending, 0 to go.'), { timeout: 10_000 });
  },
};
