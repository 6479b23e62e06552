/** `Intl` helpers for a locale, made once per locale and reused. */
import type { IntlHelpers } from './types.ts';

const made = new Map<string, IntlHelpers>();

export function intlFor(locale: string): IntlHelpers {
  const known = made.get(locale);
  if (known) return known;
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const conjunction = new Intl.ListFormat(locale, { type: 'conjunction' });
  const disjunction = new Intl.ListFormat(locale, { type: 'disjunction' });
  const seconds = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 0 });
  const helpers: IntlHelpers = {
    locale,
    number: (value) => numbers.format(value),
    plural: (count, forms) => forms[plurals.select(count)] ?? forms.other,
    list: (items, type = 'conjunction') => (type === 'conjunction' ? conjunction : disjunction).format(items),
    seconds: (value) => seconds.format(Math.ceil(value)),
  };
  made.set(locale, helpers);
  return helpers;
}
