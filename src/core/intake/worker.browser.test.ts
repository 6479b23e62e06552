import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { checkFile } from '../index.ts';
import type { CheckedRow, CheckResult } from '../index.ts';
import type { IntakeReply, IntakeRequest } from './worker.ts';

const WORKER_NAME = 'intake-under-test';

interface WorkerRun {
  result?: Omit<CheckResult, 'rows'>;
  rows: CheckedRow[];
  progress: Array<{ bytes: number; rows: number; totalBytes?: number }>;
  error?: { code: string; message: string };
}

/** Runs one read in a fresh worker. */
function runInWorker(request: IntakeRequest, transfer: Transferable[] = []): Promise<WorkerRun> {
  // Named, so the heap probe finds this worker among any others the page runs.
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: WORKER_NAME });
  const run: WorkerRun = { rows: [], progress: [] };
  return new Promise<WorkerRun>((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      resolve(run);
    };
    worker.onmessage = (event: MessageEvent<IntakeReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') run.progress.push({ bytes: reply.bytes, rows: reply.rows, ...(reply.totalBytes === undefined ? {} : { totalBytes: reply.totalBytes }) });
      else if (reply.type === 'rows') run.rows.push(...reply.rows);
      else if (reply.type === 'done') {
        run.result = reply.result as WorkerRun['result'];
        finish();
      } else {
        run.error = reply;
        finish();
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(request, transfer);
  });
}

// "Müller" in Windows-1252: ü is the single byte 0xFC. European Excel writes this with semicolons.
const european = new Uint8Array([
  ...new TextEncoder().encode('E-Mail;Vorname;Nachname\r\nhans@example.de;Hans;M'),
  0xfc,
  ...new TextEncoder().encode('ller\r\nHANS@example.de;Hans;Doppelt\r\nkein-at;Kurt;Ohne\r\n'),
]);

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** From scripts/worker-heap-probe.ts: sample a named worker's JS heap over the DevTools protocol. */
    startWorkerHeapProbe(name: string): Promise<void>;
    stopWorkerHeapProbe(name: string): Promise<{ peak: number; samples: number }>;
  }
}

describe('intake core in Chromium', () => {
  it('runs inside a Web Worker: decodes Windows-1252, detects semicolons, validates, dedupes', async () => {
    const bytes = european.slice().buffer;
    const run = await runInWorker({ input: bytes, options: { roles: ['admin', 'member'] } }, [bytes]);
    if (run.error) throw new Error(run.error.message);
    expect(run.result!.encoding).toBe('windows-1252');
    expect(run.result!.mapping).toMatchObject({ format: 'table', delimiter: ';', headerLine: 1 });
    expect(run.result!.summary).toEqual({ total: 3, valid: 1, invalid: 1, duplicate: 1 });
    expect(run.rows.map((row) => [row.line, row.email, row.status, row.code])).toEqual([
      [2, 'hans@example.de', 'valid', undefined],
      [3, 'hans@example.de', 'duplicate', 'DUPLICATE'],
      [4, 'kein-at', 'invalid', 'INVALID_EMAIL'],
    ]);
    expect(run.rows[0]!.lastName).toBe('Müller');
  });

  it('refuses an Excel workbook inside the worker with a reason', async () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('[Content_Types].xml')]);
    const run = await runInWorker({ input: new Blob([xlsx]) });
    expect(run.error).toMatchObject({ code: 'SPREADSHEET_FILE' });
  });

  it('reads a dropped File on the main thread (UTF-16 from Excel "Unicode Text")', async () => {
    const text = '\ufeffEmail\tName\r\nann@example.com\tAnn Lee\r\n';
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      utf16[i * 2] = text.charCodeAt(i) & 0xff;
      utf16[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const result = await checkFile(new File([utf16], 'contacts.txt', { type: 'text/plain' }));
    expect(result.encoding).toBe('utf-16le');
    expect(result.bom).toBe(true);
    expect(result.rows).toMatchObject([{ line: 2, email: 'ann@example.com', name: 'Ann Lee', status: 'valid' }]);
  });

  it('streams 1,000,000 rows from a File in a Worker with progress, its heap under twice the file', { timeout: 180_000 }, async () => {
    const parts: string[] = ['email,first_name,last_name,role\n'];
    for (let i = 0; i < 1_000_000; i += 10_000) {
      let block = '';
      for (let j = i; j < i + 10_000; j++) block += `user.${j}@example.com,User,Number${j % 97},member\n`;
      parts.push(block);
    }
    const file = new File(parts, 'million.csv', { type: 'text/csv' });
    parts.length = 0;
    await commands.startWorkerHeapProbe(WORKER_NAME);
    const run = await runInWorker({ input: file, options: { roles: ['member'] }, rows: false });
    const { peak, samples } = await commands.stopWorkerHeapProbe(WORKER_NAME);
    if (run.error) throw new Error(run.error.message);
    expect(run.result!.summary).toEqual({ total: 1_000_000, valid: 1_000_000, invalid: 0, duplicate: 0 });
    // Progress came as the file was read, ending at its size.
    expect(run.progress.length).toBeGreaterThan(10);
    expect(run.progress.at(-1)).toEqual({ bytes: file.size, rows: 1_000_000, totalBytes: file.size });
    expect(samples, `peak worker heap ${(peak / 1e6).toFixed(1)} MB for a ${(file.size / 1e6).toFixed(1)} MB file, ${samples} samples`).toBeGreaterThan(3);
    expect(peak).toBeLessThan(2 * file.size);
    console.log(`worker stream: ${(file.size / 1e6).toFixed(1)} MB, peak worker heap ${(peak / 1e6).toFixed(1)} MB, RATIO ${(peak / file.size).toFixed(2)}`);
  });
});
