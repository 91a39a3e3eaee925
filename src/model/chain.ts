import { z } from 'zod';
import { Code } from './common.js';
import { EventKind } from './service-class.js';

/** A chain's id: lower-case words joined by hyphens, used in URLs, file names and the CLI. */
export const ChainId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(64);

/** Which events count as a step: any of the service classes and kinds, optionally only at some units or producers. */
export const ChainEventMatch = z.object({
  serviceClasses: z.array(Code).min(1),
  kinds: z.array(EventKind).min(1),
  units: z.array(Code).min(1).optional(),
  producers: z.array(Code).min(1).optional(),
});
export type ChainEventMatch = z.infer<typeof ChainEventMatch>;

export const ChainStep = ChainEventMatch.extend({
  code: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(32),
  nameFi: z.string().min(1).max(120),
  nameSv: z.string().min(1).max(120),
  nameEn: z.string().min(1).max(120),
  /** The longest allowed time from this step to the next, in days; absent on the last step. */
  maxDaysToNext: z.int().min(0).max(3650).optional(),
});
export type ChainStep = z.infer<typeof ChainStep>;

/**
 * Who enters: a first-step event with no other first-step event of the same client within the washout
 * before it (so one fracture is one entry, not one per emergency visit), optionally only at some ages.
 */
export const ChainEntryRule = z.object({
  washoutDays: z.int().min(0).max(3650),
  ageFrom: z.int().min(0).max(100).default(0),
  ageTo: z.int().min(0).max(100).default(100),
});
export type ChainEntryRule = z.infer<typeof ChainEntryRule>;

/** When the chain is over: every step must fall within this many days of entry. */
export const ChainEndRule = z.object({
  withinDaysOfEntry: z.int().min(0).max(3650),
});
export type ChainEndRule = z.infer<typeof ChainEndRule>;

/** A return: an event of these kinds within the days after the client's last step (a readmission). */
export const ChainReturnRule = ChainEventMatch.extend({
  withinDays: z.int().min(1).max(365).default(30),
});
export type ChainReturnRule = z.infer<typeof ChainReturnRule>;

/** A service chain (palveluketju) as data: ordered steps with the time allowed between them. */
export const ChainDefinition = z
  .object({
    id: ChainId,
    nameFi: z.string().min(1).max(160),
    nameSv: z.string().min(1).max(160),
    nameEn: z.string().min(1).max(160),
    steps: z.array(ChainStep).min(2).max(8),
    entry: ChainEntryRule,
    end: ChainEndRule,
    returns: ChainReturnRule,
  })
  .superRefine((chain, ctx) => {
    chain.steps.forEach((step, i) => {
      const last = i === chain.steps.length - 1;
      if (!last && step.maxDaysToNext === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'maxDaysToNext'],
          message: 'required before the last step',
        });
      if (last && step.maxDaysToNext !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'maxDaysToNext'],
          message: 'the last step has no next',
        });
    });
    const codes = chain.steps.map((s) => s.code);
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({ code: 'custom', path: ['steps'], message: 'step codes must differ' });
    if (chain.entry.ageFrom > chain.entry.ageTo)
      ctx.addIssue({ code: 'custom', path: ['entry'], message: 'ageFrom after ageTo' });
  });
export type ChainDefinition = z.infer<typeof ChainDefinition>;

/** A stored definition with its version (1 for a shipped one never edited). */
export const StoredChain = z.object({
  definition: ChainDefinition,
  version: z.int().positive(),
  shipped: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type StoredChain = z.infer<typeof StoredChain>;

export const ChainBreakdown = z.enum(['municipality', 'ageBand', 'sex', 'producer']);
export type ChainBreakdown = z.infer<typeof ChainBreakdown>;

export const ChainQuery = z.object({
  period: z.coerce.number().int().min(1900).max(2100),
  by: ChainBreakdown.optional(),
});
export type ChainQuery = z.infer<typeof ChainQuery>;

/** A count after disclosure control: null with `suppressed` when withheld. */
export const ChainCount = z.object({ value: z.number().nullable(), suppressed: z.boolean() });
export type ChainCount = z.infer<typeof ChainCount>;

/** A duration statistic in days with its 95 % distribution-free interval; null when withheld or empty. */
export const ChainDays = z.object({
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});
export type ChainDays = z.infer<typeof ChainDays>;

export const ChainStepFigures = z.object({
  step: z.string(),
  reached: ChainCount,
  /** Reached as a share of those entering; null when either count is withheld. */
  share: z.number().nullable(),
  /** Reached this step but not the next (for the last step: completed the chain). */
  left: ChainCount,
  /** From this step to the next, for those who reached the next; absent on the last step. */
  daysToNext: z.object({ median: ChainDays, p90: ChainDays }).optional(),
  /** Of those reaching the next step, how many did so at another producer. */
  handoversToNext: ChainCount.optional(),
});
export type ChainStepFigures = z.infer<typeof ChainStepFigures>;

export const ChainGroupFigures = z.object({
  /** The breakdown's category, or "*" for all. */
  category: z.string(),
  entered: ChainCount,
  steps: z.array(ChainStepFigures),
  /** Returns within the return rule's days after the last step. */
  returns: ChainCount,
  /** Median days from entry to the last step, over those who reached it. */
  daysToEnd: ChainDays,
  costPerClient: z.number().nullable(),
});
export type ChainGroupFigures = z.infer<typeof ChainGroupFigures>;

export const ChainResult = z.object({
  chainId: ChainId,
  version: z.int().positive(),
  period: z.int(),
  by: ChainBreakdown.nullable(),
  suppressed: z.boolean(),
  total: ChainGroupFigures,
  groups: z.array(ChainGroupFigures),
  /** The producers seen at each step, by clients reaching the step there (for the producers' view). */
  producersByStep: z.array(
    z.object({
      step: z.string(),
      producers: z.array(z.object({ producerCode: z.string(), clients: ChainCount })),
    }),
  ),
});
export type ChainResult = z.infer<typeof ChainResult>;

export const ChainList = z.array(StoredChain);
export type ChainList = z.infer<typeof ChainList>;

/** An edit: the whole definition and the version it was made from (0 for a new chain). */
export const ChainUpdate = z.object({ version: z.int().min(0), definition: ChainDefinition });
export type ChainUpdate = z.infer<typeof ChainUpdate>;

/**
 * A new chain: its whole definition, saved as version 1 under an id no chain in force has; `copiedFrom`
 * names the chain it was copied from, for the audit log (absent when it was written from scratch).
 */
export const ChainCreate = z.object({ definition: ChainDefinition, copiedFrom: ChainId.optional() });
export type ChainCreate = z.infer<typeof ChainCreate>;

/** One version of a chain: when and by whom it was saved (null for the shipped version 1). */
export const ChainVersion = z.object({
  version: z.int().positive(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
});
export type ChainVersion = z.infer<typeof ChainVersion>;

/** Every version of a chain, newest first. */
export const ChainVersionList = z.array(ChainVersion);
export type ChainVersionList = z.infer<typeof ChainVersionList>;
