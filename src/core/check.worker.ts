/**
 * The smallest Web Worker around the intake core: bytes in, result out. The browser test runs it to
 * prove the core needs nothing a worker lacks; hosts checking huge files off the main thread can copy it.
 */
import { checkBytes, IntakeError, type CheckOptions } from './index.ts';

self.onmessage = (event: MessageEvent<{ bytes: ArrayBuffer; options?: CheckOptions }>) => {
  try {
    self.postMessage({ ok: true, result: checkBytes(event.data.bytes, event.data.options) });
  } catch (error) {
    const code = error instanceof IntakeError ? error.code : 'UNEXPECTED';
    self.postMessage({ ok: false, code, message: (error as Error).message });
  }
};
