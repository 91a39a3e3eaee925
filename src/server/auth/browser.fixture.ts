/**
 * Tests only: a browser as far as sign-in needs one. It keeps each host's cookies (ignoring their paths and
 * expiry times, which the flows tested do not depend on) and follows redirects when asked to.
 */
export const testBrowser = () => {
  const jars = new Map<string, Map<string, string>>();
  const jarOf = (url: URL) => {
    const jar = jars.get(url.host) ?? new Map<string, string>();
    jars.set(url.host, jar);
    return jar;
  };
  const request = async (url: string | URL, init: RequestInit = {}): Promise<Response> => {
    const target = new URL(url);
    const jar = jarOf(target);
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const set of response.headers.getSetCookie()) {
      const [pair = ''] = set.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0\b|expires=thu, 01 jan 1970/i.test(set)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  /** Requests `url`, then every redirect, up to `stopAt` (a URL the redirects reach) if given. */
  const follow = async (
    url: string | URL,
    init: RequestInit = {},
    stopAt?: (url: URL) => boolean,
  ): Promise<{ response: Response; url: URL }> => {
    let at = new URL(url);
    let response = await request(at, init);
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) break;
      at = new URL(location, at);
      if (stopAt?.(at)) break;
      await response.body?.cancel();
      response = await request(at);
    }
    return { response, url: at };
  };
  return {
    request,
    follow,
    cookie: (url: string, name: string): string | undefined => jarOf(new URL(url)).get(name),
    setCookie: (url: string, name: string, value: string) => jarOf(new URL(url)).set(name, value),
  };
};
export type TestBrowser = ReturnType<typeof testBrowser>;

/** Signs `browser` in to the app at `appUrl` as the demo provider's user `userId`, as a person would. */
export const signInWith = async (
  browser: TestBrowser,
  appUrl: string,
  userId: string,
  returnTo = '/',
): Promise<Response> => {
  const login = new URL('/auth/login', appUrl);
  login.search = new URLSearchParams({ returnTo, login_hint: userId }).toString();
  const { response: page, url } = await browser.follow(login);
  if (page.status !== 200 || !url.pathname.startsWith('/interaction/'))
    throw new Error(`the provider's sign-in page did not come: ${page.status} ${url}`);
  await page.body?.cancel();
  const landed = (next: URL) => next.origin === new URL(appUrl).origin && !next.pathname.startsWith('/auth/');
  let { response, url: at } = await browser.follow(url, postOf({ user: userId }), landed);
  // Signing in as someone else than the provider's session knows: its page posts a sign-out (by script,
  // in a browser) before going on.
  for (let forms = 0; forms < 3 && response.status === 200; forms++) {
    const form = formPostOf(await response.text());
    if (!form) break;
    ({ response, url: at } = await browser.follow(new URL(form.action, at), postOf(form.inputs), landed));
  }
  return response;
};

const postOf = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/** The action and hidden fields of a page that posts a form by script as it loads. */
const formPostOf = (html: string): { action: string; inputs: Record<string, string> } | undefined => {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) return undefined;
  const inputs = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
  return { action: action.replaceAll('&amp;', '&'), inputs };
};
