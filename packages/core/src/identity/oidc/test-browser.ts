/** Names and values only: every cookie oidc-provider sets has a distinct name, so paths can be ignored. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value && !/expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface LoginChoice {
  /** What the synthetic person answers on the OP's page. */
  readonly decision?: 'allow' | 'deny';
  /** The acr the OP records for this login; defaults to the first requested. */
  readonly acr?: string;
}

/**
 * Plays the browser with fetch: follows the OP's redirects by hand, keeps its cookies, submits the login form
 * when it lands on the interaction page, and stops at the redirect to the RP, returning that URL unvisited.
 */
export async function followLogin(authorizationUrl: string, redirectUri: string, choice: LoginChoice = {}) {
  const jar = new CookieJar(); // a fresh browser each time: no OP session carried between tests
  let url = new URL(authorizationUrl);
  let form: URLSearchParams | undefined;
  for (let hop = 0; hop < 10; hop++) {
    if (url.href.startsWith(redirectUri)) return url;
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers: { cookie: jar.header() },
      redirect: 'manual',
      ...(form ? { body: form } : {}),
    });
    jar.store(response);
    const text = await response.text();
    const location = response.headers.get('location');
    if (!location) throw new Error(`expected a redirect from ${url.pathname}, got ${response.status}: ${text}`);
    url = new URL(location, url);
    form = url.pathname.startsWith('/interaction/')
      ? new URLSearchParams({ decision: choice.decision ?? 'allow', acr: choice.acr ?? '' })
      : undefined;
  }
  throw new Error('too many redirects before reaching the RP');
}
