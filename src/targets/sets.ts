import type { MonitoringSet, MonitoringSetSummary } from '../model/index.js';
import type { StateDb } from '../state/index.js';
import { ensureShippedMonitoringSets } from './seed.js';
import * as stored from './set-store.js';

/**
 * The monitoring sets as every reader sees them: the shipped sets (config/monitoring-sets) are stored
 * before the first read, so that the API, the overview and the report packs all find the top management
 * set in any store, however it was built.
 */
export const listMonitoringSets = async (state: StateDb): Promise<MonitoringSetSummary[]> => {
  await ensureShippedMonitoringSets(state);
  return stored.listMonitoringSets(state);
};

export const findMonitoringSet = async (state: StateDb, id: number): Promise<MonitoringSet | undefined> => {
  await ensureShippedMonitoringSets(state);
  return stored.findMonitoringSet(state, id);
};

export const findMonitoringSetByName = async (
  state: StateDb,
  name: string,
): Promise<MonitoringSet | undefined> => {
  await ensureShippedMonitoringSets(state);
  return stored.findMonitoringSetByName(state, name);
};
