import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AddressIndex } from './address-index.ts';

describe('AddressIndex', () => {
  it('finds what was added, with its line, and nothing else', () => {
    const index = new AddressIndex();
    index.add('ann@example.com', 2);
    index.add('bob@example.com', 5);
    expect(index.get('ann@example.com')).toBe(2);
    expect(index.get('bob@example.com')).toBe(5);
    expect(index.get('ann@example.co')).toBeUndefined();
    expect(index.get('ann@example.comm')).toBeUndefined();
    expect(index.size).toBe(2);
  });

  it('survives growth past many pages and table resizes', () => {
    const index = new AddressIndex();
    const n = 120_000;
    for (let i = 0; i < n; i++) index.add(`person.${i}.with.a.fairly.long.local.part@subdomain${i % 97}.example.com`, i + 1);
    for (let i = 0; i < n; i += 997) {
      expect(index.get(`person.${i}.with.a.fairly.long.local.part@subdomain${i % 97}.example.com`)).toBe(i + 1);
    }
    expect(index.get('person.0.with.a.fairly.long.local.part@subdomain1.example.com')).toBeUndefined();
  });

  it('keeps every record of a page filled to its last byte through a resize (4,096 records of 256 bytes)', () => {
    const index = new AddressIndex();
    // 7 bytes of length, line and domain + 249 characters (a domain too short to number is kept in the
    // record): 4,096 records fill a 1 MiB page exactly; the table then grows on the next add.
    const address = (i: number) => `${String(i).padStart(6, '0')}${'x'.repeat(240)}@ab`;
    expect(address(0)).toHaveLength(249);
    for (let i = 0; i < 4097; i++) index.add(address(i), 2 ** 31 + i);
    const lost = Array.from({ length: 4097 }, (_, i) => i).filter((i) => index.get(address(i)) !== 2 ** 31 + i);
    expect(lost).toEqual([]);
    expect(index.size).toBe(4097);
  });

  it('numbers up to 65,535 domains and keeps later new ones in their records: all found, nothing else', () => {
    const index = new AddressIndex();
    const address = (i: number) => `ann@d${i}.example.com`;
    for (let i = 0; i < 70_000; i++) index.add(address(i), i + 1);
    index.add('bob@d1.example.com', 0);
    index.add('bob@d69999.example.com', 1);
    const lost = Array.from({ length: 70_000 }, (_, i) => i).filter((i) => index.get(address(i)) !== i + 1);
    expect(lost).toEqual([]);
    expect([index.get('bob@d1.example.com'), index.get('bob@d69999.example.com')]).toEqual([0, 1]);
    expect([index.get('ann@d70000.example.com'), index.get('ann@d1.example.co'), index.get('bob@d2.example.com')]).toEqual([undefined, undefined, undefined]);
  });

  it('agrees with a Map on arbitrary ASCII keys', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 })), (keys) => {
        const index = new AddressIndex();
        const map = new Map<string, number>();
        keys.forEach((key, i) => {
          if (!map.has(key)) {
            map.set(key, i);
            index.add(key, i);
          }
        });
        for (const key of keys) expect(index.get(key)).toBe(map.get(key));
        expect(index.get('\u007f-not-added')).toBeUndefined();
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('refuses text it cannot store exactly', () => {
    const index = new AddressIndex();
    expect(() => index.add('josé@example.com', 1)).toThrow(RangeError);
    expect(() => index.add('a'.repeat(256), 1)).toThrow(RangeError);
    expect(() => index.add('a'.repeat(255), 1)).toThrow(RangeError);
  });
});
