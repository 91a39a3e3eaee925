import { z } from 'zod';

/**
 * Location models: p-median (minimise weighted travel), maximal covering (maximise demand within a radius
 * with p sites), location set covering (fewest sites covering all demand within a radius), p-center
 * (minimise the longest travel with p sites) and capacitated p-median (single-source assignment within
 * each site's capacity).
 */
export const LocationModel = z.enum([
  'p-median',
  'max-covering',
  'set-covering',
  'p-center',
  'capacitated-p-median',
]);
export type LocationModel = z.infer<typeof LocationModel>;

/**
 * A site that is `fixed` stays open whatever the solution; a `candidate` may open; an `existing` site is
 * open today. Outside consolidation an existing site is free to stay or close like a candidate; in
 * consolidation ("close k of n") only fixed and existing sites are considered and k existing ones close.
 */
export const SiteStatus = z.enum(['candidate', 'fixed', 'existing']);
export type SiteStatus = z.infer<typeof SiteStatus>;

/** What to solve; the matrix and weights travel beside it as typed arrays. */
export const LocationSpec = z
  .object({
    model: LocationModel,
    /** Number of open sites in total, fixed ones included (not used by set covering or consolidation). */
    p: z.number().int().positive().optional(),
    /** Consolidation: close this many existing sites; p is then implied. */
    closeCount: z.number().int().nonnegative().optional(),
    /** Covering radius in the matrix's unit (minutes) for maximal and set covering. */
    coverRadius: z.number().nonnegative().optional(),
    /**
     * Equity as a hard constraint: every resident (demand of positive weight) within this travel of its
     * site, in the matrix's unit. For p-median, p-center and capacitated p-median.
     */
    maxTravel: z.number().nonnegative().optional(),
  })
  .refine((s) => s.closeCount !== undefined || s.model === 'set-covering' || s.p !== undefined, {
    message: 'p or closeCount is required for this model',
  })
  .refine((s) => (s.model !== 'max-covering' && s.model !== 'set-covering') || s.coverRadius !== undefined, {
    message: 'coverRadius is required for covering models',
  })
  .refine((s) => s.maxTravel === undefined || (s.model !== 'max-covering' && s.model !== 'set-covering'), {
    message: 'maxTravel is for p-median, p-center and capacitated p-median (covering models have a radius)',
  });
export type LocationSpec = z.infer<typeof LocationSpec>;

export const OptimiseMethod = z.enum(['auto', 'exact', 'heuristic']);
export type OptimiseMethod = z.infer<typeof OptimiseMethod>;

export const OptimiseOptions = z.object({
  /** auto: exact MILP when the instance is small enough, else heuristics. */
  method: OptimiseMethod.default('auto'),
  seed: z.number().int().default(1),
  /** Wall-clock budget; the best solution so far is returned when it runs out. */
  timeLimitSeconds: z.number().positive().default(10),
  /** auto uses the exact MILP up to this many matrix cells (demand × sites). */
  exactCellLimit: z.number().int().positive().default(2_500),
  /**
   * Heuristic search stops after this many metaheuristic iterations without improvement. When given,
   * the run depends only on the seed (and the time limit); otherwise the search also stops once it has
   * been idle for as long as it took to find its best solution.
   */
  maxIdleIterations: z.number().int().positive().optional(),
  /**
   * Searches run side by side on separate cores (the capacitated heuristic, at up to four million matrix
   * cells); by default one per core, at most four, and four in a run long enough to recombine its
   * searches' solutions (10 ms per demand point or more) whatever the cores. 1 keeps the run on one thread.
   */
  threads: z.number().int().min(1).max(16).optional(),
});
export type OptimiseOptions = z.infer<typeof OptimiseOptions>;
export type OptimiseOptionsInput = z.input<typeof OptimiseOptions>;

/**
 * optimal: proven; feasible: a solution, not proven optimal; infeasible: proven that no solution exists
 * (for the capacitated model by the capacity totals or an exact test); unknown: no solution found within
 * the time limit and none proven impossible either.
 */
export const OptimiseStatus = z.enum(['optimal', 'feasible', 'infeasible', 'unknown']);
export type OptimiseStatus = z.infer<typeof OptimiseStatus>;

export const BoundSource = z.enum(['milp', 'lp-relaxation', 'lagrangian', 'enumeration', 'none']);
export type BoundSource = z.infer<typeof BoundSource>;

export const OptimiseResult = z.object({
  model: LocationModel,
  method: z.enum(['exact', 'heuristic', 'enumeration']),
  status: OptimiseStatus,
  /** True when an AbortSignal or the time limit stopped the run; the solution is the best found so far. */
  cancelled: z.boolean(),
  timedOut: z.boolean(),
  /** Open sites as column indices of the matrix, ascending; empty when there is no solution. */
  open: z.array(z.number().int().nonnegative()),
  /** Per demand row, the site it is assigned to (-1 when it has no reachable site). */
  assignment: z.array(z.number().int()),
  /**
   * p-median / capacitated: weighted travel; max-covering: covered weight; set-covering: number of open
   * sites; p-center: longest travel of a demand with positive weight. Null when there is no solution
   * (status infeasible or unknown), as are the bound and the gap then.
   */
  objective: z.number().nullable(),
  /** Best proven bound on the optimum (lower for minimising models, upper for max-covering). */
  bound: z.number().nullable(),
  boundSource: BoundSource,
  /** |objective − bound| / |objective| (0 when proven optimal). */
  gap: z.number().nullable(),
  coveredWeight: z.number().optional(),
  /**
   * With maxTravel: the demand rows of positive weight that no eligible site reaches within it, which
   * alone prove the problem infeasible (empty or absent otherwise).
   */
  beyondReach: z.array(z.number().int().nonnegative()).optional(),
  seconds: z.number().nonnegative(),
  iterations: z.number().int().nonnegative(),
});
export type OptimiseResult = z.infer<typeof OptimiseResult>;

export const OptimiseProgress = z.object({
  phase: z.enum(['start', 'bound', 'search', 'exact', 'done']),
  /** Rough share of the budget used, 0…1. */
  fraction: z.number().min(0).max(1),
  best: z.number().nullable(),
  bound: z.number().nullable(),
  iterations: z.number().int().nonnegative(),
});
export type OptimiseProgress = z.infer<typeof OptimiseProgress>;
