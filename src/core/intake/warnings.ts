/**
 * Warnings: things a row's reader noticed that do not make the row invalid but that the person should
 * see before sending (a name read from loose words, bytes that could not be decoded, addresses in the
 * cell besides the one invited). A row keeps its state; the warning travels with it to the review, the
 * CLI and exports.
 */
export type RowWarningCode =
  /** Words beside an address, with no `<…>` or `(…)` to say so, were read as the person's name. */
  | 'NAME_FROM_WORDS'
  /** A word stands right beside the address with only a space between (read as an entry of its own). */
  | 'WORD_NEXT_TO_ADDRESS'
  /** The row held bytes that are not valid in the file's encoding; they show as U+FFFD. */
  | 'INVALID_BYTES'
  /** A carriage return inside the row that the file's line breaks (LF) do not count as one. */
  | 'CR_INSIDE_ROW'
  /** The address cell held further addresses (Google Contacts' ` ::: ` list) that are not invited. */
  | 'OTHER_ADDRESSES';

export interface RowWarning {
  code: RowWarningCode;
  message: string;
}

export function nameFromWords(words: string, email: string): RowWarning {
  return {
    code: 'NAME_FROM_WORDS',
    message: `"${words}" was read as the name for ${email}; if it is part of the address (a space typed by mistake), correct the row.`,
  };
}

export function wordNextToAddress(word: string, email: string): RowWarning {
  return {
    code: 'WORD_NEXT_TO_ADDRESS',
    message: `"${word}" stands next to ${email} with only a space between; if the space was typed by mistake, correct the row.`,
  };
}
