import { discloseCount, type IsochroneProperties } from '../../model/index.js';
import { dissolveSquares, type GridSquare, type Polygon } from './dissolve.js';

/** Statistics Finland's grid cells are 1 km squares named by their south-west corner in kilometres. */
export const gridCellMetres = 1000;

/** A cell's square: from its grid id where it has one, else the 1 km square around its point. */
export const gridSquareOf = (code: string, x: number, y: number): GridSquare => {
  const match = /^1kmN(\d{4})E(\d{4})$/.exec(code);
  if (match) return { column: Number(match[2]), row: Number(match[1]) };
  return {
    column: Math.floor((x - gridCellMetres / 2) / gridCellMetres),
    row: Math.floor((y - gridCellMetres / 2) / gridCellMetres),
  };
};

export interface IsochroneInput {
  cells: { codes: readonly string[]; x: Float64Array; y: Float64Array; total: Float64Array };
  units: readonly { code: string; name: string }[];
  /** Per unit (same order): minutes from the unit to each cell; Infinity where none. */
  columns: readonly Float64Array[];
  bands: readonly number[];
  unsuppressed: boolean;
}

export interface Isochrone {
  properties: IsochroneProperties;
  /** Polygons in EPSG:3067 metres. */
  polygons: Polygon[];
}

/**
 * Each unit's cumulative travel-time bands as polygons of the grid cells within each limit, with the
 * residents they hold. Bands with no cell are left out.
 */
export const isochrones = ({ cells, units, columns, bands, unsuppressed }: IsochroneInput): Isochrone[] => {
  const squares = cells.codes.map((code, c) =>
    gridSquareOf(code, cells.x[c] as number, cells.y[c] as number),
  );
  const toMetres = (polygon: Polygon): Polygon =>
    polygon.map((ring) => ring.map(([x, y]) => [x * gridCellMetres, y * gridCellMetres] as [number, number]));
  return units.flatMap((unit, u) => {
    const column = columns[u] as Float64Array;
    return bands.flatMap((limit) => {
      const within: GridSquare[] = [];
      let residents = 0;
      for (let c = 0; c < column.length; c++) {
        if (!((column[c] as number) <= limit)) continue;
        within.push(squares[c] as GridSquare);
        residents += cells.total[c] as number;
      }
      if (within.length === 0) return [];
      const count = Math.round(residents);
      const disclosed = unsuppressed ? { value: count, suppressed: false } : discloseCount(count);
      return [
        {
          properties: {
            unitCode: unit.code,
            unitName: unit.name,
            minutes: limit,
            residents: disclosed.value,
            residentsSuppressed: disclosed.suppressed,
            cells: within.length,
          },
          polygons: dissolveSquares(within).map(toMetres),
        },
      ];
    });
  });
};
