/**
 * The same kind of input laid out in every shape a person can paste or a tool can write, and the shapes
 * built to make a reader slow down (quotes that never close, brackets that never close, one enormous
 * line). Each is read by `checkText`; reading must be linear, so each shape's time per megabyte is
 * compared with an ordinary exported file's.
 */
import { inviteCsv } from './generate.ts';

const addresses = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`);

/** Builders by scale: `n` is roughly the number of entries (or of repeated units). */
export const LINE_SHAPES: Record<string, (n: number) => string> = {
  'one address per line': (n) => addresses(n).join('\n'),
  'addresses on one line, spaces': (n) => addresses(n).join(' '),
  'addresses on one line, semicolons': (n) => addresses(n).join('; '),
  'addresses on one line, commas': (n) => addresses(n).join(', '),
  'Name <address> on one line': (n) => addresses(n).map((a, i) => `User ${i} <${a}>`).join(', '),
  'words and one address per word pair': (n) => addresses(n).map((a, i) => `word${i} ${a}`).join(' '),
  'one line of words, no address': (n) => 'lorem ipsum '.repeat(n),
  "'<' that never closes": (n) => 'a <b '.repeat(n),
  "'\"' that never closes": (n) => '"a '.repeat(n),
  "'(' that never closes": (n) => '(a '.repeat(n),
  'a table cell of stray quotes': (n) => `Email,Name\nann@x.io,Ann\nbob@x.io,"${'a"'.repeat(n)},Bob\ncat@x.io,Cat\n`,
  'a table cell of spaces': (n) => `Email,Name\nann@x.io,Ann\n${' '.repeat(n * 4)}bob@x.io${' '.repeat(n * 4)},Bob\n`,
  "'a@' entries": (n) => 'a@ '.repeat(n),
  '2,000 columns': (n) => {
    const header = ['Email', ...Array.from({ length: 1999 }, (_, i) => `c${i}`)].join(',');
    const rows = Array.from({ length: Math.max(1, Math.round(n / 500)) }, (_, r) => `u${r}@x.io,${Array(1999).fill('v').join(',')}`);
    return `${header}\n${rows.join('\n')}\n`;
  },
};

/**
 * Shapes whose rows are few or cheap, so that a quadratic cost only shows at larger `n`: tests read
 * them at this many times the usual scale.
 */
export const CHEAP_SHAPES: Readonly<Record<string, number>> = {
  'one line of words, no address': 4,
  "'<' that never closes": 4,
  "'\"' that never closes": 4,
  "'(' that never closes": 4,
  'a table cell of stray quotes': 4,
  'a table cell of spaces': 4,
};

/** The reference: an ordinary export of about the same size. */
export function ordinaryFile(rows: number): string {
  return inviteCsv(rows);
}
