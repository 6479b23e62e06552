/**
 * Any list of result rows as a CSV file: what a results table shows (one filter, a search, its order),
 * where `resultsToCsv` writes a whole run. Same rules as that one: RFC 4180 (CRLF, quotes doubled, a field
 * quoted when it holds a delimiter, quote or line break; https://www.rfc-editor.org/rfc/rfc4180), and no
 * live formula: a text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (OWASP, "CSV
 * Injection", https://owasp.org/www-community/attacks/CSV_Injection).
 */
import Papa from 'papaparse';
import { CSV_COLUMNS, type ResultRow } from '../send/export.ts';

/** The columns a table's export carries: the row, the person, and what became of the invitation. */
export const TABLE_CSV_COLUMNS: readonly (typeof CSV_COLUMNS)[number][] = CSV_COLUMNS.slice(0, 7);

export interface RowsCsvOptions {
  /** Start with a UTF-8 byte-order mark (Excel needs it to read accents). Default true. */
  bom?: boolean;
}

/**
 * papaparse's own `escapeFormulae: true` pattern ends in `.*$` without the `s` flag, so a multi-line cell
 * starting with `=` slips through; matching the first character alone covers it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** `rows` in their order, one line each, under a `line,email,name,role,status,code,message` header. */
export function resultRowsToCsv(rows: readonly ResultRow[], options: RowsCsvOptions = {}): string {
  const data = rows.map((row) => [row.line ?? '', row.email, row.name ?? '', row.role ?? '', row.status, row.code ?? '', row.message ?? '']);
  const csv = Papa.unparse({ fields: [...TABLE_CSV_COLUMNS], data }, { newline: '\r\n', escapeFormulae: FORMULA_START });
  // With no data rows papaparse already ends the header with the newline.
  return (options.bom === false ? '' : '\uFEFF') + csv.replace(/\r\n$/, '') + '\r\n';
}
