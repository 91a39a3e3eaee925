import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEtrsTm35fin, toWgs84 } from './crs.js';

describe('EPSG:3067 ↔ WGS84', () => {
  it('puts the central meridian 27°E at false easting 500 000 m', () => {
    const { x } = toEtrsTm35fin(27, 62);
    expect(x).toBeCloseTo(500_000, 3);
  });

  it('scales the meridian arc by 0.9996 on the central meridian', () => {
    // The GRS80 meridian arc from the equator to 60°N is 6 654 072.8 m.
    const { y } = toEtrsTm35fin(27, 60);
    expect(Math.abs(y - 0.9996 * 6_654_072.8)).toBeLessThan(1);
  });

  it('round-trips any point in Finland to within a millimetre', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 19.5, max: 31.5, noNaN: true }),
        fc.double({ min: 59.7, max: 70.1, noNaN: true }),
        (lon, lat) => {
          const { x, y } = toEtrsTm35fin(lon, lat);
          const back = toWgs84(x, y);
          const there = toEtrsTm35fin(back.lon, back.lat);
          expect(Math.abs(there.x - x)).toBeLessThan(0.001);
          expect(Math.abs(there.y - y)).toBeLessThan(0.001);
        },
      ),
    );
  });
});
