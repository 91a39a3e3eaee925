import type { Store } from '../store/index.js';

/** The county a store holds: the code of its county-level area, or "00" for a store with none yet. */
export const countyOf = async (store: Store): Promise<string> => {
  const [row] = await store.all<{ code: string }>(
    "SELECT code FROM areas WHERE level = 'county' ORDER BY code LIMIT 1",
  );
  return row?.code ?? '00';
};
