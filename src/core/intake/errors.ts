/**
 * Why an input could not be read at all (as opposed to rows in it being bad, which are row issues). An
 * `IntakeError` carries a stable `code` and the `params` its sentence needs; its `message` is the English
 * sentence from the message table (`../messages/`).
 */
import { formatMessage } from '../messages/format.ts';

/** What a non-text file looks like, by its first bytes (`BINARY_DATA`: none known, but not text). */
export type BinaryKind = 'ZIP' | 'PDF' | 'PNG' | 'JPEG' | 'GIF' | 'GZIP' | 'ELF' | 'WINDOWS_PROGRAM' | 'BINARY_DATA';

/** Which spreadsheet format a refused file is. */
export type SpreadsheetKind = 'XLSX' | 'ODS' | 'XLS' | 'EXCEL_XML';

/** Each code with its parameters. */
export interface IntakeErrorParams {
  EMPTY_INPUT: Record<string, never>;
  /** A known binary format, or (`NUL`) a NUL character on `line`. */
  BINARY_FILE: { kind: BinaryKind } | { kind: 'NUL'; line: number };
  SPREADSHEET_FILE: { kind: SpreadsheetKind };
  /** `size` and `limit` in `unit`s: bytes for files and streams, characters for text. */
  TOO_LARGE: { size: number; limit: number; unit: 'bytes' | 'characters' };
  INVALID_OPTIONS: InvalidOptionsParams;
}

/**
 * What is wrong with the options: a value of the wrong shape (`options`: their names; `detail`: zod's own
 * English, verbatim), a default role that is not one of the roles, or a column override naming a header
 * (`header`) or a 0-based column (`index`, the input having `width` columns) that is not there.
 */
export type InvalidOptionsParams =
  | { reason: 'SCHEMA'; options: string[]; detail: string }
  | { reason: 'DEFAULT_ROLE'; role: string; roles: string[] }
  | { reason: 'NO_SUCH_HEADER'; field: string; header: string }
  | { reason: 'NO_SUCH_COLUMN'; field: string; index: number; width: number };

export type IntakeErrorCode = keyof IntakeErrorParams;

const CODES: Record<IntakeErrorCode, true> = { EMPTY_INPUT: true, BINARY_FILE: true, SPREADSHEET_FILE: true, TOO_LARGE: true, INVALID_OPTIONS: true };
/** Every code, for a translator's checklist and the tests. */
export const INTAKE_ERROR_CODES = Object.keys(CODES) as IntakeErrorCode[];

/** A code with its own parameters: what `new IntakeError(…)` takes. */
export type IntakeErrorArgs = { [C in IntakeErrorCode]: [code: C, params: IntakeErrorParams[C]] }[IntakeErrorCode];

export class IntakeError extends Error {
  override readonly name = 'IntakeError';
  readonly code: IntakeErrorCode;
  readonly params: IntakeErrorParams[IntakeErrorCode];

  constructor(...[code, params]: IntakeErrorArgs) {
    super(formatMessage(`intakeError.${code}`, params as never));
    this.code = code;
    this.params = params;
  }
}
