import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { firstOccurrences } from './first-occurrence.ts';

const same = (text: string) => text;

describe('firstOccurrences', () => {
  test('points each repeat at the first of its key, and firsts at -1', () => {
    expect([...firstOccurrences(['a', 'b', 'a', 'c', 'b', 'a'], same)]).toEqual([-1, -1, 0, -1, 1, 0]);
  });

  test('empty list, and keys compared exactly (case, Unicode)', () => {
    expect(firstOccurrences([], same)).toHaveLength(0);
    expect([...firstOccurrences(['Ann@x.io', 'ann@x.io', 'é', 'e\u0301', 'é'], same)]).toEqual([-1, -1, -1, -1, 2]);
  });

  test('reads keys through the accessor', () => {
    const rows = [{ email: 'a@x.io' }, { email: 'b@x.io' }, { email: 'a@x.io' }];
    expect([...firstOccurrences(rows, (row) => row.email)]).toEqual([-1, -1, 0]);
  });

  test('agrees with a Map on any list (tables of every size, colliding slots included)', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3, unit: fc.constantFrom('a', 'b', 'c', '@') }), { maxLength: 3000 }), (keys) => {
        runs++;
        const seen = new Map<string, number>();
        const expected = keys.map((key, index) => {
          const first = seen.get(key);
          if (first === undefined) seen.set(key, index);
          return first ?? -1;
        });
        expect([...firstOccurrences(keys, same)]).toEqual(expected);
      }),
      { numRuns: 200 },
    );
    expect(runs).toBe(200);
  });

  test('100,000 distinct keys: none taken for another', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `user${i}@example.com`);
    const first = firstOccurrences([...keys, ...keys], same);
    const wrong = keys.filter((_, i) => first[i] !== -1 || first[keys.length + i] !== i);
    expect(wrong).toEqual([]);
  });
});
