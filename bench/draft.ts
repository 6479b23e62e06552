/**
 * Draft benchmark: single changes in a 100,000-row draft, each timed alone, with a subscriber as a UI has:
 * an address edit that moves dedupe (the row becomes a repeat of another, or the first of its own), a
 * role edit, a removal and its undo. Median and 95th percentile per kind (target: an edit < 2 ms).
 */
import { createInviteDraft } from '../src/core/draft/draft.ts';
import { inviteCsv } from './generate.ts';

export async function benchDraft(log: (line: string) => void = console.log): Promise<Record<string, { median: number; p95: number }>> {
  const rows = 100_000;
  const draft = createInviteDraft({ roles: ['admin', 'member', 'reader'], defaultRole: 'member', worker: false });
  const text = inviteCsv(rows);
  const started = performance.now();
  await draft.load(text);
  log(`draft: loaded ${draft.getSnapshot().summary.total} rows (${(text.length / 1e6).toFixed(1)} MB) in ${(performance.now() - started).toFixed(0)} ms, on the calling thread`);
  const unsubscribe = draft.subscribe(() => {});
  const times: Record<string, number[]> = { 'address edit': [], 'role edit': [], remove: [], 'undo remove': [] };
  const time = (kind: string, change: () => void) => {
    const start = performance.now();
    change();
    times[kind]!.push(performance.now() - start);
  };
  for (let i = 0; i < 600; i++) {
    const snapshot = draft.getSnapshot();
    const row = snapshot.rows[(i * 7919) % snapshot.rows.length]!;
    const other = snapshot.rows[(i * 104_729) % snapshot.rows.length]!;
    if (i % 3 === 0) time('address edit', () => draft.edit(row.id, { email: i % 2 ? other.email : `fixed.${i}@example.com` }));
    else if (i % 3 === 1) time('role edit', () => draft.edit(row.id, { role: i % 2 ? 'admin' : 'reader' }));
    else {
      time('remove', () => draft.remove(row.id));
      time('undo remove', () => draft.restore(row.id));
    }
  }
  unsubscribe();
  const figures: Record<string, { median: number; p95: number }> = {};
  for (const [kind, list] of Object.entries(times)) {
    const sorted = [...list].sort((a, b) => a - b);
    figures[kind] = { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
    log(`draft: ${kind} in a ${rows}-row draft: median ${figures[kind]!.median.toFixed(2)} ms, p95 ${figures[kind]!.p95.toFixed(2)} ms (${list.length} timed)`);
  }
  const edit = Math.max(figures['address edit']!.median, figures['role edit']!.median);
  log(`draft: RESULT one edit in a ${rows}-row draft = ${edit.toFixed(2)} ms median (target < 2 ms)`);
  return figures;
}
