/**
 * The results file of `bulk-invite send`: CSV or JSON by the extension of --out. It is checked before
 * anything is sent (a run whose results cannot be written would leave no account of what went out), and
 * written through a temporary file so an interrupted write never leaves half a file.
 */
import { constants } from 'node:fs';
import { access, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { resultsToCsv, resultsToJson, type CheckedRow, type RunSnapshot } from '../core/index.ts';

export type ResultsFormat = 'csv' | 'json';

/** The format --out asks for, or undefined for an extension we do not write. */
export function resultsFormat(path: string): ResultsFormat | undefined {
  const ext = extname(path).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : undefined;
}

export class UnwritableResults extends Error {}

/** Throws `UnwritableResults` when the file could not be written later. */
export async function checkWritable(path: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UnwritableResults(`${path} is a folder; --out needs a file name.`);
  const folder = dirname(path);
  try {
    await access(existing ? path : folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnwritableResults(
      code === 'ENOENT' ? `cannot write ${path}: the folder ${folder} does not exist.` : `cannot write ${path} (${code ?? (error as Error).message}).`,
    );
  }
}

export function renderResults(format: ResultsFormat, snapshot: RunSnapshot, rows: readonly CheckedRow[]): string {
  if (format === 'csv') return resultsToCsv(snapshot, { rows });
  // One outcome per line: readable, and easy to grep or diff.
  const { summary, outcomes } = resultsToJson(snapshot, { rows });
  return `{"summary":${JSON.stringify(summary)},\n"outcomes":[\n${outcomes.map((row) => JSON.stringify(row)).join(',\n')}\n]}\n`;
}

export async function writeResults(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}
