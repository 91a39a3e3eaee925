import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MonitoringSetInput } from '../model/index.js';
import { type CountyQueries, countyTransaction, type StateDb } from '../state/index.js';
import { insertMonitoringSet, nameTaken } from './set-store.js';
import { utcNow } from './target-store.js';

/** The monitoring sets a county gets with Soteatlas, kept as data that the county can read and change. */
export const defaultMonitoringSetsDir = fileURLToPath(
  new URL('../../config/monitoring-sets/', import.meta.url),
);

export const loadShippedMonitoringSets = (dir = defaultMonitoringSetsDir): MonitoringSetInput[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = MonitoringSetInput.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${join(dir, f)}: ${parsed.error.message}`);
      return parsed.data;
    });

const seeding = new WeakMap<StateDb, Promise<void>>();

/**
 * Stores each shipped set the first time a state is asked for its monitoring sets. A set is seeded once:
 * the county may rename, change or delete it, and it does not come back. Concurrent first requests share
 * one seeding; two processes seeding at once store each set once (the seed row's key decides).
 */
export const ensureShippedMonitoringSets = (
  state: StateDb,
  dir = defaultMonitoringSetsDir,
): Promise<void> => {
  let done = seeding.get(state);
  if (!done) {
    done = seed(state, dir).catch((error: unknown) => {
      seeding.delete(state);
      throw error;
    });
    seeding.set(state, done);
  }
  return done;
};

/**
 * A set seeded before shipped sets carried their texts in each language gets them, as long as the county
 * has never edited it (still its first version under its shipped name).
 */
const addShippedTexts = async (db: CountyQueries, set: MonitoringSetInput): Promise<void> => {
  if (!set.names) return;
  await db.run(
    `UPDATE state.monitoring_sets SET names = $3, descriptions = $4, description = $5
     WHERE county = $1 AND lower(name) = lower(CAST($2 AS VARCHAR)) AND version = 1 AND names IS NULL`,
    [
      db.county,
      set.name,
      JSON.stringify(set.names),
      set.descriptions ? JSON.stringify(set.descriptions) : null,
      set.description ?? '',
    ],
  );
};

const seed = async (state: StateDb, dir: string): Promise<void> => {
  for (const set of loadShippedMonitoringSets(dir)) {
    await countyTransaction(state, async (tx) => {
      const [claimed] = await tx.all(
        `INSERT INTO state.monitoring_set_seeds (county, name, seeded_at) VALUES ($1, $2, CAST($3 AS TIMESTAMP))
         ON CONFLICT DO NOTHING RETURNING name`,
        [tx.county, set.name, utcNow()],
      );
      if (!claimed) await addShippedTexts(tx, set);
      else if (!(await nameTaken(tx, set.name))) await insertMonitoringSet(tx, set);
    });
  }
};
