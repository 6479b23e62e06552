/**
 * The built package as a consumer gets it: each entry of package.json `exports` imported by the package's
 * name (Node resolves a package's own name through its `exports`), in a separate Node process, and a
 * consumer's TypeScript (tests/consumer/) compiled against the built .d.ts as a Node program and as a
 * bundled web app. `npm test` builds dist/ first; run alone, this test builds it when it is missing or
 * older than the sources.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const SOURCES = ['src', 'mocks', 'package.json', 'tsdown.config.ts'];
const ENTRIES = {
  'react-bulk-invite': './index.ts',
  'react-bulk-invite/core': './core/index.ts',
  'react-bulk-invite/testing': './core/testing/index.ts',
} as const;

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** `node --input-type=module -e script` run from the package's root, as its own consumer. */
async function node(script: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
  return stdout;
}

/** The files a built entry loads, following its static imports between dist/ chunks, and the bare specifiers it imports. */
function staticGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports and re-exports only: `import(...)` is loaded on demand.
    for (const [, specifier] of code.matchAll(/^\s*(?:import|export)\b[^'"()]*?(?:from\s*)?["']([^"']+)["']/gm)) {
      if (specifier!.startsWith('./')) visit(specifier!.slice(2));
      else packages.add(specifier!);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages].sort() };
}

beforeAll(() => {
  const built = existsSync(join(dist, 'core.js')) ? statSync(join(dist, 'core.js')).mtimeMs : 0;
  if (built < Math.max(...SOURCES.map((path) => newest(join(root, path))))) {
    execFileSync(process.execPath, [join(root, 'node_modules/tsdown/dist/run.mjs'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
}, 60_000);

describe('the built package, imported by name', () => {
  it.each(Object.entries(ENTRIES))('%s exports what its source entry exports', async (name, source) => {
    const expected = Object.keys(await import(source)).sort();
    const printed = await node(`const entry = await import(${JSON.stringify(name)}); console.log(JSON.stringify(Object.keys(entry).sort()));`);
    expect(JSON.parse(printed)).toEqual(expected);
  });

  it('works: a list is checked and sent to a fake vendor on a virtual clock, with the built code only', async () => {
    const printed = await node(`
      import { checkText, createInviteRun, inviteesFromRows, resultsToCsv } from 'react-bulk-invite/core';
      import { createDigaAdapter } from 'react-bulk-invite';
      import { createFakeVendor, createVirtualClock } from 'react-bulk-invite/testing';
      const checked = checkText('ann@example.com, bob@example.org\\nnot-an-address', { roles: ['member'] });
      const clock = createVirtualClock();
      const vendor = createFakeVendor({ clock, fault: (request) => (request.number === 1 ? { kind: 'error', code: 'SERVER_ERROR' } : null) });
      const final = await createInviteRun(inviteesFromRows(checked.rows), { clock }).send({ adapter: vendor });
      const csv = resultsToCsv(final, { rows: checked.rows, bom: false });
      console.log(JSON.stringify({ summary: checked.summary, counts: final.counts, lines: csv.trim().split('\\n').length, diga: createDigaAdapter().vendor }));
    `);
    expect(JSON.parse(printed)).toEqual({
      summary: { total: 3, valid: 2, invalid: 1, duplicate: 0 },
      counts: { queued: 0, inFlight: 0, sent: 2, skipped: 0, failed: 0, pending: 0 },
      lines: 4,
      diga: 'diga',
    });
  });

  it('resolves the intake worker (a Web Worker module: it is not imported in Node)', async () => {
    const printed = await node(`console.log(import.meta.resolve('react-bulk-invite/intake/worker'));`);
    expect(fileURLToPath(printed.trim())).toBe(join(dist, 'intake-worker.js'));
  });

  it('points every new URL(…, import.meta.url) at a built file', () => {
    for (const file of readdirSync(dist).filter((name) => name.endsWith('.js'))) {
      for (const [, specifier] of readFileSync(join(dist, file), 'utf8').matchAll(/new URL\(["']([^"']+)["'],\s*import\.meta\.url\)/g)) {
        expect(existsSync(join(dist, specifier!)), `${file}: new URL('${specifier}')`).toBe(true);
      }
    }
  });

  it('loads only zod and papaparse with the core: no Node module, no React, no msw', () => {
    for (const entry of ['core.js', 'testing.js', 'intake-worker.js']) {
      expect(staticGraph(entry).packages.every((specifier) => /^(zod|papaparse)(\/|$)/.test(specifier)), entry).toBe(true);
    }
    expect(staticGraph('core.js').packages).toContain('zod/mini');
  });

  it('loads msw only when `bulk-invite mock` runs', () => {
    expect(staticGraph('cli.js').packages.filter((specifier) => specifier.startsWith('msw'))).toEqual([]);
  });

  it('type-checks a consumer against the built .d.ts: a Node program and a bundled web app', async () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const check = (config: string) =>
      run(process.execPath, [tsc, '-p', join(root, 'tests/consumer', config)], { cwd: root }).then(
        () => '',
        (error: { stdout?: string }) => `${config}:\n${error.stdout ?? String(error)}`,
      );
    const failures = await Promise.all([check('tsconfig.node16.json'), check('tsconfig.bundler.json')]);
    expect(failures.join('')).toBe('');
  }, 60_000);
});

describe('react-bulk-invite/styles.css', () => {
  /** Every `--rbi-*` property tokens.css defines. */
  const tokens = [...new Set([...readFileSync(join(root, 'src/components/styles/tokens.css'), 'utf8').matchAll(/(--rbi-[a-z0-9-]+)\s*:/g)].map(([, name]) => name!))];

  it('resolves to one built file that holds every token, both themes and every part, with no @import left', async () => {
    const printed = await node(`console.log(import.meta.resolve('react-bulk-invite/styles.css'));`);
    const file = fileURLToPath(printed.trim());
    expect(file).toBe(join(dist, 'styles.css'));
    const css = readFileSync(file, 'utf8');
    expect(tokens.length).toBeGreaterThanOrEqual(28);
    for (const token of tokens) expect(css, token).toContain(`${token}:`);
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain('.rbi-theme-dark');
    expect(css).toContain('.rbi-theme-light');
    expect(css).not.toMatch(/@import/);
    // Each part's stylesheet, as its source has it.
    for (const part of ['src/components/styles/base.css', 'src/components/dialog/dialog.css', 'src/components/results-table/results-table.css']) {
      expect(css, part).toContain(readFileSync(join(root, part), 'utf8').trim());
    }
  });

  it('is in the published files and marked as a side effect (bundlers must not drop the import)', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
    const [pack] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
    expect(pack!.files.map((f) => f.path)).toContain('dist/styles.css');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { sideEffects: string[] };
    expect(pkg.sideEffects).toContain('*.css');
  });
});
