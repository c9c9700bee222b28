import { type RefObject, useEffect, useRef } from 'react';
import { fill } from './format';
import { LoginPage } from './login-page';
import { MePage } from './me-page';
import { type Locale, type Messages, messages } from './messages';
import { NotFoundPage } from './not-found-page';
import { type Route, routeOf, usePathname } from './router';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { StartPage } from './start-page';
import { useLocale } from './use-locale';

function pageTitle(route: Route, text: Messages): string {
  switch (route) {
    case 'start':
      return text.documentTitle;
    case 'login':
      return fill(text.titleTemplate, { page: text.login.title });
    case 'me':
      return fill(text.titleTemplate, { page: text.me.title });
    case 'not-found':
      return fill(text.titleTemplate, { page: text.notFound.title });
  }
}

function Page({ route, text, locale }: { readonly route: Route; readonly text: Messages; readonly locale: Locale }) {
  switch (route) {
    case 'start':
      return <StartPage text={text} />;
    case 'login':
      return <LoginPage text={text} />;
    case 'me':
      return <MePage text={text} locale={locale} />;
    case 'not-found':
      return <NotFoundPage text={text} />;
  }
}

/**
 * After a page change without a reload, focus goes to the new page's heading, so a screen
 * reader announces it and the next Tab starts there (as after a full page load). Not on the
 * first load: then the browser's own start position is right.
 */
function useFocusHeadingOnNavigation(pathname: string, main: RefObject<HTMLElement | null>): void {
  const shown = useRef(pathname);
  useEffect(() => {
    if (pathname === shown.current) return;
    shown.current = pathname;
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [pathname, main]);
}

export function App() {
  const [locale, setLocale] = useLocale();
  const pathname = usePathname();
  const route = routeOf(pathname);
  const text = messages[locale];
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    document.title = pageTitle(route, text);
  }, [route, text]);
  useFocusHeadingOnNavigation(pathname, main);

  return (
    <>
      <a className="skip-link" href="#main">
        {text.skipLink}
      </a>
      <SiteHeader locale={locale} text={text} onLocaleChange={setLocale} />
      {/* tabIndex -1 lets the skip link move keyboard focus here, not only scroll. */}
      <main id="main" className="main" tabIndex={-1} ref={main}>
        {/* A new key per page: nothing of one page's state survives into the next. */}
        <Page key={route} route={route} text={text} locale={locale} />
      </main>
      <SiteFooter text={text} />
    </>
  );
}
