import { z } from 'zod';
import { UnitStatus } from './network.js';

/**
 * A scenario told as the list of things a steering group would decide: one action per unit changed
 * (and one per service class shifted to remote or digital channels), each with who gains and who loses
 * access and what happens to the unit's capacity and load. Counts of 1–4 residents are withheld (null,
 * suppressed) unless the viewer is an analyst, and a withheld count shows no times beside it.
 */

/** Residents whose trip to the nearest unit of a class the action makes longer or shorter. */
export const AccessShift = z.object({
  residents: z.int().nullable(),
  aged75: z.int().nullable(),
  /** Mean change in minutes over those residents (positive: longer); null when withheld. */
  meanMinutes: z.number().nullable(),
  /** Residents the action takes beyond the limit (losers) or brings within it (gainers). */
  acrossLimit: z.int().nullable(),
  /** Residents left with no unit within the longest trip counted (losers only; 0 for gainers). */
  unreachable: z.int().nullable(),
  suppressed: z.boolean(),
});
export type AccessShift = z.infer<typeof AccessShift>;

export const MunicipalityShift = z.object({
  code: z.string(),
  /** The municipality's Finnish name, and its Swedish one where it has one; the code when unnamed. */
  name: z.string(),
  nameSv: z.string().nullable(),
  longer: z.int().nullable(),
  shorter: z.int().nullable(),
  suppressed: z.boolean(),
});
export type MunicipalityShift = z.infer<typeof MunicipalityShift>;

export const ActionEffect = z.object({
  serviceClass: z.string(),
  longer: AccessShift,
  shorter: AccessShift,
  /** The municipalities where residents gain or lose, most affected first. */
  municipalities: z.array(MunicipalityShift),
  /** The unit's in-person capacity for the class (the class's measure a year) before and after. */
  capacityBefore: z.number().nullable(),
  capacityAfter: z.number().nullable(),
  /** Load per capacity (1 = full) before and after; null without capacity. */
  utilisationBefore: z.number().nullable(),
  utilisationAfter: z.number().nullable(),
  /** The class's in-person demand in the county before and after (moves with a channel shift). */
  inPersonDemandBefore: z.number().nullable(),
  inPersonDemandAfter: z.number().nullable(),
});
export type ActionEffect = z.infer<typeof ActionEffect>;

export const ScenarioAction = z.object({
  /** The changes this action gathers, by their index in the scenario's list. */
  changeIndexes: z.array(z.int().nonnegative()),
  kinds: z.array(z.enum(['close', 'open', 'move', 'capacity', 'hours', 'shiftChannel'])),
  /** The unit changed; null for a channel shift. */
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  statusAfter: UnitStatus.nullable(),
  /** For a channel shift: the class, the channel and the share of in-person visits moved. */
  shift: z
    .object({ serviceClass: z.string(), channel: z.enum(['remote', 'digital']), share: z.number() })
    .nullable(),
  effects: z.array(ActionEffect),
});
export type ScenarioAction = z.infer<typeof ScenarioAction>;

export const ScenarioActions = z.object({
  limitMinutes: z.number(),
  /** Trips longer than this count as no access. */
  maxTravelMinutes: z.number(),
  actions: z.array(ScenarioAction),
  /**
   * Residents whose trip changed but whose change no single action explains (their nearest unit is
   * untouched by every action), by class; 0 when every change is explained.
   */
  unexplained: z.array(z.object({ serviceClass: z.string(), residents: z.int().nullable() })),
});
export type ScenarioActions = z.infer<typeof ScenarioActions>;
