/**
 * Child process of the intake benchmark: streams one file through `checkStream` and prints
 * `{ rows, peakBytes, peakHeapBytes, ms }`. peakBytes is the highest resident set sampled during the run
 * (every 10,000 rows and every chunk) minus the resident set just before it, so the loader's start-up
 * does not count; peakHeapBytes is the same for V8's heap plus external buffers.
 */
import { checkStream } from '../src/core/index.ts';
import { fileChunks } from './file-chunks.ts';

const file = process.argv[2]!;
globalThis.gc?.();
const before = process.memoryUsage();
const baseHeap = before.heapUsed + before.external;
let peak = before.rss;
let peakHeap = baseHeap;
const sample = () => {
  const now = process.memoryUsage();
  peak = Math.max(peak, now.rss);
  peakHeap = Math.max(peakHeap, now.heapUsed + now.external);
};
const start = performance.now();
let rows = 0;
async function* chunks() {
  for await (const chunk of fileChunks(file, 64 * 1024)) {
    sample();
    yield chunk;
  }
}
const result = await checkStream(chunks(), { roles: ['admin', 'member', 'reader'] }, () => {
  if (++rows % 10_000 === 0) sample();
});
sample();
const ms = performance.now() - start;
if (result.summary.total !== rows) throw new Error(`summary says ${result.summary.total} rows, ${rows} were emitted`);
process.stdout.write(JSON.stringify({ rows, peakBytes: peak - before.rss, peakHeapBytes: peakHeap - baseHeap, ms }));
