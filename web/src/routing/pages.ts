import type { Permission } from '../../../src/model/index.js';

/** The app's views in menu order. */
export const pageIds = [
  'overview',
  'indicators',
  'forecast',
  'network',
  'producers',
  'programme',
  'data',
  'users',
  'audit',
  'chains',
] as const;
export type PageId = (typeof pageIds)[number];

/** Pages reached other than from the menu. */
export type RouteId = PageId | 'signin';

export const defaultPage: PageId = 'overview';

/**
 * What a page needs beyond the aggregates everyone sees; without it the page is not in the menu. The
 * Network page is a planner's workspace: every figure on it comes from evaluating the working scenario.
 */
export const pageNeeds: Partial<Record<PageId, Permission>> = {
  network: 'editScenarios',
  users: 'manageUsers',
  audit: 'viewAudit',
  producers: 'viewSteering',
};

export const mayOpen = (page: PageId, permissions: readonly Permission[]): boolean => {
  const need = pageNeeds[page];
  return need === undefined || permissions.includes(need);
};

/** The menu a reader with these permissions sees. */
export const pagesFor = (permissions: readonly Permission[]): PageId[] =>
  pageIds.filter((page) => mayOpen(page, permissions));

/** "/" for the overview, "/data" and so on for the rest; the server answers every page path with the app. */
export const pathOf = (page: RouteId): string => (page === defaultPage ? '/' : `/${page}`);

/** "/data" → "data", "/" → the overview, anything else → undefined (not found). */
export const pageFromPath = (pathname: string): RouteId | undefined => {
  const segment = pathname.replace(/^\/+/, '').split('/')[0] ?? '';
  if (segment === '') return defaultPage;
  if (segment === 'signin') return segment;
  return (pageIds as readonly string[]).includes(segment) ? (segment as PageId) : undefined;
};
