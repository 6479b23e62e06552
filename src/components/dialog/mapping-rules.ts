/**
 * When the dialog asks which column holds the addresses: the core read a table and either found no
 * address column, chose among several unnamed ones by content, or took one by content although the
 * table has a header that named none. A column whose header marks it as secondary (home, manager,
 * login) is not a doubt: the header says so.
 */
import type { DraftSnapshot, MappingReport } from '../../core/index.ts';

export function needsMapping(snapshot: Pick<DraftSnapshot, 'mapping' | 'rows'>): boolean {
  const mapping = snapshot.mapping;
  if (!mapping || mapping.format !== 'table' || snapshot.rows.length === 0) return false;
  const email = mapping.columns.email;
  if (!email) return (mapping.otherAddressColumns?.length ?? 0) > 0;
  if (mapping.otherAddressColumns?.some((column) => column.reason === 'not-chosen')) return true;
  return mapping.headerLine !== undefined && email.source === 'content';
}

export interface ColumnCandidate {
  index: number;
  header?: string;
  /** How the core saw it: the one it chose, another column of addresses, or one its header sets apart. */
  kind: 'chosen' | 'other' | 'secondary';
}

/** The columns a person can choose the addresses from, the core's choice first. */
export function columnCandidates(mapping: MappingReport): ColumnCandidate[] {
  const list: ColumnCandidate[] = [];
  const email = mapping.columns.email;
  if (email) list.push({ index: email.index, ...(email.header ? { header: email.header } : {}), kind: 'chosen' });
  for (const column of mapping.otherAddressColumns ?? []) {
    if (list.some((item) => item.index === column.index)) continue;
    list.push({ index: column.index, ...(column.header ? { header: column.header } : {}), kind: column.reason === 'secondary' ? 'secondary' : 'other' });
  }
  return list;
}
