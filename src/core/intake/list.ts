/**
 * Free text → address entries: what people paste from mail clients and chats. One per line, or
 * separated by commas, semicolons or spaces; `Name <email>`, `"Last, First" <email>`, Outlook's
 * `Last, First <email>; …`, whole `To:` lines, `mailto:` links, `email (Name)`. Anything that is not an
 * address still becomes an entry (that validation will reject with a reason): nothing is dropped.
 *
 * Words next to an address with no brackets to say so (`Ann Lee ann@x.com`) are read as its name, and the
 * entry carries a warning, because the same shape is also a typo (`user name@x.com`).
 *
 * Every step is a single left-to-right scan: a pasted line can be megabytes long, so no pattern here
 * may backtrack over the rest of the line from each position.
 */
import { cleanAddress } from './address-rule.ts';
import { isSpace } from './characters.ts';
import { nameFromWords, wordNextToAddress, type RowWarning } from './warnings.ts';

export interface ListEntry {
  line: number;
  /** The piece of the line this entry was read from. */
  raw: string;
  /** The address text as found (not yet validated or lower-cased). */
  email: string;
  name?: string;
  warnings?: RowWarning[];
}

const HEADER_LABEL = /^\s*(?:to|cc|bcc|from|reply-to|an|kopie|à|para|cc\s*\/\s*bcc)\s*:\s*/i;


/** Where entries go as they are read: an array, or a reader that checks each at once. */
export interface EntrySink {
  push(entry: ListEntry): unknown;
}

/**
 * Calls `visit` with each piece of a line split at `,` and `;` outside quotes, angle brackets and
 * parentheses, trimmed, empty ones left out. One piece at a time: a 10 MB line is never held as pieces.
 */
function forEachPiece(line: string, visit: (piece: string) => void): void {
  const emit = (piece: string) => {
    const trimmed = piece.trim();
    if (trimmed.length > 0) visit(trimmed);
  };
  let depthAngle = 0;
  let depthParen = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '<') depthAngle++;
    else if (c === '>') depthAngle = Math.max(0, depthAngle - 1);
    else if (c === '(') depthParen++;
    else if (c === ')') depthParen = Math.max(0, depthParen - 1);
    else if ((c === ',' || c === ';') && depthAngle === 0 && depthParen === 0) {
      emit(line.slice(start, i));
      start = i + 1;
    }
  }
  emit(line.slice(start));
}

/**
 * `Name <address>` (or `<address>`): the piece ends in `<…>` holding no other bracket. Returns the text
 * before the `<` and the text inside, or undefined.
 */
export function angleForm(piece: string): { before: string; inside: string } | undefined {
  let end = piece.length;
  while (end > 0 && isSpace(piece.charCodeAt(end - 1))) end--;
  if (end < 2 || piece.charCodeAt(end - 1) !== 62 /* > */) return undefined;
  const open = piece.lastIndexOf('<', end - 2);
  if (open < 0) return undefined;
  const close = piece.indexOf('>', open + 1);
  if (close !== end - 1) return undefined;
  return { before: piece.slice(0, open), inside: piece.slice(open + 1, end - 1) };
}

/**
 * Outlook writes `Smith, John <john@x.com>`: the comma splits the display name. A piece without an `@`
 * or `<` is held until the next one shows whether it is the first half of such a name.
 */
function forEachEntryPiece(line: string, visit: (piece: string) => void): void {
  let held: string | undefined;
  forEachPiece(line, (piece) => {
    if (held !== undefined) {
      if (!piece.startsWith('<') && angleForm(piece) !== undefined) {
        visit(`${held}, ${piece}`);
        held = undefined;
        return;
      }
      visit(held);
      held = undefined;
    }
    if (!piece.includes('@') && !piece.includes('<')) held = piece;
    else visit(piece);
  });
  if (held !== undefined) visit(held);
}

export function cleanName(text: string): string | undefined {
  let name = text.trim();
  if (name.startsWith('(') && name.endsWith(')')) name = name.slice(1, -1).trim();
  if (name.length >= 2 && ((name.startsWith('"') && name.endsWith('"')) || (name.startsWith("'") && name.endsWith("'")))) {
    name = name.slice(1, -1).replace(/\\"/g, '"').trim();
  }
  return name.length > 0 ? name : undefined;
}

function entry(line: number, raw: string, email: string, name?: string, warnings?: RowWarning[]): ListEntry {
  const found: ListEntry = { line, raw, email };
  if (name !== undefined) found.name = name;
  if (warnings !== undefined) found.warnings = warnings;
  return found;
}

/** `A <a@x> B <b@x> …` from the start of the piece: each group runs to a `>` with one `<` before it. */
function angleGroups(piece: string): { groups: string[]; end: number } {
  const groups: string[] = [];
  let at = 0;
  while (at < piece.length) {
    const open = piece.indexOf('<', at);
    if (open < 0) break;
    const close = piece.indexOf('>', at);
    if (close < open) break;
    const again = piece.indexOf('<', open + 1);
    if (again >= 0 && again < close) break;
    groups.push(piece.slice(at, close + 1));
    at = close + 1;
  }
  return { groups, end: at };
}

const QUOTE = 34;
const PAREN_OPEN = 40;

/**
 * Calls `visit` with each whitespace-separated token, keeping `"quoted names"` and `(comments)` whole (an
 * unclosed one is a word); stops when `visit` returns false.
 */
function forEachToken(piece: string, visit: (token: string) => boolean | void): void {
  // Once a closing quote or parenthesis is missing, it is missing for the rest of the piece too.
  let quotesClose = true;
  let parensClose = true;
  const n = piece.length;
  let i = 0;
  while (i < n) {
    const c = piece.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if ((c === QUOTE && quotesClose) || (c === PAREN_OPEN && parensClose)) {
      const close = piece.indexOf(c === QUOTE ? '"' : ')', i + 1);
      if (close >= 0) {
        if (visit(piece.slice(i, close + 1)) === false) return;
        i = close + 1;
        continue;
      }
      if (c === QUOTE) quotesClose = false;
      else parensClose = false;
    }
    let j = i + 1;
    while (j < n && !isSpace(piece.charCodeAt(j))) j++;
    if (visit(piece.slice(i, j)) === false) return;
    i = j;
  }
}

const isAddressToken = (token: string) => isBareWord(token) && token.includes('@');

function isBareWord(token: string): boolean {
  const c = token.charCodeAt(0);
  return c !== QUOTE && c !== PAREN_OPEN;
}

/** Reads one piece: `Name <email>`, `email (Name)`, `Name email`, several bare addresses, or a stray word. */
function readPiece(piece: string, line: number, out: EntrySink): void {
  // `Ann <a@x.com> Bob <b@x.com>`: several bracketed entries separated by spaces only; each is an entry.
  if (piece.includes('<')) {
    const { groups, end } = angleGroups(piece);
    // A group with an odd number of quotes would cut a quoted name holding brackets: leave such pieces whole.
    if (groups.length > 1 && groups.every((group) => group.split('"').length % 2 === 1)) {
      for (const group of groups) readPiece(group.trim(), line, out);
      const tail = piece.slice(end).trim();
      if (tail.length > 0) readPiece(tail, line, out);
      return;
    }
    const angle = angleForm(piece);
    if (angle) {
      out.push(entry(line, piece, cleanAddress(angle.inside), cleanName(angle.before)));
      return;
    }
  }
  // How many addresses: none, one, or several (counting stops at two).
  let addresses = 0;
  let only = '';
  forEachToken(piece, (token) => {
    if (!isAddressToken(token)) return true;
    only = token;
    return ++addresses < 2;
  });
  if (addresses === 0) {
    out.push(entry(line, piece, piece));
    return;
  }
  if (addresses === 1) {
    const address = cleanAddress(only);
    let words = '';
    let bare = false;
    forEachToken(piece, (token) => {
      if (token === only) return;
      words = words === '' ? token : `${words} ${token}`;
      if (isBareWord(token)) bare = true;
    });
    if (words === '') {
      out.push(entry(line, piece, address));
      return;
    }
    const name = cleanName(words);
    out.push(entry(line, piece, address, name, bare && name !== undefined ? [nameFromWords(words, address)] : undefined));
    return;
  }
  // Several addresses separated by spaces: each is an entry; words between them are reported, not dropped,
  // and an address with a bare word right beside it says so (`tom haddad@x.com` may be one typo).
  let words: string[] = [];
  const flushWords = () => {
    if (words.length > 0) out.push(entry(line, words.join(' '), words.join(' ')));
    words = [];
  };
  // Tokens are handled one behind the reading, so each address knows the token on either side.
  const isWord = (token: string | undefined): token is string => token !== undefined && isBareWord(token) && !token.includes('@');
  const handle = (token: string, before: string | undefined, after: string | undefined) => {
    if (isAddressToken(token)) {
      flushWords();
      const address = cleanAddress(token);
      const beside = isWord(before) ? before : isWord(after) ? after : undefined;
      out.push(entry(line, token, address, undefined, beside === undefined ? undefined : [wordNextToAddress(beside, address)]));
    } else {
      words.push(token);
    }
  };
  let before: string | undefined;
  let current: string | undefined;
  forEachToken(piece, (next) => {
    if (current !== undefined) handle(current, before, next);
    before = current;
    current = next;
  });
  if (current !== undefined) handle(current, before, undefined);
  flushWords();
}

/** Reads the entries of one line (numbered `line`) into `out`, each as soon as it is read. */
export function readListLine(text: string, line: number, out: EntrySink): void {
  const content = HEADER_LABEL.test(text) ? text.replace(HEADER_LABEL, '') : text;
  if (content.trim().length === 0) return;
  forEachEntryPiece(content, (piece) => readPiece(piece, line, out));
}

/** Reads every entry in `text`; `firstLine` numbers its first line. */
export function parseList(text: string, firstLine = 1): ListEntry[] {
  const entries: ListEntry[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) readListLine(lines[i]!, firstLine + i, entries);
  return entries;
}
