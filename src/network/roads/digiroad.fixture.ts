import type { DigiroadLink } from '../../importers/index.js';

/** A link's attributes other than its id and lines. */
export type LinkAttributes = Partial<Omit<DigiroadLink, 'linkId' | 'lines'>>;

/**
 * A Digiroad link for tests: a two-way secondary road with no speed limit of its own (its class's speed
 * applies), one line per array of coordinates [x1, y1, x2, y2, …] (EPSG:3067); `more` sets any other
 * attribute.
 */
export const digiroadTestLink = (
  linkId: string,
  lines: number[][],
  more: LinkAttributes = {},
): DigiroadLink => ({
  linkId,
  roadClass: 'secondary',
  oneway: 0,
  speedKmh: 0,
  winterSpeedKmh: 0,
  ferry: false,
  crossingSeconds: 0,
  lines: lines.map((line) => Float64Array.from(line)),
  ...more,
});
