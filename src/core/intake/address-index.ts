/**
 * An exact set of addresses, each mapped to the line it was first seen on, kept in flat typed arrays:
 * a fraction of the memory of a `Map<string, number>` (which also pins every key's source text).
 * Valid addresses are ASCII by rule, so each character is stored as one byte, and the
 * domains a list repeats (a company's own, gmail.com) are stored once, each address holding its
 * domain's number. Open addressing with linear probing; a lookup compares the stored bytes, so there
 * are no false matches.
 */
import { FNV_OFFSET, FNV_PRIME, hashOf, mixHash } from './string-hash.ts';

const PAGE_BITS = 20;
const PAGE_SIZE = 1 << PAGE_BITS;
/**
 * Each entry is a record in a page: the address's length + 1 (1 byte), its line (4 bytes), its domain's
 * number (2 bytes), then its characters up to and including the `@` (all of them when the domain is
 * stored in the record: `INLINE`).
 */
const HEADER_BYTES = 7;
const INLINE = 0xffff;
/** Domains numbered at most; later new ones are stored in their records. */
const MAX_DOMAINS = INLINE;
/** A domain this short costs no more in the record than its number. */
const MIN_DOMAIN_LENGTH = 3;

export class AddressIndex {
  /**
   * Entry records in 1 MiB pages: growth never copies them, and at most one page is partly empty. A
   * page ends at its last record, or at a zero byte where a record's first byte would be.
   */
  private pages: Uint8Array[] = [];
  /** Global offset of the next free byte (page number << PAGE_BITS | offset in page). */
  private used = 0;
  private count = 0;
  /**
   * Hash table of the records' global offsets + 1 (0 = empty); its length is a power of two. Hashes
   * are recomputed from the records when it grows, not kept.
   */
  private slots = new Int32Array(1 << 11);
  /** Domain → its number, and back. */
  private domainNumbers = new Map<string, number>();
  private domains: string[] = [];
  /** The last address split, as `get` and then `add` ask for the same one. */
  private lastEmail: string | undefined;
  private lastDomain = INLINE;

  get size(): number {
    return this.count;
  }

  /** The line stored for `email`, or undefined. */
  get(email: string): number | undefined {
    const hash = hashOf(email);
    const domain = this.domainNumber(email, false);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const record = this.slots[slot]! - 1;
      if (record < 0) return undefined;
      if (this.matches(record, email, domain)) return this.lineOf(record);
    }
  }

  /** Stores `email` → `line`. The caller has checked it is absent. Non-ASCII text is refused. */
  add(email: string, line: number): void {
    if (email.length > 254) throw new RangeError('Addresses are at most 254 characters.');
    for (let i = 0; i < email.length; i++) if (email.charCodeAt(i) > 127) throw new RangeError('Only ASCII addresses can be indexed.');
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const domain = this.domainNumber(email, true);
    const stored = this.storedLength(email.length, domain);
    let offset = this.used & (PAGE_SIZE - 1);
    if (this.used >>> PAGE_BITS >= this.pages.length || offset + HEADER_BYTES + stored > PAGE_SIZE) {
      // A record never straddles two pages; a fresh page's zero bytes end the one before it.
      this.pages.push(new Uint8Array(PAGE_SIZE));
      this.used = (this.pages.length - 1) << PAGE_BITS;
      offset = 0;
    }
    const page = this.pages[this.pages.length - 1]!;
    page[offset] = email.length + 1;
    page[offset + 1] = line & 0xff;
    page[offset + 2] = (line >>> 8) & 0xff;
    page[offset + 3] = (line >>> 16) & 0xff;
    page[offset + 4] = line >>> 24;
    page[offset + 5] = domain & 0xff;
    page[offset + 6] = domain >>> 8;
    for (let i = 0; i < stored; i++) page[offset + HEADER_BYTES + i] = email.charCodeAt(i);
    const record = this.used;
    this.used += HEADER_BYTES + stored;
    this.count++;
    this.place(record, hashOf(email));
  }

  /**
   * The number of `email`'s domain, or INLINE when it has none or it is not numbered. `add` numbers a new
   * domain while there is room; `get` only looks (an address whose domain has no number was stored whole).
   */
  private domainNumber(email: string, add: boolean): number {
    if (email === this.lastEmail && (!add || this.lastDomain !== INLINE)) return this.lastDomain;
    const at = email.lastIndexOf('@');
    let number = INLINE;
    if (at >= 0 && email.length - at - 1 >= MIN_DOMAIN_LENGTH) {
      const domain = email.slice(at + 1);
      number = this.domainNumbers.get(domain) ?? INLINE;
      if (number === INLINE && add && this.domains.length < MAX_DOMAINS) {
        number = this.domains.length;
        // A copy: the slice would pin the text the address was cut from.
        const own = (' ' + domain).slice(1);
        this.domains.push(own);
        this.domainNumbers.set(own, number);
      }
    }
    this.lastEmail = email;
    this.lastDomain = number;
    return number;
  }

  private matches(record: number, email: string, domain: number): boolean {
    const page = this.pages[record >>> PAGE_BITS]!;
    const offset = record & (PAGE_SIZE - 1);
    if (page[offset] !== email.length + 1 || domainAt(page, offset) !== domain) return false;
    const stored = this.storedLength(email.length, domain);
    const start = offset + HEADER_BYTES;
    for (let i = 0; i < stored; i++) if (page[start + i] !== email.charCodeAt(i)) return false;
    return true;
  }

  private lineOf(record: number): number {
    const page = this.pages[record >>> PAGE_BITS]!;
    const offset = record & (PAGE_SIZE - 1);
    return (page[offset + 1]! | (page[offset + 2]! << 8) | (page[offset + 3]! << 16) | (page[offset + 4]! << 24)) >>> 0;
  }

  /** How many of an address's characters its record holds: all, or those up to the numbered domain. */
  private storedLength(length: number, domain: number): number {
    return domain === INLINE ? length : length - this.domains[domain]!.length;
  }

  /** The record's length in the page. */
  private recordBytes(page: Uint8Array, offset: number): number {
    return HEADER_BYTES + this.storedLength(page[offset]! - 1, domainAt(page, offset));
  }

  /** The hash of a record's address: the same as `hashOf` of its text. */
  private storedHash(page: Uint8Array, offset: number): number {
    let hash = FNV_OFFSET;
    for (let i = offset + HEADER_BYTES, end = offset + this.recordBytes(page, offset); i < end; i++) hash = Math.imul(hash ^ page[i]!, FNV_PRIME);
    const domain = domainAt(page, offset);
    if (domain !== INLINE) {
      const text = this.domains[domain]!;
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    }
    return mixHash(hash);
  }

  private place(record: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = record + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let number = 0; number < this.pages.length; number++) {
      const page = this.pages[number]!;
      // The last page ends where the next record would go (at PAGE_SIZE itself when exactly full).
      const end = Math.min(PAGE_SIZE, this.used - number * PAGE_SIZE);
      for (let offset = 0; offset + HEADER_BYTES <= end && page[offset] !== 0; offset += this.recordBytes(page, offset)) {
        this.place((number << PAGE_BITS) | offset, this.storedHash(page, offset));
      }
    }
  }
}

/** The domain number a record holds. */
function domainAt(page: Uint8Array, offset: number): number {
  return page[offset + 5]! | (page[offset + 6]! << 8);
}
