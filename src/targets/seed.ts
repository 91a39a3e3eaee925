import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MonitoringSetInput } from '../model/index.js';
import type { Store } from '../store/index.js';
import { createMonitoringSet } from './set-store.js';
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

const seeding = new WeakMap<Store, Promise<void>>();

/**
 * Stores each shipped set the first time a store is asked for its monitoring sets. A set is seeded once:
 * the county may rename, change or delete it, and it does not come back. Concurrent first requests share
 * one seeding.
 */
export const ensureShippedMonitoringSets = (store: Store, dir = defaultMonitoringSetsDir): Promise<void> => {
  let done = seeding.get(store);
  if (!done) {
    done = seed(store, dir).catch((error: unknown) => {
      // A store opened read-only (a report printed beside a running server) is read as it is.
      if (error instanceof Error && /read-only/i.test(error.message)) return;
      seeding.delete(store);
      throw error;
    });
    seeding.set(store, done);
  }
  return done;
};

/**
 * A set seeded before shipped sets carried their texts in each language gets them, as long as the county
 * has never edited it (still its first version under its shipped name).
 */
const addShippedTexts = async (store: Store, set: MonitoringSetInput): Promise<void> => {
  if (!set.names) return;
  await store.run(
    `UPDATE monitoring_sets SET names = $names, descriptions = $descriptions, description = $description
     WHERE lower(name) = lower($name) AND version = 1 AND names IS NULL`,
    {
      name: set.name,
      description: set.description ?? '',
      names: JSON.stringify(set.names),
      descriptions: set.descriptions ? JSON.stringify(set.descriptions) : null,
    },
  );
};

const seed = async (store: Store, dir: string): Promise<void> => {
  const seeded = new Set(
    (await store.all<{ name: string }>('SELECT name FROM monitoring_set_seeds')).map((r) => r.name),
  );
  for (const set of loadShippedMonitoringSets(dir)) {
    if (seeded.has(set.name)) {
      await addShippedTexts(store, set);
      continue;
    }
    const [taken] = await store.all('SELECT 1 FROM monitoring_sets WHERE lower(name) = lower($name)', {
      name: set.name,
    });
    if (!taken) await createMonitoringSet(store, set);
    await store.run('INSERT INTO monitoring_set_seeds VALUES ($name, $now::TIMESTAMP)', {
      name: set.name,
      now: utcNow(),
    });
  }
};
