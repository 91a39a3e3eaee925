import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridIndex } from './grid-index.js';

const point = fc.record({
  x: fc.double({ min: -5000, max: 5000, noNaN: true }),
  y: fc.double({ min: -5000, max: 5000, noNaN: true }),
});

describe('gridIndex', () => {
  it('finds the nearest included point, as a scan of all points does, also for queries outside the box', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(point, fc.boolean()), { minLength: 1, maxLength: 80 }),
        fc.array(
          fc.record({
            x: fc.double({ min: -20000, max: 20000, noNaN: true }),
            y: fc.double({ min: -20000, max: 20000, noNaN: true }),
          }),
          { maxLength: 20 },
        ),
        (points, queries) => {
          const x = Float64Array.from(points, ([p]) => p.x);
          const y = Float64Array.from(points, ([p]) => p.y);
          const include = Uint8Array.from(points, ([, keep]) => (keep ? 1 : 0));
          const index = gridIndex(x, y, include);
          for (const q of queries) {
            let best = Number.POSITIVE_INFINITY;
            points.forEach(([p, keep]) => {
              if (keep) best = Math.min(best, Math.hypot(p.x - q.x, p.y - q.y));
            });
            const found = index.nearest(q.x, q.y);
            if (best === Number.POSITIVE_INFINITY) expect(found.index).toBe(-1);
            else {
              expect(include[found.index]).toBe(1);
              expect(found.distance).toBeCloseTo(best, 6);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the nearest point along the edge for a query far outside the box', () => {
    // Found by the property above: from 20 km away, a point four metres along the edge is nearer than
    // one straight below, by 0.04 mm, and lies two rings out.
    const x = Float64Array.from([-4.016822626002283, 0, 0]);
    const y = Float64Array.from([0, -0.0004446413404368688, 0]);
    const index = gridIndex(x, y, Uint8Array.from([1, 1, 0]));
    const found = index.nearest(0, 19999.999996352548);
    expect(found.index).toBe(0);
    expect(found.distance).toBeCloseTo(Math.hypot(4.016822626002283, 19999.999996352548), 6);
  });
});
