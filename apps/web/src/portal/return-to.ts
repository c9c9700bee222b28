/**
 * Where to go back to after logging in: a page that sent the resident to /login remembers itself
 * here, and the login forms go there instead of /me. Only a path of this app is accepted, so a
 * crafted value cannot send anyone to another site after the login.
 */
const KEY = 'madoguchi.returnTo';

function isAppPath(path: string): boolean {
  // `//host` and `/\host` are read by browsers as another origin.
  const controlCharacter = [...path].some((c) => c.charCodeAt(0) < 0x20);
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') && !controlCharacter;
}

export function rememberReturnTo(path: string): void {
  if (!isAppPath(path)) return;
  try {
    window.sessionStorage.setItem(KEY, path);
  } catch {
    // Storage disabled: after the login the resident lands on /me and finds the way from there.
  }
}

/** The remembered path, once: it is cleared as it is read. */
export function consumeReturnTo(): string | null {
  try {
    const path = window.sessionStorage.getItem(KEY);
    window.sessionStorage.removeItem(KEY);
    return path && isAppPath(path) && path !== '/login' ? path : null;
  } catch {
    return null;
  }
}
