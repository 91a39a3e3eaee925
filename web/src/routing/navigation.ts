import type { MouseEvent } from 'react';

/** pushState fires no event of its own; this one tells useRoute that the path has changed. */
export const navigationEvent = 'soteatlas:navigate';

export const navigate = (path: string): void => {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(navigationEvent));
  window.scrollTo(0, 0);
};

/**
 * Follows an in-app link without reloading the page. Clicks that ask for a new tab or window (modifier
 * keys, middle button) are left to the browser.
 */
export const followLink = (event: MouseEvent<HTMLAnchorElement>): void => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/');
};
