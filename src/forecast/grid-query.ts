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
  const validCells = `SELECT DISTINCT ON (code) code, parent_code AS parent FROM areas
     WHERE level = 'gridCell' AND valid_from_year <= $year AND (valid_to_year IS NULL OR valid_to_year >= $year)
     ORDER BY code, import_id DESC`;
  const cells = await store.all<{ code: string; parent: string }>(`${validCells}`, { year: geography.year });
  const areaIndex = new Map(history.areaCodes.map((c, i) => [c, i]));
  const kept: { code: string; area: number }[] = [];
  // Position in `cells` (ordered by code) → position among the kept cells, or −1.
  const keptIndex = new Int32Array(cells.length).fill(-1);
  cells.forEach((cell, i) => {
    const area = areaIndex.get(cell.parent) ?? areaIndex.get(geography.successorOf.get(cell.parent) ?? '');
    if (area === undefined) return;
    keptIndex[i] = kept.length;
    kept.push({ code: cell.code, area });
  });
  const latestCounts = new Float64Array(kept.length * bandCount);
  const earlierCounts = new Float64Array(kept.length * bandCount);
  // Cells come back as numbers, not codes: reading 200 000 strings into JavaScript costs more than the query.
  const reader = await store.connection.runAndReadAll(
    `WITH cells AS (SELECT code, (row_number() OVER (ORDER BY code) - 1)::INTEGER AS cell FROM (${validCells}))
     SELECT c.cell, (p.year = $latest)::INTEGER AS latest,
       ((CASE WHEN p.sex = 'female' THEN 21 ELSE 0 END) + least(20, p.age // 5))::INTEGER AS band,
       sum(p.count)::DOUBLE AS count
     FROM population p JOIN cells c ON c.code = p.area_code
     WHERE p.area_level = 'gridCell' AND p.year IN ($earliest, $latest) GROUP BY ALL`,
    { year: geography.year, earliest, latest },
  );
  const [cellColumn = [], latestColumn = [], bandColumn = [], countColumn = []] =
    reader.getColumnsJS() as number[][];
  for (let r = 0; r < cellColumn.length; r++) {
    const c = keptIndex[cellColumn[r] as number] ?? -1;
    if (c < 0) continue;
    const i = c * bandCount + (bandColumn[r] as number);
    const count = countColumn[r] as number;
    if (latestColumn[r] === 1) latestCounts[i] = (latestCounts[i] as number) + count;
    // With one year only, the earlier figures are the same as the latest.
    if (latestColumn[r] === 0 || earliest === latest) earlierCounts[i] = (earlierCounts[i] as number) + count;
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
