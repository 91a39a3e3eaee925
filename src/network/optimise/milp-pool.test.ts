import { describe, expect, it } from 'vitest';
import { optimiseLocation } from './index.js';
import { parseCapacitated } from './orlib.fixture.js';
import { seededRandom } from './random.js';

/** A capacitated instance HiGHS needs many seconds for: 100 random points, 10 tight medians. */
const hardInstance = () => {
  const random = seededRandom(11);
  const n = 100;
  const xs = Array.from({ length: n }, () => random.int(100));
  const ys = Array.from({ length: n }, () => random.int(100));
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      cost[i * n + j] = Math.floor(
        Math.hypot((xs[i] as number) - (xs[j] as number), (ys[i] as number) - (ys[j] as number)),
      );
  const demands = Array.from({ length: n }, () => 1 + random.int(20));
  return {
    demandCount: n,
    siteCount: n,
    cost,
    weights: new Float64Array(n).fill(1),
    demands,
    capacities: new Float64Array(n).fill(120),
  };
};

describe('exact solves in a worker thread', () => {
  it('solves like the in-process solver and can run again on the same worker', async () => {
    const text = `1\n1 0\n4 2 10\n1 0 0 4\n2 1 0 4\n3 10 0 4\n4 11 0 4\n`;
    const [c] = parseCapacitated(text);
    if (!c) throw new Error('instance');
    const problem = {
      demandCount: c.n,
      siteCount: c.n,
      cost: c.dist,
      weights: new Float64Array(c.n).fill(1),
      demands: c.demands,
      capacities: new Float64Array(c.n).fill(c.capacity),
    };
    for (let run = 0; run < 2; run++) {
      const result = await optimiseLocation(
        problem,
        { model: 'capacitated-p-median', p: 2 },
        { method: 'exact' },
      );
      expect(result.status).toBe('optimal');
      expect(result.objective).toBe(2);
    }
  });

  it('a cancel stops HiGHS mid-solve and returns a flagged solution', async () => {
    const controller = new AbortController();
    let reported = 0;
    const started = performance.now();
    setTimeout(() => controller.abort(), 1500);
    const result = await optimiseLocation(
      hardInstance(),
      { model: 'capacitated-p-median', p: 10 },
      { method: 'exact', timeLimitSeconds: 120 },
      { signal: controller.signal, onProgress: () => reported++ },
    );
    expect(result.cancelled).toBe(true);
    expect(result.open.length).toBe(10);
    expect(reported).toBeGreaterThan(0);
    // Returned on the cancel, not at HiGHS's time limit.
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});
