import { describe, expect, it } from 'vitest';
import { keyOf, Lookup } from './lookup.ts';

interface Row {
  id: number;
  email: string;
}

describe('Lookup', () => {
  const rows: Row[] = [
    { id: 1, email: 'a@x.io' },
    { id: 2, email: 'b@x.io' },
    { id: 3, email: 'a@x.io' },
    { id: 4, email: 'a@x.io' },
  ];

  it('answers as find / filter / some over the records in order would', () => {
    const byEmail = new Lookup(rows, (r) => r.email);
    for (const email of ['a@x.io', 'b@x.io', 'c@x.io']) {
      expect(byEmail.first(email)).toBe(rows.find((r) => r.email === email));
      expect(byEmail.all(email)).toEqual(rows.filter((r) => r.email === email));
      expect(byEmail.has(email)).toBe(rows.some((r) => r.email === email));
      expect(byEmail.count(email)).toBe(rows.filter((r) => r.email === email).length);
    }
  });

  it('keeps insertion order through removals, and forgets a key with no record left', () => {
    const byEmail = new Lookup(rows, (r) => r.email);
    byEmail.remove('a@x.io', rows[0]!);
    expect(byEmail.first('a@x.io')).toBe(rows[2]);
    byEmail.add('a@x.io', rows[0]!);
    expect(byEmail.all('a@x.io').map((r) => r.id)).toEqual([3, 4, 1]);
    for (const row of [rows[2]!, rows[3]!, rows[0]!]) byEmail.remove('a@x.io', row);
    expect(byEmail.has('a@x.io')).toBe(false);
    expect(byEmail.all('a@x.io')).toEqual([]);
    byEmail.remove('b@x.io', rows[0]!); // not under that key: nothing happens
    expect(byEmail.first('b@x.io')).toBe(rows[1]);
    byEmail.remove('b@x.io', rows[1]!);
    expect(byEmail.count('b@x.io')).toBe(0);
  });

  it('builds keys from parts without collisions between different splits', () => {
    expect(keyOf('ab', 'c')).not.toBe(keyOf('a', 'bc'));
    expect(keyOf('p', 1)).toBe(keyOf('p', '1'));
  });
});
