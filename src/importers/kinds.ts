import { z } from 'zod';
import {
  Area,
  ComplaintCount,
  Contract,
  ContractOption,
  type ImportKind,
  Inspection,
  InvoiceLine,
  NetOperatingCost,
  PopulationByLanguage,
  PopulationCount,
  Producer,
  QualityRequirement,
  ReferenceValue,
  type RejectReasonCode,
  ServiceEvent,
  SupervisionFinding,
  toEtrsTm35fin,
  Unit,
  VoucherApproval,
  VoucherValue,
} from '../model/index.js';
import { type FieldSpec, fieldsByKind } from './columns.js';
import { mergerSuccessor, municipalityReference } from './reference/index.js';
import { quoteLiteral } from './sql-text.js';

/** A check of a field's value against what the store already holds (or the file itself). */
export interface Reference {
  field: string;
  /** SQL that yields the codes the value must be one of. */
  codes: string;
  code: RejectReasonCode;
  /** SQL over the typed value choosing the code and giving the parameters, when they depend on the value. */
  explain?: (value: string) => { codeSql?: string; paramsSql?: string };
}

/** Everything the import pipeline needs to know about one kind of file. */
export interface KindSpec {
  kind: ImportKind;
  schema: z.ZodObject;
  fields: FieldSpec[];
  table: string;
  /** The fields that identify a record: importing the same key again replaces the stored one. */
  keyFields: string[];
  /** Whether records carry the name of the source system, which is then part of the key. */
  keyedBySource?: boolean;
  /** Which value-alias table (columns.ts) translates a field's codes. */
  aliasesOf: Record<string, string>;
  references: Reference[];
  /** Extra checks the JSON Schema cannot express: SQL over `typed(field)` that is true when the row is bad. */
  extraChecks?: {
    field: string;
    bad: (typed: (field: string) => string) => string;
    code: RejectReasonCode;
  }[];
  /** Values computed from others where the file leaves them out: SQL over `typed(field)`. */
  derived?: Record<string, (typed: (field: string) => string) => string>;
  /** Rewrites a record's fields before staging, for what SQL here cannot do (coordinate transforms). */
  transform?: (record: Map<string, string>) => void;
  /** Fields that a file may omit if `transform` or `derived` can supply them. */
  suppliedBy?: Record<string, string[]>;
  /** Whether a wide table (a column per sex or year, as PxWeb exports) is read as long rows. */
  unpivotsWide?: boolean;
  /**
   * Area fields that may hold a municipality as PxWeb and people write it (`KU091`, `091 Helsinki`,
   * `Helsinki`, `Helsingfors`), read as its code with the shipped classification (reference/).
   */
  areaLabelFields?: string[];
  /** Fields in which a total (`SSS`, `Yhteensä`, `Koko maa` …) marks a row that sums others: skipped, not stored. */
  totalFields?: string[];
  /** Age fields that may be written as PxWeb labels them: `1 vuotta`, `1 år`, `100 -`, `100-`, `100+`. */
  ageLabelFields?: string[];
}

const columnOverrides: Record<string, string> = { date: 'event_date' };

/** The stored column of a field: camelCase to snake_case, with the few names that differ. */
export const columnOf = (field: string): string =>
  columnOverrides[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const fromWgs84 = (record: Map<string, string>): void => {
  const lon = Number(record.get('lon')?.replace(',', '.'));
  const lat = Number(record.get('lat')?.replace(',', '.'));
  if (
    !record.get('x') &&
    !record.get('y') &&
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    record.get('lon')
  ) {
    const { x, y } = toEtrsTm35fin(lon, lat);
    record.set('x', x.toFixed(1));
    record.set('y', y.toFixed(1));
  }
};

const municipalities = `SELECT code FROM areas WHERE level = 'municipality'`;

/**
 * Municipalities merged away since 2015 (Statistics Finland's mergers, shipped in config/reference),
 * each with the municipality that holds its area now.
 */
const municipalityMergers = () =>
  municipalityReference().mergers.flatMap((m) => {
    const successor = mergerSuccessor(m.oldCode);
    return successor ? [{ oldCode: m.oldCode, ...successor }] : [];
  });

/**
 * "unknown municipality code X", naming the municipality it was merged into when there is one. The
 * mergers are a CASE over constants, not a subquery: DuckDB would join a subquery against every row
 * of the file, while a CASE in the reject's branch is worked out for the rejected rows only.
 */
const unknownMunicipality = (value: string) => {
  const mergers = municipalityMergers();
  const merger = (pick: (m: (typeof mergers)[number]) => string) =>
    mergers.length === 0
      ? 'NULL'
      : `CASE ${value} ${mergers.map((m) => `WHEN ${quoteLiteral(m.oldCode)} THEN ${pick(m)}`).join(' ')} END`;
  const successor = merger((m) => quoteLiteral(m.code));
  const merged = `${successor} IS NOT NULL`;
  return {
    codeSql: `CASE WHEN ${merged} THEN 'mergedMunicipalityCode' ELSE 'unknownMunicipalityCode' END`,
    paramsSql: `CASE WHEN ${merged}
      THEN json_object('value', ${value}, 'successor', ${successor}, 'successorName', ${merger((m) => quoteLiteral(m.name))}, 'year', ${merger((m) => String(m.year))})
      ELSE json_object('value', ${value}) END::VARCHAR`,
  };
};

/** An area code: named a municipality code when it is written as one (three digits). */
const unknownArea = (value: string) => {
  const municipality = unknownMunicipality(value);
  return {
    codeSql: `CASE WHEN regexp_full_match(${value}, '[0-9]{3}') THEN ${municipality.codeSql} ELSE 'unknownAreaCode' END`,
    paramsSql: municipality.paramsSql,
  };
};

const producerRef: Reference = {
  field: 'producerCode',
  codes: 'SELECT code FROM producers',
  code: 'unknownProducerCode',
};
const classRef = (field: string): Reference => ({
  field,
  codes: 'SELECT code FROM service_classes',
  code: 'unknownServiceClass',
});
const unitRef = (field: string): Reference => ({
  field,
  codes: 'SELECT code FROM units',
  code: 'unknownUnitCode',
});
const contractRef: Reference = {
  field: 'contractCode',
  codes: 'SELECT code FROM contracts',
  code: 'unknownContractCode',
};
const endsAfterStart = (from: string, to: string, code: RejectReasonCode) => ({
  field: to,
  bad: (t: (field: string) => string) => `${t(to)} < ${t(from)}`,
  code,
});

/** Producer steering: contracts and what hangs on them, invoices, vouchers, supervision, complaints. */
const steeringKinds = (): Record<
  | 'contracts'
  | 'contractOptions'
  | 'qualityRequirements'
  | 'invoices'
  | 'voucherValues'
  | 'voucherApprovals'
  | 'inspections'
  | 'findings'
  | 'complaints',
  KindSpec
> => ({
  contracts: {
    kind: 'contracts',
    schema: Contract,
    fields: fieldsByKind.contracts,
    table: 'contracts',
    keyFields: ['code'],
    aliasesOf: { pricingBasis: 'pricingBasis' },
    references: [producerRef, classRef('serviceClasses'), unitRef('unitCodes')],
    extraChecks: [
      endsAfterStart('validFrom', 'validTo', 'closingBeforeOpening'),
      {
        field: 'volumeCeiling',
        bad: (t) => `${t('volumeCeiling')} < ${t('volumeFloor')}`,
        code: 'ceilingBelowFloor',
      },
    ],
  },
  contractOptions: {
    kind: 'contractOptions',
    schema: ContractOption,
    fields: fieldsByKind.contractOptions,
    table: 'contract_options',
    keyFields: ['contractCode', 'optionNumber'],
    aliasesOf: {},
    references: [contractRef],
  },
  qualityRequirements: {
    kind: 'qualityRequirements',
    schema: QualityRequirement,
    fields: fieldsByKind.qualityRequirements,
    table: 'quality_requirements',
    keyFields: ['contractCode', 'measure'],
    aliasesOf: {},
    references: [contractRef],
  },
  invoices: {
    kind: 'invoices',
    schema: InvoiceLine,
    fields: fieldsByKind.invoices,
    table: 'invoices',
    keyFields: ['invoiceId'],
    aliasesOf: {},
    references: [producerRef, classRef('serviceClass'), unitRef('unitCode')],
  },
  voucherValues: {
    kind: 'voucherValues',
    schema: VoucherValue,
    fields: fieldsByKind.voucherValues,
    table: 'voucher_values',
    keyFields: ['serviceClass', 'year'],
    aliasesOf: {},
    references: [classRef('serviceClass')],
  },
  voucherApprovals: {
    kind: 'voucherApprovals',
    schema: VoucherApproval,
    fields: fieldsByKind.voucherApprovals,
    table: 'voucher_approvals',
    keyFields: ['serviceClass', 'producerCode'],
    aliasesOf: {},
    references: [producerRef, classRef('serviceClass')],
    extraChecks: [endsAfterStart('approvedFrom', 'approvedTo', 'closingBeforeOpening')],
  },
  inspections: {
    kind: 'inspections',
    schema: Inspection,
    fields: fieldsByKind.inspections,
    table: 'inspections',
    keyFields: ['inspectionId'],
    aliasesOf: {},
    references: [producerRef, unitRef('unitCode')],
  },
  findings: {
    kind: 'findings',
    schema: SupervisionFinding,
    fields: fieldsByKind.findings,
    table: 'findings',
    keyFields: ['findingId'],
    aliasesOf: {},
    references: [
      {
        field: 'inspectionId',
        codes: 'SELECT inspection_id FROM inspections',
        code: 'unknownInspection',
      },
    ],
  },
  complaints: {
    kind: 'complaints',
    schema: ComplaintCount,
    fields: fieldsByKind.complaints,
    table: 'complaints',
    keyFields: ['producerCode', 'quarter', 'kind'],
    aliasesOf: {},
    references: [producerRef],
  },
});

export const kinds: Record<ImportKind, KindSpec> = {
  areas: {
    kind: 'areas',
    schema: Area,
    fields: fieldsByKind.areas,
    table: 'areas',
    keyFields: ['level', 'code', 'validFromYear'],
    aliasesOf: { level: 'level' },
    references: [],
    extraChecks: [
      {
        field: 'validToYear',
        bad: (t) => `${t('validToYear')} < ${t('validFromYear')}`,
        code: 'lastYearBeforeFirst',
      },
    ],
  },
  population: {
    kind: 'population',
    schema: PopulationCount,
    fields: fieldsByKind.population,
    table: 'population',
    keyFields: ['areaCode', 'year', 'age', 'sex'],
    aliasesOf: { sex: 'sex', areaLevel: 'level' },
    references: [
      { field: 'areaCode', codes: 'SELECT code FROM areas', code: 'unknownAreaCode', explain: unknownArea },
    ],
    derived: {
      areaLevel: (t) => `(SELECT any_value(a.level) FROM areas a WHERE a.code = ${t('areaCode')})`,
    },
    suppliedBy: { areaLevel: ['areaCode'] },
    unpivotsWide: true,
    areaLabelFields: ['areaCode'],
    totalFields: ['areaCode', 'age', 'sex'],
    ageLabelFields: ['age'],
  },
  populationLanguages: {
    kind: 'populationLanguages',
    schema: PopulationByLanguage,
    fields: fieldsByKind.populationLanguages,
    table: 'population_languages',
    keyFields: ['areaCode', 'year', 'language'],
    aliasesOf: { language: 'populationLanguage' },
    references: [
      { field: 'areaCode', codes: 'SELECT code FROM areas', code: 'unknownAreaCode', explain: unknownArea },
    ],
    areaLabelFields: ['areaCode'],
    totalFields: ['areaCode', 'language'],
  },
  producers: {
    kind: 'producers',
    schema: Producer,
    fields: fieldsByKind.producers,
    table: 'producers',
    keyFields: ['code'],
    aliasesOf: { kind: 'producerKind' },
    references: [],
    extraChecks: [
      {
        field: 'businessId',
        // Weights 7, 9, 10, 5, 8, 4, 2; see src/model/business-id.ts.
        bad: (t) => {
          const d = (i: number) => `CAST(substr(${t('businessId')}, ${i}, 1) AS INTEGER)`;
          const sum = [7, 9, 10, 5, 8, 4, 2].map((w, i) => `${w} * ${d(i + 1)}`).join(' + ');
          return `(CASE (${sum}) % 11 WHEN 0 THEN 0 WHEN 1 THEN -1 ELSE 11 - (${sum}) % 11 END) <> ${d(9)}`;
        },
        code: 'businessIdCheckDigit',
      },
    ],
  },
  units: {
    kind: 'units',
    schema: Unit,
    fields: fieldsByKind.units,
    table: 'units',
    keyFields: ['code'],
    aliasesOf: { channels: 'channel', capacityUnit: 'capacityUnit', languages: 'language' },
    references: [
      { field: 'producerCode', codes: 'SELECT code FROM producers', code: 'unknownProducerCode' },
      {
        field: 'municipalityCode',
        codes: municipalities,
        code: 'unknownMunicipalityCode',
        explain: unknownMunicipality,
      },
      { field: 'serviceClasses', codes: 'SELECT code FROM service_classes', code: 'unknownServiceClass' },
    ],
    transform: fromWgs84,
    suppliedBy: { x: ['lon', 'lat'], y: ['lon', 'lat'] },
    extraChecks: [
      {
        field: 'validTo',
        bad: (t) => `${t('validTo')} < ${t('validFrom')}`,
        code: 'closingBeforeOpening',
      },
    ],
  },
  events: {
    kind: 'events',
    schema: ServiceEvent,
    fields: fieldsByKind.events,
    table: 'events',
    keyFields: ['sourceId'],
    keyedBySource: true,
    aliasesOf: { sex: 'sex', channel: 'channel', kind: 'kind' },
    references: [
      { field: 'serviceClass', codes: 'SELECT code FROM service_classes', code: 'unknownServiceClass' },
      {
        field: 'municipalityCode',
        codes: municipalities,
        code: 'unknownMunicipalityCode',
        explain: unknownMunicipality,
      },
      {
        field: 'gridCellCode',
        codes: `SELECT code FROM areas WHERE level = 'gridCell'`,
        code: 'unknownGridCell',
      },
      { field: 'unitCode', codes: 'SELECT code FROM units', code: 'unknownUnitCode' },
      { field: 'producerCode', codes: 'SELECT code FROM producers', code: 'unknownProducerCode' },
    ],
    ageLabelFields: ['age'],
  },
  costs: {
    kind: 'costs',
    schema: NetOperatingCost,
    fields: fieldsByKind.costs,
    table: 'costs',
    keyFields: ['areaCode', 'year', 'serviceClass'],
    aliasesOf: {},
    areaLabelFields: ['areaCode'],
    totalFields: ['areaCode'],
    references: [
      { field: 'areaCode', codes: 'SELECT code FROM areas', code: 'unknownAreaCode', explain: unknownArea },
      { field: 'serviceClass', codes: 'SELECT code FROM service_classes', code: 'unknownServiceClass' },
    ],
  },
  referenceValues: {
    kind: 'referenceValues',
    schema: ReferenceValue,
    fields: fieldsByKind.referenceValues,
    table: 'reference_values',
    keyFields: ['referenceSource', 'indicatorId', 'areaLevel', 'areaCode', 'year', 'sex'],
    aliasesOf: { sex: 'referenceSex', areaLevel: 'level' },
    // Reference values cover all of Finland, not only the areas the store holds: codes are checked
    // for their form by level instead of against the store's areas.
    references: [],
    extraChecks: [
      {
        field: 'areaCode',
        bad: (t) => `NOT CASE ${t('areaLevel')}
          WHEN 'municipality' THEN regexp_full_match(${t('areaCode')}, '[0-9]{3}')
          WHEN 'county' THEN regexp_full_match(${t('areaCode')}, '[0-9]{2}')
          ELSE ${t('areaCode')} = 'SSS' END`,
        code: 'unknownAreaCode',
      },
      {
        field: 'value',
        bad: (t) => `${t('value')} IS NULL AND ${t('mark')} IS NULL`,
        code: 'missingValue',
      },
    ],
  },
  ...steeringKinds(),
};

/** A JSON Schema property, as far as the import's checks read it. */
export interface PropertySchema {
  type?: string;
  format?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  items?: PropertySchema;
}

/** A kind's fields and their rules, as the model's zod schema states them. */
export interface KindRules {
  properties: Record<string, PropertySchema>;
  required: string[];
}

const rulesCache = new WeakMap<KindSpec, KindRules>();

/** The kind's schema as JSON Schema, worked out once per kind. */
export const rulesOf = (spec: KindSpec): KindRules => {
  let rules = rulesCache.get(spec);
  if (!rules) {
    const json = z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' }) as Partial<KindRules>;
    rules = { properties: json.properties ?? {}, required: json.required ?? [] };
    rulesCache.set(spec, rules);
  }
  return rules;
};
