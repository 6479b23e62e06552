/** The draft in Chromium: a large file is read in the intake's Web Worker, with progress, cancellable. */
import { describe, expect, it } from 'vitest';
import { createInviteDraft } from './draft.ts';

function bigList(rows: number): File {
  const parts = ['Email,Name\n'];
  for (let i = 0; i < rows; i += 10_000) {
    let block = '';
    for (let j = i; j < Math.min(rows, i + 10_000); j++) block += `user.${j}@example.com,User ${j}\n`;
    parts.push(block);
  }
  return new File(parts, 'people.csv', { type: 'text/csv' });
}

describe('the draft in a browser', () => {
  it('reads a large file in the Worker with progress, and the rows arrive whole', async () => {
    const draft = createInviteDraft({ roles: ['member'], defaultRole: 'member' });
    const progress: number[] = [];
    const statuses = new Set<string>();
    draft.subscribe(() => {
      const snapshot = draft.getSnapshot();
      statuses.add(snapshot.status);
      if (snapshot.progress) progress.push(snapshot.progress.bytes);
    });
    const file = bigList(100_000);
    const started = performance.now();
    const outcome = await draft.load(file, { name: file.name });
    expect(outcome).toEqual({ status: 'loaded', rows: 100_000 });
    expect(statuses.has('loading')).toBe(true);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(file.size);
    const snapshot = draft.getSnapshot();
    expect(snapshot.summary).toMatchObject({ total: 100_000, valid: 100_000 });
    expect(snapshot.rows[99_999]).toMatchObject({ line: 100_001, email: 'user.99999@example.com', name: 'User 99999', role: 'member' });
    expect(snapshot.sources[0]).toMatchObject({ name: 'people.csv', encoding: 'utf-8' });
    console.log(`draft worker load: 100,000 rows in ${(performance.now() - started).toFixed(0)} ms`);
  });

  it('a cancelled load stops the Worker and leaves the draft as it was', async () => {
    const draft = createInviteDraft();
    await draft.load('ann@example.com');
    const controller = new AbortController();
    const pending = draft.load(bigList(200_000), { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await pending).toEqual({ status: 'cancelled' });
    expect(draft.getSnapshot()).toMatchObject({ status: 'ready', summary: { total: 1 } });
  });

  it('a refused file (an Excel workbook) is reported, and the rows stay', async () => {
    const draft = createInviteDraft({ workerThreshold: 1 });
    await draft.load('ann@example.com');
    const xlsx = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('[Content_Types].xml')]), new Uint8Array(5000)], 'team.xlsx');
    const outcome = await draft.load(xlsx, { name: xlsx.name });
    expect(outcome).toMatchObject({ status: 'refused', error: { code: 'SPREADSHEET_FILE', name: 'team.xlsx' } });
    expect(draft.getSnapshot().rows.map((row) => row.email)).toEqual(['ann@example.com']);
  });
});
