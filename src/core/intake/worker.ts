/**
 * The intake core in a Web Worker, so that reading a large file never blocks the page. A message
 * `{ input, options, rows }` starts a read: `input` is a `Blob`/`File` (streamed, with `progress`
 * messages, its memory bounded by the file's size), bytes, or text. The worker answers with `progress`
 * messages, `rows` messages in batches (unless `rows: false`, when only the counts matter), and one
 * `done` (summary, mapping, encoding…) or `error` (an `IntakeError`'s code and message).
 */
import { checkBytes, checkStream, checkText, IntakeError, type CheckedRow, type CheckOptions } from '../index.ts';

export interface IntakeRequest {
  input: Blob | ArrayBuffer | Uint8Array | string;
  options?: CheckOptions;
  /** Send the rows back (default true). */
  rows?: boolean;
}

export type IntakeReply =
  | { type: 'progress'; bytes: number; rows: number; totalBytes?: number }
  | { type: 'rows'; rows: CheckedRow[] }
  | { type: 'done'; result: Record<string, unknown> }
  | { type: 'error'; code: string; message: string };

const BATCH = 2000;

async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

const post = (reply: IntakeReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<IntakeRequest>) => {
  const { input, options = {}, rows: wantRows = true } = event.data;
  try {
    if (input instanceof Blob) {
      let batch: CheckedRow[] = [];
      const result = await checkStream(
        blobChunks(input),
        { ...options, totalBytes: input.size, onProgress: (progress) => post({ type: 'progress', ...progress }) },
        (row) => {
          if (!wantRows) return;
          batch.push(row);
          if (batch.length >= BATCH) {
            post({ type: 'rows', rows: batch });
            batch = [];
          }
        },
      );
      if (batch.length > 0) post({ type: 'rows', rows: batch });
      post({ type: 'done', result: { ...result } });
      return;
    }
    const { rows, ...result } = typeof input === 'string' ? checkText(input, options) : checkBytes(input, options);
    if (wantRows) for (let i = 0; i < rows.length; i += BATCH) post({ type: 'rows', rows: rows.slice(i, i + BATCH) });
    post({ type: 'done', result });
  } catch (error) {
    post({ type: 'error', code: error instanceof IntakeError ? error.code : 'UNEXPECTED', message: (error as Error).message });
  }
};
