/**
 * The UI's words. A locale is the kit's own strings (buttons, labels, status lines) and the core's
 * message table (row problems, outcomes), with the BCP 47 tag the `Intl` formatters use. Entries are
 * functions of their params and of `Intl` helpers, so a translation chooses plurals and word order.
 */
import type { MessageOverrides } from '../../core/index.ts';
import type { CommonMessages } from './common.ts';
import type { DialogMessages } from './dialog.ts';
import type { ResultsTableMessages } from './results-table.ts';

/** `Intl` helpers for one locale: numbers, plurals and lists as that language writes them. */
export interface IntlHelpers {
  readonly locale: string;
  number(value: number): string;
  /** Picks the form for `count` by `Intl.PluralRules` (falls back to `other`). */
  plural(count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string;
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** A duration in whole seconds, as a short unit ("12 s"). */
  seconds(value: number): string;
}

/** One UI string: a function of its params and the locale's helpers. */
export type UiMessage<Params = void> = (params: Params, intl: IntlHelpers) => string;

/** The UI's strings: one interface per part, in that part's messages file. */
export type UiMessages = CommonMessages & DialogMessages & ResultsTableMessages;

export interface Locale {
  /** BCP 47 tag for `Intl` ("en", "de"). */
  code: string;
  ui: UiMessages;
  /** The core's table (row problems, warnings, outcomes); keys missing fall back to English. */
  core: MessageOverrides;
}
