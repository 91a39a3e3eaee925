/** The app's views in menu order. */
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

/** "/" for the overview, "/data" and so on for the rest; the server answers every page path with the app. */
export const pathOf = (page: PageId): string => (page === defaultPage ? '/' : `/${page}`);

/** "/data" → "data", "/" → the overview, anything else → undefined (not found). */
export const pageFromPath = (pathname: string): PageId | undefined => {
  const segment = pathname.replace(/^\/+/, '').split('/')[0] ?? '';
  if (segment === '') return defaultPage;
  return (pageIds as readonly string[]).includes(segment) ? (segment as PageId) : undefined;
};
