/**
 * The results file of `bulk-invite send`: CSV or JSON by the extension of --out. It is checked before
 * anything is sent (a run whose results cannot be written would leave no account of what went out, and
 * an --out that is the input would destroy the list), and written atomically: to a temporary file beside
 * the real target, then renamed over it, so an interrupted write never leaves half a file. A symlinked
 * --out is written through (the file it points to is replaced, the link stays).
 */
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, chmod, lstat, readlink, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { resultsToCsv, resultsToJson, type CheckedRow, type RunSnapshot } from '../core/index.ts';

export type ResultsFormat = 'csv' | 'json';

/** The format --out asks for, or undefined for an extension we do not write. */
export function resultsFormat(path: string): ResultsFormat | undefined {
  const ext = extname(path).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : undefined;
}

export class UnwritableResults extends Error {}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/**
 * Throws `UnwritableResults` when --out is the input under another name (the same path spelled
 * differently, a symlink to it, a hard link to it): writing the results would overwrite the list.
 */
export async function checkNotInput(out: string, input: string): Promise<void> {
  if (input === '-') return;
  const [inputStat, outStat] = await Promise.all([stat(input).catch(() => undefined), stat(out).catch(() => undefined)]);
  // A missing input is reported when it is read; a missing --out cannot be the input.
  if (!inputStat || !outStat) return;
  const [inputReal, outReal] = await Promise.all([realpath(input).catch(() => resolve(input)), realpath(out).catch(() => resolve(out))]);
  if (sameFile(inputStat, outStat) || inputReal === outReal) {
    const how = (await lstat(out)).isSymbolicLink()
      ? ' (through a symlink)'
      : inputReal !== outReal
        ? ' (a hard link to it)'
        : resolve(out) !== resolve(input)
          ? ` (both name ${outReal})`
          : '';
    throw new UnwritableResults(`--out ${out} is the input file ${input}${how}: writing the results there would destroy the list. Choose another --out.`);
  }
}

/** Throws `UnwritableResults` when the file could not be written later. */
export async function checkWritable(path: string): Promise<void> {
  const target = await resolveTarget(path);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new UnwritableResults(`${path} is a folder; --out needs a file name.`);
  const folder = dirname(target);
  try {
    // The temporary file is made in the target's folder, so the folder must be writable even when the
    // file exists.
    await access(folder, constants.W_OK);
    if (existing) await access(target, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnwritableResults(
      code === 'ENOENT' ? `cannot write ${path}: the folder ${folder} does not exist.` : `cannot write ${path} (${code ?? (error as Error).message}).`,
    );
  }
}

export interface RenderOptions {
  /** CSV only: start with a UTF-8 byte-order mark (default true). */
  bom?: boolean;
}

export function renderResults(format: ResultsFormat, snapshot: RunSnapshot, rows: readonly CheckedRow[], options: RenderOptions = {}): string {
  if (format === 'csv') return resultsToCsv(snapshot, { rows, bom: options.bom !== false });
  // One outcome per line: readable, and easy to grep or diff.
  const { summary, outcomes } = resultsToJson(snapshot, { rows });
  return `{"summary":${JSON.stringify(summary)},\n"outcomes":[\n${outcomes.map((row) => JSON.stringify(row)).join(',\n')}\n]}\n`;
}

/** The file `path` finally names: symlinks followed, even a dangling one (its target is created). */
async function resolveTarget(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    try {
      return await realpath(current);
    } catch {
      // Missing: a new file, or a symlink whose target does not exist yet.
    }
    const info = await lstat(current).catch(() => undefined);
    if (!info?.isSymbolicLink()) {
      // The folder may itself be reached through a symlink.
      const folder = await realpath(dirname(current)).catch(() => dirname(current));
      return join(folder, basename(current));
    }
    current = resolve(dirname(current), await readlink(current));
  }
  return current;
}

/**
 * Writes `text` to the file `path` names: a temporary file beside it (never following or replacing an
 * existing file of that name), the target's permissions kept, then an atomic rename over the target.
 */
export async function writeResults(path: string, text: string): Promise<void> {
  const target = await resolveTarget(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const existing = await stat(target).catch(() => undefined);
    // A new file gets the usual 0666 less the umask; a replaced one keeps its own permissions.
    await writeFile(temporary, text, { flag: 'wx', mode: existing ? 0o600 : 0o666 });
    if (existing) await chmod(temporary, existing.mode & 0o7777);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

/**
 * After the invitations went out, the results must land somewhere: --out, else a new file in the system's
 * temporary folder (readable by the user alone: it lists addresses). Returns where they went, or undefined
 * when neither could be written (the caller then prints them).
 */
export async function writeResultsSomewhere(path: string, text: string): Promise<{ written?: string; error?: Error }> {
  try {
    await writeResults(path, text);
    return { written: path };
  } catch (error) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const fallback = join(tmpdir(), `bulk-invite-results-${stamp}-${process.pid}${extname(path).toLowerCase()}`);
    try {
      await writeFile(fallback, text, { flag: 'wx', mode: 0o600 });
      return { written: fallback, error: error as Error };
    } catch {
      return { error: error as Error };
    }
  }
}
