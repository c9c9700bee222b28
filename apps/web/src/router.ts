import { useSyncExternalStore } from 'react';

/**
 * The pages of the app. Paths carry no personal data: at most a municipality code, a procedure id
 * or an application id (random, meaningless to anyone without a login that may see it).
 */
export type Route =
  | { readonly name: 'start' }
  | { readonly name: 'login' }
  | { readonly name: 'me' }
  | { readonly name: 'procedures' }
  | { readonly name: 'procedure'; readonly procedureId: string }
  | { readonly name: 'applications' }
  | { readonly name: 'application'; readonly applicationId: string }
  | { readonly name: 'application-page'; readonly applicationId: string; readonly step: number }
  | { readonly name: 'application-check'; readonly applicationId: string }
  | { readonly name: 'application-done'; readonly applicationId: string }
  | { readonly name: 'staff-login' }
  | { readonly name: 'staff-cases' }
  | { readonly name: 'staff-case'; readonly applicationId: string }
  | { readonly name: 'not-found' };

export type RouteName = Route['name'];

const ID = '([a-z0-9-]{1,60})';
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** Each pattern with the route it makes from its captures; the first that matches wins. */
const PATTERNS: ReadonlyArray<readonly [RegExp, (m: string[]) => Route]> = [
  [/^\/$/, () => ({ name: 'start' })],
  [/^\/login$/, () => ({ name: 'login' })],
  [/^\/me$/, () => ({ name: 'me' })],
  [/^\/procedures$/, () => ({ name: 'procedures' })],
  [new RegExp(`^/procedures/${ID}$`), (m) => ({ name: 'procedure', procedureId: m[1] as string })],
  [/^\/applications$/, () => ({ name: 'applications' })],
  [new RegExp(`^/applications/${UUID}$`), (m) => ({ name: 'application', applicationId: m[1] as string })],
  [
    new RegExp(`^/applications/${UUID}/steps/([1-9][0-9]{0,2})$`),
    (m) => ({ name: 'application-page', applicationId: m[1] as string, step: Number(m[2]) }),
  ],
  [new RegExp(`^/applications/${UUID}/check$`), (m) => ({ name: 'application-check', applicationId: m[1] as string })],
  [new RegExp(`^/applications/${UUID}/done$`), (m) => ({ name: 'application-done', applicationId: m[1] as string })],
  [/^\/staff$/, () => ({ name: 'staff-login' })],
  [/^\/staff\/cases$/, () => ({ name: 'staff-cases' })],
  [new RegExp(`^/staff/cases/${UUID}$`), (m) => ({ name: 'staff-case', applicationId: m[1] as string })],
];

export const paths = {
  start: '/',
  login: '/login',
  me: '/me',
  procedures: '/procedures',
  procedure: (procedureId: string) => `/procedures/${procedureId}`,
  applications: '/applications',
  application: (applicationId: string) => `/applications/${applicationId}`,
  applicationStep: (applicationId: string, step: number) => `/applications/${applicationId}/steps/${step}`,
  applicationCheck: (applicationId: string) => `/applications/${applicationId}/check`,
  applicationDone: (applicationId: string) => `/applications/${applicationId}/done`,
  staffLogin: '/staff',
  staffCases: '/staff/cases',
  staffCase: (applicationId: string) => `/staff/cases/${applicationId}`,
} as const;

/** A trailing slash is forgiven, so `/login/` is the login page too. */
export function routeOf(pathname: string): Route {
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(normalized);
    if (match) return make(match);
  }
  return { name: 'not-found' };
}

// pushState fires no event of its own; this one tells the subscribers below.
const NAVIGATE_EVENT = 'madoguchi:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = () => window.location.pathname;

/** The current path, updated on navigate() and on the browser's back and forward buttons. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** Goes to another page of the app without reloading it; `replace` keeps the step out of the history. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
