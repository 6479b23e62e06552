/** Why an input could not be read at all (as opposed to rows in it being bad, which are `RowIssue`s). */
export type IntakeErrorCode = 'EMPTY_INPUT' | 'BINARY_FILE' | 'SPREADSHEET_FILE' | 'TOO_LARGE' | 'INVALID_OPTIONS';

export class IntakeError extends Error {
  override readonly name = 'IntakeError';
  readonly code: IntakeErrorCode;

  constructor(code: IntakeErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
