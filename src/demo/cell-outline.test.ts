import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MultiPolygonRings, outlineCells, type Ring, signedArea } from './cell-outline.js';

const insideRing = (ring: Ring, x: number, y: number): boolean => {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [ax, ay] = ring[i] ?? [0, 0];
    const [bx, by] = ring[j] ?? [0, 0];
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
};

const covers = (polygons: MultiPolygonRings, x: number, y: number): boolean =>
  polygons.some(
    ([exterior, ...holes]) =>
      exterior !== undefined && insideRing(exterior, x, y) && !holes.some((hole) => insideRing(hole, x, y)),
  );

const cellsOf = (pattern: string[]): [number, number][] =>
  pattern.flatMap((line, row) =>
    [...line].flatMap((ch, column) => (ch === '#' ? [[column, row] as [number, number]] : [])),
  );

describe('outlineCells', () => {
  it('outlines one cell as a counter-clockwise square', () => {
    expect(outlineCells([[2, 3]])).toEqual([
      [
        [
          [2, 3],
          [3, 3],
          [3, 4],
          [2, 4],
          [2, 3],
        ],
      ],
    ]);
  });

  it('gives a ring of cells a clockwise hole', () => {
    const [polygon, ...others] = outlineCells(cellsOf(['###', '#.#', '###']));
    expect(others).toEqual([]);
    expect(polygon?.map(signedArea)).toEqual([9, -1]);
  });

  it('keeps cells that touch only at a corner as two polygons', () => {
    const polygons = outlineCells(cellsOf(['#.', '.#']));
    expect(polygons.map((p) => p.map(signedArea))).toEqual([[1], [1]]);
  });

  it('scales corners through the given projection', () => {
    const [[ring]] = outlineCells([[0, 0]], (c, r) => [330_000 + c * 1000, 6_880_000 + r * 1000]) as [[Ring]];
    expect(ring[2]).toEqual([331_000, 6_881_000]);
  });

  it('covers exactly the given cells, with area equal to their number', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }), { minLength: 7, maxLength: 7 }),
        (grid) => {
          const cells = grid.flatMap((line, row) =>
            line.flatMap((member, column) => (member ? [[column, row] as [number, number]] : [])),
          );
          const polygons = outlineCells(cells);
          const area = polygons.flat().reduce((sum, ring) => sum + signedArea(ring), 0);
          expect(area).toBe(cells.length);
          for (const polygon of polygons) {
            expect(signedArea(polygon[0] ?? [])).toBeGreaterThan(0);
            for (const ring of polygon) expect(ring[0]).toEqual(ring[ring.length - 1]);
          }
          for (let row = -1; row <= 7; row++) {
            for (let column = -1; column <= 7; column++) {
              expect(covers(polygons, column + 0.5, row + 0.5)).toBe(grid[row]?.[column] === true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
