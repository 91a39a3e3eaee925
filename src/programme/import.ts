import type { ProgrammeImportSummary } from '../model/index.js';
import { countyTransaction, type StateDb } from '../state/index.js';
import { listProjects, type SavedBy, saveProjectIn } from './project-store.js';
import { projectsOfWorkbook } from './workbook-projects.js';
import { readProgrammeWorkbook } from './workbook-read.js';

/**
 * Imports a programme office's workbook: every project it names is saved as a new version, all in one
 * transaction (a failure leaves the programme as it was), and every refused row is reported with its
 * sheet, line and reason.
 */
export const importProgrammeWorkbook = async (
  state: StateDb,
  bytes: Uint8Array,
  savedBy: SavedBy = null,
): Promise<ProgrammeImportSummary> => {
  const rows = await readProgrammeWorkbook(bytes);
  return countyTransaction(state, async (tx) => {
    const { projects, rowsRead, accepted, rejected } = projectsOfWorkbook(rows, await listProjects(tx));
    for (const project of projects) await saveProjectIn(tx, project, 'any', savedBy);
    return { rowsRead, accepted, rejected, projectsSaved: projects.map((p) => p.code) };
  });
};
