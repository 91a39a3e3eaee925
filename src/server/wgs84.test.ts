import { describe, expect, it } from 'vitest';
import { geometryToWgs84, positionToWgs84 } from './wgs84.js';

// Reference positions computed with the Krüger series of JHS 154 (the public-sector recommendation
// for ETRS-TM35FIN), independently of proj4.
describe('positionToWgs84', () => {
  it('places Helsinki Cathedral (60.1705 N, 24.9522 E) at E 386 378.9, N 6 672 161.4', () => {
    const [lon, lat] = positionToWgs84([386_378.9, 6_672_161.4]);
    expect(lon).toBeCloseTo(24.9522, 5);
    expect(lat).toBeCloseTo(60.1705, 5);
  });

  it('places a point in Lapland (69 N, 20 E) at E 220 558.5, N 7 670 323.4', () => {
    const [lon, lat] = positionToWgs84([220_558.5, 7_670_323.4]);
    expect(lon).toBeCloseTo(20, 5);
    expect(lat).toBeCloseTo(69, 5);
  });

  it('rounds to six decimals and keeps a height', () => {
    const position = positionToWgs84([500_000, 6_651_411.19, 12.5]);
    expect(position).toEqual([27, 60, 12.5]);
  });
});

describe('geometryToWgs84', () => {
  it('moves every vertex of a polygon', () => {
    const polygon = geometryToWgs84({
      type: 'Polygon',
      coordinates: [
        [
          [500_000, 6_651_411.19],
          [386_378.9, 6_672_161.4],
          [500_000, 6_651_411.19],
        ],
      ],
    });
    expect(polygon).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [27, 60],
          [24.9522, 60.1705],
          [27, 60],
        ],
      ],
    });
  });
});
