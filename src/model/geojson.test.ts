import { describe, expect, it } from 'vitest';
import { Geometry, mapGeometry } from './geojson.js';

const shift = ([x = 0, y = 0]: number[]) => [x + 1, y + 2];

describe('mapGeometry', () => {
  it('moves a point', () => {
    expect(mapGeometry({ type: 'Point', coordinates: [10, 20] }, shift)).toEqual({
      type: 'Point',
      coordinates: [11, 22],
    });
  });

  it('moves every ring of every polygon and keeps the nesting', () => {
    const square = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    const moved = mapGeometry({ type: 'MultiPolygon', coordinates: [[square], [square, square]] }, shift);
    expect(Geometry.parse(moved)).toEqual(moved);
    expect(moved.type).toBe('MultiPolygon');
    expect(moved.coordinates).toEqual([
      [
        [
          [1, 2],
          [2, 2],
          [2, 3],
          [1, 2],
        ],
      ],
      expect.any(Array),
    ]);
  });
});
