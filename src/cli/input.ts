/** Reading the CLI's input: a file path or `-` for standard input, as bytes (decoding is the core's job). */
import { readFile } from 'node:fs/promises';

export class UnreadableInput extends Error {}

export async function readInput(path: string): Promise<Uint8Array> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  }
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnreadableInput(`${path}: no such file.`);
    if (code === 'EISDIR') throw new UnreadableInput(`${path} is a folder, not a file.`);
    if (code === 'EACCES') throw new UnreadableInput(`${path}: permission denied.`);
    throw new UnreadableInput(`${path}: ${(error as Error).message}`);
  }
}

/** Writes text to stdout, waiting when the pipe is full (large outputs piped to slow readers). */
export async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) {
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}
