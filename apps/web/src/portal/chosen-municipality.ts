/**
 * The municipality chosen on the catalog while not logged in, so a procedure's start page (whose
 * path has no municipality code) knows whose procedure to show. Not personal data.
 */
const KEY = 'madoguchi.lgCode';

export function readChosenMunicipality(): string | null {
  try {
    const value = window.sessionStorage.getItem(KEY);
    return value && /^[0-9]{6}$/.test(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeChosenMunicipality(lgCode: string): void {
  try {
    if (lgCode) window.sessionStorage.setItem(KEY, lgCode);
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Not remembered: the start page asks again.
  }
}
