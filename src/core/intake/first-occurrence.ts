/**
 * Dedupe of a whole list at once. A `Map` lookup per row costs more than a row's every other check
 * (V8 hashes each new key string in a runtime call, and probing a 100,000-entry table misses the
 * cache); knowing the list's length up front allows one flat table, sized once, that keeps each
 * slot's hash beside it, so most probes read nothing but that table.
 */
import { hashOf } from './string-hash.ts';

/**
 * For each item, the index of the first item before it with the same key, or -1 when it is the first
 * of its key. Keys are compared exactly.
 */
export function firstOccurrences<T>(items: readonly T[], key: (item: T) => string): Int32Array {
  const count = items.length;
  // At most half full: linear probing stays short.
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  /** Index of the item + 1 (0: empty). */
  const slots = new Int32Array(size);
  const hashes = new Int32Array(size);
  const first = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const text = key(items[i]!);
    const hash = hashOf(text);
    let slot = hash & mask;
    let found = -1;
    for (let entry = slots[slot]! - 1; entry >= 0; entry = slots[slot]! - 1) {
      if (hashes[slot] === hash && key(items[entry]!) === text) {
        found = entry;
        break;
      }
      slot = (slot + 1) & mask;
    }
    first[i] = found;
    if (found < 0) {
      slots[slot] = i + 1;
      hashes[slot] = hash;
    }
  }
  return first;
}
