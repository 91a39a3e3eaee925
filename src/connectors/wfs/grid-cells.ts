import type { RejectReason } from '../../model/index.js';
import { gridGroups } from './grid-groups.js';

/** A grid cell not taken: its place in the answer (from 1), the property at fault, its value, why. */
export interface GridCellReject {
  line: number;
  column: string;
  value: string;
  reason: RejectReason;
}

interface CellFeature {
  id?: unknown;
  geometry: unknown;
  properties: Record<string, unknown> | null;
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

const isPosition = (p: unknown): boolean =>
  Array.isArray(p) && p.length >= 2 && p.every((c) => typeof c === 'number' && Number.isFinite(c));

/** What is wrong with a ring (closed, four positions or more, finite numbers), or undefined. */
const ringFault = (ring: unknown): string | undefined => {
  if (!Array.isArray(ring)) return 'a ring is not a list of positions';
  if (!ring.every(isPosition)) return 'a position is not two finite numbers';
  if (ring.length < 4) return `a ring of ${ring.length} positions (at least 4 closed)`;
  const first = ring[0] as number[];
  const last = ring.at(-1) as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'a ring is not closed';
  return undefined;
};

const polygonFault = (rings: unknown): string | undefined => {
  if (!Array.isArray(rings) || rings.length === 0) return 'a polygon without rings';
  for (const ring of rings) {
    const fault = ringFault(ring);
    if (fault) return fault;
  }
  return undefined;
};

/** What is wrong with a cell's geometry, or undefined: a cell is a Polygon or MultiPolygon of closed rings. */
export const geometryFault = (geometry: unknown): string | undefined => {
  if (geometry === null || geometry === undefined) return 'no geometry';
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') return polygonFault(g.coordinates);
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return 'a multipolygon without polygons';
    for (const polygon of g.coordinates) {
      const fault = polygonFault(polygon);
      if (fault) return fault;
    }
    return undefined;
  }
  return `a ${text(g.type) || 'geometry without a type'}, not a polygon`;
};

/**
 * The cells of a grid answer that cannot be taken, at most one reject each, by their place in the
 * answer: a cell of a municipality outside the county (when the county's municipalities are given), a
 * cell whose geometry is not a polygon, or one with a figure that is missing or not a count (Statistics
 * Finland's -1 for a withheld figure is a count). Every other cell is accepted. Pure.
 */
export const gridCellRejects = (
  features: readonly CellFeature[],
  options: { municipalities?: readonly string[]; codeOf: (p: Record<string, unknown>) => string },
): Map<number, GridCellReject> => {
  const county = options.municipalities && new Set(options.municipalities);
  const figures = gridGroups(features, 0, options.codeOf).rejects;
  const firstFigureFault = new Map<number, (typeof figures)[number]>();
  for (const f of figures) if (!firstFigureFault.has(f.line)) firstFigureFault.set(f.line, f);
  const rejects = new Map<number, GridCellReject>();
  features.forEach((feature, index) => {
    const line = index + 1;
    const p = feature.properties ?? {};
    // The cell as people find it: its code, else the feature's id in the answer.
    const cell = options.codeOf(p) || text(feature.id) || `#${line}`;
    const municipality = text(p.kunta);
    if (county && !county.has(municipality)) {
      rejects.set(line, {
        line,
        column: 'kunta',
        value: municipality,
        reason: { code: 'gridCellOutsideCounty', params: { cell, value: municipality } },
      });
      return;
    }
    const fault = geometryFault(feature.geometry);
    if (fault) {
      rejects.set(line, {
        line,
        column: 'geometry',
        value: text((feature.geometry as { type?: unknown } | null)?.type),
        reason: { code: 'gridCellGeometry', params: { cell, detail: fault } },
      });
      return;
    }
    const figure = firstFigureFault.get(line);
    if (figure)
      rejects.set(line, {
        line,
        column: figure.column,
        value: figure.value,
        reason:
          figure.reason === 'missing'
            ? { code: 'gridCellMissingCount', params: { cell, column: figure.column } }
            : { code: 'gridCellCount', params: { cell, column: figure.column, value: figure.value } },
      });
  });
  return rejects;
};
