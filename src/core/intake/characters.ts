/** Character classes the readers test one code unit at a time (no pattern, so no backtracking). */

/** What `\s` matches in a JavaScript pattern (ECMAScript's WhiteSpace and LineTerminator). */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** What copy-paste leaves around an address: whitespace, and the zero-width spaces and joiners too. */
export function isWrapping(code: number): boolean {
  return isSpace(code) || (code >= 0x200b && code <= 0x200d) || code === 0x2060;
}
