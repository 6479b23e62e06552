/**
 * Reading the CLI's input: a file path or `-` for standard input, as bytes (decoding is the core's job).
 * Bounded: a file over the size limit is refused by its size, and one that starts like a workbook, an
 * image or an archive by its first bytes, before the rest is read; standard input stops at the limit.
 * `/dev/zero` and other endless devices are refused from their first bytes too.
 */
import { open } from 'node:fs/promises';
import { assertSize, DEFAULT_MAX_BYTES } from '../core/intake/check.ts';
import { assertNoNul, assertNotBinaryFormat } from '../core/intake/decode.ts';
import { IntakeError } from '../core/intake/errors.ts';

export class UnreadableInput extends Error {}

/** Enough of the start for the magic numbers (the xlsx marker sits in the first local file header). */
const HEAD_BYTES = 64 * 1024;

function sniff(head: Uint8Array): void {
  assertNotBinaryFormat(head);
  // NUL bytes in the first KiB of a file that is not UTF-16 (whose zero bytes are half of every ASCII
  // character): binary, whatever it is. The core says where.
  const window = head.subarray(0, 1024);
  const zeros = window.reduce((n, byte) => n + (byte === 0 ? 1 : 0), 0);
  if (zeros > window.length * 0.6) assertNoNul('\0');
}

function unreadable(path: string, error: unknown): UnreadableInput {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UnreadableInput(`${path}: no such file.`);
  if (code === 'EISDIR') return new UnreadableInput(`${path} is a folder, not a file.`);
  if (code === 'EACCES') return new UnreadableInput(`${path}: permission denied.`);
  return new UnreadableInput(`${path}: ${(error as Error).message}`);
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  let sniffed = false;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (!sniffed && size >= HEAD_BYTES) {
      sniff(new Uint8Array(Buffer.concat(chunks)));
      sniffed = true;
    }
    assertSize(size, { maxBytes });
  }
  const bytes = new Uint8Array(Buffer.concat(chunks));
  if (!sniffed) sniff(bytes);
  return bytes;
}

export async function readInput(path: string, { maxBytes = DEFAULT_MAX_BYTES }: { maxBytes?: number } = {}): Promise<Uint8Array> {
  if (path === '-') return readStdin(maxBytes);
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const { size, isFile } = await file.stat().then((stat) => ({ size: stat.size, isFile: stat.isFile() }));
    if (isFile) assertSize(size, { maxBytes });
    // The head first: a workbook or an image is refused without reading the rest.
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
    sniff(new Uint8Array(head.buffer, head.byteOffset, bytesRead));
    if (isFile && size <= HEAD_BYTES && bytesRead === size) return new Uint8Array(head.buffer, head.byteOffset, bytesRead);
    // The rest, bounded even for a device or a file still growing.
    const chunks: Buffer[] = [head.subarray(0, bytesRead)];
    let total = bytesRead;
    for (;;) {
      const chunk = Buffer.alloc(1024 * 1024);
      const read = await file.read(chunk, 0, chunk.length, total);
      if (read.bytesRead === 0) break;
      chunks.push(chunk.subarray(0, read.bytesRead));
      total += read.bytesRead;
      assertSize(total, { maxBytes });
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } catch (error) {
    if (!(error instanceof IntakeError) && (error as NodeJS.ErrnoException).code) throw unreadable(path, error);
    throw error;
  } finally {
    await file.close();
  }
}

/** Writes text to stdout, waiting when the pipe is full (large outputs piped to slow readers). */
export async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) {
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}
