import { countyOf } from '../server/index.js';
import { openState, type StateDb } from '../state/index.js';
import type { Store } from '../store/index.js';

/**
 * The state of the store's county: inside the store unless `url` names a PostgreSQL server. Commands
 * that read or change what users edit (scenarios, sets, variants, the chosen road network) open it.
 */
export const openStateOf = async (store: Store, url?: string): Promise<StateDb> =>
  openState({ store, ...(url !== undefined && { url }), county: await countyOf(store) });
