export { evaluateProgramme, type ProgrammeOptions } from './evaluate.js';
export { importProgrammeWorkbook } from './import.js';
export { courseOf, expectedOn, worstCourse } from './on-course.js';
export {
  createProject,
  deleteProject,
  findProject,
  listProjects,
  projectHistory,
  updateProject,
} from './project-store.js';
export { ensureShippedProgramme, loadShippedProjects } from './seed.js';
export { statusPackWorkbook, statusPackXlsx } from './status-pack.js';
export { printStatusPackPdf, statusPackPageUrl } from './status-pack-pdf.js';
export { packDate, statusPackTexts } from './status-pack-texts.js';
