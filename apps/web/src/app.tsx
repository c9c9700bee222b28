import { type RefObject, useEffect, useRef } from 'react';
import { fill } from './format';
import { LoginPage } from './login-page';
import { MePage } from './me-page';
import { type Locale, type Messages, messages } from './messages';
import { NotFoundPage } from './not-found-page';
import { ApplicationStatusPage } from './portal/application-status-page';
import { CheckAnswersPage } from './portal/check-answers-page';
import { ConfirmationPage } from './portal/confirmation-page';
import { MyApplicationsPage } from './portal/my-applications-page';
import { ProcedureStartPage } from './portal/procedure-start-page';
import { ProceduresPage } from './portal/procedures-page';
import { QuestionPage } from './portal/question-page';
import { type Route, routeOf, usePathname } from './router';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { CaseInboxPage } from './staff/case-inbox-page';
import { CasePage } from './staff/case-page';
import { StaffLoginPage } from './staff/staff-login-page';
import { StartPage } from './start-page';
import { useLocale } from './use-locale';

/** The document title; a page that loads a name (a procedure's) refines it with useDocumentTitle. */
function pageTitle(route: Route, text: Messages): string {
  const titled = (page: string) => fill(text.titleTemplate, { page });
  switch (route.name) {
    case 'start':
      return text.documentTitle;
    case 'login':
      return titled(text.login.title);
    case 'me':
      return titled(text.me.title);
    case 'procedures':
    case 'procedure':
      return titled(text.portal.titles.procedures);
    case 'applications':
      return titled(text.portal.titles.applications);
    case 'application':
    case 'application-page':
      return titled(text.portal.titles.application);
    case 'application-check':
      return titled(text.portal.titles.check);
    case 'application-done':
      return titled(text.portal.titles.done);
    case 'staff-login':
      return titled(text.staff.titles.login);
    case 'staff-cases':
      return titled(text.staff.titles.cases);
    case 'staff-case':
      return titled(text.staff.titles.case);
    case 'not-found':
      return titled(text.notFound.title);
  }
}

function Page({ route, text, locale }: { readonly route: Route; readonly text: Messages; readonly locale: Locale }) {
  switch (route.name) {
    case 'start':
      return <StartPage text={text} />;
    case 'login':
      return <LoginPage text={text} />;
    case 'me':
      return <MePage text={text} locale={locale} />;
    case 'procedures':
      return <ProceduresPage text={text} locale={locale} />;
    case 'procedure':
      return <ProcedureStartPage text={text} locale={locale} procedureId={route.procedureId} />;
    case 'applications':
      return <MyApplicationsPage text={text} locale={locale} />;
    case 'application':
      return <ApplicationStatusPage text={text} locale={locale} applicationId={route.applicationId} />;
    case 'application-page':
      return <QuestionPage text={text} locale={locale} applicationId={route.applicationId} step={route.step} />;
    case 'application-check':
      return <CheckAnswersPage text={text} locale={locale} applicationId={route.applicationId} />;
    case 'application-done':
      return <ConfirmationPage text={text} locale={locale} applicationId={route.applicationId} />;
    case 'staff-login':
      return <StaffLoginPage text={text} locale={locale} />;
    case 'staff-cases':
      return <CaseInboxPage text={text} locale={locale} />;
    case 'staff-case':
      return <CasePage text={text} locale={locale} applicationId={route.applicationId} />;
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
        <Page key={pathname} route={route} text={text} locale={locale} />
      </main>
      <SiteFooter text={text} />
    </>
  );
}
