/**
 * Text from a list or a server, shown on a terminal. Control characters act on the terminal rather than
 * print (ESC sequences clear the screen, move the cursor, retitle the window: ECMA-48), and Unicode's
 * bidirectional controls reorder the text after them (Unicode UAX #9; CVE-2021-42574, "Trojan Source").
 * Both are shown as visible escapes instead: `\x1b`, `\u202e`, `\n`.
 */

// C0 controls, DEL, C1 controls; the Arabic letter mark, LRM/RLM, the embeddings and overrides
// (U+202A–U+202E), the isolates (U+2066–U+2069); the line and paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every terminal control and bidi control shown as an escape. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escape);
}
