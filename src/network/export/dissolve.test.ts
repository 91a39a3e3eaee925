import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dissolveSquares, type GridSquare, type Polygon, type Ring, signedArea } from './dissolve.js';

const inside = (ring: Ring, x: number, y: number) => {
  let result = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
};
const covers = (polygon: Polygon, x: number, y: number) =>
  inside(polygon[0] as Ring, x, y) && polygon.slice(1).every((hole) => !inside(hole, x, y));

describe('squares dissolved into polygons', () => {
  it('makes one square of a 2 × 2 block, with only its four corners', () => {
    const block = [0, 1].flatMap((column) => [0, 1].map((row) => ({ column, row })));
    expect(dissolveSquares(block)).toEqual([
      [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    ]);
  });

  it('keeps a hole as a clockwise ring of the polygon around it, and corner-touching squares apart', () => {
    const ring = [0, 1, 2].flatMap((column) =>
      [0, 1, 2].filter((row) => column !== 1 || row !== 1).map((row) => ({ column, row })),
    );
    const [donut, ...others] = dissolveSquares(ring);
    expect(others).toEqual([]);
    expect(donut).toHaveLength(2);
    expect(signedArea(donut?.[0] as Ring)).toBe(9);
    expect(signedArea(donut?.[1] as Ring)).toBe(-1);
    expect(
      dissolveSquares([
        { column: 0, row: 0 },
        { column: 1, row: 1 },
      ]),
    ).toHaveLength(2);
  });

  it('covers exactly the squares given, for any set of squares', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ column: fc.integer({ min: 0, max: 7 }), row: fc.integer({ min: 0, max: 7 }) }),
          {
            selector: (s) => `${s.column},${s.row}`,
            maxLength: 40,
          },
        ),
        (squares: GridSquare[]) => {
          const polygons = dissolveSquares(squares);
          const area = polygons.reduce((sum, p) => sum + p.reduce((s, r) => s + signedArea(r), 0), 0);
          expect(area).toBe(squares.length);
          const filled = new Set(squares.map((s) => `${s.column},${s.row}`));
          for (let column = -1; column <= 8; column++)
            for (let row = -1; row <= 8; row++) {
              const count = polygons.filter((p) => covers(p, column + 0.5, row + 0.5)).length;
              expect(count).toBe(filled.has(`${column},${row}`) ? 1 : 0);
            }
          for (const polygon of polygons) {
            expect(signedArea(polygon[0] as Ring)).toBeGreaterThan(0);
            for (const hole of polygon.slice(1)) expect(signedArea(hole)).toBeLessThan(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
