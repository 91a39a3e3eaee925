import { useSyncExternalStore } from 'react';
import { type PageId, pageFromHash } from './pages.js';

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

const currentHash = (): string => window.location.hash;

/** The page the URL names, or undefined when it names none. Links are plain `<a href="#/…">`. */
export const useRoute = (): PageId | undefined => pageFromHash(useSyncExternalStore(subscribe, currentHash));
