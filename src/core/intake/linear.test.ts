/**
 * Reading is linear in the input's size, whatever its shape: each shape is read at two sizes, and the
 * larger (8× the input) must take less than 24× the smaller's CPU time. A reader that backtracks or
 * rescans per entry grows with the square of the size (64× here, and far more at real sizes: before,
 * 20,000 space-separated addresses took over a minute) and fails; noise on a shared machine does not
 * come near 24×. Sizes, not wall-clock limits, are what is pinned.
 */
import { describe, expect, it } from 'vitest';
import { CHEAP_SHAPES, LINE_SHAPES } from '../../../bench/line-shapes.ts';
import { checkText, IntakeError } from '../index.ts';

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

/** The best of three: the least disturbed by whatever else the machine is doing. */
function cost(text: string): number {
  const read = () => {
    try {
      checkText(text);
    } catch (error) {
      // Some shapes are refused (nothing to read): refusing must be linear too.
      if (!(error instanceof IntakeError)) throw error;
    }
  };
  read();
  return Math.min(cpuMs(read), cpuMs(read), cpuMs(read));
}

describe('every reader is linear in the size of its input', () => {
  it.each(Object.keys(LINE_SHAPES))('%s', { timeout: 120_000 }, (shape) => {
    const make = LINE_SHAPES[shape]!;
    const scale = CHEAP_SHAPES[shape] ?? 1;
    const small = make(12_500 * scale);
    const large = make(100_000 * scale);
    expect(large.length).toBeGreaterThan(7 * small.length);
    const [a, b] = [cost(small), cost(large)];
    // Below a few milliseconds the ratio is noise; the large input is what would blow up.
    expect(b, `${shape}: ${a.toFixed(1)} ms for ${small.length} chars, ${b.toFixed(1)} ms for ${large.length}`).toBeLessThan(24 * Math.max(a, 3));
  });
});
