import { LanguageSwitcher } from './language-switcher';
import { Link } from './link';
import type { Locale, Messages } from './messages';

interface SiteHeaderProps {
  readonly locale: Locale;
  readonly text: Messages;
  readonly onLocaleChange: (locale: Locale) => void;
}

export function SiteHeader({ locale, text, onLocaleChange }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link className="site-header__brand" to="/">
          {/* The product name is the same in every language; mark each part for screen readers. */}
          <span lang="ja">窓口</span> <span lang="en">Madoguchi</span>
        </Link>
        <LanguageSwitcher locale={locale} label={text.languageLabel} onChange={onLocaleChange} />
      </div>
    </header>
  );
}
