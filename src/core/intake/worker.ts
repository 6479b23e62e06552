/**
 * The intake core in a Web Worker, so that reading a large file never blocks the page. A message
 * `{ input, options, rows }` starts a read: `input` is a `Blob`/`File` (streamed, with `progress`
 * messages, its memory bounded by the file's size), bytes, or text. The worker answers with `progress`
 * messages, `rows` messages in batches (unless `rows: false`, when only the counts matter), and one
 * `done` (summary, mapping, encoding…) or `error` (an `IntakeError`'s code, params and English message;
 * `new IntakeError(code, params)` rebuilds it on the page).
 */
import { checkBytes, checkStream, checkText, IntakeError, type CheckedRow, type CheckOptions } from '../index.ts';
import type { IntakeErrorArgs } from './errors.ts';

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
  | ({ type: 'error'; message: string } & ({ code: IntakeErrorArgs[0]; params: IntakeErrorArgs[1] } | { code: 'UNEXPECTED'; params?: never }));

const BATCH = 2000;

async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
    // A stream of buffered chunks resolves in microtasks only; every MiB, let the worker's event loop
    // run a task (messages, a debugger's requests) before going on.
    bytes += value.length;
    if (bytes >= 1 << 20) {
      bytes = 0;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
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
    if (error instanceof IntakeError) post({ type: 'error', code: error.code, params: error.params, message: error.message });
    else post({ type: 'error', code: 'UNEXPECTED', message: (error as Error).message });
  }
};
