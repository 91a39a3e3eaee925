import type { ReactNode } from 'react';

/** A titled part of the page, named by its heading so that it shows in a screen reader's landmark list. */
export const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <section className="page-section" aria-labelledby={`${id}-title`} id={id}>
    <h2 id={`${id}-title`}>{title}</h2>
    {children}
  </section>
);
