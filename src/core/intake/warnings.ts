/**
 * Warnings: things a row's reader noticed that do not make the row invalid but that the person should
 * see before sending (a name read from loose words, bytes that could not be decoded, addresses in the
 * cell besides the one invited). A row keeps its state; the warning travels with it to the review, the
 * CLI and exports. Each is a code with its parameters, and `message`, its English sentence from the
 * message table (`../messages/`).
 */
import { formatMessage } from '../messages/format.ts';

/** Each warning code with its parameters. */
export interface RowWarningParams {
  /** Words beside an address, with no `<…>` or `(…)` to say so, were read as the person's name. */
  NAME_FROM_WORDS: { words: string; email: string };
  /** A word stands right beside the address with only a space between (read as an entry of its own). */
  WORD_NEXT_TO_ADDRESS: { word: string; email: string };
  /** Line `line` held bytes that are not valid in the file's encoding; they show as U+FFFD. */
  INVALID_BYTES: { line: number };
  /** A carriage return on line `line` that the file's line breaks (LF) do not count as one. */
  CR_INSIDE_ROW: { line: number };
  /** The address cell held further addresses (Google Contacts' ` ::: ` list): `invited` is, `others` are not. */
  OTHER_ADDRESSES: { invited: string; others: string[] };
}

export type RowWarningCode = keyof RowWarningParams;

const CODES: Record<RowWarningCode, true> = { NAME_FROM_WORDS: true, WORD_NEXT_TO_ADDRESS: true, INVALID_BYTES: true, CR_INSIDE_ROW: true, OTHER_ADDRESSES: true };
/** Every warning code, for a translator's checklist and the tests. */
export const ROW_WARNING_CODES = Object.keys(CODES) as RowWarningCode[];

/** A warning: its code, that code's parameters, and the English sentence (`formatRowWarning` words it from another table). */
export type RowWarning<C extends RowWarningCode = RowWarningCode> = { [K in C]: { code: K; params: RowWarningParams[K]; message: string } }[C];

/** A warning with its English sentence. */
export function rowWarning<C extends RowWarningCode>(code: C, params: RowWarningParams[C]): RowWarning<C> {
  return { code, params, message: formatMessage(`warning.${code}`, params as never) } as RowWarning<C>;
}

export function nameFromWords(words: string, email: string): RowWarning {
  return rowWarning('NAME_FROM_WORDS', { words, email });
}

export function wordNextToAddress(word: string, email: string): RowWarning {
  return rowWarning('WORD_NEXT_TO_ADDRESS', { word, email });
}
