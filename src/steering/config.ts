import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SteeringConfig } from '../model/index.js';

/** Care-guarantee limits and tender lead times are the county's to set, so they are data, not code. */
export const defaultSteeringConfigPath = fileURLToPath(
  new URL('../../config/steering.json', import.meta.url),
);

let cached: SteeringConfig | undefined;

export const loadSteeringConfig = (path = defaultSteeringConfigPath): SteeringConfig => {
  if (path === defaultSteeringConfigPath && cached) return cached;
  const config = SteeringConfig.parse(JSON.parse(readFileSync(path, 'utf8')));
  if (path === defaultSteeringConfigPath) cached = config;
  return config;
};

export const tenderLeadMonths = (config: SteeringConfig, serviceClass: string): number =>
  config.tenderLeadMonths[serviceClass] ?? config.tenderLeadMonths.default ?? 12;
