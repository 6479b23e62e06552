#!/usr/bin/env node
// Launcher for the `bulk-invite` CLI. A published package runs the built `dist/cli.js`; a source
// checkout (where `src/` exists) runs the TypeScript through tsx so the CLI can never be stale.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
if (existsSync(source)) {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport(pathToFileURL(source).href, import.meta.url);
} else {
  await import('../dist/cli.js');
}
