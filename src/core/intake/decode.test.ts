import { describe, expect, it } from 'vitest';
import { decodeBytes, detectEncoding, InputDecoder } from './decode.ts';

/** Bytes 0x80–0x9F in Windows-1252, by the WHATWG Encoding Standard (five are undefined and stay C1). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

describe('Windows-1252', () => {
  it('decodes 0x80–0x9F as Windows-1252 does (€, curly quotes, dashes), not as Latin-1 control characters', () => {
    // Leading "é" (0xE9) makes the bytes invalid UTF-8, so they are read as Windows-1252.
    const bytes = Uint8Array.from([0xe9, ...Array.from({ length: 32 }, (_, i) => 0x80 + i)]);
    const { text, encoding } = decodeBytes(bytes);
    expect(encoding).toBe('windows-1252');
    expect([...text].map((c) => c.codePointAt(0))).toEqual([0xe9, ...WINDOWS_1252_HIGH]);
  });

  it("reads Word's apostrophe in O’Brien from an Excel CSV", () => {
    expect(decodeBytes(Uint8Array.from([...Buffer.from('o.brien@x.com,O'), 0x92, ...Buffer.from('Brien\r\n')])).text).toBe('o.brien@x.com,O’Brien\r\n');
  });
});

describe('detectEncoding', () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x61], { encoding: 'utf-8', bom: true }],
    [[0xff, 0xfe, 0x61, 0x00], { encoding: 'utf-16le', bom: true }],
    [[0xfe, 0xff, 0x00, 0x61], { encoding: 'utf-16be', bom: true }],
    [[0x61, 0x00, 0x40, 0x00, 0x62, 0x00], { encoding: 'utf-16le', bom: false }],
    [[0x00, 0x61, 0x00, 0x40, 0x00, 0x62], { encoding: 'utf-16be', bom: false }],
    [[0x4a, 0x6f, 0x73, 0xc3, 0xa9], { encoding: 'utf-8', bom: false }],
    [[0x4a, 0x6f, 0x73, 0xe9], { encoding: 'windows-1252', bom: false }],
  ])('%j → %j', (bytes, expected) => {
    expect(detectEncoding(Uint8Array.from(bytes), true)).toEqual(expected);
  });

  it('does not hold a UTF-8 sequence cut off at the end of a head against UTF-8', () => {
    expect(detectEncoding(Uint8Array.from([0x4a, 0xc3]), false).encoding).toBe('utf-8');
    expect(detectEncoding(Uint8Array.from([0x4a, 0xc3]), true).encoding).toBe('windows-1252');
  });
});

describe('InputDecoder', () => {
  const decodeAll = (decoder: InputDecoder, chunks: number[][]) => chunks.map((chunk) => decoder.decode(Uint8Array.from(chunk))).join('') + decoder.decode();

  it('joins a UTF-8 character split across chunks', () => {
    expect(decodeAll(new InputDecoder('utf-8'), [[0x4a, 0x6f, 0x73, 0xc3], [0xa9]])).toBe('José');
  });

  it('after an ASCII head, decides at the first other byte: Windows-1252 when it is not UTF-8', () => {
    const decoder = new InputDecoder('utf-8', 4);
    expect(decodeAll(decoder, [[0x61, 0x62], [0x63, 0xe9], [0x2c, 0x64, 0x65]])).toBe('abcé,de');
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('after an ASCII head, stays UTF-8 when the first other bytes are UTF-8, also split across chunks', () => {
    const decoder = new InputDecoder('utf-8', 4);
    expect(decodeAll(decoder, [[0x61, 0xc3], [0xa9, 0x62, 0x63, 0x64]])).toBe('aébcd');
    expect(decoder.encoding).toBe('utf-8');
  });

  it('decides at the end of the input when that comes first', () => {
    const decoder = new InputDecoder('utf-8', 1000);
    expect(decodeAll(decoder, [[0x61], [0x80]])).toBe('a€');
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('keeps a byte-order mark in the middle of the input as a character', () => {
    const decoder = new InputDecoder('utf-8', 2);
    expect(decodeAll(decoder, [[0x61, 0x0a], [0xef, 0xbb, 0xbf, 0x62]])).toBe('a\n\ufeffb');
  });

  it('copies held bytes, so a source may reuse its buffer', () => {
    const decoder = new InputDecoder('utf-8', 8);
    const buffer = Uint8Array.from([0x61, 0xe9, 0x62]);
    let text = decoder.decode(buffer);
    buffer.set([0x78, 0x78, 0x78]);
    text += decoder.decode(Uint8Array.from([0x63])) + decoder.decode();
    expect(text).toBe('aébc');
  });
});
