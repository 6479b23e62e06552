/** `formatMessage` with a host's table: its entries win, the rest is English. */
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { formatMessage } from './format.ts';
import type { MessageOverrides } from './types.ts';

/** A partial German table, as a UI locale would start: functions of the params (plurals, lists). */
const de: MessageOverrides = {
  'row.DUPLICATE': ({ email, line }) => `${email} steht schon in Zeile ${line}.`,
  'row.MULTIPLE_EMAILS': ({ count, emails }) =>
    `Die Zelle enthält ${count === 1 ? 'eine Adresse' : `${count} Adressen`} (${new Intl.ListFormat('de', { type: 'conjunction' }).format(emails)}); bitte eine Adresse pro Zeile.`,
};

describe('formatMessage', () => {
  it('words a key from the English table by default', () => {
    expect(formatMessage('row.DUPLICATE', { email: 'ann@x.io', line: 12 })).toBe('ann@x.io is already listed on line 12.');
    expect(formatMessage('row.DUPLICATE', { email: 'ann@x.io', line: 12 }, en)).toBe('ann@x.io is already listed on line 12.');
  });

  it("uses a host's table for the keys it has", () => {
    expect(formatMessage('row.DUPLICATE', { email: 'ann@x.io', line: 12 }, de)).toBe('ann@x.io steht schon in Zeile 12.');
    expect(formatMessage('row.MULTIPLE_EMAILS', { count: 3, emails: ['a@x.io', 'b@x.io', 'c@x.io'] }, de)).toBe(
      'Die Zelle enthält 3 Adressen (a@x.io, b@x.io und c@x.io); bitte eine Adresse pro Zeile.',
    );
  });

  it('falls back to English for the keys a partial table lacks', () => {
    expect(formatMessage('row.DOMAIN_BLOCKED', { domain: 'gmail.com' }, de)).toBe('Addresses at gmail.com may not be invited.');
    expect(formatMessage('intakeError.EMPTY_INPUT', {}, de)).toBe('The input is empty: there are no rows to read.');
  });

  it('shows a key no table knows (a code from another version) as itself rather than failing', () => {
    expect(formatMessage('row.NOT_A_CODE' as 'row.DUPLICATE', { email: 'a@x.io', line: 1 })).toBe('row.NOT_A_CODE');
  });
});
