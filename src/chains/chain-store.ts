import { ChainDefinition, SoteatlasError, type StoredChain, type UserKey } from '../model/index.js';
import type { StateDb, StateQueries } from '../state/index.js';
import { loadShippedChains } from './shipped.js';

interface DefinitionRow {
  chain_id: string;
  version: number;
  definition: string;
  saved_at: string;
  saved_by: string | null;
}

const newest = async (db: StateQueries, county: string, chainId?: string): Promise<DefinitionRow[]> =>
  db.all<DefinitionRow>(
    `SELECT d.chain_id, d.version, d.definition, d.saved_at, d.saved_by FROM state.chain_definitions d
     WHERE d.county = $1 ${chainId !== undefined ? 'AND d.chain_id = $2' : ''}
       AND d.version = (SELECT max(v.version) FROM state.chain_definitions v
                        WHERE v.county = d.county AND v.chain_id = d.chain_id)
     ORDER BY d.chain_id`,
    chainId !== undefined ? [county, chainId] : [county],
  );

const storedOf = (row: DefinitionRow, shippedIds: ReadonlySet<string>): StoredChain => ({
  definition: ChainDefinition.parse(JSON.parse(row.definition)),
  version: row.version,
  shipped: shippedIds.has(row.chain_id),
  updatedAt: row.saved_at,
  updatedBy: row.saved_by,
});

/** Every chain in force: the shipped ones (version 1 until edited) and the county's own, by id. */
export const listChains = async (state: StateDb, shipped = loadShippedChains()): Promise<StoredChain[]> => {
  const shippedIds = new Set(shipped.map((c) => c.id));
  const edited = new Map(
    (await newest(state, state.county)).map((r) => [r.chain_id, storedOf(r, shippedIds)]),
  );
  const base: StoredChain[] = shipped.map(
    (definition) =>
      edited.get(definition.id) ?? {
        definition,
        version: 1,
        shipped: true,
        updatedAt: null,
        updatedBy: null,
      },
  );
  const own = [...edited.values()].filter((c) => !shippedIds.has(c.definition.id));
  return [...base, ...own].sort((a, b) => a.definition.id.localeCompare(b.definition.id));
};

export const findChain = async (
  state: StateDb,
  id: string,
  shipped = loadShippedChains(),
): Promise<StoredChain | undefined> => (await listChains(state, shipped)).find((c) => c.definition.id === id);

/**
 * Saves a new version of a chain. `version` is the version the editor started from (0 for a new chain):
 * if someone saved in between, the primary key (county, id, version) refuses the second writer and the
 * edit is answered as a conflict, never silently overwritten.
 */
export const saveChain = async (
  state: StateDb,
  definition: ChainDefinition,
  version: number,
  by: UserKey | undefined,
  shipped = loadShippedChains(),
): Promise<StoredChain> => {
  const current = await findChain(state, definition.id, shipped);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== version)
    throw new SoteatlasError(
      'conflict',
      `The chain ${definition.id} has changed since version ${version}; it is now at version ${currentVersion}.`,
      { details: { version, currentVersion } },
    );
  const next = version + 1;
  const savedBy = by ? `${by.issuer} ${by.subject}` : null;
  try {
    await state.run(
      `INSERT INTO state.chain_definitions (county, chain_id, version, definition, saved_at, saved_by)
       VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP), $6)`,
      [state.county, definition.id, next, JSON.stringify(definition), new Date().toISOString(), savedBy],
    );
  } catch (error) {
    const again = await findChain(state, definition.id, shipped);
    if (again && again.version >= next)
      throw new SoteatlasError(
        'conflict',
        `The chain ${definition.id} was saved by someone else meanwhile.`,
        {
          details: { version, currentVersion: again.version },
        },
      );
    throw error;
  }
  const saved = await findChain(state, definition.id, shipped);
  if (!saved) throw new Error(`chain ${definition.id} not found after saving`);
  return saved;
};

/**
 * Saves a chain under a new id as version 1: refused as a conflict when a chain in force (shipped or the
 * county's own) has the id already, and by the primary key when two people create it at once.
 */
export const createChain = async (
  state: StateDb,
  definition: ChainDefinition,
  by: UserKey | undefined,
  shipped = loadShippedChains(),
): Promise<StoredChain> => {
  const existing = await findChain(state, definition.id, shipped);
  if (existing)
    throw new SoteatlasError('conflict', `There is a service chain ${definition.id} already.`, {
      details: { currentVersion: existing.version },
    });
  return saveChain(state, definition, 0, by, shipped);
};

/** Every saved version of one chain, newest first (the shipped version 1 is not a row). */
export const chainHistory = async (
  state: StateDb,
  id: string,
): Promise<{ version: number; savedAt: string; savedBy: string | null }[]> =>
  (
    await state.all<{ version: number; saved_at: string; saved_by: string | null }>(
      `SELECT version, saved_at, saved_by FROM state.chain_definitions WHERE county = $1 AND chain_id = $2
       ORDER BY version DESC`,
      [state.county, id],
    )
  ).map((r) => ({ version: r.version, savedAt: r.saved_at, savedBy: r.saved_by }));
