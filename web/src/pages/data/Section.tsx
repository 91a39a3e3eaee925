import type { ReactNode, RefObject } from 'react';

interface SectionProps {
  id: string;
  title: string;
  children: ReactNode;
  sectionRef?: RefObject<HTMLElement | null>;
}

/** A titled part of a page, named by its heading so that it shows in a screen reader's landmark list. */
export const Section = ({ id, title, children, sectionRef }: SectionProps) => (
  <section className="page-section" aria-labelledby={`${id}-title`} ref={sectionRef}>
    <h2 id={`${id}-title`}>{title}</h2>
    {children}
  </section>
);
