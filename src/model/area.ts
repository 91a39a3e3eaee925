import { z } from 'zod';
import { Code, EastingMetres, NorthingMetres, Year } from './common.js';

export const AreaLevel = z.enum(['country', 'county', 'municipality', 'gridCell', 'postalCode']);
export type AreaLevel = z.infer<typeof AreaLevel>;

/**
 * One area in the hierarchy, valid for a range of years. A municipal merger closes the old
 * municipality's range and opens the new one's; history stays as it was.
 */
export const Area = z.object({
  level: AreaLevel,
  code: Code,
  nameFi: z.string().trim().min(1),
  nameSv: z.string().trim().min(1).optional(),
  parentCode: Code.optional(),
  validFromYear: Year,
  validToYear: Year.optional(),
  /** GeoJSON geometry in EPSG:3067, as text. */
  geometry: z.string().optional(),
  /** A representative point (centroid for cells, centre for municipalities) in EPSG:3067. */
  x: EastingMetres.optional(),
  y: NorthingMetres.optional(),
});
export type Area = z.infer<typeof Area>;

/** Which level sits above which: a municipality's parent is a county, a grid cell's a municipality. */
export const parentLevelOf: Record<AreaLevel, AreaLevel | undefined> = {
  country: undefined,
  county: 'country',
  municipality: 'county',
  gridCell: 'municipality',
  postalCode: 'municipality',
};

/** Statistics Finland's 1 km grid id, e.g. "1kmN6672E0385": the cell's south-west corner in kilometres. */
export const gridCellCode = (eastingMetres: number, northingMetres: number): string => {
  const e = Math.floor(eastingMetres / 1000);
  const n = Math.floor(northingMetres / 1000);
  return `1kmN${String(n).padStart(4, '0')}E${String(e).padStart(4, '0')}`;
};

/** The centre of a 1 km grid cell in EPSG:3067 metres, or undefined for a code that is not a grid id. */
export const gridCellCentre = (code: string): { x: number; y: number } | undefined => {
  const m = /^1kmN(\d{4})E(\d{4})$/.exec(code);
  if (!m) return undefined;
  return { x: Number(m[2]) * 1000 + 500, y: Number(m[1]) * 1000 + 500 };
};
