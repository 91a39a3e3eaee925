import {
  LocalText,
  type MonitoringSet,
  MonitoringSetInput,
  type MonitoringSetSummary,
  MonitoringSetUpdate,
  SoteatlasError,
  type TargetScope,
} from '../model/index.js';
import { type CountyQueries, countyTransaction, type StateDb } from '../state/index.js';
import { latestTargetOf, listTargets, saveTarget, utcNow } from './target-store.js';

interface SetRow {
  id: number;
  name: string;
  description: string;
  names: string | null;
  descriptions: string | null;
  version: number;
  updated_at: string;
  indicator_count: number;
}

const summaryOf = (row: SetRow): MonitoringSetSummary => ({
  id: row.id,
  name: row.name,
  description: row.description,
  names: row.names === null ? null : LocalText.parse(JSON.parse(row.names)),
  descriptions: row.descriptions === null ? null : LocalText.parse(JSON.parse(row.descriptions)),
  version: row.version,
  updatedAt: row.updated_at,
  indicatorCount: row.indicator_count,
});

const summaries = (where: string) => `
  SELECT s.id, s.name, s.description, s.names, s.descriptions, s.version, s.updated_at,
    (SELECT CAST(count(*) AS INTEGER) FROM state.monitoring_set_items i
     WHERE i.county = s.county AND i.set_id = s.id) AS indicator_count
  FROM state.monitoring_sets s WHERE s.county = $1 ${where} ORDER BY s.name, s.id`;

export const listMonitoringSets = async (db: CountyQueries): Promise<MonitoringSetSummary[]> =>
  (await db.all<SetRow>(summaries(''), [db.county])).map(summaryOf);

export const findMonitoringSet = async (
  db: CountyQueries,
  id: number,
): Promise<MonitoringSet | undefined> => {
  const [row] = await db.all<SetRow>(summaries('AND s.id = $2'), [db.county, id]);
  if (!row) return undefined;
  const items = await db.all<{
    position: number;
    indicator_id: string;
    scope_level: TargetScope['level'];
    scope_code: string | null;
  }>(
    `SELECT position, indicator_id, scope_level, scope_code FROM state.monitoring_set_items
     WHERE county = $1 AND set_id = $2 ORDER BY position`,
    [db.county, id],
  );
  const targets = await listTargets(db);
  return {
    ...summaryOf(row),
    items: items.map((item) => {
      const scope = { level: item.scope_level, code: item.scope_code };
      return {
        position: item.position,
        indicatorId: item.indicator_id,
        scope,
        target: latestTargetOf(targets, item.indicator_id, scope),
      };
    }),
  };
};

export const findMonitoringSetByName = async (
  db: CountyQueries,
  name: string,
): Promise<MonitoringSet | undefined> => {
  const [row] = await db.all<{ id: number }>(
    'SELECT id FROM state.monitoring_sets WHERE county = $1 AND lower(name) = lower(CAST($2 AS VARCHAR))',
    [db.county, name.trim()],
  );
  return row ? findMonitoringSet(db, row.id) : undefined;
};

/** Whether a set other than `exceptId` has the name, in any case. */
export const nameTaken = async (db: CountyQueries, name: string, exceptId = -1): Promise<boolean> =>
  (
    await db.all(
      `SELECT 1 FROM state.monitoring_sets WHERE county = $1 AND lower(name) = lower(CAST($2 AS VARCHAR))
       AND id <> $3`,
      [db.county, name, exceptId],
    )
  ).length > 0;

const refuseTakenName = async (db: CountyQueries, name: string, exceptId: number): Promise<void> => {
  if (await nameTaken(db, name, exceptId))
    throw new SoteatlasError('conflict', `There is already a monitoring set named "${name}".`, {
      details: { name },
    });
};

/** The items in their order, and the targets they carry saved as the targets of their indicator and scope. */
const writeItems = async (
  tx: CountyQueries,
  id: number,
  items: MonitoringSetInput['items'],
): Promise<void> => {
  await tx.run('DELETE FROM state.monitoring_set_items WHERE county = $1 AND set_id = $2', [tx.county, id]);
  const parsed = MonitoringSetInput.shape.items.parse(items);
  for (const [position, item] of parsed.entries()) {
    await tx.run(
      `INSERT INTO state.monitoring_set_items (county, set_id, position, indicator_id, scope_level, scope_code)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [tx.county, id, position, item.indicatorId, item.scope.level, item.scope.code],
    );
    if (item.target)
      await saveTarget(tx, { ...item.target, indicatorId: item.indicatorId, scope: item.scope });
  }
};

/** Creates a set inside the caller's transaction; answers its id. */
export const insertMonitoringSet = async (tx: CountyQueries, input: MonitoringSetInput): Promise<number> => {
  const set = MonitoringSetInput.parse(input);
  await refuseTakenName(tx, set.name, -1);
  const [next] = await tx.all<{ id: number }>(`SELECT nextval('state.monitoring_set_id_seq') AS id`);
  const id = next?.id ?? 0;
  const now = utcNow();
  await tx.run(
    `INSERT INTO state.monitoring_sets (county, id, name, description, names, descriptions, version,
     created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, CAST($7 AS TIMESTAMP), CAST($7 AS TIMESTAMP))`,
    [
      tx.county,
      id,
      set.name,
      set.description,
      set.names ? JSON.stringify(set.names) : null,
      set.descriptions ? JSON.stringify(set.descriptions) : null,
      now,
    ],
  );
  await writeItems(tx, id, set.items);
  return id;
};

export const createMonitoringSet = async (
  state: StateDb,
  input: MonitoringSetInput,
): Promise<MonitoringSet> => {
  const id = await countyTransaction(state, (tx) => insertMonitoringSet(tx, input));
  return (await findMonitoringSet(state, id)) as MonitoringSet;
};

/**
 * A shipped name or description sent back as the editor showed it, in any language, is left as shipped
 * (in every language); anything else is the county's own text, kept as written.
 */
const keptShippedText = (
  stored: string,
  storedTexts: string | null,
  sent: string,
): { text: string; texts: string | null } => {
  if (storedTexts === null) return { text: sent, texts: null };
  const shipped = LocalText.parse(JSON.parse(storedTexts));
  const unchanged = [stored, shipped.fi, shipped.sv, shipped.en].includes(sent);
  return unchanged ? { text: stored, texts: storedTexts } : { text: sent, texts: null };
};

/**
 * Replaces a set's name, description and items, as one new version. The edit must name the version it
 * was made on, so that two people editing at once cannot silently overwrite each other.
 */
export const updateMonitoringSet = async (
  state: StateDb,
  id: number,
  update: MonitoringSetUpdate,
): Promise<MonitoringSet | undefined> => {
  const set = MonitoringSetUpdate.parse(update);
  const found = await countyTransaction(state, async (tx) => {
    // The version is bumped only if it is still the one the edit was made on: of two processes editing
    // the same set at once, one changes a row and the other none.
    const [current] = await tx.all<
      Pick<SetRow, 'version' | 'name' | 'description' | 'names' | 'descriptions'>
    >(
      'SELECT version, name, description, names, descriptions FROM state.monitoring_sets WHERE county = $1 AND id = $2',
      [tx.county, id],
    );
    if (!current) return false;
    const [bumped] =
      current.version === set.version
        ? await tx.all<{ version: number }>(
            `UPDATE state.monitoring_sets SET version = version + 1 WHERE county = $1 AND id = $2 AND version = $3
             RETURNING version`,
            [tx.county, id, set.version],
          )
        : [];
    if (!bumped) {
      throw new SoteatlasError(
        'conflict',
        `The monitoring set has changed since version ${set.version}; it is now at version ${current.version}.`,
        { details: { version: set.version, currentVersion: current.version } },
      );
    }
    const name = keptShippedText(current.name, current.names, set.name);
    const description = keptShippedText(current.description, current.descriptions, set.description);
    await refuseTakenName(tx, name.text, id);
    await tx.run(
      `UPDATE state.monitoring_sets SET name = $3, description = $4, names = $5, descriptions = $6,
       updated_at = CAST($7 AS TIMESTAMP) WHERE county = $1 AND id = $2`,
      [tx.county, id, name.text, description.text, name.texts, description.texts, utcNow()],
    );
    await writeItems(tx, id, set.items);
    return true;
  });
  return found ? findMonitoringSet(state, id) : undefined;
};

/** Deletes a set and its items; its indicators' targets stay, since other sets and views may use them. */
export const deleteMonitoringSet = async (state: StateDb, id: number): Promise<boolean> =>
  countyTransaction(state, async (tx) => {
    const [row] = await tx.all<{ id: number }>(
      'SELECT id FROM state.monitoring_sets WHERE county = $1 AND id = $2',
      [tx.county, id],
    );
    if (!row) return false;
    await tx.run('DELETE FROM state.monitoring_set_items WHERE county = $1 AND set_id = $2', [tx.county, id]);
    await tx.run('DELETE FROM state.monitoring_sets WHERE county = $1 AND id = $2', [tx.county, id]);
    return true;
  });
