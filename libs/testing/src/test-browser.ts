/**
 * Just enough of a browser to walk a sign-in across sites by hand: cookies per origin, redirects
 * followed one at a time (so a test sees every hop and can stop at one), and the provider's
 * login and consent forms filled in and posted.
 */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();
  /** Every URL requested, in order; tests check where the browser went, never what it carried. */
  readonly visited: URL[] = [];

  /** Cookie values for an origin, as the browser holds them now. */
  cookies(origin: string | URL): ReadonlyMap<string, string> {
    return this.jar.get(new URL(origin).origin) ?? new Map();
  }

  async request(url: URL | string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    this.visited.push(target);
    const headers = new Headers(init.headers);
    const cookies = [...this.cookies(target)].map(([name, value]) => `${name}=${value}`).join('; ');
    if (cookies !== '') headers.set('cookie', cookies);
    const res = await fetch(target, { ...init, headers, redirect: 'manual' });
    this.remember(target, res.headers.getSetCookie());
    return res;
  }

  /**
   * Follows redirects and posts the provider's forms (signing in as `login`, consenting to what
   * is asked) until `stop` says the next URL is where the test wants to look, or a page answers
   * that is neither a redirect nor a form. Returns that URL, without requesting it.
   */
  async follow(start: URL | string, login: string, stop: (next: URL) => boolean): Promise<URL> {
    let next = new URL(start);
    for (let hop = 0; hop < 20; hop += 1) {
      if (stop(next)) return next;
      let res = await this.request(next);
      if (res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('text/html')) {
        const form = formOf(await res.text(), next, login);
        res = await this.request(form.action, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.body,
        });
      }
      const location = res.headers.get('location');
      if (res.status < 300 || res.status > 399 || location === null)
        throw new Error(`the sign-in stopped at ${next.pathname} with HTTP ${res.status}: ${await res.text()}`);
      next = new URL(location, next);
    }
    throw new Error('the sign-in went through more than 20 redirects');
  }

  private remember(url: URL, setCookies: readonly string[]): void {
    const cookies = this.jar.get(url.origin) ?? new Map<string, string>();
    this.jar.set(url.origin, cookies);
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      const expired = attributes.some((a) => {
        const [key, value = ''] = a.split('=');
        if (key.toLowerCase() === 'max-age') return Number(value) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(value) <= Date.now();
        return false;
      });
      if (expired) cookies.delete(name);
      else cookies.set(name, pair.slice(eq + 1));
    }
  }
}

/** The one form of a provider page: its action, its hidden fields, and a login and password when asked. */
function formOf(html: string, page: URL, login: string): { action: URL; body: URLSearchParams } {
  const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(html)?.[1];
  if (action === undefined) throw new Error(`no form on ${page.pathname}: ${html.slice(0, 500)}`);
  const body = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    body.set(name, value);
  if (/name="login"/.test(html)) body.set('login', login);
  if (/name="password"/.test(html)) body.set('password', 'any password: the test provider does not check it');
  return { action: new URL(action.replaceAll('&amp;', '&'), page), body };
}
