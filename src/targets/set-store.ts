import {
  LocalText,
  type MonitoringSet,
  MonitoringSetInput,
  type MonitoringSetSummary,
  MonitoringSetUpdate,
  SoteatlasError,
  type TargetScope,
} from '../model/index.js';
import type { Store } from '../store/index.js';
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
  SELECT s.id, s.name, s.description, s.names, s.descriptions, s.version,
    strftime(s.updated_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS updated_at,
    (SELECT count(*)::INTEGER FROM monitoring_set_items i WHERE i.set_id = s.id) AS indicator_count
  FROM monitoring_sets s ${where} ORDER BY s.name, s.id`;

export const listMonitoringSets = async (store: Store): Promise<MonitoringSetSummary[]> =>
  (await store.all<SetRow>(summaries(''))).map(summaryOf);

export const findMonitoringSet = async (store: Store, id: number): Promise<MonitoringSet | undefined> => {
  const [row] = await store.all<SetRow>(summaries('WHERE s.id = $id'), { id });
  if (!row) return undefined;
  const items = await store.all<{
    position: number;
    indicator_id: string;
    scope_level: TargetScope['level'];
    scope_code: string | null;
  }>(
    'SELECT position, indicator_id, scope_level, scope_code FROM monitoring_set_items WHERE set_id = $id ORDER BY position',
    {
      id,
    },
  );
  const targets = await listTargets(store);
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
  store: Store,
  name: string,
): Promise<MonitoringSet | undefined> => {
  const [row] = await store.all<{ id: number }>(
    'SELECT id FROM monitoring_sets WHERE lower(name) = lower($name)',
    {
      name: name.trim(),
    },
  );
  return row ? findMonitoringSet(store, row.id) : undefined;
};

const refuseTakenName = async (store: Store, name: string, exceptId: number): Promise<void> => {
  const [taken] = await store.all<{ id: number }>(
    'SELECT id FROM monitoring_sets WHERE lower(name) = lower($name) AND id <> $id',
    { name, id: exceptId },
  );
  if (taken)
    throw new SoteatlasError('conflict', `There is already a monitoring set named "${name}".`, {
      details: { name },
    });
};

/** The items in their order, and the targets they carry saved as the targets of their indicator and scope. */
const writeItems = async (store: Store, id: number, items: MonitoringSetInput['items']): Promise<void> => {
  await store.run('DELETE FROM monitoring_set_items WHERE set_id = $id', { id });
  const parsed = MonitoringSetInput.shape.items.parse(items);
  for (const [position, item] of parsed.entries()) {
    await store.run('INSERT INTO monitoring_set_items VALUES ($id, $position, $indicatorId, $level, $code)', {
      id,
      position,
      indicatorId: item.indicatorId,
      level: item.scope.level,
      code: item.scope.code,
    });
    if (item.target)
      await saveTarget(store, { ...item.target, indicatorId: item.indicatorId, scope: item.scope });
  }
};

export const createMonitoringSet = async (
  store: Store,
  input: MonitoringSetInput,
): Promise<MonitoringSet> => {
  const set = MonitoringSetInput.parse(input);
  const id = await store.transaction(async () => {
    await refuseTakenName(store, set.name, -1);
    const [next] = await store.all<{ id: number }>(`SELECT nextval('monitoring_set_id_seq')::INTEGER AS id`);
    const id = next?.id ?? 0;
    await store.run(
      `INSERT INTO monitoring_sets (id, name, description, version, created_at, updated_at, names, descriptions)
       VALUES ($id, $name, $description, 1, $now::TIMESTAMP, $now::TIMESTAMP, $names, $descriptions)`,
      {
        id,
        name: set.name,
        description: set.description,
        now: utcNow(),
        names: set.names ? JSON.stringify(set.names) : null,
        descriptions: set.descriptions ? JSON.stringify(set.descriptions) : null,
      },
    );
    await writeItems(store, id, set.items);
    return id;
  });
  return (await findMonitoringSet(store, id)) as MonitoringSet;
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
  store: Store,
  id: number,
  update: MonitoringSetUpdate,
): Promise<MonitoringSet | undefined> => {
  const set = MonitoringSetUpdate.parse(update);
  const found = await store.transaction(async () => {
    const [current] = await store.all<
      Pick<SetRow, 'version' | 'name' | 'description' | 'names' | 'descriptions'>
    >('SELECT version, name, description, names, descriptions FROM monitoring_sets WHERE id = $id', {
      id,
    });
    if (!current) return false;
    if (current.version !== set.version) {
      throw new SoteatlasError(
        'conflict',
        `The monitoring set has changed since version ${set.version}; it is now at version ${current.version}.`,
        { details: { version: set.version, currentVersion: current.version } },
      );
    }
    const name = keptShippedText(current.name, current.names, set.name);
    const description = keptShippedText(current.description, current.descriptions, set.description);
    await refuseTakenName(store, name.text, id);
    await store.run(
      `UPDATE monitoring_sets SET name = $name, description = $description, names = $names,
       descriptions = $descriptions, version = version + 1, updated_at = $now::TIMESTAMP WHERE id = $id`,
      {
        id,
        name: name.text,
        description: description.text,
        names: name.texts,
        descriptions: description.texts,
        now: utcNow(),
      },
    );
    await writeItems(store, id, set.items);
    return true;
  });
  return found ? findMonitoringSet(store, id) : undefined;
};

/** Deletes a set and its items; its indicators' targets stay, since other sets and views may use them. */
export const deleteMonitoringSet = async (store: Store, id: number): Promise<boolean> =>
  store.transaction(async () => {
    const [row] = await store.all<{ id: number }>('SELECT id FROM monitoring_sets WHERE id = $id', { id });
    if (!row) return false;
    await store.run('DELETE FROM monitoring_set_items WHERE set_id = $id', { id });
    await store.run('DELETE FROM monitoring_sets WHERE id = $id', { id });
    return true;
  });
