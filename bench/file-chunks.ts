/** A file as a sequence of byte chunks read into one reused buffer (no allocation per chunk). */
import { open } from 'node:fs/promises';

export async function* fileChunks(path: string, size = 256 * 1024): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(size);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
