import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type ProjectFields, ProjectInput } from '../model/index.js';
import { countyTransaction, type StateDb } from '../state/index.js';
import { saveProjectIn } from './project-store.js';

/** The example programme a county gets with Soteatlas, kept as data the county can read and change. */
export const defaultProgrammeDir = fileURLToPath(new URL('../../config/programme/', import.meta.url));

const ShippedProgramme = z.strictObject({ name: z.string(), projects: z.array(ProjectInput) });

export const loadShippedProjects = (dir = defaultProgrammeDir): ProjectFields[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const parsed = ShippedProgramme.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${join(dir, f)}: ${parsed.error.message}`);
      return parsed.data.projects;
    });

const seeding = new WeakMap<StateDb, Promise<void>>();

/**
 * Stores each shipped project the first time a state is asked for its programme, as the shipped
 * monitoring sets are seeded: once per county (the seed row's key decides between two processes), and a
 * project the county deletes does not come back.
 */
export const ensureShippedProgramme = (state: StateDb, dir = defaultProgrammeDir): Promise<void> => {
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

const seed = async (state: StateDb, dir: string): Promise<void> => {
  const projects = loadShippedProjects(dir);
  await countyTransaction(state, async (tx) => {
    for (const project of projects) {
      const [claimed] = await tx.all(
        `INSERT INTO state.programme_seeds (county, name, seeded_at) VALUES ($1, $2, CAST($3 AS TIMESTAMP))
         ON CONFLICT DO NOTHING RETURNING name`,
        [tx.county, project.code, new Date().toISOString()],
      );
      const [taken] = await tx.all('SELECT 1 FROM state.programme_projects WHERE county = $1 AND code = $2', [
        tx.county,
        project.code,
      ]);
      if (claimed && !taken) await saveProjectIn(tx, project, undefined, null);
    }
  });
};
