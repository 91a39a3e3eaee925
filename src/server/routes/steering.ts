import { z } from 'zod';
import {
  CalendarIcs,
  Code,
  ContractHistory,
  ContractList,
  ContractTerms,
  ContractUpdate,
  ContractView,
  FindingHistory,
  FindingList,
  FindingUpdate,
  FindingView,
  InspectionCreate,
  ModeComparison,
  ProcurementCalendar,
  Reconciliation,
  RegisterList,
  ReportLanguage,
  ReportPdf,
  ReportXlsx,
  Scorecard,
  SoteatlasError,
  SteeringPeriod,
  seesUnsuppressed,
  type Viewer,
  YearMonth,
} from '../../model/index.js';
import type { StateDb } from '../../state/index.js';
import {
  calendarIcs,
  compareModes,
  contractHistory,
  contractsInForce,
  createInspection,
  findContract,
  findFinding,
  findingHistory,
  findingsInForce,
  invoiceEdits,
  loadSteeringConfig,
  printScorecardPackPdf,
  procurementCalendar,
  producerRegister,
  producerScorecard,
  reconcilePeriod,
  saveContract,
  saveFindingState,
  scorecardXlsx,
  steeringDay,
  steeringEdits,
  vouchersInForce,
} from '../../steering/index.js';
import type { Store } from '../../store/index.js';
import { defineRoute } from '../route.js';

/** A producer's users reach their own producer and nothing of any other: another's is as if it did not exist. */
export const mayReach = (viewer: Viewer, producerCode: string) =>
  viewer.producerCode === undefined || viewer.producerCode === producerCode;

/**
 * Whether the viewer may be told anything of the producer `code`: their own, and one the store knows.
 * Asked before anything of the producer is read or computed, so that another producer's is answered
 * as if it did not exist.
 */
export const reachableProducer = async (store: Store, viewer: Viewer, code: string): Promise<boolean> => {
  if (!mayReach(viewer, code)) return false;
  const [producer] = await store.all('SELECT 1 FROM producers WHERE code = $1', [code]);
  return producer !== undefined;
};

const onlyOwn = (viewer: Viewer) =>
  viewer.producerCode === undefined ? {} : { producerCode: viewer.producerCode };

/** The last full year of data, the period asked for when none is. */
export const lastYear = async (store: Store) => {
  const day = await steeringDay(store);
  return String(Number(day.slice(0, 4)) - (day.slice(5) === '01-01' ? 1 : 0));
};

export const ProducerParams = z.strictObject({ code: Code });
const PeriodQuery = z.strictObject({ period: SteeringPeriod.optional() });

export const steeringRegisterRoute = defineRoute({
  path: '/api/steering/producers',
  summary: 'The producer register: kind, business id, contracts, units and status flags',
  description: 'A producer’s users see their own producer only.',
  tag: 'steering',
  permission: 'viewSteering',
  timeBudgetSeconds: 60,
  response: RegisterList,
  handler: async ({ store, state, viewer }) =>
    producerRegister(store, {
      ...onlyOwn(viewer),
      ...(await steeringEdits(store, state, viewer.producerCode)),
    }),
});

export const steeringContractsRoute = defineRoute({
  path: '/api/steering/producers/:code/contracts',
  summary: 'A producer’s contracts with their options and quality requirements',
  tag: 'steering',
  permission: 'viewSteering',
  params: ProducerParams,
  response: ContractList,
  notFound: ({ code }) => `There is no producer ${code}.`,
  handler: async ({ store, state, viewer, params }) =>
    mayReach(viewer, params.code) ? await contractsInForce(store, state, params.code) : undefined,
});

// The language is required: a pack is written for a reader, and the plain-GET shape tests leave files out.
const PackQuery = z.strictObject({
  period: SteeringPeriod.optional(),
  lang: ReportLanguage.describe('Language of the pack.'),
});

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const asBody = (file: Buffer | undefined): string | undefined => file as unknown as string | undefined;

/** The producer's scorecard as the viewer may see it, or undefined where there is none for them. */
const scorecardFor = async (
  { store, state, viewer }: { store: Store; state: StateDb; viewer: Viewer },
  code: string,
  period: string | undefined,
) => {
  if (!mayReach(viewer, code)) return undefined;
  try {
    return await producerScorecard(store, {
      producerCode: code,
      period: period ?? (await lastYear(store)),
      unsuppressed: seesUnsuppressed(viewer),
      ...(await steeringEdits(store, state, code)),
    });
  } catch (error) {
    if (error instanceof SoteatlasError && error.code === 'notFound') return undefined;
    throw error;
  }
};

export const steeringScorecardRoute = defineRoute({
  path: '/api/steering/producers/:code/scorecard',
  summary: 'A producer’s scorecard for a year or a month',
  description:
    'Volumes against the contract, billing against events × price line by line, cost against own production, quality requirements, waiting, supervision, complaints and data completeness. Figures about 1–4 clients are withheld from anyone without unsuppressed access.',
  tag: 'steering',
  permission: 'viewSteering',
  params: ProducerParams,
  query: PeriodQuery,
  timeBudgetSeconds: 60,
  response: Scorecard,
  notFound: ({ code }) => `There is no producer ${code}.`,
  handler: ({ store, state, viewer, params, query }) =>
    scorecardFor({ store, state, viewer }, params.code, query.period),
});

export const scorecardPackXlsxRoute = defineRoute({
  path: '/api/steering/producers/:code/pack.xlsx',
  summary: 'A producer’s steering-meeting pack for a year or a month as an Excel workbook',
  description:
    'The scorecard sheet by sheet: summary, volumes, billing differences line by line, costs, quality requirements, waiting, supervision and complaints. Figures about 1–4 clients are marked "<5" for anyone without unsuppressed access. A producer’s users get their own producer’s pack only.',
  tag: 'steering',
  permission: 'viewSteering',
  params: ProducerParams,
  query: PackQuery,
  heavy: true,
  timeBudgetSeconds: 120,
  response: ReportXlsx,
  mediaType: xlsxType,
  download: ({ code }) => `tuloskortti-${code}.xlsx`,
  notFound: ({ code }) => `There is no producer ${code}.`,
  handler: async ({ store, state, viewer, params, query }) => {
    const card = await scorecardFor({ store, state, viewer }, params.code, query.period);
    return asBody(card ? await scorecardXlsx(card, query.lang) : undefined);
  },
});

export const scorecardPackPdfRoute = defineRoute({
  path: '/api/steering/producers/:code/pack.pdf',
  summary:
    'A producer’s steering-meeting pack for a year or a month as a PDF, printed from the Producers page',
  description:
    'Headless Chromium prints /producers?producer=…&print=1 from a server started for the purpose over the same store, as the asking viewer sees it. A producer’s users get their own producer’s pack only.',
  tag: 'steering',
  permission: 'viewSteering',
  params: ProducerParams,
  query: PackQuery,
  heavy: true,
  timeBudgetSeconds: 180,
  response: ReportPdf,
  mediaType: 'application/pdf',
  download: ({ code }) => `tuloskortti-${code}.pdf`,
  notFound: ({ code }) => `There is no producer ${code}.`,
  errors: ['unavailable'],
  handler: async ({ store, state, viewer, params, query, signal, serveApp }) => {
    const card = await scorecardFor({ store, state, viewer }, params.code, query.period);
    if (!card) return undefined;
    const server = await serveApp();
    try {
      return asBody(
        await printScorecardPackPdf(
          server.url,
          { producerCode: params.code, period: card.period, language: query.lang },
          signal,
        ),
      );
    } finally {
      await server.close();
    }
  },
});

export const steeringReconciliationRoute = defineRoute({
  path: '/api/steering/reconciliation',
  summary: 'A month’s (or year’s) invoices against events × contract price, line by line',
  description:
    'Every invoiced euro is either matched or listed as a difference. A producer’s users see their own lines only.',
  tag: 'steering',
  permission: 'viewSteering',
  query: z.strictObject({ period: z.union([YearMonth, SteeringPeriod]) }),
  timeBudgetSeconds: 60,
  response: Reconciliation,
  handler: async ({ store, state, viewer, query }) =>
    reconcilePeriod(store, {
      period: query.period,
      ...onlyOwn(viewer),
      contracts: await contractsInForce(store, state),
      invoiceEdits: await invoiceEdits(state),
      vouchers: await vouchersInForce(store, state),
    }),
});

export const producerReconciliationRoute = defineRoute({
  path: '/api/steering/producers/:code/reconciliation',
  summary:
    'A producer’s invoice lines of a year or a month against its events × contract price, line by line',
  description:
    'Every invoiced euro is either matched or listed as a difference, with the lines as corrected and added in the app. A producer’s users get their own producer’s only: another’s is answered as not found before anything is computed.',
  tag: 'steering',
  permission: 'viewSteering',
  params: ProducerParams,
  query: PeriodQuery,
  timeBudgetSeconds: 60,
  response: Reconciliation,
  notFound: ({ code }) => `There is no producer ${code}.`,
  handler: async ({ store, state, viewer, params, query }) => {
    if (!(await reachableProducer(store, viewer, params.code))) return undefined;
    return reconcilePeriod(store, {
      period: query.period ?? (await lastYear(store)),
      producerCode: params.code,
      contracts: await contractsInForce(store, state, params.code),
      invoiceEdits: await invoiceEdits(state),
      vouchers: await vouchersInForce(store, state),
    });
  },
});

export const steeringComparisonRoute = defineRoute({
  path: '/api/steering/comparison',
  summary: 'Own production against purchased services, vouchers and NGOs for one service class',
  description: 'The county’s view across producers: a producer’s users get 404, as for anything not theirs.',
  tag: 'steering',
  permission: 'viewSteering',
  query: z.strictObject({ serviceClass: Code, period: SteeringPeriod.optional() }),
  timeBudgetSeconds: 60,
  response: ModeComparison,
  notFound: () => 'A producer sees its own figures, not a comparison across producers.',
  handler: async ({ store, state, viewer, query }) => {
    if (viewer.producerCode !== undefined) return undefined;
    return compareModes(store, {
      serviceClass: query.serviceClass,
      period: query.period ?? (await lastYear(store)),
      unsuppressed: seesUnsuppressed(viewer),
      invoiceEdits: await invoiceEdits(state),
    });
  },
});

const CalendarQuery = z.strictObject({ withinMonths: z.coerce.number().int().min(1).max(120).optional() });

const calendarOf = async (store: Store, state: StateDb, viewer: Viewer, withinMonths: number | undefined) => {
  const config = loadSteeringConfig();
  return procurementCalendar(await contractsInForce(store, state, viewer.producerCode), {
    asOf: await steeringDay(store),
    withinMonths: withinMonths ?? 24,
    config,
  });
};

export const steeringCalendarRoute = defineRoute({
  path: '/api/steering/calendar',
  summary: 'The procurement calendar: contracts ending, options to decide, tenders to prepare',
  description: 'Warnings name what is due within the configured horizon with nothing planned.',
  tag: 'steering',
  permission: 'viewSteering',
  query: CalendarQuery,
  response: ProcurementCalendar,
  handler: ({ store, state, viewer, query }) => calendarOf(store, state, viewer, query.withinMonths),
});

const icsNames = {
  contractEnds: 'Sopimus päättyy',
  optionDecision: 'Optiosta päätettävä',
  tenderPreparation: 'Kilpailutuksen valmistelu alkaa',
} as const;

export const steeringCalendarIcsRoute = defineRoute({
  path: '/api/steering/calendar.ics',
  summary: 'The procurement calendar as an iCalendar feed',
  tag: 'steering',
  permission: 'viewSteering',
  query: CalendarQuery,
  response: CalendarIcs,
  mediaType: 'text/calendar',
  download: () => 'hankintakalenteri.ics',
  handler: async ({ store, state, viewer, query }) =>
    calendarIcs(await calendarOf(store, state, viewer, query.withinMonths), icsNames),
});

const ContractParams = z.strictObject({ code: Code.describe('The contract, e.g. SOP-2023-01.') });

/** Contracts are the county's to make: a producer's users never edit one, whatever their roles. */
export const refuseProducers = (viewer: Viewer) => {
  if (viewer.producerCode !== undefined)
    throw new SoteatlasError('forbidden', 'Contracts are made by the county, not by producers.');
};

const contractAudit = (contract: ContractView, previous: ContractView | undefined) => ({
  resource: contract.code,
  parameters: {
    producerCode: contract.producerCode,
    version: contract.version,
    changed: previous
      ? (Object.keys(contract) as (keyof ContractView)[])
          .filter((k) => !['version', 'updatedAt', 'updatedBy'].includes(k))
          .filter((k) => JSON.stringify(contract[k]) !== JSON.stringify(previous[k]))
          .join(',')
      : 'new',
  },
});

export const createContractRoute = defineRoute({
  method: 'POST',
  path: '/api/steering/contracts',
  summary: 'Create a contract with a producer; it is saved as version 1 (409 if the code is taken)',
  tag: 'steering',
  permission: 'editContracts',
  body: ContractTerms,
  response: ContractView,
  errors: ['forbidden', 'conflict'],
  handler: async ({ store, state, body, viewer, audit }) => {
    refuseProducers(viewer);
    const saved = await saveContract(store, state, body, 0, viewer.user);
    await audit({ action: 'contracts.create', ...contractAudit(saved, undefined) });
    return saved;
  },
});

export const updateContractRoute = defineRoute({
  method: 'PUT',
  path: '/api/steering/contracts/:code',
  summary: 'Save a new version of a contract’s terms, naming the version edited (409 if stale)',
  description:
    'Every save is a new version; the ones before stay readable in the history. The audit row names the fields changed.',
  tag: 'steering',
  permission: 'editContracts',
  params: ContractParams,
  body: ContractUpdate,
  response: ContractView,
  errors: ['forbidden', 'conflict'],
  notFound: ({ code }) => `There is no contract ${code}.`,
  handler: async ({ store, state, params, body, viewer, audit }) => {
    refuseProducers(viewer);
    if (body.contract.code !== params.code)
      throw new SoteatlasError(
        'invalidRequest',
        `The terms' code ${body.contract.code} is not ${params.code}.`,
      );
    const previous = await findContract(store, state, params.code);
    if (!previous) return undefined;
    const saved = await saveContract(store, state, body.contract, body.version, viewer.user);
    await audit({ action: 'contracts.update', ...contractAudit(saved, previous) });
    return saved;
  },
});

export const contractHistoryRoute = defineRoute({
  path: '/api/steering/contracts/:code/versions',
  summary: 'Every version of a contract, newest first, each with its terms, when and by whom it was saved',
  description: 'A producer’s users see the history of their own contracts only.',
  tag: 'steering',
  permission: 'viewSteering',
  params: ContractParams,
  response: ContractHistory,
  notFound: ({ code }) => `There is no contract ${code}.`,
  handler: async ({ store, state, params, viewer }) => {
    const current = await findContract(store, state, params.code);
    if (!current || !mayReach(viewer, current.producerCode)) return undefined;
    return contractHistory(store, state, params.code);
  },
});

const FindingParams = z.strictObject({ id: Code.describe('The finding, e.g. H-2025-014-1.') });

/** Supervision is the county's: a producer's users never record it, whatever their roles. */
export const refuseProducersSupervision = (viewer: Viewer) => {
  if (viewer.producerCode !== undefined)
    throw new SoteatlasError('forbidden', 'Supervision is recorded by the county, not by producers.');
};

const editedFields = [
  'severity',
  'description',
  'actionDeadline',
  'actionState',
  'actionDoneOn',
  'actionNote',
] as const;

export const producerFindingsRoute = defineRoute({
  path: '/api/steering/producers/:code/findings',
  summary: 'A producer’s supervision findings with the state of their corrective actions, as they stand',
  description: 'Imported findings, edited or not, and those of inspections entered in the app.',
  tag: 'steering',
  permission: 'viewSteering',
  params: ProducerParams,
  response: FindingList,
  notFound: ({ code }) => `There is no producer ${code}.`,
  handler: async ({ store, state, viewer, params }) =>
    mayReach(viewer, params.code) ? await findingsInForce(store, state, params.code) : undefined,
});

export const updateFindingRoute = defineRoute({
  method: 'PUT',
  path: '/api/steering/findings/:id',
  summary:
    'Save a new state of a finding’s corrective action (open, in progress, done on a date) with a note, and its text, severity and deadline where given, naming the version edited (409 if stale)',
  description:
    'Every save is a new version; the ones before stay readable in the history. The audit row names the fields changed. The scorecard and the register’s overdue flag follow the saved state.',
  tag: 'steering',
  permission: 'editSupervision',
  params: FindingParams,
  body: FindingUpdate,
  response: FindingView,
  errors: ['forbidden', 'conflict'],
  notFound: ({ id }) => `There is no finding ${id}.`,
  handler: async ({ store, state, params, body, viewer, audit }) => {
    refuseProducersSupervision(viewer);
    const result = await saveFindingState(store, state, params.id, body, viewer.user);
    if (!result) return undefined;
    const { saved, previous } = result;
    await audit({
      action: 'supervision.updateFinding',
      resource: saved.findingId,
      parameters: {
        producerCode: saved.producerCode,
        version: saved.version,
        changed: editedFields.filter((k) => saved[k] !== previous[k]).join(','),
      },
    });
    return saved;
  },
});

export const createInspectionRoute = defineRoute({
  method: 'POST',
  path: '/api/steering/inspections',
  summary:
    'Record a new supervision event with its findings, each corrective action open (409 if an id is taken)',
  tag: 'steering',
  permission: 'editSupervision',
  body: InspectionCreate,
  response: FindingList,
  errors: ['forbidden', 'conflict'],
  handler: async ({ store, state, body, viewer, audit }) => {
    refuseProducersSupervision(viewer);
    const saved = await createInspection(store, state, body, viewer.user);
    await audit({
      action: 'supervision.createInspection',
      resource: body.inspectionId,
      parameters: {
        producerCode: body.producerCode,
        kind: body.kind,
        findings: body.findings.map((f) => f.findingId).join(','),
      },
    });
    return saved;
  },
});

export const findingHistoryRoute = defineRoute({
  path: '/api/steering/findings/:id/versions',
  summary: 'Every version of a finding, newest first, each with when and by whom it was saved',
  description: 'A producer’s users see the history of their own findings only.',
  tag: 'steering',
  permission: 'viewSteering',
  params: FindingParams,
  response: FindingHistory,
  notFound: ({ id }) => `There is no finding ${id}.`,
  handler: async ({ store, state, params, viewer }) => {
    const current = await findFinding(store, state, params.id);
    if (!current || !mayReach(viewer, current.producerCode)) return undefined;
    return findingHistory(store, state, params.id);
  },
});

export const steeringRoutes = [
  steeringRegisterRoute,
  steeringContractsRoute,
  steeringScorecardRoute,
  scorecardPackXlsxRoute,
  scorecardPackPdfRoute,
  steeringReconciliationRoute,
  producerReconciliationRoute,
  steeringComparisonRoute,
  steeringCalendarRoute,
  steeringCalendarIcsRoute,
  createContractRoute,
  updateContractRoute,
  contractHistoryRoute,
  producerFindingsRoute,
  updateFindingRoute,
  createInspectionRoute,
  findingHistoryRoute,
];
