import type { MonitoringSet, MonitoringSetSummary } from '../model/index.js';
import type { Store } from '../store/index.js';
import { ensureShippedMonitoringSets } from './seed.js';
import * as stored from './set-store.js';

/**
 * The monitoring sets as every reader sees them: the shipped sets (config/monitoring-sets) are stored
 * before the first read, so that the API, the overview and the report packs all find the top management
 * set in any store, however it was built.
 */
export const listMonitoringSets = async (store: Store): Promise<MonitoringSetSummary[]> => {
  await ensureShippedMonitoringSets(store);
  return stored.listMonitoringSets(store);
};

export const findMonitoringSet = async (store: Store, id: number): Promise<MonitoringSet | undefined> => {
  await ensureShippedMonitoringSets(store);
  return stored.findMonitoringSet(store, id);
};

export const findMonitoringSetByName = async (
  store: Store,
  name: string,
): Promise<MonitoringSet | undefined> => {
  await ensureShippedMonitoringSets(store);
  return stored.findMonitoringSetByName(store, name);
};
