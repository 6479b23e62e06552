import { describe, expect, it } from 'vitest';
import { checkFile } from './index.ts';
import type { CheckResult } from './index.ts';

type Reply = { ok: true; result: CheckResult } | { ok: false; code: string; message: string };

function runInWorker(bytes: Uint8Array, options?: object): Promise<Reply> {
  const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Reply>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Reply>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    const copy = bytes.slice().buffer;
    worker.postMessage({ bytes: copy, options }, [copy]);
  });
}

// "Müller" in Windows-1252: ü is the single byte 0xFC. European Excel writes this with semicolons.
const european = new Uint8Array([
  ...new TextEncoder().encode('E-Mail;Vorname;Nachname\r\nhans@example.de;Hans;M'),
  0xfc,
  ...new TextEncoder().encode('ller\r\nHANS@example.de;Hans;Doppelt\r\nkein-at;Kurt;Ohne\r\n'),
]);

describe('intake core in Chromium', () => {
  it('runs inside a Web Worker: decodes Windows-1252, detects semicolons, validates, dedupes', async () => {
    const reply = await runInWorker(european, { roles: ['admin', 'member'] });
    if (!reply.ok) throw new Error(reply.message);
    const { result } = reply;
    expect(result.encoding).toBe('windows-1252');
    expect(result.mapping).toMatchObject({ format: 'table', delimiter: ';', headerLine: 1 });
    expect(result.summary).toEqual({ total: 3, valid: 1, invalid: 1, duplicate: 1 });
    expect(result.rows.map((row) => [row.line, row.email, row.status, row.code])).toEqual([
      [2, 'hans@example.de', 'valid', undefined],
      [3, 'hans@example.de', 'duplicate', 'DUPLICATE'],
      [4, 'kein-at', 'invalid', 'INVALID_EMAIL'],
    ]);
    expect(result.rows[0]!.lastName).toBe('Müller');
  });

  it('refuses an Excel workbook inside the worker with a reason', async () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('[Content_Types].xml')]);
    const reply = await runInWorker(xlsx);
    expect(reply).toMatchObject({ ok: false, code: 'SPREADSHEET_FILE' });
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
});
