import type { RoadCoverage } from '../../model/index.js';
import { gridCellCentre } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { gridIndex } from '../graph/grid-index.js';
import type { RoadNetwork } from '../graph/road-network.js';

/** Where the county is, as the store knows it: the box its areas span and its populated grid cells. */
export interface CountyExtent {
  /** [minX, minY, maxX, maxY] in EPSG:3067; undefined when the store holds no areas. */
  box: readonly [number, number, number, number] | undefined;
  cellX: Float64Array;
  cellY: Float64Array;
}

const widen = (box: number[], x: number, y: number) => {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  box[0] = Math.min(box[0] as number, x);
  box[1] = Math.min(box[1] as number, y);
  box[2] = Math.max(box[2] as number, x);
  box[3] = Math.max(box[3] as number, y);
};

const widenByPositions = (box: number[], coordinates: unknown): void => {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') {
    widen(box, coordinates[0], Number(coordinates[1]));
    return;
  }
  for (const part of coordinates) widenByPositions(box, part);
};

/**
 * The box of every area's point and boundary (grid cells by their points alone: they lie inside their
 * municipality's boundary) and the centres of the grid cells populated in the latest year.
 */
export const readCountyExtent = async (store: Store): Promise<CountyExtent> => {
  const box = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  const [points] = await store.all<{
    x0: number | null;
    y0: number | null;
    x1: number | null;
    y1: number | null;
  }>('SELECT min(x) AS x0, min(y) AS y0, max(x) AS x1, max(y) AS y1 FROM areas');
  if (points?.x0 != null && points.y0 != null && points.x1 != null && points.y1 != null) {
    widen(box, points.x0, points.y0);
    widen(box, points.x1, points.y1);
  }
  const boundaries = await store.all<{ geometry: string }>(
    `SELECT geometry FROM areas WHERE geometry IS NOT NULL AND level <> 'gridCell'`,
  );
  for (const { geometry } of boundaries) {
    try {
      widenByPositions(box, (JSON.parse(geometry) as { coordinates?: unknown }).coordinates);
    } catch {
      // A boundary that is not JSON adds nothing; the importer validated it when it was stored.
    }
  }
  const cells = await store.all<{ code: string; x: number | null; y: number | null }>(
    `SELECT p.area_code AS code, any_value(a.x) AS x, any_value(a.y) AS y
     FROM population p LEFT JOIN areas a ON a.level = 'gridCell' AND a.code = p.area_code
     WHERE p.area_level = 'gridCell' AND p.count > 0
       AND p.year = (SELECT max(year) FROM population WHERE area_level = 'gridCell')
     GROUP BY p.area_code`,
  );
  const cellX: number[] = [];
  const cellY: number[] = [];
  for (const cell of cells) {
    const centre = cell.x !== null && cell.y !== null ? { x: cell.x, y: cell.y } : gridCellCentre(cell.code);
    if (!centre) continue;
    cellX.push(centre.x);
    cellY.push(centre.y);
    widen(box, centre.x, centre.y);
  }
  return {
    box: Number.isFinite(box[0]) ? (box as [number, number, number, number]) : undefined,
    cellX: Float64Array.from(cellX),
    cellY: Float64Array.from(cellY),
  };
};

/** How much of the county the network reaches: nodes in the county's box, populated cells near a node. */
export const coverageOf = (
  network: RoadNetwork,
  county: CountyExtent,
  maxSnapMetres: number,
): RoadCoverage => {
  if (!county.box) {
    return {
      checked: false,
      nodesInCountyBox: 0,
      populatedCells: 0,
      populatedCellsNearRoad: 0,
      maxSnapMetres,
    };
  }
  const [x0, y0, x1, y1] = county.box;
  let nodesInCountyBox = 0;
  for (let i = 0; i < network.nodeX.length; i++) {
    const x = network.nodeX[i] as number;
    const y = network.nodeY[i] as number;
    if (
      x >= x0 - maxSnapMetres &&
      x <= x1 + maxSnapMetres &&
      y >= y0 - maxSnapMetres &&
      y <= y1 + maxSnapMetres
    )
      nodesInCountyBox++;
  }
  const index = gridIndex(network.nodeX, network.nodeY);
  let populatedCellsNearRoad = 0;
  for (let c = 0; c < county.cellX.length; c++) {
    if (index.nearest(county.cellX[c] as number, county.cellY[c] as number).distance <= maxSnapMetres)
      populatedCellsNearRoad++;
  }
  return {
    checked: true,
    nodesInCountyBox,
    populatedCells: county.cellX.length,
    populatedCellsNearRoad,
    maxSnapMetres,
  };
};

/** Why a network reaches none of the county, or undefined when it reaches some of it (or cannot be checked). */
export const outsideCountyReason = (coverage: RoadCoverage): string | undefined => {
  if (!coverage.checked) return undefined;
  if (coverage.nodesInCountyBox === 0)
    return "no road of the network lies within the area the county's areas cover (a network of another region or country?)";
  if (coverage.populatedCells > 0 && coverage.populatedCellsNearRoad === 0)
    return `none of the county's ${coverage.populatedCells} populated grid cells is within ${coverage.maxSnapMetres / 1000} km of a road of the network`;
  return undefined;
};
