import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { InviteRun, RunSnapshot } from '../src/core/index.ts';
import { InviteResultsTable } from '../src/components/results-table/index.ts';
import { constructedSnapshot, finishedRun, sendingRun, type FinishedRun } from './results-fixtures.ts';

/**
 * The results table on its own, for any run. Runs come from the fake vendor (in process, no network) or
 * are constructed; the theme and the language are the toolbar's (`globals`), set per story where it matters.
 */
const meta = {
  title: 'Components/InviteResultsTable',
  component: InviteResultsTable,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof InviteResultsTable>;

export default meta;
type Story = StoryObj<typeof meta>;

type Loaded = { mixed?: FinishedRun; big?: RunSnapshot };

const table = (canvas: HTMLElement, name = 'Invitation results') => within(canvas).getByRole('table', { name });
const bodyRows = (element: HTMLElement) => [...element.querySelectorAll('tbody > tr:not([aria-hidden])')] as HTMLTableRowElement[];

/** Nothing sent yet: the filters at zero and a word saying so. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(table(canvasElement)).toBeVisible();
    await expect(canvas.getByText('Nothing has been sent yet.')).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('Showing 0 of 0');
  },
};

/** A run while it sends: some sent, one failed, two requests out, the rest queued. */
function LiveRun() {
  const [run, setRun] = useState<InviteRun>();
  useEffect(() => {
    const sending = sendingRun(40);
    setRun(sending.run);
    return sending.stop;
  }, []);
  return <InviteResultsTable run={run} />;
}

export const Sending: Story = {
  render: () => <LiveRun />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(bodyRows(table(canvasElement))).toHaveLength(40));
    await waitFor(() => expect(canvas.getByRole('button', { name: /^Sending \d+$/ })).toBeVisible());
    await expect(canvas.getByRole('button', { name: /^Queued \d+$/ })).toBeVisible();
    await expect(canvasElement.querySelector('.rbi-results-table')).toHaveAttribute('data-state', 'sending');
    await expect(canvas.getByRole('rowheader', { name: 'person.1@example.com' })).toBeVisible();
  },
};

const withMixed = { loaders: [async (): Promise<Loaded> => ({ mixed: await finishedRun() })] };

/** A finished run: sent, skipped, failed (the vendor's words), pending (the key was revoked), invalid and duplicate rows. */
export const Finished: Story = {
  ...withMixed,
  render: (_args, { loaded }) => <InviteResultsTable snapshot={(loaded as Loaded).mixed!.snapshot} rows={(loaded as Loaded).mixed!.rows} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const rows = bodyRows(table(canvasElement));
    await expect(rows).toHaveLength(10);
    await expect(rows.map((row) => row.dataset.state)).toEqual(['sent', 'sent', 'skipped', 'invalid', 'duplicate', 'failed', 'sent', 'pending', 'pending', 'pending']);
    await expect(canvas.getAllByRole('rowheader').map((cell) => cell.textContent)).toContain('eve@example.com');
    await expect(rows[4]).toHaveTextContent('Duplicate of row 1');
    // Numbered as the review numbers them (the header is not a row): Ann is row 1, her repeat row 5.
    await expect(rows[4]!.querySelector('.rbi-results-line')).toHaveTextContent(/^5$/);
    await expect(rows[5]).toHaveTextContent(/Failed: .+/);
    // Markup in a name stays text.
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvas.getByRole('status')).toHaveTextContent('Showing 10 of 10');
    // Exactly one header says how the table is sorted.
    await expect(canvasElement.querySelectorAll('th[aria-sort]')).toHaveLength(1);
  },
};

/** Filtered to the failures by a count button, then to what was skipped; the search narrows further. */
export const Filtered: Story = {
  ...withMixed,
  render: (_args, { loaded }) => <InviteResultsTable snapshot={(loaded as Loaded).mixed!.snapshot} rows={(loaded as Loaded).mixed!.rows} defaultFilter="failed" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByRole('status');
    await expect(status).toHaveTextContent('Showing 1 of 10');
    await expect(canvas.getByRole('button', { name: 'Failed 1' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Pending 3' }));
    await expect(status).toHaveTextContent('Showing 3 of 10');
    await userEvent.type(canvas.getByLabelText('Search results'), 'hal@');
    await waitFor(() => expect(status).toHaveTextContent('Showing 1 of 10'));
    await expect(canvas.getByRole('rowheader')).toHaveTextContent('hal@example.com');
  },
};

/** Sorted by a header's button: the address, descending. */
export const Sorted: Story = {
  ...withMixed,
  render: (_args, { loaded }) => <InviteResultsTable snapshot={(loaded as Loaded).mixed!.snapshot} rows={(loaded as Loaded).mixed!.rows} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const address = canvas.getByRole('button', { name: 'Address' });
    await userEvent.click(address);
    await userEvent.click(address);
    await expect(canvas.getByRole('columnheader', { name: 'Address' })).toHaveAttribute('aria-sort', 'descending');
    await expect(canvasElement.querySelectorAll('th[aria-sort]')).toHaveLength(1);
    await waitFor(() => expect(canvas.getAllByRole('rowheader')[0]).toHaveTextContent('not-an-address'));
  },
};

/** 100,000 rows: only those in view are in the DOM; the table says how many there are and where each row sits. */
export const HundredThousandRows: Story = {
  loaders: [async (): Promise<Loaded> => ({ big: constructedSnapshot(100_000) })],
  render: (_args, { loaded }) => <InviteResultsTable snapshot={(loaded as Loaded).big!} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const element = table(canvasElement);
    await waitFor(() => expect(element).toHaveAttribute('aria-rowcount', '100001'), { timeout: 20_000 });
    await expect(canvas.getByRole('status')).toHaveTextContent('Showing 100,000 of 100,000');
    const region = canvas.getByRole('region', { name: 'Invitation results' });
    let most = 0;
    for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
      region.scrollTop = (region.scrollHeight - region.clientHeight) * fraction;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      most = Math.max(most, element.querySelectorAll('tr').length);
    }
    await waitFor(() => expect(bodyRows(element).at(-1)).toHaveAttribute('aria-rowindex', '100001'));
    await expect(most).toBeLessThan(200);
    region.scrollTop = 0;
  },
};

/** The same finished run in German: long words, German numbers, the same layout. */
export const German: Story = {
  ...withMixed,
  globals: { locale: 'de' },
  render: (_args, { loaded }) => <InviteResultsTable snapshot={(loaded as Loaded).mixed!.snapshot} rows={(loaded as Loaded).mixed!.rows} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(table(canvasElement, 'Ergebnisse der Einladungen')).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('10 von 10 angezeigt');
    await expect(canvas.getByRole('button', { name: 'CSV exportieren' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Fehlgeschlagen 1' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('1 von 10 angezeigt');
    await expect(canvas.getByLabelText('Ergebnisse durchsuchen')).toBeVisible();
  },
};

/** German with 2,500 rows: thousands separators in the counts. */
export const GermanLarge: Story = {
  globals: { locale: 'de' },
  loaders: [async (): Promise<Loaded> => ({ big: constructedSnapshot(2_500) })],
  render: (_args, { loaded }) => <InviteResultsTable snapshot={(loaded as Loaded).big!} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('2.500 von 2.500 angezeigt');
    await expect(table(canvasElement, 'Ergebnisse der Einladungen')).toHaveAttribute('aria-rowcount', '2501');
  },
};

/** The finished run in the dark theme. */
export const Dark: Story = {
  ...withMixed,
  globals: { theme: 'dark' },
  render: (_args, { loaded }) => <InviteResultsTable snapshot={(loaded as Loaded).mixed!.snapshot} rows={(loaded as Loaded).mixed!.rows} />,
  play: async ({ canvasElement }) => {
    await expect(document.documentElement).toHaveClass('rbi-theme-dark');
    await expect(bodyRows(table(canvasElement))).toHaveLength(10);
  },
};

/** In a narrow box (a phone, a side panel), in German: each row stacks; it is still a table of rows. */
export const NarrowGerman: Story = {
  ...withMixed,
  globals: { locale: 'de' },
  decorators: [(Story) => <div style={{ maxWidth: 360 }}>{Story()}</div>],
  render: (_args, { loaded }) => <InviteResultsTable snapshot={(loaded as Loaded).mixed!.snapshot} rows={(loaded as Loaded).mixed!.rows} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const element = table(canvasElement, 'Ergebnisse der Einladungen');
    await expect(within(element).getAllByRole('rowheader')).toHaveLength(10);
    const row = bodyRows(element)[0]!;
    await expect(row.querySelector('.rbi-results-status')!.getBoundingClientRect().top).toBeGreaterThan(row.querySelector('th')!.getBoundingClientRect().bottom - 1);
    await expect(canvas.getByRole('columnheader', { name: 'Zeile' })).toHaveAttribute('aria-sort', 'ascending');
  },
};
