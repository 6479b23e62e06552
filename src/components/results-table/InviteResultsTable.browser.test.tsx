/**
 * InviteResultsTable in Chromium: UI requirements 12, 13, 14 and 16, the keyboard, and a 100,000-row table
 * that keeps fewer than 200 rows in the DOM from top to bottom.
 */
import Papa from 'papaparse';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createInviteRun } from '../../core/index.ts';
import { createFakeVendor } from '../../core/testing/index.ts';
import { BulkInviteProvider, german } from '../../react/index.ts';
import { constructedSnapshot, finishedRun, sendingRun, type FinishedRun } from '../../../stories/results-fixtures.ts';
import { InviteResultsTable } from './index.ts';
import '../styles/tokens.css';
import '../styles/base.css';
import './results-table.css';
import { catchDownloads, downloadText } from '../../e2e/harness.tsx';

const TABLE = { name: 'Invitation results' };

/** Row elements in the table's body, spacers left out. */
const bodyRows = (table: HTMLElement) => [...table.querySelectorAll('tbody > tr:not([aria-hidden])')] as HTMLTableRowElement[];

function dataRows() {
  return bodyRows(page.getByRole('table', TABLE).element() as HTMLElement);
}

let mixed: FinishedRun;
beforeAll(async () => {
  // A desktop's width (the narrow layout has a test of its own).
  await page.viewport(1100, 900);
  mixed = await finishedRun();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('InviteResultsTable', () => {
  it('numbers rows as the review does: read order, the header no row, a repeat on the same line its own number', async () => {
    const run = await finishedRun(['email', 'ann@example.com, ANN@example.com', 'bob@example.com'].join('\n'));
    await render(<InviteResultsTable snapshot={run.snapshot} rows={run.rows} />);
    await expect.poll(() => dataRows().length).toBe(3);
    expect(run.rows.map((row) => [row.number, row.line, row.status])).toEqual([
      [1, 2, 'valid'],
      [2, 2, 'duplicate'],
      [3, 3, 'valid'],
    ]);
    expect(dataRows().map((row) => [row.querySelector('.rbi-results-line')!.textContent, row.dataset.state])).toEqual([
      ['1', 'sent'],
      ['2', 'duplicate'],
      ['3', 'sent'],
    ]);
    expect(dataRows()[1]!.querySelector('.rbi-results-status-text')!.textContent).toBe('Duplicate of row 1');
  });

  it('R12: one row per address, named by its address as a rowheader; filters update "Showing N of M"', async () => {
    const screen = await render(<InviteResultsTable snapshot={mixed.snapshot} rows={mixed.rows} />);
    const table = screen.getByRole('table', TABLE);
    await expect.element(table).toBeVisible();

    // Every input row, in input order, each with its address as the row's header.
    const addresses = ['ann@example.com', 'bob@example.com', 'cat@example.com', 'not-an-address', 'ann@example.com', 'eve@example.com', 'fay@example.com', 'gus@example.com', 'hal@example.com', 'ivy@example.com'];
    expect(dataRows().map((row) => row.querySelector('th')!.textContent)).toEqual(addresses);
    const headers = table.getByRole('rowheader').elements();
    expect(headers.map((cell) => cell.textContent)).toEqual(addresses);
    expect(table.getByRole('row', { name: /bob@example\.com/ }).element()).toHaveAttribute('data-state', 'sent');

    const statusOf = (email: string) => dataRows().find((row) => row.querySelector('th')!.textContent === email)!.querySelector('.rbi-results-status-text')!.textContent;
    expect(statusOf('bob@example.com')).toBe('Sent');
    expect(statusOf('cat@example.com')).toMatch(/^Skipped: .+/);
    expect(statusOf('eve@example.com')).toMatch(/^Failed: .+/);
    // Pending: the word, and why on a line of its own.
    expect(statusOf('gus@example.com')).toBe('Pending');
    const gus = dataRows().find((row) => row.querySelector('th')!.textContent === 'gus@example.com')!;
    expect(gus.querySelector('.rbi-results-detail')!.textContent).toMatch(/^Not sent: .+/);
    expect(statusOf('not-an-address')).toBe('Invalid: "not-an-address" is not a valid e-mail address: it has no @.');
    // Rows are numbered in the order they were read, as the review numbers them (the file's header is no row).
    expect(dataRows()[4]!.querySelector('.rbi-results-status-text')!.textContent).toBe('Duplicate of row 1');
    // Never colour alone: every status has a shape beside its word.
    for (const row of dataRows()) expect(row.querySelector('td.rbi-results-status svg.rbi-status-icon')).not.toBeNull();

    const status = screen.getByRole('status');
    await expect.element(status).toHaveTextContent('Showing 10 of 10');
    const expected: Array<[RegExp, string, number]> = [
      [/^Sent/, 'Showing 3 of 10', 3],
      [/^Skipped/, 'Showing 1 of 10', 1],
      [/^Failed/, 'Showing 1 of 10', 1],
      [/^Pending/, 'Showing 3 of 10', 3],
      [/^All/, 'Showing 10 of 10', 10],
    ];
    const filters = screen.getByRole('group', { name: 'Show' });
    for (const [name, text, count] of expected) {
      const button = filters.getByRole('button', { name });
      await button.click();
      await expect.element(button).toHaveAttribute('aria-pressed', 'true');
      await expect.element(status).toHaveTextContent(text);
      expect(dataRows()).toHaveLength(count);
    }
    // The count buttons carry their counts.
    await expect.element(filters.getByRole('button', { name: 'Sent 3' })).toBeVisible();
    await expect.element(filters.getByRole('button', { name: 'Failed 1' })).toBeVisible();
  });

  it('R13: sort controls are buttons inside the headers, and exactly one header carries aria-sort', async () => {
    const screen = await render(<InviteResultsTable snapshot={mixed.snapshot} rows={mixed.rows} />);
    const table = screen.getByRole('table', TABLE);
    const columns = table.getByRole('columnheader').elements();
    expect(columns.map((th) => th.textContent)).toEqual(['Row', 'Address', 'Name', 'Role', 'Status']);
    for (const th of columns) expect(th.querySelector('button')).not.toBeNull();
    const sorted = () => columns.filter((th) => th.hasAttribute('aria-sort')).map((th) => [th.textContent, th.getAttribute('aria-sort')]);
    expect(sorted()).toEqual([['Row', 'ascending']]);

    await table.getByRole('button', { name: 'Address' }).click();
    await vi.waitFor(() => expect(sorted()).toEqual([['Address', 'ascending']]));
    expect(dataRows()[0]!.querySelector('th')!.textContent).toBe('ann@example.com');
    expect(dataRows().at(-1)!.querySelector('th')!.textContent).toBe('not-an-address');

    await table.getByRole('button', { name: 'Address' }).click();
    await vi.waitFor(() => expect(sorted()).toEqual([['Address', 'descending']]));
    expect(dataRows()[0]!.querySelector('th')!.textContent).toBe('not-an-address');

    // By status, what needs attention first.
    await table.getByRole('button', { name: 'Status' }).click();
    await vi.waitFor(() => expect(sorted()).toEqual([['Status', 'ascending']]));
    expect(dataRows()[0]!.dataset.state).toBe('failed');
    expect(dataRows().at(-1)!.dataset.state).toBe('sent');
  });

  it('R14: a virtualized table has aria-rowcount = rows + 1 and every rendered row its absolute aria-rowindex', async () => {
    const snapshot = constructedSnapshot(20_000);
    const screen = await render(<InviteResultsTable snapshot={snapshot} />);
    const table = screen.getByRole('table', TABLE);
    await expect.element(table).toHaveAttribute('aria-rowcount', '20001');
    expect(table.element().querySelector('thead tr')).toHaveAttribute('aria-rowindex', '1');
    const check = () => {
      const rows = dataRows();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThan(200);
      // Rows are in line order here and line = position + 2 = aria-rowindex.
      for (const row of rows) expect(row.getAttribute('aria-rowindex')).toBe(row.querySelector('td')!.textContent!.replace(/\D/g, ''));
    };
    check();
    const region = screen.getByRole('region', TABLE).element() as HTMLElement;
    region.scrollTop = region.scrollHeight / 2;
    await vi.waitFor(() => expect(Number(dataRows()[0]!.getAttribute('aria-rowindex'))).toBeGreaterThan(1_000));
    check();

    // Filtered, the count is the filtered rows' (+ 1 for the header) and indexes run over them.
    await screen.getByRole('button', { name: /^Failed/ }).click();
    const failed = snapshot.counts.failed;
    expect(failed).toBeGreaterThan(100);
    await expect.element(table).toHaveAttribute('aria-rowcount', String(failed + 1));
    await vi.waitFor(() => expect(dataRows()[0]).toHaveAttribute('aria-rowindex', '2'));
    expect(dataRows().map((row) => row.getAttribute('aria-rowindex'))).toEqual(dataRows().map((_, i) => String(i + 2)));

    // A small table is not virtualized: all rows, no row count or indexes.
    await screen.rerender(<InviteResultsTable snapshot={mixed.snapshot} rows={mixed.rows} />);
    await vi.waitFor(() => expect(table.element()).not.toHaveAttribute('aria-rowcount'));
    expect(dataRows().every((row) => !row.hasAttribute('aria-rowindex'))).toBe(true);
  });

  it('keeps fewer than 200 row elements in the DOM while scrolling 100,000 rows top to bottom', async () => {
    const snapshot = constructedSnapshot(100_000);
    const screen = await render(<InviteResultsTable snapshot={snapshot} />);
    const table = screen.getByRole('table', TABLE);
    await expect.element(table).toHaveAttribute('aria-rowcount', '100001');
    const tableElement = table.element() as HTMLElement;
    const region = screen.getByRole('region', TABLE).element() as HTMLElement;
    let max = tableElement.querySelectorAll('tr').length;
    let steps = 0;
    // Every committed change to the body, not only the moments the loop looks.
    const observer = new MutationObserver(() => {
      max = Math.max(max, tableElement.querySelectorAll('tr').length);
    });
    observer.observe(tableElement.querySelector('tbody')!, { childList: true });
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    while (region.scrollTop + region.clientHeight < region.scrollHeight - 1) {
      region.scrollTop += region.clientHeight * 40;
      await frame();
      await frame();
      max = Math.max(max, tableElement.querySelectorAll('tr').length);
      steps++;
      if (steps > 5_000) throw new Error('never reached the bottom');
    }
    await vi.waitFor(() => expect(dataRows().at(-1)).toHaveAttribute('aria-rowindex', '100001'));
    observer.disconnect();
    max = Math.max(max, tableElement.querySelectorAll('tr').length);
    console.log(`results table, 100,000 rows: at most ${max} <tr> elements in the DOM over ${steps} scroll steps to the bottom`);
    expect(max).toBeLessThan(200);
    expect(dataRows().at(-1)!.querySelector('th')!.textContent).toBe('person.100000@example.com');
  }, 120_000);

  it('R16: "Export CSV" downloads the current filter\'s rows, RFC 4180 quoted, formulas neutralised', async () => {
    const files = catchDownloads();
    const screen = await render(<InviteResultsTable snapshot={mixed.snapshot} rows={mixed.rows} />);
    const exportButton = screen.getByRole('button', { name: 'Export CSV' });
    await expect.element(exportButton).toHaveAccessibleDescription('Downloads the 10 rows shown as a CSV file.');

    await exportButton.click();
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('invitation-results.csv');
    const all = await downloadText(files[0]!);
    expect(all.startsWith('\uFEFFline,email,name,role,status,code,message\r\n')).toBe(true);
    const lines = Papa.parse<string[]>(all.slice(1).trim(), { newline: '\r\n' }).data;
    expect(lines).toHaveLength(11);
    const byEmail = new Map(lines.slice(1).map((cells) => [cells[1], cells]));
    expect(byEmail.get('eve@example.com')![2]).toBe(`'=HYPERLINK("http://evil")`);
    expect(byEmail.get('hal@example.com')![2]).toBe(`'-Hal`);
    expect(byEmail.get('ivy@example.com')![2]).toBe(`'@Ivy`);
    // Quoted as RFC 4180 says: the quotes in the name doubled inside a quoted field.
    expect(all).toContain(`7,eve@example.com,"'=HYPERLINK(""http://evil"")",member,failed,`);

    // Only the current filter's rows.
    await screen.getByRole('button', { name: /^Pending/ }).click();
    await expect.element(exportButton).toHaveAccessibleDescription('Downloads the 3 rows shown as a CSV file.');
    await exportButton.click();
    const pending = Papa.parse<string[]>((await downloadText(files[1]!)).slice(1).trim()).data;
    expect(pending.slice(1).map((cells) => [cells[1], cells[4], cells[5]])).toEqual([
      ['gus@example.com', 'pending', 'AUTH_FAILED'],
      ['hal@example.com', 'pending', 'AUTH_FAILED'],
      ['ivy@example.com', 'pending', 'AUTH_FAILED'],
    ]);

    // Tab, CR and + at the start too: the intake trims names, a host's own invitees may still hold them.
    const names = ['\tTab', '\rCR', '+1 555', '=1+1\nsecond line'];
    const run = createInviteRun(names.map((name, i) => ({ email: `p${i}@example.com`, line: i + 2, name })));
    const hostile = await run.send({ adapter: createFakeVendor(), rateLimit: false });
    await screen.rerender(<InviteResultsTable snapshot={hostile} />);
    await screen.getByRole('button', { name: /^All/ }).click();
    await exportButton.click();
    const written = Papa.parse<string[]>((await downloadText(files[2]!)).slice(1).trim(), { newline: '\r\n' }).data.slice(1).map((cells) => cells[2]);
    expect(written).toEqual(names.map((name) => `'${name}`));
  });

  it('works from the keyboard: Tab reaches the filters, the search, Export and the sort buttons', async () => {
    const screen = await render(
      <>
        <button type="button">before</button>
        <InviteResultsTable snapshot={mixed.snapshot} rows={mixed.rows} />
      </>,
    );
    await screen.getByRole('button', { name: 'before' }).click();
    const order: string[] = [];
    for (let i = 0; i < 14; i++) {
      await userEvent.tab();
      const active = document.activeElement as HTMLElement;
      if (active instanceof HTMLInputElement) order.push(active.labels![0]!.textContent!);
      else if (active.getAttribute('role') === 'region') order.push('the scrolling table');
      else order.push(active.textContent!);
    }
    expect(order).toEqual(['All 10', 'Sent 3', 'Skipped 1', 'Failed 1', 'Pending 3', 'Invalid 1', 'Duplicate 1', 'Search results', 'Export CSV', 'the scrolling table', 'Row', 'Address', 'Name', 'Role']);

    // A filter by Space, the search by typing, a sort by Enter.
    (page.getByRole('button', { name: 'Failed 1' }).element() as HTMLElement).focus();
    await userEvent.keyboard(' ');
    await expect.element(screen.getByRole('status')).toHaveTextContent('Showing 1 of 10');
    await userEvent.keyboard('{Shift>}{Tab}{Tab}{Tab}{/Shift}');
    await userEvent.keyboard(' ');
    await expect.element(screen.getByRole('status')).toHaveTextContent('Showing 10 of 10');
    (screen.getByLabelText('Search results').element() as HTMLElement).focus();
    await userEvent.keyboard('ann');
    await expect.element(screen.getByRole('status')).toHaveTextContent('Showing 2 of 10');
    (screen.getByRole('button', { name: 'Name' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
    expect(dataRows().map((row) => row.cells[2]!.textContent)).toEqual(['Ann again', 'Ann Lee']);
    await userEvent.keyboard('{Enter}');
    await expect.element(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  });

  it('stacks its rows in a narrow box and keeps them rows with a rowheader, cells and a sortable header', async () => {
    const screen = await render(
      <div style={{ width: 360 }}>
        <InviteResultsTable snapshot={mixed.snapshot} rows={mixed.rows} />
      </div>,
    );
    const table = screen.getByRole('table', TABLE);
    await expect.element(table).toBeVisible();
    const row = dataRows()[0]!;
    // Stacked: the status sits under the address, not beside it.
    const email = row.querySelector('th')!.getBoundingClientRect();
    const status = row.querySelector('.rbi-results-status')!.getBoundingClientRect();
    expect(status.top).toBeGreaterThan(email.bottom - 1);
    expect(status.right).toBeLessThanOrEqual(360);
    await expect.element(table.getByRole('rowheader', { name: 'bob@example.com' })).toBeVisible();
    expect(table.getByRole('row').elements()).toHaveLength(11);
    expect(table.getByRole('cell').elements().length).toBe(40);
    await expect.element(table.getByRole('columnheader', { name: 'Row' })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('shows the vendor\'s and the person\'s words as text, never as HTML', async () => {
    await render(<InviteResultsTable snapshot={mixed.snapshot} rows={mixed.rows} />);
    const table = page.getByRole('table', TABLE).element();
    expect(table.querySelector('img')).toBeNull();
    expect(dataRows()[6]!.cells[2]!.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('says of a valid row the run left out that it was not sent, in the person\'s language', async () => {
    // The run sent the first six rows' invitees only; ivy's row was valid but not part of it.
    const run = createInviteRun(mixed.snapshot.invitees.filter((invitee) => invitee.email !== 'ivy@example.com'));
    const snapshot = await run.send({ adapter: createFakeVendor(), rateLimit: false });
    const screen = await render(
      <BulkInviteProvider locale={german}>
        <InviteResultsTable snapshot={snapshot} rows={mixed.rows} />
      </BulkInviteProvider>,
    );
    await expect.element(screen.getByRole('button', { name: 'Nicht gesendet 1' })).toBeVisible();
    const ivy = bodyRows(screen.getByRole('table', { name: 'Ergebnisse der Einladungen' }).element() as HTMLElement).find((row) => row.querySelector('th')!.textContent === 'ivy@example.com')!;
    expect(ivy.dataset.state).toBe('excluded');
    expect(ivy.querySelector('.rbi-results-status-text')!.textContent).toBe('Nicht gesendet: Diese Zeile war gültig, gehörte aber nicht zum Versand.');
  });

  it('follows a run while it sends, and says when there is nothing yet', async () => {
    const screen = await render(<InviteResultsTable />);
    await expect.element(screen.getByText('Nothing has been sent yet.')).toBeVisible();
    await expect.element(screen.getByRole('status')).toHaveTextContent('Showing 0 of 0');

    const sending = sendingRun(40);
    try {
      await screen.rerender(<InviteResultsTable run={sending.run} />);
      await vi.waitFor(() => expect(dataRows()).toHaveLength(40));
      await vi.waitFor(() => expect(screen.getByRole('button', { name: /^Sending/ }).element()).toBeTruthy());
      await expect.element(screen.getByRole('button', { name: /^Queued/ })).toBeVisible();
      expect(dataRows().filter((row) => row.dataset.state === 'sent').length).toBeGreaterThan(0);
      expect(screen.container.querySelector('.rbi-results-table')).toHaveAttribute('data-state', 'sending');
    } finally {
      sending.stop();
    }
    await vi.waitFor(() => expect(screen.container.querySelector('.rbi-results-table')).toHaveAttribute('data-state', 'cancelled'));
    await expect.element(screen.getByRole('button', { name: /^Pending/ })).toBeVisible();
  });

  it('speaks German, with German numbers, and keeps the name it is given', async () => {
    const snapshot = constructedSnapshot(2_500);
    const screen = await render(
      <BulkInviteProvider locale={german}>
        <InviteResultsTable snapshot={snapshot} />
      </BulkInviteProvider>,
    );
    await expect.element(screen.getByRole('table', { name: 'Ergebnisse der Einladungen' })).toBeVisible();
    await expect.element(screen.getByRole('status')).toHaveTextContent('2.500 von 2.500 angezeigt');
    await expect.element(screen.getByRole('button', { name: 'CSV exportieren' })).toBeVisible();
    await expect.element(screen.getByRole('button', { name: /^Fehlgeschlagen \d+$/ })).toBeVisible();
    await expect.element(screen.getByLabelText('Ergebnisse durchsuchen')).toBeVisible();

    await screen.rerender(<InviteResultsTable snapshot={snapshot} label="Invitation results" />);
    await expect.element(screen.getByRole('table', TABLE)).toBeVisible();
  });
});
