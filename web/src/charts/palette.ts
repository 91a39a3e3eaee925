/**
 * Chart colours. Each has at least 3:1 contrast against white (WCAG 1.4.11, graphical objects), and the
 * series also differ by line dash or bar hatching, so that colour is never the only way to tell them apart.
 */
export const seriesColours = ['#0b5794', '#a34a00', '#17754a', '#8a3d8f'] as const;

export const seriesColour = (index: number): string =>
  seriesColours[index % seriesColours.length] ?? '#0b5794';

/** Dash patterns by series index: solid, dashed, dotted, dash-dot. */
export const seriesDashes = [undefined, '6 4', '2 3', '8 3 2 3'] as const;

export const seriesDash = (index: number): string | undefined => seriesDashes[index % seriesDashes.length];

/** Uncertainty bands are pale, drawn under the line; their meaning is told in the legend too. */
export const bandFill = '#cfe0ef';
export const axisColour = '#7b8a97';
export const gridColour = '#e3e8ec';
export const inkColour = '#1b2631';
export const mutedInkColour = '#4c5a67';
/** Targets and reference values: dark and dashed, so that they read apart from the data. */
export const referenceColour = '#1b2631';
