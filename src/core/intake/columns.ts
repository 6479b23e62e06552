/**
 * Which column holds what. Headers are matched after folding case, accents, spaces and punctuation
 * (`E-mail Address`, `email_address` and `Email Address [Required]` all read alike), against the names
 * real exports use: Outlook, Google Contacts, the Microsoft 365 user template, Azure AD B2B bulk
 * invites, HubSpot, Slack, plus common non-English headers. A column is taken as the address column
 * only if its cells actually hold addresses, so a Slack `username` or a notes column never wins.
 */
import { formatMessage } from '../messages/format.ts';
import type { InvalidOptionsParams } from './errors.ts';
import { FIELDS, foldHeader, headerRank, isSecondaryAddressHeader, type Field } from './header-aliases.ts';

export { FIELDS, foldHeader, headerRank, type Field };

export interface ColumnChoice {
  /** 0-based column index. */
  index: number;
  /** The header text, when the input has a header row. */
  header?: string;
  /** How the column was chosen. */
  source: 'header' | 'content' | 'override';
}

export type ColumnMapping = Partial<Record<Field, ColumnChoice>>;

/** Caller override: a column index (0-based) or header text per field; `null` leaves the field unmapped. */
export type ColumnOverride = Partial<Record<Field, number | string | null>>;

/** Whether a row of cells reads as a header: it names an address column and holds no address itself. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  if (cells.some((cell) => cell.includes('@'))) return false;
  if (cells.some((cell) => headerRank('email', cell) !== undefined)) return true;
  // A header without an address column still names several person fields (rows then lack addresses).
  const named = cells.filter((cell) => FIELDS.some((field) => headerRank(field, cell) !== undefined)).length;
  return named >= 2;
}

/** Share of non-empty sample cells in a column that contain an `@`. */
export function addressShare(rows: readonly (readonly string[])[], index: number): number {
  let filled = 0;
  let withAt = 0;
  for (const row of rows) {
    const cell = row[index]?.trim();
    if (!cell) continue;
    filled++;
    if (cell.includes('@')) withAt++;
  }
  return filled === 0 ? 0 : withAt / filled;
}

/** Columns whose sample cells mostly hold addresses. */
export function addressColumns(rows: readonly (readonly string[])[], width: number): number[] {
  const found: number[] = [];
  for (let i = 0; i < width; i++) if (addressShare(rows, i) >= 0.5) found.push(i);
  return found;
}

/**
 * Among several columns of addresses (person and manager, attendee and buyer, work and home), the
 * invitee's: the one whose addresses are most distinct (a manager or buyer repeats down the column);
 * ties go to the leftmost.
 */
export function chooseAddressColumn(rows: readonly (readonly string[])[], columns: readonly number[]): number | undefined {
  let best: number | undefined;
  let bestDistinct = -1;
  for (const index of columns) {
    const seen = new Set<string>();
    for (const row of rows) {
      const cell = row[index]?.trim().toLowerCase();
      if (cell && cell.includes('@')) seen.add(cell);
    }
    if (seen.size > bestDistinct) {
      best = index;
      bestDistinct = seen.size;
    }
  }
  return best;
}

/** Maps columns from a header row, checking the address column against sample rows. */
export function mapFromHeader(header: readonly string[], sample: readonly (readonly string[])[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const field of FIELDS) {
    const candidates = header
      .map((text, index) => ({ index, text, rank: headerRank(field, text) }))
      .filter((c): c is { index: number; text: string; rank: number } => c.rank !== undefined && !taken.has(c.index))
      .sort((a, b) => a.rank - b.rank || a.index - b.index);
    let usable = candidates[0];
    if (field === 'email' && sample.length > 0) {
      // With data to look at, a header saying "email" wins only over a column of addresses no header
      // names if its own cells mostly hold addresses: one stray @ in a Login column does not beat it.
      usable = candidates.find((c) => addressShare(sample, c.index) >= 0.5);
      if (!usable) {
        const byContent = addressColumns(sample, header.length).filter((i) => !taken.has(i) && !isSecondaryAddressHeader(header[i] ?? ''));
        const index = chooseAddressColumn(sample, byContent);
        if (index !== undefined) {
          mapping.email = { index, source: 'content', ...(header[index] ? { header: header[index] } : {}) };
          taken.add(index);
          continue;
        }
        usable = candidates.find((c) => addressShare(sample, c.index) > 0);
      }
    }
    if (usable) {
      mapping[field] = { index: usable.index, header: usable.text, source: 'header' };
      taken.add(usable.index);
    }
  }
  return mapping;
}

/**
 * Maps a headerless table by content: the invitee's column of addresses (see chooseAddressColumn); a
 * column whose cells all are known roles; and, when exactly one other column holds text, the name.
 */
export function mapFromContent(sample: readonly (readonly string[])[], width: number, roles?: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const emails = addressColumns(sample, width);
  const email = chooseAddressColumn(sample, emails);
  if (email === undefined) return mapping;
  mapping.email = { index: email, source: 'content' };
  const known = roles && roles.length > 0 ? new Set(roles.map((role) => role.toLowerCase())) : undefined;
  const others: number[] = [];
  for (let i = 0; i < width; i++) {
    if (emails.includes(i)) continue;
    const cells = sample.map((row) => row[i]?.trim() ?? '').filter((cell) => cell.length > 0);
    if (cells.length === 0) continue;
    if (known && !mapping.role && cells.every((cell) => known.has(cell.toLowerCase()))) {
      mapping.role = { index: i, source: 'content' };
    } else if (cells.some((cell) => /\p{L}/u.test(cell))) {
      others.push(i);
    }
  }
  if (others.length === 1) mapping.name = { index: others[0]!, source: 'content' };
  return mapping;
}

/** A column of addresses that is not the invitee's, and why. Its addresses never become invitees. */
export interface OtherAddressColumn {
  index: number;
  header?: string;
  /** `secondary`: its header says so (home, manager, buyer, login…); `not-chosen`: another column won. */
  reason: 'secondary' | 'not-chosen';
}

/** The address columns a mapping leaves out, so the report can say they were seen and set aside. */
export function otherAddressColumns(
  sample: readonly (readonly string[])[],
  width: number,
  mapping: ColumnMapping,
  header?: readonly string[],
): OtherAddressColumn[] {
  const email = mapping.email?.index;
  return addressColumns(sample, width)
    // A display name that quotes the address (Outlook's `E-mail Display Name`) is not an address column.
    .filter((index) => index !== email && !(header?.[index] !== undefined && foldHeader(header[index]!).includes('display')))
    .map((index) => {
      const text = header?.[index];
      return { index, ...(text ? { header: text } : {}), reason: text && isSecondaryAddressHeader(text) ? 'secondary' : 'not-chosen' };
    });
}

/** A column override that names no column of the input: a `RangeError` with what it asked for. */
export class ColumnOverrideError extends RangeError {
  override readonly name = 'ColumnOverrideError';
  constructor(readonly params: Extract<InvalidOptionsParams, { reason: 'NO_SUCH_HEADER' | 'NO_SUCH_COLUMN' }>) {
    super(formatMessage('intakeError.INVALID_OPTIONS', params));
  }
}

/** Applies a caller's override on top of a detected mapping. Throws on a column that does not exist. */
export function applyOverride(
  mapping: ColumnMapping,
  override: ColumnOverride | undefined,
  header: readonly string[] | undefined,
  width: number,
): ColumnMapping {
  if (!override) return mapping;
  const result: ColumnMapping = { ...mapping };
  for (const field of FIELDS) {
    if (!(field in override)) continue;
    const wanted = override[field];
    if (wanted === null || wanted === undefined) {
      delete result[field];
      continue;
    }
    let index: number;
    if (typeof wanted === 'number') {
      index = wanted;
    } else {
      index = header ? header.findIndex((text) => foldHeader(text) === foldHeader(wanted)) : -1;
      if (index < 0) throw new ColumnOverrideError({ reason: 'NO_SUCH_HEADER', field, header: wanted });
    }
    if (!Number.isInteger(index) || index < 0 || index >= width) {
      throw new ColumnOverrideError({ reason: 'NO_SUCH_COLUMN', field, index, width });
    }
    result[field] = { index, source: 'override', ...(header?.[index] ? { header: header[index] } : {}) };
  }
  return result;
}
