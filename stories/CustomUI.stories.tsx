import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
// What a host imports: the package's root entry, and the fake vendor from its testing entry.
import { useInviteDraft, useInviteSending, useResultsView, type ResultsFilter } from '../src/index.ts';
import { createFakeVendor } from '../src/core/testing/index.ts';

/**
 * A host's own UI on the hooks alone, none of the kit's components: a textarea, the checked rows with
 * their reasons, a send button, and the results with a status filter. Everything it shows comes from the
 * core's stores (`useInviteDraft`, `useInviteSending`, `useResultsView`); there is no logic here that a
 * non-React host would have to write again.
 */
function MinimalInvite() {
  const { draft, snapshot } = useInviteDraft({ roles: ['admin', 'member'], defaultRole: 'member' });
  const sending = useInviteSending();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<ResultsFilter>('all');
  const results = useResultsView(sending.snapshot, snapshot.rows, { filter });
  const { total, valid, invalid, duplicate } = snapshot.summary;

  const send = () => {
    const run = sending.start(draft.toInvitees());
    void run.send({ adapter: createFakeVendor({ refuses: (email) => email.startsWith('bounce') }), rateLimit: false });
  };

  return (
    <section aria-labelledby="custom-title" style={{ maxWidth: 640, fontFamily: 'system-ui, sans-serif', color: '#1a1a1a', background: '#fff', padding: 16 }}>
      <h2 id="custom-title">Invite your team</h2>
      {!sending.run ? (
        <>
          <label htmlFor="custom-text">Addresses</label>
          <textarea id="custom-text" rows={4} style={{ display: 'block', width: '100%' }} value={text} onChange={(event) => setText(event.target.value)} />
          <button type="button" onClick={() => void draft.load(text).then(() => setText(''))}>
            Check
          </button>
          <p role="status">
            {total} rows: {valid} valid, {invalid} invalid, {duplicate} duplicate
          </p>
          <ul aria-label="Checked rows">
            {snapshot.rows.map((row) => (
              <li key={row.id} data-state={row.status}>
                {row.email || '(no address)'}: {row.status}
                {row.message ? ` (${row.message})` : ''}{' '}
                <button type="button" aria-label={`Remove ${row.email || `row ${row.number}`}`} onClick={() => draft.remove(row.id)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
          <button type="button" disabled={valid === 0} onClick={send}>
            Send {valid}
          </button>
        </>
      ) : (
        <>
          <p role="status">
            {sending.snapshot?.status === 'done' ? 'Done' : 'Sending'}: {results.counts.sent ?? 0} sent, {results.counts.failed ?? 0} failed
          </p>
          <label htmlFor="custom-filter">Show</label>{' '}
          <select id="custom-filter" value={filter} onChange={(event) => setFilter(event.target.value as ResultsFilter)}>
            <option value="all">all ({results.total})</option>
            <option value="sent">sent</option>
            <option value="failed">failed</option>
            <option value="invalid">invalid</option>
            <option value="duplicate">duplicate</option>
          </select>
          <ul aria-label="Results">
            {results.rows.map((row, index) => (
              <li key={index} data-state={row.status}>
                {row.email || '(no address)'}: {row.status}
                {row.message ? ` (${row.message})` : ''}
              </li>
            ))}
          </ul>
          <button type="button" onClick={sending.reset}>
            Invite more
          </button>
        </>
      )}
    </section>
  );
}

const meta = {
  title: 'Hooks/Custom UI',
  component: MinimalInvite,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof MinimalInvite>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Paste, check, remove a row, send, and filter the results: all through the hooks. */
export const OnTheHooksAlone: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Addresses'), 'ann@example.com, bob@example.com{enter}not-an-address{enter}ANN@example.com{enter}bounce@example.com');
    await userEvent.click(canvas.getByRole('button', { name: 'Check' }));
    await waitFor(() => expect(canvas.getAllByRole('status')[0]).toHaveTextContent('5 rows: 3 valid, 1 invalid, 1 duplicate'));
    const checked = within(canvas.getByRole('list', { name: 'Checked rows' }));
    await expect(checked.getByText(/^not-an-address: invalid \(.+\)/)).toBeVisible();
    await expect(checked.getByText(/^ann@example\.com: duplicate/)).toBeVisible();

    // Removing the first Ann makes her repeat the valid one: the draft re-checks what the removal touches.
    await userEvent.click(checked.getAllByRole('button', { name: 'Remove ann@example.com' })[0]!);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('4 rows: 3 valid, 1 invalid, 0 duplicate'));

    await userEvent.click(canvas.getByRole('button', { name: 'Send 3' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Done: 2 sent, 1 failed'));
    await userEvent.selectOptions(canvas.getByLabelText('Show'), 'failed');
    const shown = within(canvas.getByRole('list', { name: 'Results' })).getAllByRole('listitem');
    await expect(shown).toHaveLength(1);
    await expect(shown[0]).toHaveTextContent(/^bounce@example\.com: failed/);
  },
};
