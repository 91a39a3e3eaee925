import {
  capacitatedCovering,
  type EquityLocationModel,
  minimaxRegret,
  SoteatlasError,
} from '../../model/index.js';
import { cellDemand, type NetworkData } from './context-data.js';

/** The matrix of a scenario's optimisation: demand rows (grid cells) by sites, and what each site is. */
export interface EquityInstance {
  cellCodes: readonly string[];
  siteCount: number;
  cost: Float64Array;
  weights: Float64Array;
  capacities: number[];
  p: number;
}

export interface EquitySolution {
  open: number[];
  objective: number;
  exact: boolean;
  scenarios?: { name: string; cost: number; best: number; regret: number }[];
  maxRegret?: number;
  covered?: number;
  /** Per open site (in `open`'s order), the demand it serves. */
  load?: number[];
}

/**
 * Another year's in-person demand of a class laid onto this instance's grid cells by their codes. Cells
 * populated only in that year have no row here; their demand is left out, as no site was weighed for them.
 */
export const demandOnCells = (cellCodes: readonly string[], data: NetworkData, serviceClass: string) => {
  const demand = data.classes.find((c) => c.serviceClass.code === serviceClass);
  const out = new Array<number>(cellCodes.length).fill(0);
  if (!demand) return out;
  const row = new Map(cellCodes.map((code, c) => [code, c]));
  const values = cellDemand(data.cells, demand);
  data.cells.codes.forEach((code, k) => {
    const c = row.get(code);
    if (c !== undefined) out[c] = (values[k] as number) * demand.inPersonShare;
  });
  return out;
};

/**
 * Solves one of the equity models over the instance: minimax regret over the demand scenarios given
 * (the instance's own weights being one of them), or maximal covering within `coverMinutes` and each
 * site's capacity. `stop` ends the search with the best set so far, then not proven best.
 */
export const solveEquity = (
  model: EquityLocationModel,
  instance: EquityInstance,
  options: {
    coverMinutes: number;
    scenarios: { name: string; weights: number[] }[];
    stop: () => boolean;
  },
): EquitySolution => {
  const { siteCount, p } = instance;
  if (p > siteCount)
    throw new SoteatlasError('invalidRequest', `p ${p} is more than the ${siteCount} sites there are`, {
      details: { p, siteCount },
    });
  const base = {
    demandCount: instance.cellCodes.length,
    siteCount,
    cost: Array.from(instance.cost),
    p,
  };
  if (model === 'minimax-regret') {
    const result = minimaxRegret({ ...base, scenarios: options.scenarios }, options.stop);
    return {
      open: result.open,
      objective: result.maxRegret,
      exact: result.exact,
      scenarios: result.scenarios,
      maxRegret: result.maxRegret,
    };
  }
  // Only rows with demand can be served: the flow over the rest would be work for nothing.
  const rows = Array.from(instance.weights.keys()).filter((c) => (instance.weights[c] as number) > 0);
  const result = capacitatedCovering(
    {
      demandCount: rows.length,
      siteCount,
      cost: rows.flatMap((c) => Array.from(instance.cost.subarray(c * siteCount, (c + 1) * siteCount))),
      p,
      weights: rows.map((c) => instance.weights[c] as number),
      capacities: instance.capacities,
      radius: options.coverMinutes,
    },
    options.stop,
  );
  return {
    open: result.open,
    objective: result.covered,
    exact: result.exact,
    covered: result.covered,
    load: result.load,
  };
};
