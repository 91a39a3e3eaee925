import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { optimiseLocation } from '../index.js';
import { solveCapacitated, weightedCosts } from './capacitated.js';
import { releaseWorkers, searchInParallel, searchOnwards, searchWorkers } from './capacitated-parallel.js';
import { SharedBest } from './capacitated-shared.js';
import type { SearchJob } from './capacitated-worker.js';
import { evaluate } from './evaluate.js';
import { euclideanCapacitated } from './instances.fixture.js';
import { seededRandom } from './random.js';
import { makeBudget } from './types.js';

describe('shared best solution', () => {
  it('keeps only improvements and hands out copies of a better solution', () => {
    const board = SharedBest.create(4, 2);
    expect(board.betterThan(100)).toBeNull();
    expect(board.offer(Int32Array.of(1, 3), Int32Array.of(1, 1, 3, 3), 50)).toBe(true);
    expect(board.offer(Int32Array.of(0, 2), Int32Array.of(0, 0, 2, 2), 60)).toBe(false);
    expect(board.version).toBe(1);
    expect(board.betterThan(50)).toBeNull();
    const copy = board.betterThan(55);
    expect(copy).toEqual({ sites: Int32Array.of(1, 3), assignment: Int32Array.of(1, 1, 3, 3), value: 50 });
    copy?.sites.fill(9);
    // A second view of the same memory (as a worker has) sees the solution, not the caller's copy.
    const view = new SharedBest(board.shared);
    expect(view.betterThan(55)?.sites).toEqual(Int32Array.of(1, 3));
  });
});

describe('capacitated search on several threads', () => {
  const prepared = euclideanCapacitated(150, 15, 4);
  const cost = weightedCosts(prepared);
  const start = Int32Array.from({ length: prepared.p }, (_, k) => k * 10);
  const first = solveCapacitated(prepared, start, {
    random: seededRandom(1),
    budget: makeBudget({ timeLimitMs: 60_000 }),
    maxIdleIterations: 0,
  });
  // The same instance as optimiseLocation takes it.
  const problem = {
    demandCount: prepared.n,
    siteCount: prepared.m,
    cost: prepared.dist,
    weights: prepared.weights,
    demands: prepared.demands,
    capacities: prepared.capacities,
  };

  it('takes a better solution from the board when it stalls, and ends no worse than it', () => {
    const good = solveCapacitated(prepared, start, {
      random: seededRandom(5),
      budget: makeBudget({ timeLimitMs: 600_000 }),
      maxIdleIterations: 200,
    });
    const board = SharedBest.create(prepared.n, prepared.p);
    board.offer(good.sites, good.assignment, good.objective);
    // From the unimproved start and with too few idle iterations to get far alone, the first restart
    // (after 30 idle ones) must find the board's solution and take it.
    const alone = {
      random: seededRandom(6),
      budget: makeBudget({ timeLimitMs: 600_000 }),
      maxIdleIterations: 31,
      initial: { sites: first.sites, assignment: first.assignment },
    };
    // The same search without the board stays above the board's solution: what follows is the board's doing.
    expect(solveCapacitated(prepared, start, alone).objective).toBeGreaterThan(good.objective + 1e-6);
    const solution = solveCapacitated(prepared, start, {
      ...alone,
      random: seededRandom(6),
      budget: makeBudget({ timeLimitMs: 600_000 }),
      shared: board,
    });
    expect(solution.objective).toBeLessThanOrEqual(good.objective + 1e-9);
    const check = evaluate(prepared, 'capacitated-p-median', solution.sites, {
      assignment: solution.assignment,
    });
    expect(check.feasible).toBe(true);
    expect(check.objective).toBeCloseTo(solution.objective, 6);
  });

  it('returns the best of the searches, feasible at the cost it states, with a worker back in the pool', async () => {
    const workers = searchWorkers(prepared, 60_000, 2);
    expect(workers).toHaveLength(1);
    const solution = await searchInParallel(
      prepared,
      {
        random: seededRandom(2),
        budget: makeBudget({ timeLimitMs: 600_000 }),
        maxIdleIterations: 40,
        initial: { sites: first.sites, assignment: first.assignment },
        cost,
      },
      workers,
    );
    expect(solution.feasible).toBe(true);
    expect(solution.objective).toBeLessThanOrEqual(first.objective + 1e-9);
    const check = evaluate(prepared, 'capacitated-p-median', solution.sites, {
      assignment: solution.assignment,
    });
    expect(check.feasible).toBe(true);
    expect(check.objective).toBeCloseTo(solution.objective, 6);
    expect(solution.elite[0]?.objective).toBeCloseTo(solution.objective, 9);
    // Each search ran until 40 idle iterations: the worker's count is in the total.
    expect(solution.iterations).toBeGreaterThanOrEqual(80);
    // The worker answered and went back to the pool: the next search gets the same one.
    const again = searchWorkers(prepared, 60_000, 2);
    expect(again[0]).toBe(workers[0]);
    releaseWorkers(again);
  });

  it('answers without a worker that has exited, and never hands that worker out again', async () => {
    const [gone] = searchWorkers(prepared, 60_000, 2);
    if (gone === undefined) throw new Error('expected a worker');
    await gone.terminate();
    const solution = await searchInParallel(
      prepared,
      {
        random: seededRandom(4),
        budget: makeBudget({ timeLimitMs: 600_000 }),
        maxIdleIterations: 20,
        initial: { sites: first.sites, assignment: first.assignment },
        cost,
      },
      [gone],
    );
    expect(solution.feasible).toBe(true);
    releaseWorkers([gone]);
    const next = searchWorkers(prepared, 60_000, 2);
    expect(next).toHaveLength(1);
    expect(next[0]).not.toBe(gone);
    releaseWorkers(next);
  });

  it('searches on from a solution with the time left, and leaves it when too little is left', async () => {
    const solution = {
      ...first,
      sites: Int32Array.from(first.sites),
      assignment: Int32Array.from(first.assignment),
    };
    const options = { random: seededRandom(8), maxIdleIterations: 40, cost };
    // Under the least time left nothing starts.
    await searchOnwards(prepared, solution, options, makeBudget({ timeLimitMs: 50 }), 1);
    expect(solution.objective).toBe(first.objective);
    expect(solution.iterations).toBe(first.iterations);
    // With time left (one thread, ended by its idle limit) the unimproved start gets better.
    await searchOnwards(prepared, solution, options, makeBudget({ timeLimitMs: 600_000 }), 1);
    expect(solution.objective).toBeLessThan(first.objective - 1e-6);
    expect(solution.iterations).toBeGreaterThanOrEqual(first.iterations + 40);
    const check = evaluate(prepared, 'capacitated-p-median', solution.sites, {
      assignment: solution.assignment,
    });
    expect(check.feasible).toBe(true);
    expect(check.objective).toBeCloseTo(solution.objective, 6);
  });

  it('starts every onward search from the solution, even where the run searched apart before', async () => {
    const solution = {
      ...first,
      sites: Int32Array.from(first.sites),
      assignment: Int32Array.from(first.assignment),
    };
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    try {
      const options = { random: seededRandom(9), maxIdleIterations: 40, cost, apart: true };
      await searchOnwards(prepared, solution, options, makeBudget({ timeLimitMs: 2_000 }), 2);
      const jobs = posted.mock.calls.map(([job]) => job as SearchJob);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]?.apart).toBe(false);
      expect(jobs[0]?.start.sites).toEqual(first.sites);
    } finally {
      posted.mockRestore();
    }
    expect(solution.objective).toBeLessThanOrEqual(first.objective);
  });

  it('searches apart in four where it recombines, on fewer cores too, unless the caller sets threads', async () => {
    const apartJobs = async (threads: number | undefined) => {
      const posted = vi.spyOn(Worker.prototype, 'postMessage');
      try {
        // 3 s for 150 demands: over the 10 ms per demand from which a run recombines, and long enough
        // for workers.
        const result = await optimiseLocation(
          problem,
          { model: 'capacitated-p-median', p: prepared.p },
          { method: 'heuristic', timeLimitSeconds: 3, ...(threads === undefined ? {} : { threads }) },
        );
        expect(result.status).toBe('feasible');
        return posted.mock.calls.map(([job]) => job as SearchJob).filter((job) => job.apart).length;
      } finally {
        posted.mockRestore();
      }
    };
    // This thread is the fourth search.
    expect(await apartJobs(undefined)).toBe(3);
    expect(await apartJobs(2)).toBe(1);
  });

  it('stops every search when the run is cancelled', async () => {
    const controller = new AbortController();
    const budget = makeBudget({ timeLimitMs: 3_600_000, signal: controller.signal });
    const solution = await searchInParallel(
      prepared,
      {
        random: seededRandom(3),
        budget,
        maxIdleIterations: 1_000_000_000,
        initial: { sites: first.sites, assignment: first.assignment },
        cost,
        onIteration: (iteration) => {
          if (iteration === 20) controller.abort();
        },
      },
      searchWorkers(prepared, 3_600_000, 2),
    );
    // Without the stop reaching the worker it would search for an hour and this test would time out.
    expect(budget.stopped).toBe('cancelled');
    expect(solution.feasible).toBe(true);
  });

  it('answers through optimiseLocation with two searches, and with one', async () => {
    for (const threads of [1, 2]) {
      const result = await optimiseLocation(
        problem,
        { model: 'capacitated-p-median', p: prepared.p },
        { method: 'heuristic', timeLimitSeconds: 2, threads },
      );
      expect(result.status).toBe('feasible');
      const check = evaluate(prepared, 'capacitated-p-median', Int32Array.from(result.open), {
        assignment: Int32Array.from(result.assignment),
      });
      expect(check.feasible).toBe(true);
      expect(check.objective).toBeCloseTo(result.objective as number, 6);
    }
  });
});
