import { useSyncExternalStore } from 'react';
import { navigationEvent } from '../../routing/navigation.js';

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
};

const currentSearch = (): string => window.location.search;

/**
 * The page's choices live in the URL's query, so that a view can be bookmarked, sent on and opened from
 * an overview tile. Reading follows back and forward; writing replaces the entry (one history step per
 * page, not per choice) and tells the other readers.
 */
export const useQueryParams = (): [
  URLSearchParams,
  (changes: Record<string, string | undefined>) => void,
] => {
  const search = useSyncExternalStore(subscribe, currentSearch);
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    const text = next.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${text ? `?${text}` : ''}`);
    window.dispatchEvent(new Event(navigationEvent));
  };
  return [new URLSearchParams(search), update];
};

/** The Indicators page showing one indicator: where an overview tile or a report leads. */
export const indicatorPath = (
  indicatorId: string,
  params: Record<string, string | undefined> = {},
): string => {
  const query = new URLSearchParams({ id: indicatorId });
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, value);
  return `/indicators?${query.toString()}`;
};
