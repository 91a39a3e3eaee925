import { randomUUID } from 'node:crypto';
import { type RoadNetworkRef, Scenario, type ScenarioInput } from '../../model/index.js';
import type { Store } from '../../store/index.js';

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

const select = `SELECT s.id, v.version, v.body, strftime(s.created_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "createdAt",
    strftime(v.saved_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "updatedAt"
  FROM network_scenarios s JOIN network_scenario_versions v ON v.id = s.id`;

export const listScenarios = async (store: Store): Promise<Scenario[]> =>
  (
    await store.all<ScenarioRow>(
      `${select} AND v.version = s.version WHERE NOT s.deleted ORDER BY s.created_at, s.id`,
    )
  ).map(toScenario);

/** A scenario as last saved, or as saved in `version`. */
export const findScenario = async (
  store: Store,
  id: string,
  version?: number,
): Promise<Scenario | undefined> => {
  const [row] = await store.all<ScenarioRow>(
    `${select} AND v.version = ${version === undefined ? 's.version' : '$version'} WHERE s.id = $id AND NOT s.deleted`,
    version === undefined ? { id } : { id, version },
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
  });

export const createScenario = async (store: Store, input: Resolved): Promise<Scenario> => {
  const id = randomUUID();
  await store.transaction(async () => {
    await store.run(`INSERT INTO network_scenarios VALUES ($id, 1, current_timestamp::TIMESTAMP, false)`, {
      id,
    });
    await store.run(
      `INSERT INTO network_scenario_versions VALUES ($id, 1, $body, current_timestamp::TIMESTAMP)`,
      { id, body: bodyOf(input) },
    );
  });
  return (await findScenario(store, id)) as Scenario;
};

/** Saves a new version; the earlier ones stay. Undefined when there is no such scenario. */
export const updateScenario = async (
  store: Store,
  id: string,
  input: Resolved,
): Promise<Scenario | undefined> => {
  const current = await findScenario(store, id);
  if (!current) return undefined;
  const version = current.version + 1;
  await store.transaction(async () => {
    await store.run(
      `INSERT INTO network_scenario_versions VALUES ($id, $version, $body, current_timestamp::TIMESTAMP)`,
      { id, version, body: bodyOf(input) },
    );
    await store.run(`UPDATE network_scenarios SET version = $version WHERE id = $id`, { id, version });
  });
  return findScenario(store, id);
};

/** Marks a scenario deleted; its versions stay for the record. False when there was none. */
export const deleteScenario = async (store: Store, id: string): Promise<boolean> => {
  const current = await findScenario(store, id);
  if (!current) return false;
  await store.run(`UPDATE network_scenarios SET deleted = true WHERE id = $id`, { id });
  return true;
};
