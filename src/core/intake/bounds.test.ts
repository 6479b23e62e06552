/** Bounded input: a size limit refused before reading, NUL bytes refused with their line, progress. */
import { describe, expect, it } from 'vitest';
import { checkBytes, checkFile, checkStream, checkText, DEFAULT_MAX_BYTES, IntakeError, type StreamProgress } from '../index.ts';

function refusal(run: () => unknown): IntakeError {
  try {
    run();
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
  throw new Error('expected an IntakeError');
}

async function refusalOf(run: () => Promise<unknown>): Promise<IntakeError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
  throw new Error('expected an IntakeError');
}

async function* chunks(parts: readonly (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? new TextEncoder().encode(part) : part;
}

const list = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`).join('\n') + '\n';

describe('a size limit, refused before reading', () => {
  it('defaults to 200 MiB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(200 * 1024 * 1024);
  });

  it('checkBytes and checkText refuse past maxBytes with TOO_LARGE, naming size and limit', () => {
    const bytes = new TextEncoder().encode(list(100));
    expect(refusal(() => checkBytes(bytes, { maxBytes: 1000 }))).toMatchObject({
      code: 'TOO_LARGE',
      message: `The input is ${bytes.length} bytes; the limit is 1000 bytes. Split the list, or raise the limit (maxBytes).`,
    });
    expect(refusal(() => checkText(list(100), { maxBytes: 1000 })).code).toBe('TOO_LARGE');
    expect(checkBytes(bytes, { maxBytes: bytes.length }).summary.valid).toBe(100);
  });

  /** A Blob whose whole-content reads are counted (slices of it are read as usual). */
  function watched(file: Blob): { blob: Blob; wholeReads: () => number } {
    let reads = 0;
    const blob = {
      size: file.size,
      slice: (...args: Parameters<Blob['slice']>) => file.slice(...args),
      arrayBuffer: () => {
        reads++;
        return file.arrayBuffer();
      },
    } as unknown as Blob;
    return { blob, wholeReads: () => reads };
  }

  it('checkFile refuses by the file size without reading it', async () => {
    const file = watched(new Blob([list(1000)]));
    expect((await refusalOf(() => checkFile(file.blob, { maxBytes: 1000 }))).code).toBe('TOO_LARGE');
    expect(file.wholeReads()).toBe(0);
  });

  it('checkFile refuses a PNG by its first bytes, before reading the rest', async () => {
    const png = new Uint8Array(1 << 20);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const file = watched(new Blob([png]));
    expect(await refusalOf(() => checkFile(file.blob))).toMatchObject({ code: 'BINARY_FILE', message: expect.stringContaining('PNG image') });
    expect(file.wholeReads()).toBe(0);
  });

  it('checkStream refuses as soon as the bytes read pass the limit, or at once from totalBytes', async () => {
    const pieces = Array.from({ length: 50 }, () => list(20));
    let pulled = 0;
    async function* counted() {
      for (const piece of pieces) {
        pulled++;
        yield new TextEncoder().encode(piece);
      }
    }
    expect((await refusalOf(() => checkStream(counted(), { maxBytes: 2000 }, () => {}))).code).toBe('TOO_LARGE');
    expect(pulled).toBeLessThan(10);
    pulled = 0;
    expect((await refusalOf(() => checkStream(counted(), { maxBytes: 2000, totalBytes: 50_000 }, () => {}))).code).toBe('TOO_LARGE');
    expect(pulled).toBe(0);
  });

  it('refuses a PNG stream from its first chunk of 4 KiB, not a head of 256 KiB', async () => {
    let pulled = 0;
    async function* png() {
      const first = new Uint8Array(4096);
      first.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      pulled++;
      yield first;
      for (;;) {
        pulled++;
        yield new Uint8Array(4096);
      }
    }
    expect((await refusalOf(() => checkStream(png(), {}, () => {}))).code).toBe('BINARY_FILE');
    expect(pulled).toBe(1);
  });
});

describe('a NUL byte is refused, and the message gives its line', () => {
  const withNul = 'Email,Name\nann@x.com,Ann\nbob@x.com,B\u0000ob\ncat@x.com,Cat\n';

  it.each([
    ['checkText', () => checkText(withNul)],
    ['checkBytes', () => checkBytes(new TextEncoder().encode(withNul))],
  ])('%s', (_name, run) => {
    expect(refusal(run)).toMatchObject({ code: 'BINARY_FILE', message: expect.stringContaining('a NUL byte on line 3') });
  });

  it('checkStream, with the NUL far past the first chunks', async () => {
    const head = `Email\n${list(30_000)}`;
    const lines = head.split('\n').length - 1;
    const error = await refusalOf(() => checkStream(chunks([head, 'tail@x.com\nbad\u0000@x.com\n']), {}, () => {}));
    expect(error).toMatchObject({ code: 'BINARY_FILE', message: expect.stringContaining(`a NUL byte on line ${lines + 2}`) });
  });
});

describe('checkStream reports progress', () => {
  it('after each chunk: bytes and rows read so far, and the total when given', async () => {
    const text = list(20_000);
    const bytes = new TextEncoder().encode(text);
    const parts: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += 64 * 1024) parts.push(bytes.slice(at, at + 64 * 1024));
    const seen: StreamProgress[] = [];
    const result = await checkStream(chunks(parts), { totalBytes: bytes.length, onProgress: (progress) => seen.push(progress) }, () => {});
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.bytes).toBeGreaterThanOrEqual(seen[i - 1]!.bytes);
      expect(seen[i]!.rows).toBeGreaterThanOrEqual(seen[i - 1]!.rows);
    }
    expect(seen.at(-1)).toEqual({ bytes: bytes.length, rows: 20_000, totalBytes: bytes.length });
    expect(result.summary.total).toBe(20_000);
  });
});
