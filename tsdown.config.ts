import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'tsdown';

/** Source files loaded as Web Workers (`new Worker(new URL('…', import.meta.url))`), and the entry each is built as. */
const WORKERS: Record<string, string> = { 'src/core/intake/worker.ts': 'intake-worker' };

/**
 * Points a `new URL('<relative>.ts', import.meta.url)` in the sources at the worker's built file. Every
 * chunk lands flat in dist/, so `./intake-worker.js` is right from any of them, and a host's bundler
 * (Vite, webpack 5) sees the usual `new Worker(new URL('./x.js', import.meta.url))` and bundles the
 * worker. A URL naming any other source file fails the build rather than ship a path that is not there.
 */
function workerUrls(): NonNullable<UserConfig['plugins']> {
  return {
    name: 'worker-urls',
    transform(code: string, id: string) {
      if (!code.includes('import.meta.url') || id.includes('/node_modules/')) return null;
      return code.replace(/new URL\((['"])(\.{1,2}\/[^'"]+\.ts)\1,\s*import\.meta\.url\)/g, (_match, _quote: string, specifier: string) => {
        const target = relative(process.cwd(), resolve(dirname(id), specifier));
        const entry = WORKERS[target];
        if (!entry) throw new Error(`${relative(process.cwd(), id)}: new URL('${specifier}', import.meta.url) names ${target}, which is not built as a worker entry (tsdown.config.ts WORKERS).`);
        return `new URL('./${entry}.js', import.meta.url)`;
      });
    },
  };
}

/** The stylesheet a host imports as `react-bulk-invite/styles.css`, and the source it is assembled from. */
const STYLES = { source: 'src/components/styles.css', output: 'styles.css' };

/**
 * The source stylesheet with each relative `@import './x.css';` replaced by that file's text (recursively),
 * so the package ships one plain CSS file that any bundler, or a `<link>`, can load. A missing file fails
 * the build rather than ship an `@import` that points nowhere.
 */
function inlineCssImports(file: string, seen: readonly string[] = []): string {
  if (seen.includes(file)) throw new Error(`${relative(process.cwd(), file)}: @import cycle (${seen.map((f) => relative(process.cwd(), f)).join(' → ')})`);
  const css = readFileSync(file, 'utf8');
  return css.replace(/^@import\s+(?:url\()?(['"])(\.{1,2}\/[^'"]+\.css)\1\)?\s*;[^\S\n]*$/gm, (_match, _quote: string, specifier: string) => {
    const target = resolve(dirname(file), specifier);
    return `/* ${relative(process.cwd(), target)} */\n${inlineCssImports(target, [...seen, file]).trim()}\n`;
  });
}

// One ESM file and one rolled-up .d.ts per entry of package.json `exports` (plus the CLI's bin and the
// intake worker), with shared chunks between them. `src/package.test.ts` imports each entry from dist/
// by the package's name.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    core: 'src/core/index.ts',
    testing: 'src/core/testing/index.ts',
    cli: 'src/cli/main.ts',
    ...Object.fromEntries(Object.entries(WORKERS).map(([source, entry]) => [entry, source])),
  },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  deps: { neverBundle: [/^node:/] },
  plugins: [workerUrls()],
  hooks: {
    'build:done': ({ options }) => {
      writeFileSync(resolve(options.outDir, STYLES.output), inlineCssImports(resolve(STYLES.source)));
    },
  },
  // The dts plugin's share of the build time is expected; a warning about it in every `npm test` is noise.
  checks: { pluginTimings: false },
});
