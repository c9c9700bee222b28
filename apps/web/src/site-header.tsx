import { LanguageSwitcher } from './language-switcher';
import { Link } from './link';
import type { Locale, Messages } from './messages';
import { paths, usePathname } from './router';

interface SiteHeaderProps {
  readonly locale: Locale;
  readonly text: Messages;
  readonly onLocaleChange: (locale: Locale) => void;
}

/** The section a path belongs to, for aria-current on its link. */
function isIn(pathname: string, section: string): boolean {
  return pathname === section || pathname.startsWith(`${section}/`);
}

export function SiteHeader({ locale, text, onLocaleChange }: SiteHeaderProps) {
  const pathname = usePathname();
  const links = [
    { to: paths.procedures, label: text.portal.navProcedures },
    { to: paths.applications, label: text.portal.navApplications },
  ];
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link className="site-header__brand" to="/">
          {/* The product name is the same in every language; mark each part for screen readers. */}
          <span lang="ja">窓口</span> <span lang="en">Madoguchi</span>
        </Link>
        <LanguageSwitcher locale={locale} label={text.languageLabel} onChange={onLocaleChange} />
        <nav className="site-nav" aria-label={text.portal.navLabel}>
          <ul className="site-nav__list">
            {links.map((link) => (
              <li key={link.to}>
                <Link
                  className="site-nav__link"
                  to={link.to}
                  aria-current={isIn(pathname, link.to) ? 'page' : undefined}
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
