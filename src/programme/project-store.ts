import { type Project, type ProjectFields, ProjectInput, SoteatlasError } from '../model/index.js';
import { type CountyQueries, countyTransaction, type StateDb } from '../state/index.js';

interface ProjectRow {
  code: string;
  version: number;
  body: string;
  saved_at: string;
  saved_by: string | null;
}

const projectOf = (row: ProjectRow): Project => ({
  ...ProjectInput.parse(JSON.parse(row.body)),
  version: row.version,
  updatedAt: row.saved_at,
  updatedBy: row.saved_by,
});

const select = `SELECT p.code, v.version, v.body, v.saved_at, v.saved_by
  FROM state.programme_projects p JOIN state.programme_project_versions v
  ON v.county = p.county AND v.code = p.code`;

export const listProjects = async (db: CountyQueries): Promise<Project[]> =>
  (
    await db.all<ProjectRow>(
      `${select} AND v.version = p.version WHERE p.county = $1 AND NOT p.deleted ORDER BY p.code`,
      [db.county],
    )
  ).map(projectOf);

/** A project as last saved, or as saved in `version` (a deleted project's versions stay readable). */
export const findProject = async (
  db: CountyQueries,
  code: string,
  version?: number,
): Promise<Project | undefined> => {
  const [row] = await db.all<ProjectRow>(
    version === undefined
      ? `${select} AND v.version = p.version WHERE p.county = $1 AND p.code = $2 AND NOT p.deleted`
      : `${select} AND v.version = $3 WHERE p.county = $1 AND p.code = $2`,
    version === undefined ? [db.county, code] : [db.county, code, version],
  );
  return row && projectOf(row);
};

/** Every saved version of a project, newest first: who saved it and when. */
export const projectHistory = async (
  db: CountyQueries,
  code: string,
): Promise<{ version: number; savedAt: string; savedBy: string | null }[]> =>
  db.all(
    `SELECT version, saved_at AS "savedAt", saved_by AS "savedBy" FROM state.programme_project_versions
     WHERE county = $1 AND code = $2 ORDER BY version DESC`,
    [db.county, code],
  );

/** The project's own fields, without what the store adds (version, who saved it) or a view adds. */
const bodyOf = (fields: ProjectFields): string =>
  JSON.stringify(
    Object.fromEntries(Object.keys(ProjectInput.shape).map((k) => [k, fields[k as keyof ProjectFields]])),
  );

const insertVersion = `INSERT INTO state.programme_project_versions (county, code, version, body, saved_at, saved_by)
  VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP), $6)`;

/** Who saved a version: the signed-in user's name, or null for the command line and the seed. */
export type SavedBy = string | null;

/**
 * Saves a project as a new version inside `tx`. `expectedVersion` undefined creates it (409 if the code
 * is taken by a project that is not deleted; a deleted code is taken up again with its next version);
 * a number updates it only if that is still its version (409 otherwise); 'any' saves over whatever is
 * there, for imports.
 */
export const saveProjectIn = async (
  tx: CountyQueries,
  fields: ProjectFields,
  expectedVersion: number | 'any' | undefined,
  savedBy: SavedBy,
): Promise<number> => {
  const now = new Date().toISOString();
  const [existing] = await tx.all<{ version: number; deleted: boolean }>(
    'SELECT version, deleted FROM state.programme_projects WHERE county = $1 AND code = $2',
    [tx.county, fields.code],
  );
  if (!existing) {
    if (typeof expectedVersion === 'number')
      throw new SoteatlasError('notFound', `There is no project ${fields.code}.`);
    await tx.run(
      `INSERT INTO state.programme_projects (county, code, version, created_at, deleted)
       VALUES ($1, $2, 1, CAST($3 AS TIMESTAMP), false)`,
      [tx.county, fields.code, now],
    );
    await tx.run(insertVersion, [tx.county, fields.code, 1, bodyOf(fields), now, savedBy]);
    return 1;
  }
  if (expectedVersion === undefined && !existing.deleted)
    throw new SoteatlasError('conflict', `There is already a project ${fields.code}.`, {
      details: { code: fields.code },
    });
  if (typeof expectedVersion === 'number' && (existing.deleted || existing.version !== expectedVersion))
    throw new SoteatlasError(
      existing.deleted ? 'notFound' : 'conflict',
      `Project ${fields.code} is at version ${existing.version}, not ${expectedVersion}.`,
      { details: { code: fields.code, version: String(existing.version) } },
    );
  // The version is raised under the row's lock, so two saves at once make two versions in turn.
  const [raised] = await tx.all<{ version: number }>(
    `UPDATE state.programme_projects SET version = version + 1, deleted = false
     WHERE county = $1 AND code = $2 RETURNING version`,
    [tx.county, fields.code],
  );
  const version = raised?.version ?? existing.version + 1;
  await tx.run(insertVersion, [tx.county, fields.code, version, bodyOf(fields), now, savedBy]);
  return version;
};

export const createProject = async (state: StateDb, input: ProjectInput, savedBy: SavedBy = null) => {
  const fields = ProjectInput.parse(input);
  await countyTransaction(state, (tx) => saveProjectIn(tx, fields, undefined, savedBy));
  return (await findProject(state, fields.code)) as Project;
};

/** Saves a new version of project `code`; the body's code must be the project's. */
export const updateProject = async (
  state: StateDb,
  code: string,
  version: number,
  input: ProjectInput,
  savedBy: SavedBy = null,
): Promise<Project> => {
  const fields = ProjectInput.parse(input);
  if (fields.code !== code)
    throw new SoteatlasError('invalidRequest', 'A project’s code is its key and does not change.', {
      details: { code },
    });
  await countyTransaction(state, (tx) => saveProjectIn(tx, fields, version, savedBy));
  return (await findProject(state, code)) as Project;
};

/** Marks a project deleted; its versions stay for the record. False when there was none. */
export const deleteProject = async (db: CountyQueries, code: string): Promise<boolean> => {
  const [row] = await db.all(
    `UPDATE state.programme_projects SET deleted = true WHERE county = $1 AND code = $2 AND NOT deleted
     RETURNING code`,
    [db.county, code],
  );
  return row !== undefined;
};
