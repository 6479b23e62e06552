import { describe, expect, it } from 'vitest';
import { createInviteRun } from '../send/run.ts';
import { createFakeVendor } from '../testing/fake-vendor.ts';
import { createInviteDraft, type DraftRow } from './draft.ts';

const brief = (row: DraftRow) => [row.line, row.email, row.code ?? row.status] as const;

describe('createInviteDraft: load', () => {
  it('reads a paste into rows with stable unique ids, counts that add up, and the mapping', async () => {
    const draft = createInviteDraft({ roles: ['Admin', 'Member'], defaultRole: 'member' });
    expect(draft.getSnapshot()).toMatchObject({ rows: [], status: 'idle', summary: { total: 0 } });
    const outcome = await draft.load('ann@x.com, bob@x.com\nAnn@X.com\nnot-an-address');
    expect(outcome).toEqual({ status: 'loaded', rows: 4 });
    const { rows, summary, status, mapping, sources } = draft.getSnapshot();
    expect(status).toBe('ready');
    expect(rows.map(brief)).toEqual([
      [1, 'ann@x.com', 'valid'],
      [1, 'bob@x.com', 'valid'],
      [2, 'ann@x.com', 'DUPLICATE'],
      [3, 'not-an-address', 'INVALID_EMAIL'],
    ]);
    // Two entries on line 1: the line is not an identity, the id is.
    expect(new Set(rows.map((row) => row.id)).size).toBe(4);
    expect(rows[2]).toMatchObject({
      duplicateOf: 1,
      duplicateOfId: rows[0]!.id,
      params: { email: 'ann@x.com', line: 1 },
      message: 'ann@x.com is already listed on line 1.',
    });
    expect(rows[3]).toMatchObject({ params: { value: 'not-an-address', reason: 'NO_AT' } });
    expect(rows.every((row) => row.role === 'Member' && !row.ownRole)).toBe(true);
    expect(summary).toMatchObject({ total: 4, valid: 2, invalid: 1, duplicate: 1 });
    expect(mapping).toMatchObject({ format: 'list' });
    expect(sources).toHaveLength(1);
  });

  it('appends a second load; dedupe spans both', async () => {
    const draft = createInviteDraft();
    await draft.load('ann@x.com\nbob@x.com');
    await draft.load(new TextEncoder().encode('Email,Name\nBOB@x.com,Bob\ncat@x.com,Cat\n'), { name: 'team.csv' });
    const { rows, sources } = draft.getSnapshot();
    expect(rows.map(brief)).toEqual([
      [1, 'ann@x.com', 'valid'],
      [2, 'bob@x.com', 'valid'],
      [2, 'bob@x.com', 'DUPLICATE'],
      [3, 'cat@x.com', 'valid'],
    ]);
    expect(rows.map((row) => row.source)).toEqual([1, 1, 2, 2]);
    expect(sources.map((source) => [source.id, source.name, source.rows, source.encoding])).toEqual([
      [1, undefined, 2, undefined],
      [2, 'team.csv', 2, 'utf-8'],
    ]);
  });

  it('a refused file keeps every row already there and says why', async () => {
    const draft = createInviteDraft();
    await draft.load('ann@x.com');
    const png = new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])]);
    const outcome = await draft.load(png, { name: 'photo.png' });
    expect(outcome).toMatchObject({ status: 'refused', error: { code: 'BINARY_FILE', name: 'photo.png' } });
    const snapshot = draft.getSnapshot();
    expect(snapshot.rows.map((row) => row.email)).toEqual(['ann@x.com']);
    expect(snapshot.error).toMatchObject({ code: 'BINARY_FILE', message: expect.stringContaining('PNG image') });
    expect(snapshot.status).toBe('ready');
    // The next load clears the error.
    await draft.load('bob@x.com');
    expect(draft.getSnapshot().error).toBeUndefined();
  });

  it('a load cancelled through its signal adds nothing', async () => {
    const draft = createInviteDraft({ worker: false, workerThreshold: 1 });
    await draft.load('ann@x.com');
    const controller = new AbortController();
    const big = new Blob([Array.from({ length: 50_000 }, (_, i) => `user${i}@x.com`).join('\n')]);
    const pending = draft.load(big, { signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ status: 'cancelled' });
    expect(draft.getSnapshot()).toMatchObject({ status: 'ready', summary: { total: 1 } });
  });

  it('reports progress while reading a large file on the calling thread', async () => {
    const draft = createInviteDraft({ worker: false, workerThreshold: 1 });
    const seen: number[] = [];
    draft.subscribe(() => {
      const progress = draft.getSnapshot().progress;
      if (progress) seen.push(progress.bytes);
    });
    const big = new Blob([Array.from({ length: 50_000 }, (_, i) => `user${i}@x.com`).join('\n')]);
    await draft.load(big);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(big.size);
    expect(draft.getSnapshot().progress).toBeUndefined();
    expect(draft.getSnapshot().summary.valid).toBe(50_000);
  });
});

describe('createInviteDraft: edits re-check the row and the duplicates it touches', () => {
  it('fixing an invalid address makes it valid; typing a repeat makes it a duplicate', async () => {
    const draft = createInviteDraft();
    await draft.load('ann@x.com\nbob@\ncat@x.com');
    const [, bob, cat] = draft.getSnapshot().rows;
    draft.edit(bob!.id, { email: ' Bob@X.com ' });
    expect(draft.getSnapshot().rows.map(brief)).toEqual([
      [1, 'ann@x.com', 'valid'],
      [2, 'bob@x.com', 'valid'],
      [3, 'cat@x.com', 'valid'],
    ]);
    draft.edit(cat!.id, { email: 'ann@x.com' });
    expect(draft.getSnapshot().rows.map(brief)).toEqual([
      [1, 'ann@x.com', 'valid'],
      [2, 'bob@x.com', 'valid'],
      [3, 'ann@x.com', 'DUPLICATE'],
    ]);
    expect(draft.getSnapshot().summary).toMatchObject({ total: 3, valid: 2, invalid: 0, duplicate: 1 });
    // The id survives edits.
    expect(draft.getSnapshot().rows[2]!.id).toBe(cat!.id);
  });

  it('changing the first of two equal addresses makes the second the invited one', async () => {
    const draft = createInviteDraft();
    await draft.load('ann@x.com\nann@x.com');
    const [first, second] = draft.getSnapshot().rows;
    draft.edit(first!.id, { email: 'zed@x.com' });
    expect(draft.getSnapshot().rows.map(brief)).toEqual([
      [1, 'zed@x.com', 'valid'],
      [2, 'ann@x.com', 'valid'],
    ]);
    expect(draft.getSnapshot().rows[1]!.duplicateOf).toBeUndefined();
    expect(second!.status).toBe('duplicate');
  });

  it('removing the first of two equal addresses makes the second valid; restore puts it back in place', async () => {
    const draft = createInviteDraft();
    await draft.load('ann@x.com\nbob@x.com\nann@x.com');
    const [ann] = draft.getSnapshot().rows;
    draft.remove(ann!.id);
    expect(draft.getSnapshot().rows.map(brief)).toEqual([
      [2, 'bob@x.com', 'valid'],
      [3, 'ann@x.com', 'valid'],
    ]);
    expect(draft.getSnapshot().summary).toMatchObject({ total: 2, valid: 2, duplicate: 0, removed: 1 });
    expect(draft.getSnapshot().removed.map((row) => row.id)).toEqual([ann!.id]);
    draft.restore();
    expect(draft.getSnapshot().rows.map(brief)).toEqual([
      [1, 'ann@x.com', 'valid'],
      [2, 'bob@x.com', 'valid'],
      [3, 'ann@x.com', 'DUPLICATE'],
    ]);
    expect(draft.getSnapshot().summary).toMatchObject({ total: 3, removed: 0 });
  });

  it('roles: a default for all, a row\'s own choice kept, checked against the allowed roles', async () => {
    const draft = createInviteDraft({ roles: ['Admin', 'Member', 'Viewer'], defaultRole: 'Member' });
    await draft.load('Email,Role\nann@x.com,admin\nbob@x.com,\ncat@x.com,owner\n');
    const [ann, bob, cat] = draft.getSnapshot().rows;
    expect([ann!.role, bob!.role, cat!.code]).toEqual(['Admin', 'Member', 'ROLE_NOT_ALLOWED']);
    draft.setDefaultRole('viewer');
    expect(draft.getSnapshot().rows.map((row) => row.role)).toEqual(['Admin', 'Viewer', 'owner']);
    expect(draft.getSnapshot().defaultRole).toBe('Viewer');
    draft.edit(cat!.id, { role: 'member' });
    expect(draft.getSnapshot().rows[2]).toMatchObject({ role: 'Member', status: 'valid', ownRole: true });
    draft.edit(ann!.id, { role: null });
    expect(draft.getSnapshot().rows[0]).toMatchObject({ role: 'Viewer', ownRole: false });
  });

  it('offers a typo fix for a common mail domain, applied only when asked', async () => {
    const draft = createInviteDraft();
    await draft.load('ann@gmial.com\nbob@example.com');
    const [ann, bob] = draft.getSnapshot().rows;
    expect(ann).toMatchObject({ email: 'ann@gmial.com', status: 'valid', suggestion: { domain: 'gmial.com', suggestion: 'gmail.com', email: 'ann@gmail.com' } });
    expect(bob!.suggestion).toBeUndefined();
    expect(draft.getSnapshot().summary.suggestions).toBe(1);
    draft.applySuggestion(ann!.id);
    expect(draft.getSnapshot().rows[0]).toMatchObject({ email: 'ann@gmail.com', status: 'valid' });
    expect(draft.getSnapshot().rows[0]!.suggestion).toBeUndefined();
    expect(draft.getSnapshot().summary.suggestions).toBe(0);
  });
});

describe('createInviteDraft: the store contract', () => {
  it('a snapshot is the same object until something changes, and never changes after', async () => {
    const draft = createInviteDraft();
    await draft.load('ann@x.com\nbob@x.com');
    const before = draft.getSnapshot();
    expect(draft.getSnapshot()).toBe(before);
    const rowsBefore = [...before.rows];
    draft.edit(before.rows[1]!.id, { name: 'Bob' });
    const after = draft.getSnapshot();
    expect(after).not.toBe(before);
    expect(before.rows).toEqual(rowsBefore);
    expect(after.rows[0]).toBe(before.rows[0]);
    expect(after.rows[1]).not.toBe(before.rows[1]);
    expect(after.rows[1]!.name).toBe('Bob');
  });

  it('subscribe returns an unsubscribe; listeners hear every change', async () => {
    const draft = createInviteDraft();
    let heard = 0;
    const unsubscribe = draft.subscribe(() => heard++);
    await draft.load('ann@x.com');
    const afterLoad = heard;
    expect(afterLoad).toBeGreaterThan(0);
    unsubscribe();
    draft.remove(draft.getSnapshot().rows[0]!.id);
    expect(heard).toBe(afterLoad);
  });

  it('asks the host which addresses are members or pending after a load, and marks them', async () => {
    const asked: string[][] = [];
    const draft = createInviteDraft({
      checkExisting: async (emails) => {
        asked.push(emails);
        return [
          { email: 'ann@x.com', status: 'member' },
          { email: 'bob@x.com', status: 'invited' },
        ];
      },
    });
    const statuses: string[] = [];
    draft.subscribe(() => statuses.push(draft.getSnapshot().status));
    await draft.load('ann@x.com\nbob@x.com\ncat@x.com\nbad@');
    expect(asked).toEqual([['ann@x.com', 'bob@x.com', 'cat@x.com']]);
    expect(statuses).toContain('checking');
    expect(draft.getSnapshot().rows.map(brief)).toEqual([
      [1, 'ann@x.com', 'ALREADY_MEMBER'],
      [2, 'bob@x.com', 'ALREADY_INVITED'],
      [3, 'cat@x.com', 'valid'],
      [4, 'bad@', 'INVALID_EMAIL'],
    ]);
    expect(draft.getSnapshot().summary).toMatchObject({ valid: 1, duplicate: 2, members: 1, pending: 1, invalid: 1 });
    expect(draft.getSnapshot().rows[0]).toMatchObject({ params: { email: 'ann@x.com' }, message: 'ann@x.com is already a member.' });
    expect(draft.getSnapshot().status).toBe('ready');
  });

  it('remap reads every load again with the chosen columns', async () => {
    const draft = createInviteDraft();
    await draft.load('Name,Email,Backup\nAnn,ann@x.com,ann@home.io\nBob,bob@x.com,bob@home.io\n');
    expect(draft.getSnapshot().rows.map((row) => row.email)).toEqual(['ann@x.com', 'bob@x.com']);
    await draft.remap({ email: 'Backup' });
    expect(draft.getSnapshot().rows.map((row) => row.email)).toEqual(['ann@home.io', 'bob@home.io']);
    expect(draft.getSnapshot().mapping?.columns.email).toMatchObject({ header: 'Backup', source: 'override' });
  });

  it('toInvitees hands the valid rows to createInviteRun', async () => {
    const draft = createInviteDraft({ roles: ['admin', 'member'], defaultRole: 'member' });
    await draft.load('Email,Name\nann@x.com,Ann\nann@x.com,Again\nbad@\nbob@x.com,Bob\n');
    const invitees = draft.toInvitees();
    expect(invitees).toEqual([
      { email: 'ann@x.com', line: 2, name: 'Ann', role: 'member' },
      { email: 'bob@x.com', line: 5, name: 'Bob', role: 'member' },
    ]);
    const final = await createInviteRun(invitees).send({ adapter: createFakeVendor(), rateLimit: false });
    expect(final.counts).toMatchObject({ sent: 2 });
  });

  it('clear empties it', async () => {
    const draft = createInviteDraft();
    await draft.load('ann@x.com');
    draft.clear();
    expect(draft.getSnapshot()).toMatchObject({ rows: [], removed: [], status: 'idle', summary: { total: 0 } });
  });
});

describe('createInviteDraft: many rows at once', () => {
  it('numbers rows across loads in read order; a repeat names the number of the row it repeats', async () => {
    const draft = createInviteDraft();
    await draft.load('a@x.io; b@x.io\nc@x.io\tB@X.IO, Ann <d@x.io>');
    const rows = draft.getSnapshot().rows;
    expect(rows.map((row) => [row.number, row.email, row.status])).toEqual([
      [1, 'a@x.io', 'valid'],
      [2, 'b@x.io', 'valid'],
      [3, 'c@x.io', 'valid'],
      [4, 'b@x.io', 'duplicate'],
      [5, 'd@x.io', 'valid'],
    ]);
    expect(rows[3]).toMatchObject({ duplicateOfNumber: 2, duplicateOf: 1 });
    await draft.load('e@x.io');
    expect(draft.getSnapshot().rows.at(-1)).toMatchObject({ number: 6, line: 1 });
  });

  it('adds a large load in slices and, cancelled while adding, takes none of it', async () => {
    const draft = createInviteDraft({ worker: false });
    await draft.load('first@x.io');
    const big = Array.from({ length: 30_000 }, (_, i) => `user${i}@x.io`).join('\n');
    const controller = new AbortController();
    const pending = draft.load(big, { signal: controller.signal });
    // The text is read and the first slice added in this task; the cancel comes before the next slice.
    setTimeout(() => controller.abort(), 0);
    expect((await pending).status).toBe('cancelled');
    expect(draft.getSnapshot().rows.map((row) => row.email)).toEqual(['first@x.io']);
    expect(draft.getSnapshot().summary).toMatchObject({ total: 1, valid: 1 });
    expect((await draft.load(big)).status).toBe('loaded');
    expect(draft.getSnapshot().summary.total).toBe(30_001);
  });
});
