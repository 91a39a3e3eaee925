import type { ReactNode } from 'react';

/** The page's h1; focusable from script so that navigation can move focus to it. */
export const PageHeading = ({ children }: { children: ReactNode }) => (
  <h1 tabIndex={-1} className="page-heading">
    {children}
  </h1>
);
