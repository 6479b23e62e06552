/**
 * From the intake's checked rows to what the engine sends: only the valid rows, as plain invitees
 * (rejected rows stay with the intake result; `export.ts` puts both back together).
 */
import type { Invitee } from '../contract.ts';
import type { CheckedRow } from '../intake/row-rules.ts';

export function inviteesFromRows(rows: Iterable<CheckedRow>): Invitee[] {
  const invitees: Invitee[] = [];
  for (const row of rows) {
    if (row.status !== 'valid') continue;
    const invitee: Invitee = { email: row.email, line: row.line };
    if (row.name !== undefined) invitee.name = row.name;
    if (row.firstName !== undefined) invitee.firstName = row.firstName;
    if (row.lastName !== undefined) invitee.lastName = row.lastName;
    if (row.role !== undefined) invitee.role = row.role;
    invitees.push(invitee);
  }
  return invitees;
}
