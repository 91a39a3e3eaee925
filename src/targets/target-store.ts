import type { Target, TargetInput, TargetScope } from '../model/index.js';
import type { Store } from '../store/index.js';
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

const columns = `id, indicator_id, scope_level, scope_code, period, target_value, direction, tolerance,
  strftime(updated_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS updated_at`;

/** A county scope without a code is stored with a null code and matches only itself. */
const sameScope = `scope_level = $level AND scope_code IS NOT DISTINCT FROM $code`;

export const listTargets = async (
  store: Store,
  filter: { indicatorId?: string; scope?: TargetScope } = {},
): Promise<Target[]> => {
  const conditions: string[] = [];
  const params: Record<string, string | null> = {};
  if (filter.indicatorId !== undefined) {
    conditions.push('indicator_id = $indicatorId');
    params.indicatorId = filter.indicatorId;
  }
  if (filter.scope) {
    conditions.push(sameScope);
    params.level = filter.scope.level;
    params.code = filter.scope.code;
  }
  const rows = await store.all<TargetRow>(
    `SELECT ${columns} FROM targets ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY indicator_id, scope_level, scope_code NULLS FIRST, period, id`,
    params,
  );
  return rows.map(targetOf);
};

export const findTarget = async (store: Store, id: number): Promise<Target | undefined> => {
  const [row] = await store.all<TargetRow>(`SELECT ${columns} FROM targets WHERE id = $id`, { id });
  return row ? targetOf(row) : undefined;
};

/**
 * Stores the target of an indicator, scope and period, replacing the one there was: one indicator has one
 * target per scope and period.
 */
export const saveTarget = async (store: Store, input: TargetInput): Promise<Target> => {
  const key = {
    indicatorId: input.indicatorId,
    level: input.scope.level,
    code: input.scope.code,
    period: input.period,
  };
  const [existing] = await store.all<{ id: number }>(
    `SELECT id FROM targets WHERE indicator_id = $indicatorId AND ${sameScope} AND period = $period`,
    key,
  );
  const values = { targetValue: input.targetValue, direction: input.direction, tolerance: input.tolerance };
  let id: number;
  if (existing) {
    id = existing.id;
    await store.run(
      `UPDATE targets SET target_value = $targetValue, direction = $direction, tolerance = $tolerance,
       updated_at = $now::TIMESTAMP WHERE id = $id`,
      { ...values, id, now: utcNow() },
    );
  } else {
    const [next] = await store.all<{ id: number }>(`SELECT nextval('target_id_seq')::INTEGER AS id`);
    id = next?.id ?? 0;
    await store.run(
      `INSERT INTO targets VALUES ($id, $indicatorId, $level, $code, $period, $targetValue, $direction,
       $tolerance, $now::TIMESTAMP)`,
      { id, ...key, ...values, now: utcNow() },
    );
  }
  return (await findTarget(store, id)) as Target;
};

/** Replaces a target's every field; undefined when there is no such target. */
export const updateTarget = async (
  store: Store,
  id: number,
  input: TargetInput,
): Promise<Target | undefined> => {
  if (!(await findTarget(store, id))) return undefined;
  await store.run(
    `UPDATE targets SET indicator_id = $indicatorId, scope_level = $level, scope_code = $code, period = $period,
     target_value = $targetValue, direction = $direction, tolerance = $tolerance, updated_at = $now::TIMESTAMP
     WHERE id = $id`,
    {
      id,
      now: utcNow(),
      indicatorId: input.indicatorId,
      level: input.scope.level,
      code: input.scope.code,
      period: input.period,
      targetValue: input.targetValue,
      direction: input.direction,
      tolerance: input.tolerance,
    },
  );
  return findTarget(store, id);
};

export const deleteTarget = async (store: Store, id: number): Promise<boolean> => {
  if (!(await findTarget(store, id))) return false;
  await store.run('DELETE FROM targets WHERE id = $id', { id });
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
