import { describe, expect, it } from 'vitest';
import type { Geometry } from '../../../src/model/index.js';
import { boundsOf, centreOf } from './bounds.js';

const point = (lon: number, lat: number): { geometry: Geometry } => ({
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

const square: { geometry: Geometry } = {
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [24, 60],
          [25, 60],
          [25, 61],
          [24, 61],
          [24, 60],
        ],
      ],
    ],
  },
};

describe('boundsOf', () => {
  it('spans polygons and points together', () => {
    expect(boundsOf([square, point(26.5, 59.5)])).toEqual([24, 59.5, 26.5, 61]);
  });

  it('is undefined when there is nothing to span', () => {
    expect(boundsOf([])).toBeUndefined();
    expect(boundsOf([{ geometry: null }])).toBeUndefined();
  });

  it('has its centre halfway across both ways', () => {
    expect(centreOf([24, 60, 26, 61])).toEqual([25, 60.5]);
  });
});
