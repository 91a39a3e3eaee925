import { readFileSync } from 'node:fs';
import { z } from 'zod';

const ClassCosts = z.object({
  fixedEurosPerUnit: z.number().min(0),
  variableEurosPerVisit: z.number().min(0),
  remoteCostFactor: z.number().min(0).max(2),
  visitsPerFte: z.number().positive(),
});
export type ClassCosts = z.infer<typeof ClassCosts>;

export const CostConfig = z.object({
  assumptions: z.array(z.string()).default([]),
  default: ClassCosts,
  serviceClasses: z.record(z.string(), ClassCosts.partial()).default({}),
});
export type CostConfig = z.infer<typeof CostConfig>;

export const defaultCostConfigPath = new URL('../../../config/network-costs.json', import.meta.url);

/** The county's cost assumptions (config/network-costs.json unless another file is named). */
export const loadCostConfig = (path: string | URL = defaultCostConfigPath): CostConfig =>
  CostConfig.parse(JSON.parse(readFileSync(path, 'utf8')));

export const costsOf = (config: CostConfig, serviceClass: string): ClassCosts => ({
  ...config.default,
  ...config.serviceClasses[serviceClass],
});
