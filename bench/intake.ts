/**
 * Intake benchmark:
 *  1. parse + validate + dedupe of a 100,000-row CSV, as a ratio to a bare
 *     `Papa.parse(text, { header: true })` of the same text in the same run (target ≤ 1.8);
 *  2. 1,000,000 rows through the streaming path, peak memory as a multiple of the file's size (target ≤ 2),
 *     measured in a child process so nothing else in this one inflates it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { checkText } from '../src/core/index.ts';
import { inviteCsv, writeInviteCsv } from './generate.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export interface IntakeFigures {
  rows: number;
  papaMs: number;
  intakeMs: number;
  ratio: number;
  streamRows: number;
  fileBytes: number;
  peakBytes: number;
  memoryRatio: number;
}

const RUNS = 21;

export async function benchIntake(log: (line: string) => void = console.log): Promise<IntakeFigures> {
  const rows = 100_000;
  const text = inviteCsv(rows);
  const check = checkText(text, { roles: ['admin', 'member', 'reader'] });
  const { summary } = check;
  log(`intake: ${rows} rows, ${(text.length / 1e6).toFixed(1)} MB → ${summary.valid} valid, ${summary.invalid} invalid, ${summary.duplicate} duplicate`);

  // Warm both up, then alternate runs so drift on a shared machine hits both alike; 21 runs, because a
  // collection of the older generation lands in one run or the other and moves a median of fewer.
  for (let i = 0; i < 3; i++) {
    Papa.parse(text, { header: true });
    checkText(text, { roles: ['admin', 'member', 'reader'] });
  }
  const papa: number[] = [];
  const intake: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    papa.push(time(() => Papa.parse(text, { header: true })));
    intake.push(time(() => checkText(text, { roles: ['admin', 'member', 'reader'] })));
  }
  const papaMs = median(papa);
  const intakeMs = median(intake);
  const ratio = intakeMs / papaMs;
  log(`intake: Papa.parse(header:true) ${papaMs.toFixed(0)} ms, parse+validate+dedupe ${intakeMs.toFixed(0)} ms (median of ${RUNS})`);
  log(`intake: RATIO parse+validate+dedupe / bare Papa.parse = ${ratio.toFixed(2)} (target ≤ 1.8)`);

  const dataDir = fileURLToPath(new URL('./.data/', import.meta.url));
  mkdirSync(dataDir, { recursive: true });
  const streamRows = 1_000_000;
  const file = `${dataDir}invites-${streamRows}.csv`;
  if (!existsSync(file)) await writeInviteCsv(file, streamRows);
  const fileBytes = statSync(file).size;
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./stream-memory.ts', import.meta.url)), file], {
    encoding: 'utf8',
  });
  const measured = JSON.parse(out) as { rows: number; peakBytes: number; ms: number };
  const memoryRatio = measured.peakBytes / fileBytes;
  log(`stream: ${measured.rows} rows from a ${(fileBytes / 1e6).toFixed(0)} MB file in ${(measured.ms / 1000).toFixed(1)} s; peak memory above start ${(measured.peakBytes / 1e6).toFixed(0)} MB`);
  log(`stream: RATIO peak memory / file size = ${memoryRatio.toFixed(2)} (target ≤ 2.0)`);
  return { rows, papaMs, intakeMs, ratio, streamRows: measured.rows, fileBytes, peakBytes: measured.peakBytes, memoryRatio };
}
