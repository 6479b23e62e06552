/**
 * Lookup tables for the vendor stores, so what one request costs does not grow with what a store holds.
 * Each table answers what the linear scan it replaces answered: `Array.prototype.find` gives the first
 * match in insertion order, so a table keeps every record under its key in insertion order and `first`
 * is the one `find` would have returned. Most keys hold one record: it is stored as it is, and only a
 * second record under the same key makes a `Set` (ordered, O(1) to add and to remove), so 200,000
 * invitations do not cost 200,000 sets.
 */

/** One key from several parts. Unambiguous: the parts are ids and addresses, none of which holds U+0000. */
export const keyOf = (...parts: readonly (string | number)[]): string => parts.join('\u0000');

export class Lookup<T extends object> {
  readonly #byKey = new Map<string, T | Set<T>>();

  constructor(records: Iterable<T> = [], key?: (record: T) => string) {
    if (key) for (const record of records) this.add(key(record), record);
  }

  add(key: string, record: T): void {
    const held = this.#byKey.get(key);
    if (held === undefined) this.#byKey.set(key, record);
    else if (held instanceof Set) held.add(record);
    else if (held !== record) this.#byKey.set(key, new Set([held, record]));
  }

  remove(key: string, record: T): void {
    const held = this.#byKey.get(key);
    if (held === record) this.#byKey.delete(key);
    else if (held instanceof Set && held.delete(record) && held.size === 0) this.#byKey.delete(key);
  }

  has(key: string): boolean {
    return this.#byKey.has(key);
  }

  /** The earliest record still under the key. */
  first(key: string): T | undefined {
    const held = this.#byKey.get(key);
    return held instanceof Set ? held.values().next().value : held;
  }

  /** Every record under the key, earliest first. */
  all(key: string): T[] {
    const held = this.#byKey.get(key);
    return held === undefined ? [] : held instanceof Set ? [...held] : [held];
  }

  count(key: string): number {
    const held = this.#byKey.get(key);
    return held === undefined ? 0 : held instanceof Set ? held.size : 1;
  }
}
