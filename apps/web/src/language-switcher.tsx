import { htmlLang, type Locale, localeNames, locales } from './messages';

interface LanguageSwitcherProps {
  readonly locale: Locale;
  readonly label: string;
  readonly onChange: (locale: Locale) => void;
}

/** Toggle buttons rather than a select: every choice is visible and one tap away on a phone. */
export function LanguageSwitcher({ locale, label, onChange }: LanguageSwitcherProps) {
  return (
    <fieldset className="language-switcher">
      <legend className="language-switcher__label">{label}</legend>
      <div className="language-switcher__buttons">
        {locales.map((option) => (
          <button
            key={option}
            type="button"
            // Each name is in its own language, so a screen reader pronounces it correctly.
            lang={htmlLang[option]}
            aria-pressed={option === locale}
            className="language-switcher__button"
            onClick={() => onChange(option)}
          >
            {localeNames[option]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
