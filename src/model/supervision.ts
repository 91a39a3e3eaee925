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

/** A corrective action is open until the producer starts on it, in progress, then done on a date. */
export const ActionState = z.enum(['open', 'inProgress', 'done']);
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

const Note = z.string().trim().max(500);

/**
 * A finding as it stands with its inspection: imported, created in the app, or edited there. An imported
 * finding never edited is version 1; every save of its action's state is a new version.
 */
export const FindingView = z.object({
  findingId: Code,
  inspectionId: Code,
  inspectionDate: IsoDate,
  producerCode: Code,
  unitCode: Code.nullable(),
  severity: FindingSeverity,
  description: z.string(),
  actionDeadline: IsoDate,
  actionState: ActionState,
  actionDoneOn: IsoDate.nullable(),
  actionNote: z.string().nullable(),
  version: z.int().min(1),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type FindingView = z.infer<typeof FindingView>;
export const FindingList = z.array(FindingView);
export const FindingHistory = z.array(FindingView).describe('Every version of a finding, newest first.');

/**
 * A new state of a finding's corrective action, naming the version edited; done needs its date. The
 * finding's text, severity and deadline change with it when given, and stay as they were when not.
 */
export const FindingUpdate = z
  .strictObject({
    version: z.int().min(1).describe('The version the edit started from; a newer one answers 409.'),
    actionState: ActionState,
    actionDoneOn: IsoDate.nullable().optional(),
    actionNote: Note.nullable().optional(),
    severity: FindingSeverity.optional(),
    description: z.string().trim().min(1).max(500).optional(),
    actionDeadline: IsoDate.optional(),
  })
  .refine((u) => (u.actionState === 'done') === (u.actionDoneOn != null), {
    message: 'a done action needs the date it was done, and only a done one has it',
    path: ['actionDoneOn'],
  });
export type FindingUpdate = z.infer<typeof FindingUpdate>;

/** A new supervision event with its findings; each finding's corrective action starts open. */
export const InspectionCreate = z.strictObject({
  inspectionId: Code,
  producerCode: Code,
  unitCode: Code.nullable().optional(),
  inspectionDate: IsoDate,
  kind: InspectionKind,
  findings: z
    .array(
      z.strictObject({
        findingId: Code,
        severity: FindingSeverity,
        description: z.string().trim().min(1).max(500),
        actionDeadline: IsoDate,
      }),
    )
    .max(50),
});
export type InspectionCreate = z.infer<typeof InspectionCreate>;

/**
 * An inspection as it stands: imported or entered (version 1 until edited), or edited in the app. Its
 * findings carry its date and unit as they stand.
 */
export const InspectionView = z.object({
  inspectionId: Code,
  producerCode: Code,
  unitCode: Code.nullable(),
  inspectionDate: IsoDate,
  kind: InspectionKind,
  version: z.int().min(1),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type InspectionView = z.infer<typeof InspectionView>;
export const InspectionList = z.array(InspectionView);
export const InspectionHistory = z
  .array(InspectionView)
  .describe('Every version of an inspection, newest first.');

/** An inspection's details as corrected, naming the version edited; it stays with its producer. */
export const InspectionUpdate = z.strictObject({
  version: z.int().min(1).describe('The version the edit started from; a newer one answers 409.'),
  inspectionDate: IsoDate,
  kind: InspectionKind,
  unitCode: Code.nullable().optional(),
});
export type InspectionUpdate = z.infer<typeof InspectionUpdate>;
