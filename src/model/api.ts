import { z } from 'zod';
import { AgeGroup } from './age-group.js';
import { AreaLevel } from './area.js';
import { AuditCsv, AuditPage, AuditRecord } from './audit.js';
import {
  ChainDefinition,
  ChainList,
  ChainResult,
  ChainUpdate,
  ChainVersionList,
  StoredChain,
} from './chain.js';
import { ChainIndicatorDefinition, IndicatorCatalogue } from './chain-indicator.js';
import { EquityResult } from './equity.js';
import { ErrorCode, ErrorDetails, ErrorIssue } from './errors.js';
import {
  ForecastBacktest,
  ForecastDemand,
  ForecastPyramid,
  ForecastPyramids,
  ForecastSeries,
  ForecastVariant,
  ForecastVariantList,
} from './forecast.js';
import { featureCollectionOf, Geometry, PointGeometry } from './geojson.js';
import { ImportKind, RejectedRow } from './import.js';
import {
  IndicatorComparison,
  IndicatorComparisonRow,
  IndicatorDefinition,
  IndicatorList,
  IndicatorResult,
  IndicatorValue,
} from './indicator.js';
import {
  InvoiceLineCorrection,
  InvoiceLineCreate,
  InvoiceLineHistory,
  InvoiceLineList,
  InvoiceLineView,
} from './invoice.js';
import { GeoPackageFile, IsochroneLayer, IsochroneQuery } from './isochrones.js';
import { LanguageAccessResult, ServiceLanguage } from './language.js';
import { NeedCoefficientSetView, NeedsStandardisedCost } from './need.js';
import {
  AccessLayer,
  OptimisationJob,
  Scenario,
  ScenarioComparison,
  ScenarioDeleted,
  ScenarioList,
  ScenarioResult,
  TravelModeComparison,
} from './network.js';
import { FerryList, NearestRoadLink, RoadLinkShape, RoadLinkShapes } from './network-variant.js';
import { ProducerKind } from './producer.js';
import {
  ProgrammeImportSummary,
  ProgrammeView,
  Project,
  ProjectDeleted,
  ProjectVersionList,
  ProjectView,
} from './programme.js';
import {
  ConsistencyCheck,
  ReferenceComparison,
  ReferenceIndicatorList,
  ReferencePoint,
} from './reference-value.js';
import { ReportPdf, ReportXlsx } from './report.js';
import { RoadNetworkList, RoadNetworkSummary } from './road.js';
import { ScenarioActions } from './scenario-actions.js';
import { Channel, ServiceClass } from './service-class.js';
import { SourceFetch, SourceFetchList, SourceFetchRequest } from './source-fetch.js';
import {
  CalendarIcs,
  ContractHistory,
  ContractList,
  ContractTerms,
  ContractUpdate,
  ContractView,
  ModeComparison,
  ProcurementCalendar,
  Reconciliation,
  RegisterList,
  Scorecard,
} from './steering.js';
import {
  FindingHistory,
  FindingList,
  FindingUpdate,
  FindingView,
  InspectionCreate,
  InspectionHistory,
  InspectionList,
  InspectionUpdate,
  InspectionView,
} from './supervision.js';
import {
  DeletedRecord,
  MonitoringSet,
  MonitoringSetList,
  MonitoringSetView,
  Target,
  TargetList,
} from './target.js';
import { RoleList, UserList, UserView } from './user.js';
import { VoucherValueHistory, VoucherValueList, VoucherValueUpdate, VoucherValueView } from './voucher.js';

/** Shapes the HTTP API returns. They are built from the stored records and carry WGS84 for web maps. */

export const AreaView = z.object({
  level: AreaLevel,
  code: z.string(),
  nameFi: z.string(),
  nameSv: z.string().nullable(),
  parentCode: z.string().nullable(),
  validFromYear: z.int(),
  validToYear: z.int().nullable(),
  /** Residents at the end of the year; null when unknown or when withheld (then populationSuppressed). */
  population: z.int().nullable(),
  populationSuppressed: z.boolean(),
});
export type AreaView = z.infer<typeof AreaView>;

/** The areas valid in one year; `year` is the one asked for or, by default, the latest with population. */
export const AreaList = z.object({
  year: z.int(),
  level: AreaLevel.nullable(),
  areas: z.array(AreaView),
});
export type AreaList = z.infer<typeof AreaList>;

/** Area boundaries in WGS84 for web maps; the properties are the area's view. */
export const AreaFeatureCollection = featureCollectionOf(Geometry, AreaView);
export type AreaFeatureCollection = z.infer<typeof AreaFeatureCollection>;

export const UnitView = z.object({
  code: z.string(),
  name: z.string(),
  serviceClasses: z.array(z.string()),
  producerCode: z.string(),
  producerName: z.string().nullable(),
  producerKind: ProducerKind.nullable(),
  municipalityCode: z.string(),
  x: z.number(),
  y: z.number(),
  lon: z.number(),
  lat: z.number(),
  capacityPerYear: z.number(),
  capacityUnit: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  channels: z.array(Channel),
  /** Null when the unit register does not say. */
  languages: z.array(ServiceLanguage).nullable(),
});
export type UnitView = z.infer<typeof UnitView>;

/** Units valid in `year`, or every unit when no year was asked for. */
export const UnitList = z.object({
  year: z.int().nullable(),
  units: z.array(UnitView),
});
export type UnitList = z.infer<typeof UnitList>;

/** Unit locations as WGS84 points. */
export const UnitFeatureCollection = featureCollectionOf(PointGeometry, UnitView);
export type UnitFeatureCollection = z.infer<typeof UnitFeatureCollection>;

export const ProducerView = z.object({
  code: z.string(),
  name: z.string(),
  kind: ProducerKind,
  businessId: z.string().nullable(),
  unitCount: z.int(),
});
export type ProducerView = z.infer<typeof ProducerView>;

export const ProducerList = z.array(ProducerView);

export const ServiceClassList = z.array(ServiceClass);

/**
 * Residents of one area in one age group. Counts of 1–4 are withheld: the figure is null and
 * `suppressed` is true (see model/disclosure.ts).
 */
export const PopulationSummaryRow = z.object({
  areaCode: z.string(),
  year: z.int(),
  ageGroup: z.string(),
  male: z.int().nullable(),
  female: z.int().nullable(),
  total: z.int().nullable(),
  suppressed: z.boolean(),
});
export type PopulationSummaryRow = z.infer<typeof PopulationSummaryRow>;

export const PopulationSummary = z.object({
  level: AreaLevel,
  year: z.int(),
  areaCode: z.string().nullable(),
  ageGroups: z.array(AgeGroup),
  rows: z.array(PopulationSummaryRow),
});
export type PopulationSummary = z.infer<typeof PopulationSummary>;

export const ImportView = z.object({
  importId: z.int(),
  kind: ImportKind,
  source: z.string(),
  sourceFile: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  rowsRead: z.int(),
  rowsAccepted: z.int(),
  rowsRejected: z.int(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type ImportView = z.infer<typeof ImportView>;

export const ImportList = z.array(ImportView);

/** One page of an import's rejected rows, in file order. */
export const RejectsPage = z.object({
  importId: z.int(),
  total: z.int(),
  limit: z.int(),
  offset: z.int(),
  rows: z.array(RejectedRow),
});
export type RejectsPage = z.infer<typeof RejectsPage>;

/** An import's rejected rows as a semicolon CSV (UTF-8 with BOM) with the header rivi;sarake;arvo;syy. */
export const RejectsCsv = z.string();

/** What the store holds: rows per import kind, the years each kind covers, and the imports. */
export const StoreStatus = z.object({
  counts: z.record(z.string(), z.int()),
  years: z.object({ population: z.array(z.int()), events: z.array(z.int()), costs: z.array(z.int()) }),
  imports: z.array(ImportView),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

export const Health = z.object({ status: z.literal('ok'), schemaVersion: z.int() });
export type Health = z.infer<typeof Health>;

/**
 * Every error the API answers with: a stable code, a sentence for developers, the values it names and the
 * failed checks if any. Apps show their own text for the code, never the message.
 */
export const ApiError = z.object({
  error: ErrorCode.describe(
    'What went wrong: invalidRequest 400, unauthorised 401, forbidden 403, notFound 404, conflict 409, tooLarge 413, invalidDataset 422, tooManyRequests 429, internal 500, unavailable 503, timedOut 503.',
  ),
  message: z.string().describe('For developers and logs, in English.'),
  details: ErrorDetails.optional().describe('The values the message names (an id, a name, a version).'),
  issues: z.array(ErrorIssue).optional().describe('Each failed check of the request, by path.'),
  requestId: z
    .string()
    .optional()
    .describe('On a failure of the server (internal): what to quote to find its details in the log.'),
});
export type ApiError = z.infer<typeof ApiError>;

/** The API's own OpenAPI 3.1 description; only its outline is fixed here. */
export const OpenApiDocument = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
  components: z.looseObject({ schemas: z.record(z.string(), z.unknown()) }),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;

/** The shapes above by the names the OpenAPI document gives them. */
export const apiSchemas = {
  Health,
  ApiError,
  StoreStatus,
  Geometry,
  PointGeometry,
  AreaView,
  AreaList,
  AreaFeatureCollection,
  UnitView,
  UnitList,
  UnitFeatureCollection,
  ProducerView,
  ProducerList,
  ServiceClass,
  ServiceClassList,
  AgeGroup,
  PopulationSummaryRow,
  PopulationSummary,
  ImportView,
  ImportList,
  RejectedRow,
  RejectsPage,
  RejectsCsv,
  OpenApiDocument,
  IndicatorDefinition,
  IndicatorList,
  ChainIndicatorDefinition,
  IndicatorCatalogue,
  IndicatorValue,
  IndicatorResult,
  IndicatorComparisonRow,
  IndicatorComparison,
  ForecastVariant,
  ForecastVariantList,
  ForecastSeries,
  ForecastPyramid,
  ForecastPyramids,
  ForecastDemand,
  ForecastBacktest,
  NeedCoefficientSetView,
  NeedsStandardisedCost,
  Target,
  TargetList,
  MonitoringSet,
  MonitoringSetList,
  MonitoringSetView,
  DeletedRecord,
  Scenario,
  ScenarioList,
  ScenarioDeleted,
  ScenarioResult,
  ScenarioComparison,
  AccessLayer,
  EquityResult,
  ScenarioActions,
  IsochroneQuery,
  IsochroneLayer,
  GeoPackageFile,
  LanguageAccessResult,
  TravelModeComparison,
  OptimisationJob,
  RoadNetworkSummary,
  RoadNetworkList,
  FerryList,
  RoadLinkShape,
  NearestRoadLink,
  RoadLinkShapes,
  ReportPdf,
  ReportXlsx,
  UserView,
  UserList,
  RoleList,
  AuditRecord,
  AuditPage,
  AuditCsv,
  ProgrammeView,
  ProjectView,
  Project,
  ProjectVersionList,
  ProjectDeleted,
  ProgrammeImportSummary,
  SourceFetch,
  SourceFetchList,
  SourceFetchRequest,
  ChainDefinition,
  StoredChain,
  ChainList,
  ChainResult,
  ChainUpdate,
  ChainVersionList,
  ReferencePoint,
  ConsistencyCheck,
  ReferenceComparison,
  ReferenceIndicatorList,
  RegisterList,
  ContractList,
  Scorecard,
  Reconciliation,
  ModeComparison,
  ProcurementCalendar,
  CalendarIcs,
  ContractView,
  ContractTerms,
  ContractUpdate,
  ContractHistory,
  FindingView,
  FindingList,
  FindingHistory,
  FindingUpdate,
  InspectionCreate,
  InspectionView,
  InspectionList,
  InspectionHistory,
  InspectionUpdate,
  InvoiceLineView,
  InvoiceLineList,
  InvoiceLineHistory,
  InvoiceLineCorrection,
  InvoiceLineCreate,
  VoucherValueView,
  VoucherValueList,
  VoucherValueHistory,
  VoucherValueUpdate,
} as const;
