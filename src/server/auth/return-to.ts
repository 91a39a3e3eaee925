/**
 * Where to go once signed in: a path of this app, or its front page. Anything else (another site, `//host`,
 * `/\host`, which browsers read as another host) would make the sign-in an open redirect.
 */
export const safeReturnTo = (value: unknown): string => {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  return /[\u0000-\u001f\u007f]/.test(value) ? '/' : value;
};
