import type { Target, TargetInput, TargetScope } from '../model/index.js';
import type { CountyQueries } from '../state/index.js';
import { periodRange } from './periods.js';

interface TargetRow {
  id: number;
  indicator_id: string;
  scope_level: TargetScope['level'];
  scope_code: string | null;
  period: string;
  target_value: number;
  direction: Target['direction'];
  tolerance: number;
  updated_at: string;
}

const targetOf = (row: TargetRow): Target => ({
  id: row.id,
  indicatorId: row.indicator_id,
  scope: { level: row.scope_level, code: row.scope_code },
  period: row.period,
  targetValue: row.target_value,
  direction: row.direction,
  tolerance: row.tolerance,
  updatedAt: row.updated_at,
});

/** Timestamps are stored in UTC whatever the database session's time zone, and served with a Z. */
export const utcNow = (): string => new Date().toISOString();

const columns = `id, indicator_id, scope_level, scope_code, period, target_value, direction, tolerance, updated_at`;

export const listTargets = async (
  db: CountyQueries,
  filter: { indicatorId?: string; scope?: TargetScope } = {},
): Promise<Target[]> => {
  const conditions = ['county = $1'];
  const params: (string | null)[] = [db.county];
  if (filter.indicatorId !== undefined) {
    params.push(filter.indicatorId);
    conditions.push(`indicator_id = $${params.length}`);
  }
  if (filter.scope) {
    params.push(filter.scope.level, filter.scope.code);
    // A county scope without a code is stored with a null code and matches only itself.
    conditions.push(
      `scope_level = $${params.length - 1} AND scope_code IS NOT DISTINCT FROM CAST($${params.length} AS VARCHAR)`,
    );
  }
  const rows = await db.all<TargetRow>(
    `SELECT ${columns} FROM state.targets WHERE ${conditions.join(' AND ')}
     ORDER BY indicator_id, scope_level, scope_code NULLS FIRST, period, id`,
    params,
  );
  return rows.map(targetOf);
};

export const findTarget = async (db: CountyQueries, id: number): Promise<Target | undefined> => {
  const [row] = await db.all<TargetRow>(
    `SELECT ${columns} FROM state.targets WHERE county = $1 AND id = $2`,
    [db.county, id],
  );
  return row ? targetOf(row) : undefined;
};

/**
 * Stores the target of an indicator, scope and period, replacing the one there was: one indicator has one
 * target per scope and period.
 */
export const saveTarget = async (db: CountyQueries, input: TargetInput): Promise<Target> => {
  const [existing] = await db.all<{ id: number }>(
    `SELECT id FROM state.targets WHERE county = $1 AND indicator_id = $2 AND scope_level = $3
     AND scope_code IS NOT DISTINCT FROM CAST($4 AS VARCHAR) AND period = $5`,
    [db.county, input.indicatorId, input.scope.level, input.scope.code, input.period],
  );
  const values = [input.targetValue, input.direction, input.tolerance, utcNow()];
  let id: number;
  if (existing) {
    id = existing.id;
    await db.run(
      `UPDATE state.targets SET target_value = $3, direction = $4, tolerance = $5,
       updated_at = CAST($6 AS TIMESTAMP) WHERE county = $1 AND id = $2`,
      [db.county, id, ...values],
    );
  } else {
    const [next] = await db.all<{ id: number }>(`SELECT nextval('state.target_id_seq') AS id`);
    id = next?.id ?? 0;
    await db.run(
      `INSERT INTO state.targets (county, id, indicator_id, scope_level, scope_code, period, target_value,
       direction, tolerance, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CAST($10 AS TIMESTAMP))`,
      [db.county, id, input.indicatorId, input.scope.level, input.scope.code, input.period, ...values],
    );
  }
  return (await findTarget(db, id)) as Target;
};

/** Replaces a target's every field; undefined when there is no such target. */
export const updateTarget = async (
  db: CountyQueries,
  id: number,
  input: TargetInput,
): Promise<Target | undefined> => {
  if (!(await findTarget(db, id))) return undefined;
  await db.run(
    `UPDATE state.targets SET indicator_id = $3, scope_level = $4, scope_code = $5, period = $6,
     target_value = $7, direction = $8, tolerance = $9, updated_at = CAST($10 AS TIMESTAMP)
     WHERE county = $1 AND id = $2`,
    [
      db.county,
      id,
      input.indicatorId,
      input.scope.level,
      input.scope.code,
      input.period,
      input.targetValue,
      input.direction,
      input.tolerance,
      utcNow(),
    ],
  );
  return findTarget(db, id);
};

export const deleteTarget = async (db: CountyQueries, id: number): Promise<boolean> => {
  if (!(await findTarget(db, id))) return false;
  await db.run('DELETE FROM state.targets WHERE county = $1 AND id = $2', [db.county, id]);
  return true;
};

const targetDate = (t: Target): string => periodRange(t.period)?.end ?? t.period;

/** The target of an indicator and scope whose period ends last (the later-stored one on a tie). */
export const latestTargetOf = (
  targets: readonly Target[],
  indicatorId: string,
  scope: TargetScope,
): Target | null =>
  targets
    .filter(
      (t) => t.indicatorId === indicatorId && t.scope.level === scope.level && t.scope.code === scope.code,
    )
    .sort((a, b) => targetDate(a).localeCompare(targetDate(b)) || a.id - b.id)
    .at(-1) ?? null;
