import type { ReactNode } from 'react';
import { followLink } from './navigation.js';
import { type PageId, pathOf } from './pages.js';

interface AppLinkProps {
  page: PageId;
  current?: boolean;
  className?: string;
  children: ReactNode;
}

/** A link to one of the app's pages: a real link (it opens in a new tab too) that navigates in place. */
export const AppLink = ({ page, current = false, className, children }: AppLinkProps) => (
  <a
    href={pathOf(page)}
    className={className}
    aria-current={current ? 'page' : undefined}
    onClick={followLink}
  >
    {children}
  </a>
);
