import { useSyncExternalStore } from 'react';
import { navigationEvent } from './navigation.js';
import { pageFromPath, type RouteId } from './pages.js';

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
};

const currentPath = (): string => window.location.pathname;

/** The page the URL names, or undefined when it names none. */
export const useRoute = (): RouteId | undefined => pageFromPath(useSyncExternalStore(subscribe, currentPath));
