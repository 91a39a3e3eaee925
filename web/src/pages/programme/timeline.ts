import type { ProjectView } from '../../../../src/model/index.js';

const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The timeline's span: from the first project's start to the last one's end, whole years. */
export const spanOf = (projects: readonly ProjectView[]): { from: string; to: string; years: number[] } => {
  const starts = projects.map((p) => p.start).sort();
  const ends = projects.map((p) => p.end).sort();
  const first = Number((starts[0] ?? '2024').slice(0, 4));
  const last = Number((ends.at(-1) ?? '2027').slice(0, 4));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { from: `${first}-01-01`, to: `${last + 1}-01-01`, years };
};

/** Where a date falls on the span, in per cent of its width, held within it. */
export const positionOf = (span: { from: string; to: string }, iso: string): number => {
  const share = (dayOf(iso) - dayOf(span.from)) / (dayOf(span.to) - dayOf(span.from));
  return Math.min(100, Math.max(0, share * 100));
};
