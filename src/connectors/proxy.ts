/**
 * Which proxy, if any, carries a request: county networks reach the internet only through an HTTPS
 * proxy named in the environment. NO_PROXY lists hosts (or domain suffixes, or `*`) reached directly.
 */
export const proxyFor = (
  url: string,
  env: Record<string, string | undefined> = process.env,
  explicit?: string,
): string | undefined => {
  const target = new URL(url);
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  const host = target.hostname.toLowerCase();
  const bypassed = noProxy.some(
    (entry) =>
      entry === '*' ||
      host === entry.replace(/^\./, '').replace(/:\d+$/, '') ||
      host.endsWith(entry.startsWith('.') ? entry : `.${entry}`),
  );
  if (bypassed) return undefined;
  if (explicit) return explicit;
  const named =
    target.protocol === 'https:'
      ? (env.HTTPS_PROXY ?? env.https_proxy)
      : (env.HTTP_PROXY ?? env.http_proxy ?? env.HTTPS_PROXY ?? env.https_proxy);
  return named && named.trim() !== '' ? named.trim() : undefined;
};
