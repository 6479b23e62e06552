/**
 * The theme in a real browser, with the stylesheet a host imports: light or dark follows the system
 * unless a class or attribute on an ancestor forces one (on `<html>` it reaches the portalled dialog
 * too), and keyboard focus on any kit part shows the focus ring.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../styles.css';

const LIGHT_BG = '#ffffff';
const DARK_BG = '#14171c';

const bg = (element: Element) => getComputedStyle(element).getPropertyValue('--rbi-color-bg').trim();

function mount(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host;
}

afterEach(() => {
  document.documentElement.classList.remove('rbi-theme-light', 'rbi-theme-dark');
  document.documentElement.removeAttribute('data-rbi-theme');
  document.body.replaceChildren();
});

describe('the theme', () => {
  it('follows the system by default', () => {
    const systemDark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(bg(document.documentElement)).toBe(systemDark ? DARK_BG : LIGHT_BG);
    expect(getComputedStyle(document.documentElement).colorScheme).toBe(systemDark ? 'dark' : 'light');
  });

  it('is forced by a class or attribute on <html>, which the portalled dialog inherits', () => {
    const portal = mount('<div class="rbi-dialog"></div>').firstElementChild!;
    document.documentElement.classList.add('rbi-theme-dark');
    expect(bg(portal)).toBe(DARK_BG);
    document.documentElement.classList.replace('rbi-theme-dark', 'rbi-theme-light');
    expect(bg(portal)).toBe(LIGHT_BG);
    document.documentElement.classList.remove('rbi-theme-light');
    document.documentElement.setAttribute('data-rbi-theme', 'dark');
    expect(bg(portal)).toBe(DARK_BG);
  });

  it('is forced for one part of the page by a class on a wrapper', () => {
    const host = mount('<div class="rbi-theme-dark"><p id="dark"></p><div class="rbi-theme-light"><p id="light"></p></div></div>');
    expect(bg(host.querySelector('#dark')!)).toBe(DARK_BG);
    expect(bg(host.querySelector('#light')!)).toBe(LIGHT_BG);
  });

  it('shows a focus ring on a kit part focused from the keyboard', async () => {
    const host = mount('<button type="button" class="rbi-sample">A part</button>');
    await userEvent.tab();
    const button = host.querySelector('button')!;
    expect(document.activeElement).toBe(button);
    const style = getComputedStyle(button);
    expect(style.outlineStyle).toBe('solid');
    expect(parseFloat(style.outlineWidth)).toBeGreaterThanOrEqual(2);
    // In the theme's focus colour (a swatch resolves the token to the same rgb() form).
    const swatch = mount('<span style="color: var(--rbi-color-focus)"></span>').firstElementChild!;
    expect(style.outlineColor).toBe(getComputedStyle(swatch).color);
  });
});
