/**
 * Bytes → text. UTF-8 first (with or without BOM), UTF-16 by its BOM (or, without one, by the zero
 * bytes every ASCII character leaves), and Windows-1252 when the bytes do not read as UTF-8: that is what
 * Excel's plain "CSV" export writes on Western Windows machines. A UTF-8 file with a few damaged bytes
 * stays UTF-8 (the damage shows as U+FFFD and the rows holding it carry a warning), rather than turning
 * every accented name into mojibake. Files that are not text (workbooks,
 * archives, images) are refused with an error that says what they look like.
 */
import { IntakeError, type BinaryKind } from './errors.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether the input started with a byte-order mark (which is not part of `text`). */
  bom: boolean;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function asciiPrefix(bytes: Uint8Array, length: number): string {
  let text = '';
  const end = Math.min(bytes.length, length);
  for (let i = 0; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

/** Refuses known non-text formats by their magic numbers, naming what the file looks like. */
export function assertNotBinaryFormat(bytes: Uint8Array): void {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = asciiPrefix(bytes, 2048);
    if (head.includes('[Content_Types].xml') || head.includes('xl/')) {
      throw new IntakeError('SPREADSHEET_FILE', { kind: 'XLSX' });
    }
    if (head.includes('opendocument.spreadsheet')) throw new IntakeError('SPREADSHEET_FILE', { kind: 'ODS' });
    throw new IntakeError('BINARY_FILE', { kind: 'ZIP' });
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw new IntakeError('SPREADSHEET_FILE', { kind: 'XLS' });
  const known: Array<[readonly number[], BinaryKind]> = [
    [[0x25, 0x50, 0x44, 0x46], 'PDF'],
    [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
    [[0xff, 0xd8, 0xff], 'JPEG'],
    [[0x47, 0x49, 0x46, 0x38], 'GIF'],
    [[0x1f, 0x8b], 'GZIP'],
    [[0x7f, 0x45, 0x4c, 0x46], 'ELF'],
    [[0x4d, 0x5a], 'WINDOWS_PROGRAM'],
  ];
  for (const [signature, kind] of known) {
    if (startsWith(bytes, signature)) throw new IntakeError('BINARY_FILE', { kind });
  }
}

/** UTF-16 without a BOM: ASCII text leaves a zero in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros / pairs > 0.4 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.4 && oddZeros / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Chooses the encoding from the first bytes of an input. `complete` says whether `head` is the whole
 * input; when it is not, an incomplete UTF-8 sequence at its very end is not held against UTF-8.
 */
export function detectEncoding(head: Uint8Array, complete: boolean): { encoding: TextEncodingName; bom: boolean } {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true };
  const utf16 = sniffUtf16(head);
  if (utf16) return { encoding: utf16, bom: false };
  return { encoding: readsAsUtf8(head, complete) ? 'utf-8' : 'windows-1252', bom: false };
}

/**
 * Reads `bytes` as UTF-8 and counts well-formed multi-byte sequences and malformed ones (by the WHATWG
 * decoder's rules: overlong forms, surrogates and code points past U+10FFFF are malformed). Unless
 * `complete`, a sequence cut off at the very end is not counted.
 */
export function scanUtf8(bytes: Uint8Array, complete: boolean): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let j = 1;
    while (j <= need && i + j < n) {
      const next = bytes[i + j]!;
      if (next < (j === 1 ? low : 0x80) || next > (j === 1 ? high : 0xbf)) break;
      j++;
    }
    if (j > need) {
      multibyte++;
      i += j;
    } else if (i + j >= n && !complete) {
      break;
    } else {
      invalid++;
      i += j;
    }
  }
  return { multibyte, invalid };
}

/**
 * Whether bytes that are not pure ASCII read as UTF-8: all well formed, or overwhelmingly so (at least
 * three well-formed sequences to each malformed one: a UTF-8 file with a few damaged bytes). Windows-1252
 * text almost never forms a valid multi-byte sequence (`é` is one byte followed by ASCII), so its ratio
 * is near zero and it is read as Windows-1252.
 */
function readsAsUtf8(bytes: Uint8Array, complete: boolean): boolean {
  const { multibyte, invalid } = scanUtf8(bytes, complete);
  return invalid === 0 || multibyte >= 3 * invalid;
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (where it differs from Latin-1), by the WHATWG Encoding
 * Standard; the five bytes it leaves undefined stay the C1 controls of the same number. Node 20.18.3+
 * decodes `windows-1252` as Latin-1 (nodejs/node#56542, #60888), turning `€` and Word's curly quotes into
 * control characters, so the decoded text is mended with this table (a no-op where the decoder is right).
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function mendWindows1252(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!) : text;
}

/** Decodes an input, whole or chunk by chunk, as `TextDecoder` does, but right for Windows-1252. */
export class InputDecoder {
  private decoder: TextDecoder;
  /** While true, everything so far was ASCII, which UTF-8 and Windows-1252 read alike. */
  private undecided: boolean;
  /** While undecided: the bytes from the first non-ASCII one on, not yet decoded. */
  private held: Uint8Array[] = [];
  private heldSize = 0;

  /**
   * `undecidedUpTo`: when the encoding was judged 'utf-8' from a head that was all ASCII, decide again at
   * the first non-ASCII byte, from up to this many bytes from there (as the head would have been judged).
   */
  constructor(
    public encoding: TextEncodingName,
    private readonly undecidedUpTo = 0,
  ) {
    this.decoder = new TextDecoder(encoding);
    this.undecided = undecidedUpTo > 0 && encoding === 'utf-8';
  }

  /** Decodes the next chunk; call with no chunk at the end of the input. */
  decode(chunk?: Uint8Array): string {
    if (!this.undecided) return this.emit(chunk);
    let text = '';
    if (chunk) {
      if (this.heldSize === 0) {
        let high = 0;
        while (high < chunk.length && chunk[high]! < 0x80) high++;
        if (high === chunk.length) return this.decoder.decode(chunk, { stream: true });
        text = this.decoder.decode(chunk.subarray(0, high), { stream: true });
        chunk = chunk.subarray(high);
      }
      this.held.push(chunk.slice());
      this.heldSize += chunk.length;
      if (this.heldSize < this.undecidedUpTo) return text;
    }
    const bytes = new Uint8Array(this.heldSize);
    let at = 0;
    for (const piece of this.held) {
      bytes.set(piece, at);
      at += piece.length;
    }
    this.held = [];
    this.undecided = false;
    if (!readsAsUtf8(bytes, chunk === undefined)) {
      this.encoding = 'windows-1252';
      this.decoder = new TextDecoder('windows-1252');
    }
    text += this.emit(bytes);
    return chunk === undefined ? text + this.emit() : text;
  }

  private emit(chunk?: Uint8Array): string {
    const text = chunk ? this.decoder.decode(chunk, { stream: true }) : this.decoder.decode();
    return this.encoding === 'windows-1252' ? mendWindows1252(text) : text;
  }
}

/**
 * Refuses text holding a NUL character anywhere: no text format writes one, so it means a binary file or
 * a damaged one. The message names the line (counted from `firstLine`, for a later piece of an input).
 */
export function assertNoNul(text: string, firstLine = 1): void {
  const at = text.indexOf('\0');
  if (at < 0) return;
  const before = text.slice(0, at);
  let breaks = 0;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) breaks++;
  if (breaks === 0) for (let i = before.indexOf('\r'); i >= 0; i = before.indexOf('\r', i + 1)) breaks++;
  throw new IntakeError('BINARY_FILE', { kind: 'NUL', line: firstLine + breaks });
}

/**
 * Refuses decoded text that is not a list of people: NUL characters or many control characters mean a
 * binary file that no magic number caught; an Excel "XML Spreadsheet 2003" is text but not a table.
 */
export function assertLooksLikeText(text: string): void {
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  let control = 0;
  assertNoNul(text);
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.05) {
    throw new IntakeError('BINARY_FILE', { kind: 'BINARY_DATA' });
  }
  if (/^\s*<\?xml/.test(sample) && sample.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    throw new IntakeError('SPREADSHEET_FILE', { kind: 'EXCEL_XML' });
  }
}

/** Decodes a whole input. Throws `IntakeError` for empty and non-text inputs. */
export function decodeBytes(input: Uint8Array | ArrayBuffer): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  assertNotBinaryFormat(bytes);
  const { encoding, bom } = detectEncoding(bytes, true);
  // TextDecoder drops a BOM matching its encoding by itself.
  const decoder = new InputDecoder(encoding);
  const text = decoder.decode(bytes) + decoder.decode();
  if (text.trim().length === 0) {
    throw new IntakeError('EMPTY_INPUT', {});
  }
  assertLooksLikeText(text);
  return { text, encoding, bom };
}
