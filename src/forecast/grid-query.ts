import type { Store } from '../store/index.js';
import { bandCount, type CellStructure } from './grid.js';
import { type ForecastContext, remember, storeState } from './projection.js';

export interface CellHistory extends CellStructure {
  cellCodes: string[];
  /** The latest year with cell figures. */
  year: number;
}

/** How far back a cell's own trend is read. */
const trendYears = 5;

/**
 * The grid cells of the projection's municipalities with their residents by age band and sex in the
 * latest year with cell figures and up to five years before it. Undefined when no cell figures exist.
 */
export const loadCellHistory = async (
  store: Store,
  context: ForecastContext,
): Promise<CellHistory | undefined> => {
  const [range] = await store.all<{ latest: number | null }>(
    `SELECT max(year) AS latest FROM population WHERE area_level = 'gridCell'`,
  );
  const latest = range?.latest;
  if (latest === null || latest === undefined) return undefined;
  const [earliestRow] = await store.all<{ earliest: number }>(
    `SELECT min(year) AS earliest FROM population WHERE area_level = 'gridCell' AND year >= $from`,
    { from: latest - trendYears },
  );
  const earliest = earliestRow?.earliest ?? latest;
  const { geography, history } = context;
  const cells = await store.all<{ code: string; parent: string }>(
    `SELECT DISTINCT ON (code) code, parent_code AS parent FROM areas
     WHERE level = 'gridCell' AND valid_from_year <= $year AND (valid_to_year IS NULL OR valid_to_year >= $year)
     ORDER BY code, import_id DESC`,
    { year: geography.year },
  );
  const areaIndex = new Map(history.areaCodes.map((c, i) => [c, i]));
  const kept: { code: string; area: number }[] = [];
  for (const cell of cells) {
    const area = areaIndex.get(cell.parent) ?? areaIndex.get(geography.successorOf.get(cell.parent) ?? '');
    if (area !== undefined) kept.push({ code: cell.code, area });
  }
  const cellIndex = new Map(kept.map((c, i) => [c.code, i]));
  const latestCounts = new Float64Array(kept.length * bandCount);
  const earlierCounts = new Float64Array(kept.length * bandCount);
  const rows = await store.all<{ code: string; year: number; band: number; count: number }>(
    `SELECT area_code AS code, year,
       (CASE WHEN sex = 'female' THEN 21 ELSE 0 END) + least(20, age // 5) AS band, sum(count)::DOUBLE AS count
     FROM population WHERE area_level = 'gridCell' AND year IN ($earliest, $latest) GROUP BY ALL`,
    { earliest, latest },
  );
  for (const row of rows) {
    const c = cellIndex.get(row.code);
    if (c === undefined) continue;
    const i = c * bandCount + row.band;
    if (row.year === latest) latestCounts[i] = (latestCounts[i] as number) + row.count;
    if (row.year === earliest) earlierCounts[i] = (earlierCounts[i] as number) + row.count;
  }
  return {
    cellCodes: kept.map((c) => c.code),
    municipality: Int32Array.from(kept, (c) => c.area),
    latest: latestCounts,
    earlier: earlierCounts,
    span: latest - earliest,
    year: latest,
  };
};

/** loadCellHistory, remembered with the store's state. */
export const cellHistory = async (store: Store, context: ForecastContext): Promise<CellHistory | undefined> =>
  remember(`cells|${await storeState(store)}`, () => loadCellHistory(store, context));
