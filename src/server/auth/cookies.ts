/** The cookies a request carries, by name; a name given twice keeps its first value, as browsers send it. */
export const cookiesOf = (header: string | undefined): Map<string, string> => {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
};

/**
 * A Set-Cookie value for a cookie only this site's pages send back, never readable by script, never sent
 * over plain HTTP except to localhost (which browsers treat as secure), and left out of requests other
 * sites start except top-level navigations (SameSite=Lax), which the identity provider's redirect back is.
 * `maxAgeSeconds` 0 removes the cookie.
 */
export const cookieHeader = (name: string, value: string, maxAgeSeconds: number): string =>
  `${name}=${value}; Max-Age=${Math.floor(maxAgeSeconds)}; Path=/; Secure; HttpOnly; SameSite=Lax`;
