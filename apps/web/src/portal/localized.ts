import type { Locale } from '../messages';
import type { LocalizedText } from '../procedures/procedure-definition';

/** A text of a procedure definition in the page's language (every definition has all three). */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.ja;
}
