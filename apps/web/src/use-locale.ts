import { useCallback, useEffect, useState } from 'react';
import { htmlLang, isLocale, type Locale } from './messages';

const STORAGE_KEY = 'madoguchi.locale';
// Japanese first: the page does not follow the browser's language, a resident picks another one.
const DEFAULT_LOCALE: Locale = 'ja';

// localStorage throws when storage is disabled (some private modes, strict cookie settings);
// the page must still work then, it just forgets the choice.
function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered, but the switch itself still happens.
  }
}

/** The display language, remembered across visits; keeps `<html lang>` in step (the app sets the title). */
export function useLocale(): [Locale, (locale: Locale) => void] {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  useEffect(() => {
    // Screen readers pick their voice from <html lang>, so it must follow the visible language.
    document.documentElement.lang = htmlLang[locale];
    // Lets the stylesheet tell やさしい日本語 from Japanese, which share lang="ja".
    document.documentElement.dataset.locale = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  return [locale, setLocale];
}
