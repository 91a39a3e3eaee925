import { describe, expect, it } from 'vitest';
import { geometryFault, gridCellRejects } from './grid-cells.js';

const square = [
  [0, 0],
  [1000, 0],
  [1000, 1000],
  [0, 1000],
  [0, 0],
];
const figures = { vaesto: 10, miehet: 5, naiset: 5, ika_0_14: 1, ika_15_64: 6, ika_65_: 3 };

describe('grid cells', () => {
  it('takes a polygon or multipolygon of closed rings, and says what is wrong with anything else', () => {
    expect(geometryFault({ type: 'Polygon', coordinates: [square] })).toBeUndefined();
    expect(geometryFault({ type: 'MultiPolygon', coordinates: [[square], [square]] })).toBeUndefined();
    expect(geometryFault(null)).toBe('no geometry');
    expect(geometryFault({ type: 'Polygon', coordinates: [] })).toBe('a polygon without rings');
    expect(geometryFault({ type: 'Polygon', coordinates: [square.slice(0, 3)] })).toBe(
      'a ring of 3 positions (at least 4 closed)',
    );
    expect(
      geometryFault({
        type: 'MultiPolygon',
        coordinates: [
          [square],
          [
            [
              [0, 0],
              [1, Number.NaN],
              [2, 2],
              [0, 0],
            ],
          ],
        ],
      }),
    ).toBe('a position is not two finite numbers');
    expect(geometryFault({ type: 'LineString', coordinates: square })).toBe('a LineString, not a polygon');
  });

  it('rejects a cell once, by its place in the answer, naming the feature when the cell has no code', () => {
    const rejects = gridCellRejects(
      [
        {
          geometry: { type: 'Polygon', coordinates: [square] },
          properties: { grd_id: 'A', kunta: '091', ...figures },
        },
        // Outside the county and without geometry: the county is named, once.
        { id: 'vaki2024_1km.7', geometry: null, properties: { kunta: '092', ...figures } },
        {
          geometry: { type: 'Polygon', coordinates: [square] },
          properties: { grd_id: 'C', kunta: '091', ...figures, miehet: -2, naiset: 'x' },
        },
      ],
      { municipalities: ['091'], codeOf: (p) => String(p.grd_id ?? '') },
    );
    expect([...rejects.values()].map((r) => [r.line, r.column, r.reason.code, r.reason.params.cell])).toEqual(
      [
        [2, 'kunta', 'gridCellOutsideCounty', 'vaki2024_1km.7'],
        [3, 'miehet', 'gridCellCount', 'C'],
      ],
    );
    // With no county given, no cell is outside it.
    expect(
      gridCellRejects(
        [{ geometry: { type: 'Polygon', coordinates: [square] }, properties: { kunta: '092', ...figures } }],
        { codeOf: () => 'B' },
      ).size,
    ).toBe(0);
  });
});
