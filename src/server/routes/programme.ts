import { z } from 'zod';
import { findIndicator } from '../../indicators/index.js';
import {
  cycleText,
  dependencyCycle,
  ProgrammeImportSummary,
  ProgrammeView,
  Project,
  ProjectCode,
  ProjectDeleted,
  ProjectInput,
  ProjectUpdate,
  ProjectVersionList,
  ProjectView,
  ReportLanguage,
  ReportPdf,
  ReportXlsx,
  SoteatlasError,
  type Viewer,
  withProject,
  Year,
} from '../../model/index.js';
import {
  createProject,
  deleteProject,
  ensureShippedProgramme,
  evaluateProgramme,
  findProject,
  importProgrammeWorkbook,
  listProjects,
  printStatusPackPdf,
  projectHistory,
  statusPackXlsx,
  updateProject,
} from '../../programme/index.js';
import type { StateDb } from '../../state/index.js';
import type { Store } from '../../store/index.js';
import { indicatorSourceOf } from '../indicator-source.js';
import { defineRoute } from '../route.js';

const CodeParameters = z.strictObject({ code: ProjectCode.describe('The project’s code, e.g. H01.') });

const ProgrammeQuery = z.strictObject({
  year: z
    .preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), Year)
    .optional()
    .describe('The last year measured; by default the latest with events.'),
});

// The language is required: a pack is written for a reader, and the plain-GET shape tests leave files out.
const PackQuery = z.strictObject({ lang: ReportLanguage.describe('Language of the pack.') });

const notFound = (params: { code: string }) => `There is no project ${params.code}.`;

/** The programme is the county's: a producer's users read it but do not edit it. */
const refuseProducers = (viewer: Viewer): void => {
  if (viewer.producerCode !== undefined)
    throw new SoteatlasError('forbidden', 'The reform programme is edited by the county, not by producers.');
};

const savedBy = (viewer: Viewer): string | null => viewer.user?.name ?? null;

/**
 * Every indicator a project names must exist (built in, or a measure of a service chain in force), and
 * every project it depends on, without a cycle.
 */
const checkReferences = async (
  { store, state }: { store: Store; state: StateDb },
  project: z.output<typeof ProjectInput>,
): Promise<void> => {
  const source = await indicatorSourceOf(store, state);
  const unknownIndicators = project.effects
    .map((e) => e.indicatorId)
    .filter((id) => !findIndicator(id) && !source.find(id));
  if (unknownIndicators.length > 0)
    throw new SoteatlasError('invalidRequest', `Unknown indicator: ${unknownIndicators.join(', ')}.`, {
      details: { indicatorIds: unknownIndicators.join(',') },
    });
  const projects = await listProjects(state);
  const codes = new Set(projects.map((p) => p.code));
  const unknownProjects = project.dependsOn.filter((c) => !codes.has(c));
  if (unknownProjects.length > 0)
    throw new SoteatlasError('invalidRequest', `Unknown project: ${unknownProjects.join(', ')}.`, {
      details: { codes: unknownProjects.join(',') },
    });
  const cycle = dependencyCycle(withProject(projects, project));
  if (cycle)
    throw new SoteatlasError('invalidRequest', `The dependencies would make a cycle: ${cycleText(cycle)}.`, {
      details: { cycle: cycle.join(',') },
    });
};

const programmeOf = async (
  {
    store,
    state,
    viewer,
  }: { store: Parameters<typeof evaluateProgramme>[0]; state: StateDb; viewer: Viewer },
  year?: number,
) => {
  await ensureShippedProgramme(state);
  return evaluateProgramme(store, await listProjects(state), {
    viewer,
    source: await indicatorSourceOf(store, state),
    ...(year !== undefined && { toYear: year }),
  });
};

export const programmeRoute = defineRoute({
  path: '/api/programme',
  summary:
    'The reform programme: every project with its course by its own measures, milestones, money and risks',
  description:
    'A project is on course when its indicators’ latest values since the baseline are on or beyond the straight line from the baseline to the expected value by the expected date; uncertain when behind it but with the interval reaching it; off course when the whole interval is behind. Figures come from the indicator engine for the viewer: for anyone but an analyst, figures about few people are withheld and read as unknown.',
  tag: 'programme',
  permission: 'viewAggregates',
  query: ProgrammeQuery,
  timeBudgetSeconds: 60,
  response: ProgrammeView,
  handler: async ({ store, state, viewer, query }) => programmeOf({ store, state, viewer }, query.year),
});

export const projectRoute = defineRoute({
  path: '/api/programme/projects/:code',
  summary: 'One project with its indicators’ actual course against the expected line',
  tag: 'programme',
  permission: 'viewAggregates',
  params: CodeParameters,
  query: ProgrammeQuery,
  timeBudgetSeconds: 60,
  response: ProjectView,
  notFound,
  handler: async ({ store, state, viewer, params, query }) => {
    await ensureShippedProgramme(state);
    const project = await findProject(state, params.code);
    if (!project) return undefined;
    const view = await evaluateProgramme(store, [project], {
      viewer,
      source: await indicatorSourceOf(store, state),
      ...(query.year !== undefined && { toYear: query.year }),
    });
    return view.projects[0];
  },
});

export const projectVersionsRoute = defineRoute({
  path: '/api/programme/projects/:code/versions',
  summary: 'Every saved version of a project: who saved it and when',
  tag: 'programme',
  permission: 'viewAggregates',
  params: CodeParameters,
  response: ProjectVersionList,
  notFound,
  handler: async ({ state, params }) => {
    const history = await projectHistory(state, params.code);
    return history.length > 0 ? history : undefined;
  },
});

export const createProjectRoute = defineRoute({
  method: 'POST',
  path: '/api/programme/projects',
  summary: 'Add a project to the programme (409 if its code is taken)',
  tag: 'programme',
  permission: 'editProgramme',
  body: ProjectInput,
  response: Project,
  errors: ['forbidden', 'conflict'],
  handler: async ({ store, state, body, viewer }) => {
    refuseProducers(viewer);
    await ensureShippedProgramme(state);
    await checkReferences({ store, state }, body);
    return createProject(state, body, savedBy(viewer));
  },
});

export const updateProjectRoute = defineRoute({
  method: 'PUT',
  path: '/api/programme/projects/:code',
  summary: 'Save a new version of a project, naming the version edited (409 if stale)',
  tag: 'programme',
  permission: 'editProgramme',
  params: CodeParameters,
  body: ProjectUpdate,
  response: Project,
  notFound,
  errors: ['forbidden', 'conflict'],
  handler: async ({ store, state, params, body, viewer }) => {
    refuseProducers(viewer);
    await checkReferences({ store, state }, body.project);
    if (!(await findProject(state, params.code))) return undefined;
    return updateProject(state, params.code, body.version, body.project, savedBy(viewer));
  },
});

export const deleteProjectRoute = defineRoute({
  method: 'DELETE',
  path: '/api/programme/projects/:code',
  summary: 'Delete a project (its versions stay for the record)',
  tag: 'programme',
  permission: 'editProgramme',
  params: CodeParameters,
  response: ProjectDeleted,
  notFound,
  errors: ['forbidden'],
  handler: async ({ state, params, viewer }) => {
    refuseProducers(viewer);
    await ensureShippedProgramme(state);
    return (await deleteProject(state, params.code))
      ? { code: params.code, deleted: true as const }
      : undefined;
  },
});

const workbookBytes = 8 * 1024 * 1024;

export const importProgrammeRoute = defineRoute({
  method: 'POST',
  path: '/api/programme/import',
  summary: 'Import projects, milestones and risks from the programme office’s workbook (XLSX, base64)',
  description:
    'Sheets Projects/Hankkeet/Projekt, Milestones/Virstanpylväät/Milstolpar and Risks/Riskit/Risker, with Finnish, Swedish or English headers. Every project the workbook names is saved as a new version in one transaction; every refused row is answered with its sheet, line and reason, and rows read = accepted + rejected. A workbook holding a personal identity code is refused whole.',
  tag: 'programme',
  permission: 'editProgramme',
  body: z.strictObject({ workbookBase64: z.base64().max(Math.ceil((workbookBytes * 4) / 3)) }),
  bodyLimitBytes: Math.ceil((workbookBytes * 4) / 3) + 1024,
  heavy: true,
  timeBudgetSeconds: 60,
  response: ProgrammeImportSummary,
  errors: ['forbidden'],
  handler: async ({ state, body, viewer, audit }) => {
    refuseProducers(viewer);
    await ensureShippedProgramme(state);
    const summary = await importProgrammeWorkbook(
      state,
      Buffer.from(body.workbookBase64, 'base64'),
      savedBy(viewer),
    );
    await audit({
      action: 'programme.import',
      resource: 'programme',
      parameters: {
        rowsRead: summary.rowsRead,
        accepted: summary.accepted,
        rejected: summary.rejected.length,
        projects: summary.projectsSaved.join(','),
      },
    });
    return summary;
  },
});

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const asBody = (file: Buffer): string => file as unknown as string;

export const statusPackXlsxRoute = defineRoute({
  path: '/api/programme/status-pack.xlsx',
  summary: 'The steering group’s status pack as an Excel workbook',
  description:
    'Portfolio, effects against their lines, milestones, risks and status reports. Figures withheld from the reader are marked "<5", never 0.',
  tag: 'programme',
  permission: 'viewAggregates',
  query: PackQuery,
  heavy: true,
  timeBudgetSeconds: 120,
  response: ReportXlsx,
  mediaType: xlsxType,
  download: () => 'muutosohjelma.xlsx',
  handler: async ({ store, state, viewer, query }) =>
    asBody(await statusPackXlsx(await programmeOf({ store, state, viewer }), query.lang)),
});

export const statusPackPdfRoute = defineRoute({
  path: '/api/programme/status-pack.pdf',
  summary: 'The steering group’s status pack as a PDF, printed from the Programme page',
  description:
    'Headless Chromium prints /programme?print=1 from a server started for the purpose over the same store, as the asking viewer sees it.',
  tag: 'programme',
  permission: 'viewAggregates',
  query: PackQuery,
  heavy: true,
  timeBudgetSeconds: 180,
  response: ReportPdf,
  mediaType: 'application/pdf',
  download: () => 'muutosohjelma.pdf',
  errors: ['unavailable'],
  handler: async ({ query, signal, serveApp }) => {
    const server = await serveApp();
    try {
      return asBody(await printStatusPackPdf(server.url, query.lang, signal));
    } finally {
      await server.close();
    }
  },
});

export const programmeRoutes = [
  programmeRoute,
  projectRoute,
  projectVersionsRoute,
  createProjectRoute,
  updateProjectRoute,
  deleteProjectRoute,
  importProgrammeRoute,
  statusPackXlsxRoute,
  statusPackPdfRoute,
];
