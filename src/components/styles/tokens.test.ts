/**
 * The theme's tokens: every `--rbi-*` property the parts use is defined, the two dark blocks agree, and
 * contrast meets WCAG 2.2 AA in both themes: text ≥ 4.5:1 (1.4.3), borders, the accent and the focus
 * ring ≥ 3:1 (1.4.11), computed with WCAG's relative luminance
 * (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance, https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The declarations of the first rule whose selector list is exactly `selector` (whitespace ignored). */
function block(source: string, selector: string): Map<string, string> {
  const wanted = selector.replace(/\s+/g, '');
  for (const match of source.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (match[1]!.replace(/\s+/g, '') !== wanted) continue;
    const declarations = new Map<string, string>();
    for (const declaration of match[2]!.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon > 0) declarations.set(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
    }
    return declarations;
  }
  throw new Error(`tokens.css has no rule for ${selector}`);
}

/** The body of `@media <query> { … }`. */
function media(source: string, query: string): string {
  const start = source.indexOf(`@media ${query}`);
  if (start < 0) throw new Error(`tokens.css has no @media ${query}`);
  let depth = 0;
  const open = source.indexOf('{', start);
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(open + 1, i);
  }
  throw new Error('unbalanced braces');
}

const outsideMedia = css.replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
const light = block(outsideMedia, ":root, .rbi-theme-light, [data-rbi-theme='light']");
const shared = block(outsideMedia, ':root');
const darkClass = block(outsideMedia, ".rbi-theme-dark, [data-rbi-theme='dark']");
const darkMedia = block(media(css, '(prefers-color-scheme: dark)'), ":root:not(.rbi-theme-light):not([data-rbi-theme='light'])");

const COLORS = ['bg', 'surface', 'text', 'text-muted', 'border', 'accent', 'accent-text', 'focus', 'valid', 'invalid', 'duplicate', 'warning', 'overlay'].map(
  (name) => `--rbi-color-${name}`,
);
const THEMED = [...COLORS, '--rbi-shadow'];
const SHARED = [
  ...[1, 2, 3, 4, 5, 6].map((n) => `--rbi-space-${n}`),
  ...['sm', 'md', 'lg'].map((size) => `--rbi-radius-${size}`),
  '--rbi-font-family',
  ...['sm', 'md', 'lg'].map((size) => `--rbi-font-size-${size}`),
  '--rbi-line-height',
];

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** [foreground, background, minimum]. */
const PAIRS: Array<[string, string, number]> = [
  ...['text', 'text-muted', 'accent', 'valid', 'invalid', 'duplicate', 'warning'].flatMap((fg): Array<[string, string, number]> => [
    [fg, 'bg', 4.5],
    [fg, 'surface', 4.5],
  ]),
  ['accent-text', 'accent', 4.5],
  ...['border', 'focus', 'accent'].flatMap((fg): Array<[string, string, number]> => [
    [fg, 'bg', 3],
    [fg, 'surface', 3],
  ]),
];

describe('tokens.css', () => {
  it('checks itself: WCAG contrast of black on white is 21, of a colour on itself 1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
    // #767676 on white is the well-known 4.54:1 grey.
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('defines every themed token in the light theme and both dark blocks', () => {
    for (const theme of [light, darkClass, darkMedia]) for (const name of THEMED) expect(theme.get(name), name).toBeTruthy();
    expect(light.get('color-scheme')).toBe('light');
    expect(darkClass.get('color-scheme')).toBe('dark');
    expect(darkMedia.get('color-scheme')).toBe('dark');
  });

  it('holds the same values in the prefers-color-scheme block as in the class block', () => {
    expect(Object.fromEntries(darkMedia)).toEqual(Object.fromEntries(darkClass));
  });

  it('defines space, radii and type once, for both themes', () => {
    for (const name of SHARED) expect(shared.get(name), name).toBeTruthy();
    expect([1, 2, 3, 4, 5, 6].map((n) => shared.get(`--rbi-space-${n}`))).toEqual(['4px', '8px', '12px', '16px', '24px', '32px']);
  });

  for (const [name, theme] of [
    ['light', light],
    ['dark', darkClass],
  ] as const) {
    it.each(PAIRS)(`${name}: --rbi-color-%s on --rbi-color-%s is at least %s:1`, (fg, bg, minimum) => {
      const ratio = contrast(theme.get(`--rbi-color-${fg}`)!, theme.get(`--rbi-color-${bg}`)!);
      expect(ratio).toBeGreaterThanOrEqual(minimum);
    });
  }
});
