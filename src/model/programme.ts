import { z } from 'zod';
import { IsoDate } from './common.js';
import { LocalText } from './indicator.js';
import { TargetPeriod, TargetScope } from './target.js';

/** A project's key as the programme office numbers it ("H1", "P-03"): stable across imports and edits. */
export const ProjectCode = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,31}$/u, 'letters, digits, . _ - (at most 32)');
export type ProjectCode = z.infer<typeof ProjectCode>;

export const ProjectPhase = z.enum(['preparation', 'planning', 'implementation', 'closing', 'closed']);
export type ProjectPhase = z.infer<typeof ProjectPhase>;

/** The steering group's traffic light of a status report. */
export const RagStatus = z.enum(['red', 'amber', 'green']);
export type RagStatus = z.infer<typeof RagStatus>;

/** Where a project's money comes from: the state's reform funding (RRP/TUKE), the county's own, the EU. */
export const FundingSource = z.enum(['stateReformFunding', 'county', 'eu', 'other']);
export type FundingSource = z.infer<typeof FundingSource>;

const Text = (max: number) => z.string().trim().max(max);

export const FundingLine = z.strictObject({
  source: FundingSource,
  budgetEuros: z.number().finite().min(0),
  spentEuros: z.number().finite().min(0).default(0),
});
export type FundingLine = z.infer<typeof FundingLine>;

export const Milestone = z.strictObject({
  title: Text(300).min(1),
  due: IsoDate,
  /** The day it was reached; null while open. */
  done: IsoDate.nullable().default(null),
});
export type Milestone = z.infer<typeof Milestone>;

/** Likelihood and impact on the usual 1–5 scales; the risk's score is their product (1–25). */
export const RiskLevel = z.int().min(1).max(5);

export const ProjectRisk = z.strictObject({
  title: Text(300).min(1),
  likelihood: RiskLevel,
  impact: RiskLevel,
  mitigation: Text(2000).default(''),
  owner: Text(200).default(''),
});
export type ProjectRisk = z.infer<typeof ProjectRisk>;

export const StatusReport = z.strictObject({
  date: IsoDate,
  status: RagStatus,
  text: Text(4000).default(''),
});
export type StatusReport = z.infer<typeof StatusReport>;

/**
 * What a project is meant to move: an indicator for a scope, from its value in the baseline period to the
 * expected value by a period ("home-care clients aged 75+ from 14.7 % to 15.5 % by 2027"). It may name
 * the target (state.targets) it serves.
 */
export const ExpectedEffect = z.strictObject({
  indicatorId: z.string().trim().min(1).max(100),
  scope: TargetScope.default({ level: 'county', code: null }),
  baselinePeriod: TargetPeriod,
  baselineValue: z.number().finite(),
  expectedValue: z.number().finite(),
  expectedBy: TargetPeriod,
  targetId: z.int().positive().nullable().default(null),
});
export type ExpectedEffect = z.infer<typeof ExpectedEffect>;

/** Planned and used staff time, in person-months. */
export const StaffTime = z.strictObject({
  plannedPersonMonths: z.number().finite().min(0).default(0),
  usedPersonMonths: z.number().finite().min(0).default(0),
});
export type StaffTime = z.infer<typeof StaffTime>;

const projectFields = z.strictObject({
  code: ProjectCode,
  name: Text(300).min(1),
  /** Shipped example projects carry their name in each language. */
  names: LocalText.optional(),
  goal: Text(4000).default(''),
  owner: Text(200).default(''),
  phase: ProjectPhase,
  start: IsoDate,
  end: IsoDate,
  funding: z.array(FundingLine).max(10).default([]),
  staff: StaffTime.default({ plannedPersonMonths: 0, usedPersonMonths: 0 }),
  milestones: z.array(Milestone).max(100).default([]),
  risks: z.array(ProjectRisk).max(100).default([]),
  /** Codes of the projects this one waits for. */
  dependsOn: z.array(ProjectCode).max(50).default([]),
  statusReports: z.array(StatusReport).max(200).default([]),
  effects: z.array(ExpectedEffect).max(20).default([]),
});

/** A reform project as a client sends it. */
export const ProjectInput = projectFields
  .refine((p) => p.start <= p.end, { message: 'the project ends before it starts', path: ['end'] })
  .refine((p) => !p.dependsOn.includes(p.code), {
    message: 'a project cannot depend on itself',
    path: ['dependsOn'],
  });
export type ProjectInput = z.input<typeof ProjectInput>;
export type ProjectFields = z.infer<typeof ProjectInput>;

/** An edit names the version it was made on; an edit of an older version is refused (409), not merged. */
export const ProjectUpdate = z.strictObject({ version: z.int().positive(), project: ProjectInput });
export type ProjectUpdate = z.input<typeof ProjectUpdate>;

/** A stored project: its fields as last saved, its version and who saved it when. */
export const Project = projectFields.extend({
  version: z.int().positive(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type Project = z.infer<typeof Project>;
export const ProjectList = z.array(Project);

/**
 * Where an indicator stands against the straight line from its baseline to the expected value by the
 * expected date, read at the latest period's end: onCourse when the value is on or beyond the line,
 * uncertain when it is behind it but its interval reaches the line, offCourse when the whole interval is
 * behind, unknown without a value after the baseline (not yet measured, or withheld).
 */
export const CourseStatus = z.enum(['onCourse', 'uncertain', 'offCourse', 'unknown']);
export type CourseStatus = z.infer<typeof CourseStatus>;

export const EffectPoint = z.object({
  period: z.string(),
  periodEnd: IsoDate,
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  suppressed: z.boolean(),
  /** The straight line's value at the period's end. */
  expected: z.number(),
});
export type EffectPoint = z.infer<typeof EffectPoint>;

export const EffectView = ExpectedEffect.extend({
  title: LocalText.nullable(),
  unit: LocalText.nullable(),
  decimals: z.int().nullable(),
  status: CourseStatus,
  /** The latest point the status was read at, or null. */
  latest: EffectPoint.nullable(),
  series: z.array(EffectPoint),
  note: z.string().nullable(),
});
export type EffectView = z.infer<typeof EffectView>;

export const ProjectView = Project.extend({
  /** The worst of the effects' statuses that are known; unknown when none is. */
  course: CourseStatus,
  effectViews: z.array(EffectView),
  overdueMilestones: z.int().min(0),
  latestStatus: StatusReport.nullable(),
  budgetEuros: z.number(),
  spentEuros: z.number(),
  /** The highest likelihood × impact among its risks, 0 without risks. */
  topRiskScore: z.int().min(0).max(25),
});
export type ProjectView = z.infer<typeof ProjectView>;

export const ProgrammeView = z.object({
  /** The day milestones are judged overdue against (ISO date). */
  asOf: IsoDate,
  projects: z.array(ProjectView),
  counts: z.record(CourseStatus, z.int()),
});
export type ProgrammeView = z.infer<typeof ProgrammeView>;

/** What an XLSX import of the programme office's workbook did: rows in = accepted + rejected. */
export const ProgrammeImportReject = z.object({
  sheet: z.enum(['projects', 'milestones', 'risks']),
  line: z.int().positive(),
  reason: z.string(),
});
export type ProgrammeImportReject = z.infer<typeof ProgrammeImportReject>;

export const ProgrammeImportSummary = z.object({
  rowsRead: z.int().min(0),
  accepted: z.int().min(0),
  rejected: z.array(ProgrammeImportReject),
  projectsSaved: z.array(ProjectCode),
});
export type ProgrammeImportSummary = z.infer<typeof ProgrammeImportSummary>;

export const ProjectVersionList = z.array(
  z.object({ version: z.int().positive(), savedAt: z.string(), savedBy: z.string().nullable() }),
);
export type ProjectVersionList = z.infer<typeof ProjectVersionList>;

export const ProjectDeleted = z.object({ code: ProjectCode, deleted: z.literal(true) });
