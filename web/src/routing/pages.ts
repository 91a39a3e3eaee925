/** The app's views in menu order. Routes live in the URL hash so that any static server can serve the app. */
export const pageIds = [
  'overview',
  'indicators',
  'forecast',
  'network',
  'producers',
  'programme',
  'data',
] as const;
export type PageId = (typeof pageIds)[number];

export const defaultPage: PageId = 'overview';

export const hrefOf = (page: PageId): string => `#/${page}`;

/** "#/data" → "data", "" → the default page, anything else → undefined (not found). */
export const pageFromHash = (hash: string): PageId | undefined => {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  if (path === '') return defaultPage;
  return (pageIds as readonly string[]).includes(path) ? (path as PageId) : undefined;
};
