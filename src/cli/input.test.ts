/** The CLI's input reader: bounded by size, refusing binaries from their first bytes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, writeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IntakeError } from '../core/index.ts';
import { readInput } from './input.ts';

const bin = fileURLToPath(new URL('../../bin/bulk-invite.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bulk-invite-input-'));

/** A large file that takes no disk: its first bytes, then a hole up to `size`. */
function sparse(name: string, head: Uint8Array, size: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  ftruncateSync(fd, size);
  closeSync(fd);
  return path;
}

async function refusal(run: () => Promise<unknown>): Promise<IntakeError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
  throw new Error('expected an IntakeError');
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('readInput', () => {
  it('refuses a 300 MB file that starts with PNG bytes from its head, holding almost none of it', async () => {
    const path = sparse('photo.csv', PNG, 300 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const error = await refusal(() => readInput(path, { maxBytes: 1024 * 1024 * 1024 }));
    expect(error).toMatchObject({ code: 'BINARY_FILE', message: expect.stringContaining('PNG image') });
    // Before, the whole file was read (676 MB) and only then refused.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses a file over the limit by its size alone', async () => {
    const path = sparse('huge.csv', new TextEncoder().encode('email\nann@x.com\n'), 300 * 1024 * 1024);
    expect(await refusal(() => readInput(path))).toMatchObject({
      code: 'TOO_LARGE',
      message: 'The input is 300.0 MB; the limit is 200.0 MB. Split the list, or raise the limit (maxBytes).',
    });
  });

  it('refuses /dev/zero from its first bytes instead of reading forever', async () => {
    expect(await refusal(() => readInput('/dev/zero'))).toMatchObject({ code: 'BINARY_FILE', message: expect.stringContaining('NUL byte') });
  });

  it('reads an ordinary file whole, small or larger than its head', async () => {
    const small = join(dir, 'small.csv');
    writeFileSync(small, 'email\nann@x.com\n');
    expect(new TextDecoder().decode(await readInput(small))).toBe('email\nann@x.com\n');
    const text = `email\n${Array.from({ length: 20_000 }, (_, i) => `user${i}@example.com`).join('\n')}\n`;
    const larger = join(dir, 'larger.csv');
    writeFileSync(larger, text);
    expect(new TextDecoder().decode(await readInput(larger))).toBe(text);
  });
});

describe('bulk-invite check, bounded', () => {
  const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 30_000 });

  it('--max-bytes refuses a larger file with exit 2 and says how to raise it', () => {
    const path = join(dir, 'list.csv');
    writeFileSync(path, `email\n${'ann@example.com\n'.repeat(200)}`);
    const result = run(['check', '--max-bytes', '1KB', path]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^bulk-invite: The input is \d+ bytes; the limit is 1024 bytes\. Split the list, or raise the limit/);
    expect(run(['check', '--max-bytes', '1MB', path]).status).toBe(0);
  });

  it('--max-bytes bounds standard input too', () => {
    const result = run(['check', '--max-bytes', '100', '-'], 'ann@example.com\n'.repeat(50));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the limit is 100 bytes');
  });

  it.each(['abc', '0', '-5MB', '2XB'])('--max-bytes %s is a usage error', (value) => {
    expect(run(['check', '--max-bytes', value, '-'], 'ann@example.com\n').status).toBe(1);
  });

  it('check /dev/zero ends at once with exit 2', () => {
    const result = run(['check', '/dev/zero']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('NUL byte');
  });
});
