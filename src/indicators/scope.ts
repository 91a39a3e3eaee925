import type { AreaLevel, Viewer } from '../model/index.js';
import type { Store } from '../store/index.js';
import { list } from './compile-sql.js';

/**
 * The areas of `level` a viewer scoped to some municipalities may see figures of: those municipalities,
 * or the grid cells in them (no postal code area); undefined when nothing is left out (the whole county, or the county level,
 * whose figures stay visible as the reference).
 */
export const areaCodesInScope = async (
  store: Store,
  level: AreaLevel | 'country',
  viewer: Pick<Viewer, 'areas'>,
): Promise<ReadonlySet<string> | undefined> => {
  if (!viewer.areas || level === 'county' || level === 'country') return undefined;
  if (level === 'municipality') return new Set(viewer.areas);
  // Postal code areas cross municipal borders, so none lies wholly within a scope.
  if (level !== 'gridCell' || viewer.areas.length === 0) return new Set();
  const cells = await store.all<{ code: string }>(
    `SELECT DISTINCT code FROM areas WHERE level = 'gridCell' AND parent_code IN (${list(viewer.areas)})`,
  );
  return new Set(cells.map((c) => c.code));
};
