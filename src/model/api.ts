import { z } from 'zod';
import { AreaLevel } from './area.js';
import { ImportKind } from './import.js';
import { ProducerKind } from './producer.js';
import { Channel } from './service-class.js';

/** Shapes the HTTP API returns. They are built from the stored records and carry WGS84 for web maps. */

export const AreaView = z.object({
  level: AreaLevel,
  code: z.string(),
  nameFi: z.string(),
  nameSv: z.string().nullable(),
  parentCode: z.string().nullable(),
  validFromYear: z.int(),
  validToYear: z.int().nullable(),
  population: z.int().nullable(),
});
export type AreaView = z.infer<typeof AreaView>;

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
});
export type UnitView = z.infer<typeof UnitView>;

export const PopulationSummaryRow = z.object({
  areaCode: z.string(),
  year: z.int(),
  ageGroup: z.string(),
  male: z.int(),
  female: z.int(),
  total: z.int(),
});
export type PopulationSummaryRow = z.infer<typeof PopulationSummaryRow>;

export const ImportView = z.object({
  importId: z.int(),
  kind: ImportKind,
  source: z.string(),
  sourceFile: z.string(),
  format: z.string(),
  rowsRead: z.int(),
  rowsAccepted: z.int(),
  rowsRejected: z.int(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type ImportView = z.infer<typeof ImportView>;

export const StoreStatus = z.object({
  counts: z.record(z.string(), z.int()),
  years: z.object({ population: z.array(z.int()), events: z.array(z.int()), costs: z.array(z.int()) }),
  imports: z.array(ImportView),
});
export type StoreStatus = z.infer<typeof StoreStatus>;
