import { randomUUID } from 'node:crypto';
import {
  EquityLocationModel,
  isSoteatlasError,
  LocationModel,
  type LocationSpec,
  type OptimisationJob,
  type OptimisationRequest,
  type OptimiseResult,
  type ScenarioChange,
  type SiteStatus,
  SoteatlasError,
  toWgs84,
} from '../../model/index.js';
import { optimiseLocation } from '../optimise/index.js';
import { applyChanges } from './apply.js';
import { cellDemand, type NetworkData } from './context-data.js';
import type { Evaluator } from './evaluate.js';
import { demandOnCells, type EquitySolution, solveEquity } from './optimise-equity.js';

interface Running {
  job: OptimisationJob;
  controller: AbortController;
  finished: number | null;
}

const jobs = new Map<string, Running>();
/** Finished jobs are kept this long for their result to be read, then forgotten. */
const keepMs = 30 * 60 * 1000;

const forgetOld = () => {
  const now = Date.now();
  for (const [id, running] of jobs)
    if (running.finished !== null && now - running.finished > keepMs) jobs.delete(id);
};

/** The equity models choose p sites freely: no consolidation, no units kept open, no longest travel. */
const refuseEquityOptions = (request: OptimisationRequest) => {
  if (
    EquityLocationModel.safeParse(request.model).success &&
    (request.closeCount !== undefined || request.fixed.length > 0 || request.maxTravelMinutes !== undefined)
  )
    throw new SoteatlasError(
      'invalidRequest',
      `${request.model} takes no closeCount, fixed units or maxTravelMinutes`,
      { details: { model: request.model } },
    );
};

/**
 * Solves a location problem for one service class over the scenario's network: its open in-person units
 * (those named fixed must stay) and, as candidates, the centres of the most populated grid cells. The
 * answer says which units to keep, which to close and where to open, and the changes that would do it.
 */
export const solveForScenario = async (
  evaluator: Evaluator,
  changes: readonly ScenarioChange[],
  request: OptimisationRequest,
  control: {
    signal?: AbortSignal;
    onProgress?: (fraction: number, message: string) => void;
    /** For minimax regret: the base year's network data, whose demand is the second scenario. */
    baseYear?: () => Promise<NetworkData>;
  } = {},
): Promise<NonNullable<OptimisationJob['result']>> => {
  const { data } = evaluator;
  const equity = EquityLocationModel.safeParse(request.model);
  refuseEquityOptions(request);
  const demand = data.classes.find((c) => c.serviceClass.code === request.serviceClass);
  if (!demand)
    throw new SoteatlasError('notFound', `no service class "${request.serviceClass}"`, {
      details: { serviceClass: request.serviceClass },
    });
  const applied = applyChanges(data.units, changes, data.classes);
  const existing = applied.units.filter(
    (u) => u.open && u.inPerson && u.serviceClasses.includes(request.serviceClass),
  );
  const consolidating = request.closeCount !== undefined;
  const cells = data.cells;
  const candidates = consolidating
    ? []
    : Array.from(cells.codes.keys())
        .sort((a, b) => (cells.total[b] as number) - (cells.total[a] as number) || a - b)
        .slice(0, request.candidateSites)
        .map((c) => ({ code: cells.codes[c] as string, x: cells.x[c] as number, y: cells.y[c] as number }));
  const sites = [...existing.map((u) => ({ x: u.x, y: u.y })), ...candidates];
  const siteNames = [...existing.map((u) => u.code), ...candidates.map((c) => c.code)];
  if (sites.length === 0)
    throw new SoteatlasError('invalidRequest', `no unit offers "${request.serviceClass}" in person`, {
      details: { serviceClass: request.serviceClass },
    });
  control.onProgress?.(0.02, 'travel times');
  const columns = await evaluator.columns(sites);
  const weights = cellDemand(cells, demand).map((d) => d * demand.inPersonShare);
  const n = cells.codes.length;
  const cost = new Float64Array(n * sites.length);
  // A site beyond the maximum travel time (Infinity in the columns) costs ten times that limit: the
  // solvers need finite costs, and such a site still ranks below every one within reach.
  const beyondReach = 10 * evaluator.maxTravelMinutes;
  columns.forEach((column, s) => {
    for (let c = 0; c < n; c++) {
      const t = column[c] as number;
      cost[c * sites.length + s] = Number.isFinite(t) ? t : beyondReach;
    }
  });
  const fixed = new Set(request.fixed);
  const siteStatus: SiteStatus[] = [
    ...existing.map((u): SiteStatus => (fixed.has(u.code) ? 'fixed' : 'existing')),
    ...candidates.map((): SiteStatus => 'candidate'),
  ];
  const capacities = [
    ...existing.map((u) => u.capacity[request.serviceClass] ?? 0),
    ...candidates.map(() => {
      const mean =
        existing.reduce((a, u) => a + (u.capacity[request.serviceClass] ?? 0), 0) /
        Math.max(1, existing.length);
      return mean;
    }),
  ];
  const p = request.p ?? Math.max(1, existing.length);
  let result: Pick<
    OptimiseResult,
    'open' | 'objective' | 'bound' | 'gap' | 'method' | 'status' | 'cancelled'
  > &
    Partial<Pick<OptimiseResult, 'beyondReach'>>;
  let equitySolution: EquitySolution | undefined;
  if (equity.success) {
    const started = Date.now();
    const stop = () =>
      control.signal?.aborted === true || Date.now() - started > request.timeLimitSeconds * 1000;
    const scenarios = [{ name: String(data.targetYear), weights: Array.from(weights) }];
    if (equity.data === 'minimax-regret' && control.baseYear && data.baseYear !== data.targetYear) {
      control.onProgress?.(0.04, 'base-year demand');
      const baseData = await control.baseYear();
      scenarios.unshift({
        name: String(data.baseYear),
        weights: demandOnCells(cells.codes, baseData, request.serviceClass),
      });
    }
    control.onProgress?.(0.05, 'search');
    equitySolution = solveEquity(
      equity.data,
      { cellCodes: cells.codes, siteCount: sites.length, cost, weights, capacities, p },
      { coverMinutes: request.coverMinutes, scenarios, stop },
    );
    result = {
      open: equitySolution.open,
      objective: equitySolution.objective,
      bound: null,
      gap: null,
      method: equitySolution.exact ? 'enumeration' : 'heuristic',
      status: equitySolution.exact ? 'optimal' : 'feasible',
      cancelled: control.signal?.aborted === true,
    };
  } else {
    const spec: LocationSpec = {
      model: LocationModel.parse(request.model),
      ...(consolidating ? { closeCount: request.closeCount } : { p }),
      coverRadius: request.coverMinutes,
      ...(request.maxTravelMinutes !== undefined &&
        request.model !== 'max-covering' &&
        request.model !== 'set-covering' && { maxTravel: request.maxTravelMinutes }),
    };
    const located = await optimiseLocation(
      { demandCount: n, siteCount: sites.length, cost, weights, siteStatus, capacities },
      spec,
      { timeLimitSeconds: request.timeLimitSeconds },
      {
        ...(control.signal && { signal: control.signal }),
        onProgress: (progress) => control.onProgress?.(0.05 + 0.95 * progress.fraction, progress.phase),
      },
    );
    result = located;
  }
  const open = new Set(result.open);
  // Without a solution (objective null) nothing is kept, closed or opened: no change is proposed.
  const solved = result.objective !== null;
  const keep = existing.filter((_, s) => solved && open.has(s)).map((u) => u.code);
  const close = existing.filter((_, s) => solved && !open.has(s)).map((u) => u.code);
  const opened = candidates
    .map((site, k) => ({ site, s: existing.length + k }))
    .filter(({ s }) => open.has(s))
    .map(({ site }) => ({ cellCode: site.code, x: site.x, y: site.y, ...toWgs84(site.x, site.y) }));
  let served = 0;
  let minutes = 0;
  for (let c = 0; c < n; c++) {
    let best = Number.POSITIVE_INFINITY;
    for (const s of open) best = Math.min(best, cost[c * sites.length + s] as number);
    if (Number.isFinite(best)) {
      served += weights[c] as number;
      minutes += (weights[c] as number) * best;
    }
  }
  const meanCapacity = capacities[existing.length] ?? 0;
  const newChanges: ScenarioChange[] = [
    ...close.map((unitCode): ScenarioChange => ({ kind: 'close', unitCode })),
    ...opened.map(
      (site, k): ScenarioChange => ({
        kind: 'open',
        unitCode: `NEW-${request.serviceClass}-${k + 1}`,
        name: `${request.serviceClass} ${site.cellCode}`,
        serviceClasses: [request.serviceClass],
        x: site.x,
        y: site.y,
        capacityPerYear: Math.round(
          demand.serviceClass.eventKind === 'careDay' ? meanCapacity / 365 : meanCapacity,
        ),
        producerKind: 'own',
      }),
    ),
  ];
  return {
    keep,
    close,
    open: opened,
    objective: result.objective,
    bound: result.bound,
    gap: result.gap,
    meanMinutes: served > 0 ? minutes / served : null,
    ...(result.beyondReach !== undefined && {
      beyondReach: result.beyondReach.map((c) => cells.codes[c] as string),
    }),
    ...(equitySolution && { exact: equitySolution.exact }),
    ...(equitySolution?.scenarios && {
      scenarios: equitySolution.scenarios,
      maxRegret: equitySolution.maxRegret,
    }),
    ...(equitySolution?.load && {
      covered: equitySolution.covered,
      loads: equitySolution.open.map((s, t) => ({
        site: siteNames[s] as string,
        load: equitySolution?.load?.[t] ?? 0,
        capacity: capacities[s] as number,
      })),
    }),
    method: result.method,
    status: result.cancelled ? 'cancelled' : result.status,
    changes: newChanges,
    travel: evaluator.travel.use(
      cells.codes.map((_, c) => ({ x: cells.x[c] as number, y: cells.y[c] as number })),
      sites,
    ),
  };
};

/** Starts an optimisation in the background; its progress and result are read with `findJob`. */
export const startOptimisation = (
  evaluator: Evaluator,
  changes: readonly ScenarioChange[],
  request: OptimisationRequest,
  more: { baseYear?: () => Promise<NetworkData> } = {},
): OptimisationJob => {
  refuseEquityOptions(request);
  forgetOld();
  const controller = new AbortController();
  const running: Running = {
    controller,
    finished: null,
    job: { id: randomUUID(), status: 'running', progress: 0, message: null, request, result: null },
  };
  jobs.set(running.job.id, running);
  // Let the answer to the request go out before the work starts.
  setImmediate(() => {
    solveForScenario(evaluator, changes, request, {
      ...more,
      signal: controller.signal,
      onProgress: (fraction, message) => {
        running.job = { ...running.job, progress: Math.max(running.job.progress, fraction), message };
      },
    })
      .then((result) => {
        running.job = {
          ...running.job,
          status: controller.signal.aborted ? 'cancelled' : 'done',
          progress: 1,
          result,
        };
      })
      .catch((error: unknown) => {
        running.job = {
          ...running.job,
          status: controller.signal.aborted ? 'cancelled' : 'failed',
          message: error instanceof Error ? error.message : String(error),
          failure: isSoteatlasError(error) ? error.code : 'internal',
        };
      })
      .finally(() => {
        running.finished = Date.now();
      });
  });
  return running.job;
};

export const findJob = (id: string): OptimisationJob | undefined => jobs.get(id)?.job;

/** Cancels a running job; the best solution found so far stays as its result. */
export const cancelJob = (id: string): OptimisationJob | undefined => {
  const running = jobs.get(id);
  if (!running) return undefined;
  if (running.job.status === 'running') {
    running.controller.abort();
    running.job = { ...running.job, status: 'cancelled' };
  }
  return running.job;
};
