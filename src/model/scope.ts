import type { Viewer } from './viewer.js';

/**
 * Whether an area's figures are within the viewer's scope. A viewer scoped to some municipalities sees
 * those municipalities and the grid cells in them; the county's own figures (and the country's) stay
 * visible as the reference every comparison needs: they are totals over many municipalities, published
 * as such, and tell nothing of one municipality outside the scope.
 */
export const seesArea = (
  viewer: Pick<Viewer, 'areas'>,
  area: { level: string; code: string; parentCode?: string | null },
): boolean => {
  if (!viewer.areas) return true;
  if (area.level === 'municipality') return viewer.areas.includes(area.code);
  if (area.level === 'gridCell') return area.parentCode != null && viewer.areas.includes(area.parentCode);
  // Postal code areas cross municipal borders, so none lies wholly within a scope.
  return area.level === 'county' || area.level === 'country';
};

/** Whether a unit is within the viewer's scope: their producer's own, located in their municipalities. */
export const seesUnit = (
  viewer: Pick<Viewer, 'areas' | 'producerCode'>,
  unit: { producerCode?: string | null; municipalityCode?: string | null },
): boolean =>
  (viewer.producerCode === undefined || unit.producerCode === viewer.producerCode) &&
  (!viewer.areas || (unit.municipalityCode != null && viewer.areas.includes(unit.municipalityCode)));
