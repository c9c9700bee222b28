import { useSyncExternalStore } from 'react';

/** The pages of the app. Paths carry no personal data: at most a municipality code. */
export type Route = 'start' | 'login' | 'me' | 'not-found';

const ROUTES: Readonly<Record<string, Route>> = { '/': 'start', '/login': 'login', '/me': 'me' };

export const paths = { start: '/', login: '/login', me: '/me' } as const;

/** A trailing slash is forgiven, so `/login/` is the login page too. */
export function routeOf(pathname: string): Route {
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return ROUTES[normalized] ?? 'not-found';
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
