import { z } from 'zod';
import { Code, IsoDate } from './common.js';

export const InspectionKind = z.enum(['planned', 'reactive', 'selfMonitoringReview']);
export type InspectionKind = z.infer<typeof InspectionKind>;

/** A supervision event (valvontakäynti or other) at a producer, possibly at one of its units. */
export const Inspection = z.object({
  inspectionId: Code,
  producerCode: Code,
  unitCode: Code.optional(),
  inspectionDate: IsoDate,
  kind: InspectionKind,
});
export type Inspection = z.infer<typeof Inspection>;

export const FindingSeverity = z.enum(['minor', 'significant', 'serious']);
export type FindingSeverity = z.infer<typeof FindingSeverity>;

export const ActionState = z.enum(['open', 'done']);
export type ActionState = z.infer<typeof ActionState>;

/** A finding of an inspection with the corrective action it requires, its deadline and state. */
export const SupervisionFinding = z.object({
  findingId: Code,
  inspectionId: Code,
  severity: FindingSeverity,
  description: z.string().trim().min(1).max(500),
  actionDeadline: IsoDate,
  actionState: ActionState,
  actionDoneOn: IsoDate.optional(),
});
export type SupervisionFinding = z.infer<typeof SupervisionFinding>;

export const ComplaintKind = z.enum(['objection', 'complaint']);
export type ComplaintKind = z.infer<typeof ComplaintKind>;

/** A quarter, `2025-Q3`. */
export const YearQuarter = z.string().regex(/^(19|20|21)\d\d-Q[1-4]$/, 'quarter must look like 2025-Q3');

/** How many objections (muistutukset) or complaints (kantelut) a producer drew in a quarter. */
export const ComplaintCount = z.object({
  producerCode: Code,
  quarter: YearQuarter,
  kind: ComplaintKind,
  count: z.int().min(0).max(1_000_000),
});
export type ComplaintCount = z.infer<typeof ComplaintCount>;
