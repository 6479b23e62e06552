import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAthenaAdapter } from '../../adapters/athenahq.ts';
import { createConfidentAiAdapter } from '../../adapters/confident-ai.ts';
import type { Invitee } from '../contract.ts';
import { createDigaAdapter } from '../../adapters/diga.ts';
import { createWixAdapter } from '../../adapters/wix.ts';
import { plan } from './plan.ts';

const people = (n: number, role?: (i: number) => string | undefined): Invitee[] =>
  Array.from({ length: n }, (_, i) => {
    const r = role?.(i);
    return { email: `p${i}@example.com`, ...(r ? { role: r } : {}) };
  });

const emails = (batch: { invitees: readonly Invitee[] }) => batch.invitees.map((i) => i.email);

describe('plan', () => {
  it("cuts Diga's list into batches of 50, in input order, any roles mixed", () => {
    const list = people(120, (i) => (i % 2 ? 'admin' : 'member'));
    const batches = plan(list, createDigaAdapter());
    expect(batches.map((b) => b.invitees.length)).toEqual([50, 50, 20]);
    expect(batches.flatMap((b) => b.indexes)).toEqual(list.map((_, i) => i));
    expect(batches[0]!.group).toBe('');
  });

  it('honours a smaller maxBatchSize option but never a larger one', () => {
    expect(plan(people(10), createDigaAdapter(), { maxBatchSize: 4 }).map((b) => b.invitees.length)).toEqual([4, 4, 2]);
    expect(plan(people(60), createDigaAdapter(), { maxBatchSize: 500 }).map((b) => b.invitees.length)).toEqual([50, 10]);
    expect(() => plan(people(1), createDigaAdapter(), { maxBatchSize: 0 })).toThrow(RangeError);
  });

  it('gives Wix one policy set per request, groups in order of first appearance', () => {
    const wix = createWixAdapter({ siteId: 'site', rolePolicies: { writer: ['2', '1'], editor: ['1', '2'], owner: ['9'] }, defaultRole: 'writer' });
    const list = people(7, (i) => ['owner', 'writer', 'editor', undefined, 'owner', 'writer', 'owner'][i]);
    const batches = plan(list, wix);
    // writer and editor share a policy set, and a row without a role takes the default (writer).
    expect(batches.map((b) => b.indexes)).toEqual([
      [0, 4, 6],
      [1, 2, 3, 5],
    ]);
    expect(new Set(batches.map((b) => b.group)).size).toBe(2);
  });

  it('gives Confident AI one projectRoleId per request', () => {
    const adapter = createConfidentAiAdapter({ projectId: 'p', roles: { Member: 'r-member', Analyst: 'r-analyst' } });
    const batches = plan(people(5, (i) => (i % 2 ? 'Analyst' : 'Member')), adapter);
    expect(batches.map((b) => [b.group, b.indexes])).toEqual([
      ['r-member', [0, 2, 4]],
      ['r-analyst', [1, 3]],
    ]);
  });

  it('sends AthenaHQ one invitee per request', () => {
    const adapter = createAthenaAdapter({ websiteIds: ['123e4567-e89b-12d3-a456-426614174000'], inviteMethod: 'email' });
    const batches = plan(people(3, (i) => (i === 1 ? 'admin' : undefined)), adapter);
    expect(batches.map(emails)).toEqual([['p0@example.com'], ['p2@example.com'], ['p1@example.com']]);
  });

  it('is deterministic and keeps every invitee exactly once (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', undefined), { maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        (roles, size) => {
          const list = roles.map((role, i) => ({ email: `p${i}@x.com`, ...(role ? { role } : {}) }));
          const adapter = { maxBatchSize: size, groupBy: (i: Invitee) => i.role ?? '-' };
          const batches = plan(list, adapter);
          expect(plan(list, adapter)).toEqual(batches);
          expect(batches.flatMap((b) => b.indexes).sort((x, y) => x - y)).toEqual(list.map((_, i) => i));
          for (const batch of batches) {
            expect(batch.invitees.length).toBeGreaterThan(0);
            expect(batch.invitees.length).toBeLessThanOrEqual(size);
            expect(new Set(batch.invitees.map(adapter.groupBy))).toEqual(new Set([batch.group]));
            expect([...batch.indexes].sort((x, y) => x - y)).toEqual(batch.indexes);
            expect(batch.invitees).toEqual(batch.indexes.map((i) => list[i]));
          }
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });
});
