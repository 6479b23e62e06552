import { describe, expect, it } from 'vitest';
import { editDistance, suggestDomain } from './typos.ts';

describe('suggestDomain', () => {
  it.each([
    ['ann@gmial.com', 'gmail.com'],
    ['ann@gmal.com', 'gmail.com'],
    ['ann@gmail.con', 'gmail.com'],
    ['ann@hotmial.com', 'hotmail.com'],
    ['ann@yaho.com', 'yahoo.com'],
    ['ann@outlok.com', 'outlook.com'],
    ['ann@icloud.co', 'icloud.com'],
    ['Ann@GMIAL.COM', 'gmail.com'],
  ])('%s → %s', (email, suggestion) => {
    expect(suggestDomain(email)).toMatchObject({ suggestion, email: `${email.slice(0, email.indexOf('@') + 1)}${suggestion}` });
  });

  it.each(['ann@gmail.com', 'ann@example.com', 'ann@acme.io', 'ann@corp.example.org', 'ann@gm.com', 'no-at', 'ann@'])('offers nothing for %s', (email) => {
    expect(suggestDomain(email)).toBeUndefined();
  });

  it('counts a swap of neighbours as one edit, and gives up past the limit', () => {
    expect(editDistance('gmial.com', 'gmail.com', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
