/** The two locales the kit ships: English (the default) and German. */
import type { Locale } from './types.ts';
import { commonDe, commonEn } from './common.ts';
import { dialogDe, dialogEn } from './dialog.ts';
import { resultsTableDe, resultsTableEn } from './results-table.ts';
import { coreDe } from './core-de.ts';

export const english: Locale = { code: 'en', ui: { ...commonEn, ...dialogEn, ...resultsTableEn }, core: {} };
export const german: Locale = { code: 'de', ui: { ...commonDe, ...dialogDe, ...resultsTableDe }, core: coreDe };
