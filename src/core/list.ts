/**
 * Free text → address entries: what people paste from mail clients and chats. One per line, or
 * separated by commas, semicolons or spaces; `Name <email>`, `"Last, First" <email>`, Outlook's
 * `Last, First <email>; …`, whole `To:` lines, `mailto:` links, `email (Name)`. Anything that is not an
 * address still becomes an entry (that validation will reject with a reason): nothing is dropped.
 */
import { cleanAddress } from './email.ts';

export interface ListEntry {
  line: number;
  /** The piece of the line this entry was read from. */
  raw: string;
  /** The address text as found (not yet validated or lower-cased). */
  email: string;
  name?: string;
}

const HEADER_LABEL = /^\s*(?:to|cc|bcc|from|reply-to|an|kopie|à|para|cc\s*\/\s*bcc)\s*:\s*/i;

/** Splits a line at `,` and `;` outside quotes, angle brackets and parentheses. */
function splitPieces(line: string): string[] {
  const pieces: string[] = [];
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
      pieces.push(line.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(line.slice(start));
  return pieces.map((piece) => piece.trim()).filter((piece) => piece.length > 0);
}

const ANGLE_FORM = /^(.*?)<([^<>]*)>\s*$/s;

/**
 * Outlook writes `Smith, John <john@x.com>`: the comma splits the display name. A piece without an `@`
 * that is followed by an angle-bracket piece is the first half of that name.
 */
function joinSplitNames(pieces: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const next = pieces[i + 1];
    if (!piece.includes('@') && !piece.includes('<') && next !== undefined && ANGLE_FORM.test(next) && !/^\s*</.test(next)) {
      pieces[i + 1] = `${piece}, ${next}`;
      continue;
    }
    joined.push(piece);
  }
  return joined;
}

function cleanName(text: string): string | undefined {
  let name = text.trim();
  if (name.startsWith('(') && name.endsWith(')')) name = name.slice(1, -1).trim();
  if (name.length >= 2 && ((name.startsWith('"') && name.endsWith('"')) || (name.startsWith("'") && name.endsWith("'")))) {
    name = name.slice(1, -1).replace(/\\"/g, '"').trim();
  }
  return name.length > 0 ? name : undefined;
}

function entry(line: number, raw: string, email: string, name?: string): ListEntry {
  return name === undefined ? { line, raw, email } : { line, raw, email, name };
}

const ANGLE_GROUP = /[^<>]*<[^<>]*>/g;

/** Reads one piece: `Name <email>`, `email (Name)`, `Name email`, several bare addresses, or a stray word. */
function readPiece(piece: string, line: number, out: ListEntry[]): void {
  // `Ann <a@x.com> Bob <b@x.com>`: several bracketed entries separated by spaces only; each is an entry.
  const groups = piece.match(ANGLE_GROUP);
  if (groups && groups.length > 1) {
    const joined = groups.join('');
    // A group with an odd number of quotes would cut a quoted name holding brackets: leave such pieces whole.
    if (piece.startsWith(joined) && groups.every((group) => group.split('"').length % 2 === 1)) {
      for (const group of groups) readPiece(group.trim(), line, out);
      const tail = piece.slice(joined.length).trim();
      if (tail.length > 0) readPiece(tail, line, out);
      return;
    }
  }
  const angle = ANGLE_FORM.exec(piece);
  if (angle) {
    out.push(entry(line, piece, cleanAddress(angle[2]!), cleanName(angle[1]!)));
    return;
  }
  // Parenthesised comments and quoted names may hold spaces: keep them whole while splitting on spaces.
  const tokens = piece.match(/"[^"]*"|\([^)]*\)|\S+/g) ?? [];
  const addressTokens = tokens.filter((token) => token.includes('@') && !token.startsWith('"') && !token.startsWith('('));
  if (addressTokens.length <= 1) {
    const address = addressTokens[0];
    if (address === undefined) {
      out.push(entry(line, piece, piece));
      return;
    }
    const rest = tokens.filter((token) => token !== address).join(' ');
    out.push(entry(line, piece, cleanAddress(address), cleanName(rest)));
    return;
  }
  // Several addresses separated by spaces: each is an entry; words between them are reported, not dropped.
  let words: string[] = [];
  const flushWords = () => {
    if (words.length > 0) out.push(entry(line, words.join(' '), words.join(' ')));
    words = [];
  };
  for (const token of tokens) {
    if (addressTokens.includes(token)) {
      flushWords();
      out.push(entry(line, token, cleanAddress(token)));
    } else {
      words.push(token);
    }
  }
  flushWords();
}

/** Reads every entry in `text`; `firstLine` numbers its first line. */
export function parseList(text: string, firstLine = 1): ListEntry[] {
  const entries: ListEntry[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const content = lines[i]!.replace(HEADER_LABEL, '');
    if (content.trim().length === 0) continue;
    for (const piece of joinSplitNames(splitPieces(content))) readPiece(piece, firstLine + i, entries);
  }
  return entries;
}
