import { randomUUID } from 'node:crypto';
import { type RoadNetworkRef, Scenario, type ScenarioInput } from '../../model/index.js';
import { type CountyQueries, countyTransaction, type StateDb } from '../../state/index.js';

interface ScenarioRow {
  id: string;
  version: number;
  body: string;
  createdAt: string;
  updatedAt: string;
}

const toScenario = (row: ScenarioRow): Scenario => {
  const body = JSON.parse(row.body) as Omit<Scenario, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
  return Scenario.parse({
    ...body,
    id: row.id,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
};

const select = `SELECT s.id, v.version, v.body, s.created_at AS "createdAt", v.saved_at AS "updatedAt"
  FROM state.network_scenarios s JOIN state.network_scenario_versions v ON v.county = s.county AND v.id = s.id`;

export const listScenarios = async (db: CountyQueries): Promise<Scenario[]> =>
  (
    await db.all<ScenarioRow>(
      `${select} AND v.version = s.version WHERE s.county = $1 AND NOT s.deleted ORDER BY s.created_at, s.id`,
      [db.county],
    )
  ).map(toScenario);

/** A scenario as last saved, or as saved in `version`. */
export const findScenario = async (
  db: CountyQueries,
  id: string,
  version?: number,
): Promise<Scenario | undefined> => {
  const [row] = await db.all<ScenarioRow>(
    `${select} AND v.version = ${version === undefined ? 's.version' : '$3'} WHERE s.county = $1 AND s.id = $2 AND NOT s.deleted`,
    version === undefined ? [db.county, id] : [db.county, id, version],
  );
  return row && toScenario(row);
};

type Resolved = Omit<ScenarioInput, 'roadNetwork'> & {
  baseYear: number;
  targetYear: number;
  roadNetwork: RoadNetworkRef | null;
};

const bodyOf = (input: Resolved) =>
  JSON.stringify({
    name: input.name,
    description: input.description,
    baseYear: input.baseYear,
    targetYear: input.targetYear,
    changes: input.changes,
    thresholds: input.thresholds,
    decay: input.decay,
    roadNetwork: input.roadNetwork,
    mode: input.mode,
    transit: input.transit,
    variant: input.variant,
  });

const insertVersion = `INSERT INTO state.network_scenario_versions (county, id, version, body, saved_at)
  VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP))`;

export const createScenario = async (state: StateDb, input: Resolved): Promise<Scenario> => {
  const id = randomUUID();
  const now = new Date().toISOString();
  await countyTransaction(state, async (tx) => {
    await tx.run(
      `INSERT INTO state.network_scenarios (county, id, version, created_at, deleted)
       VALUES ($1, $2, 1, CAST($3 AS TIMESTAMP), false)`,
      [tx.county, id, now],
    );
    await tx.run(insertVersion, [tx.county, id, 1, bodyOf(input), now]);
  });
  return (await findScenario(state, id)) as Scenario;
};

/**
 * Saves a new version; the earlier ones stay. Undefined when there is no such scenario. Two saves at
 * once make two versions, one after the other: the row's version is raised first, under its lock.
 */
export const updateScenario = async (
  state: StateDb,
  id: string,
  input: Resolved,
): Promise<Scenario | undefined> => {
  const saved = await countyTransaction(state, async (tx) => {
    const [row] = await tx.all<{ version: number }>(
      `UPDATE state.network_scenarios SET version = version + 1 WHERE county = $1 AND id = $2 AND NOT deleted
       RETURNING version`,
      [tx.county, id],
    );
    if (!row) return false;
    await tx.run(insertVersion, [tx.county, id, row.version, bodyOf(input), new Date().toISOString()]);
    return true;
  });
  return saved ? findScenario(state, id) : undefined;
};

/** Marks a scenario deleted; its versions stay for the record. False when there was none. */
export const deleteScenario = async (db: CountyQueries, id: string): Promise<boolean> => {
  const current = await findScenario(db, id);
  if (!current) return false;
  await db.run('UPDATE state.network_scenarios SET deleted = true WHERE county = $1 AND id = $2', [
    db.county,
    id,
  ]);
  return true;
};
