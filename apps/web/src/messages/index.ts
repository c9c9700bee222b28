import { easyJa } from './easy-ja';
import { en } from './en';
import { ja } from './ja';
import type { Messages } from './messages';

export type { Messages } from './messages';

export const locales = ['ja', 'en', 'easy-ja'] as const;
export type Locale = (typeof locales)[number];

export const messages: Readonly<Record<Locale, Messages>> = { ja, en, 'easy-ja': easyJa };

/** The `lang` attribute value: やさしい日本語 is still Japanese to browsers and screen readers. */
export const htmlLang: Readonly<Record<Locale, 'ja' | 'en'>> = { ja: 'ja', en: 'en', 'easy-ja': 'ja' };

/** Each language's name in that language, so a reader finds their own language whatever is shown. */
export const localeNames: Readonly<Record<Locale, string>> = {
  ja: '日本語',
  en: 'English',
  'easy-ja': 'やさしい日本語',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
