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

/** The same list, laid out another way: these must read within 3× an ordinary file's time per MB. */
export const SAME_LIST_SHAPES = [
  'one address per line',
  'addresses on one line, spaces',
  'addresses on one line, semicolons',
  'addresses on one line, commas',
  'Name <address> on one line',
] as const;

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

/**
 * Prints each shape's reading time per megabyte against an ordinary export's, in one run. `read` is
 * the intake (passed in, so this module stays a list of inputs for the tests as well).
 */
export function benchLineShapes(read: (text: string) => void, log: (line: string) => void = console.log): { worstSameList: number; worstAny: number } {
  const best = (text: string) => {
    const run = () => {
      try {
        read(text);
      } catch {
        // A refusal (nothing to read) is timed like a reading.
      }
    };
    run();
    return Math.min(cpuMs(run), cpuMs(run), cpuMs(run));
  };
  const ordinary = ordinaryFile(100_000);
  const perMb = (text: string) => best(text) / (text.length / 1e6);
  const reference = perMb(ordinary);
  log(`shapes: an ordinary export (${(ordinary.length / 1e6).toFixed(1)} MB) reads at ${reference.toFixed(0)} ms/MB`);
  let worstSameList = 0;
  let worstAny = 0;
  for (const [name, make] of Object.entries(LINE_SHAPES)) {
    const sameList = (SAME_LIST_SHAPES as readonly string[]).includes(name);
    // The same list at 450,000 addresses is a 10 MB line when it is on one line.
    const text = make(sameList ? 450_000 : 100_000 * (CHEAP_SHAPES[name] ?? 1));
    const ratio = perMb(text) / reference;
    if (sameList) worstSameList = Math.max(worstSameList, ratio);
    worstAny = Math.max(worstAny, ratio);
    log(`shapes: ${name} (${(text.length / 1e6).toFixed(1)} MB): ${(ratio * reference).toFixed(0)} ms/MB, ${ratio.toFixed(2)}× ordinary`);
  }
  log(`shapes: RATIO worst layout of the same list / ordinary file, per MB = ${worstSameList.toFixed(2)} (target ≤ 3)`);
  log(`shapes: RATIO worst input of any shape / ordinary file, per MB = ${worstAny.toFixed(2)} (reported; linearity is pinned by src/core/intake/linear.test.ts)`);
  return { worstSameList, worstAny };
}
