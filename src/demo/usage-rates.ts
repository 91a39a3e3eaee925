import { ageCount, groupCount, oldestAge } from './age-structure.js';
import { interpolate } from './interpolate.js';

/**
 * How residents use each service class. Levels are set so that the county records about six events
 * per resident a year, in the proportions of Finnish primary and specialised care statistics
 * (THL's Avohilmo and Hilmo): health-centre visits rise with age, clinics serve small children,
 * home care and 24-hour care are for the very old.
 *
 * - `visits`: single dated events; a user has `perUser` of them a year on average.
 * - `weekly`: a home-care client gets one row per week with the week's visits as quantity, for
 *   `perUser` weeks on average.
 * - `monthly`: a resident in housing services gets one row per month with the care days as
 *   quantity, for `perUser` months on average.
 */
export type UsagePattern = 'visits' | 'weekly' | 'monthly';

export interface UsageDefinition {
  pattern: UsagePattern;
  /** Share of residents of an age who use the service at least once a year. */
  users: readonly (readonly [number, number])[];
  /** For visits: events per resident of the age a year (the rate); per user it is rate / users. */
  rate?: readonly (readonly [number, number])[];
  /** For weekly and monthly: mean weeks or months in service a year. */
  periods?: number;
  /** Use by women relative to men of working age (15–64). */
  womenFactor?: number;
  /** Share of use lost by residents far from any unit of the class (0 = distance does not matter). */
  distanceLoss: number;
  /** Distance scale of the choice between units, km: larger means people travel past nearer units. */
  choiceKm: number;
  /** Preferred channel shares: in person, remote, digital. */
  channels: readonly [number, number, number];
  /** Euros per visit or care day in person; remote and digital contacts cost less. */
  unitCostEuros: number;
  /** Share of events that are inpatient episodes, with their cost per episode. */
  episodes?: { share: number; costEuros: number };
  /** Emergency care runs every day; the rest mostly on working days. */
  everyDay?: boolean;
}

const visits = 'visits' as const;

// biome-ignore format: the anchor tables read better one class to a block, ages in rows
export const usageDefinitions: Readonly<Record<string, UsageDefinition>> = {
  HC: {
    pattern: visits,
    rate: [[0, 2], [3, 1.2], [7, 0.9], [15, 1.3], [20, 1.7], [30, 1.9], [45, 2.1], [60, 2.7], [70, 3.5], [80, 4.5], [90, 5]],
    users: [[0, 0.6], [7, 0.4], [20, 0.5], [50, 0.6], [70, 0.8], [85, 0.9]],
    womenFactor: 1.5,
    distanceLoss: 0.25,
    choiceKm: 6,
    channels: [0.62, 0.3, 0.08],
    unitCostEuros: 95,
  },
  OH: {
    pattern: visits,
    rate: [[0, 0.2], [2, 0.6], [7, 1.1], [18, 0.7], [30, 0.7], [60, 0.9], [75, 0.7], [90, 0.3]],
    users: [[0, 0.15], [3, 0.6], [7, 0.7], [18, 0.35], [60, 0.45], [90, 0.25]],
    distanceLoss: 0.3,
    choiceKm: 8,
    channels: [0.97, 0.03, 0],
    unitCostEuros: 120,
  },
  MCC: {
    pattern: visits,
    rate: [[0, 9], [1, 4], [2, 2.2], [3, 1.6], [6, 1.1]],
    users: [[0, 1], [3, 0.9], [6, 0.85]],
    distanceLoss: 0.1,
    choiceKm: 5,
    channels: [0.9, 0.08, 0.02],
    unitCostEuros: 85,
  },
  SSH: {
    pattern: visits,
    rate: [[7, 1.4], [12, 1.5], [16, 1.6], [19, 1], [25, 0.6], [29, 0.4]],
    users: [[7, 0.75], [16, 0.7], [19, 0.35], [29, 0.2]],
    distanceLoss: 0.1,
    choiceKm: 8,
    channels: [0.8, 0.12, 0.08],
    unitCostEuros: 70,
  },
  MHS: {
    pattern: visits,
    rate: [[13, 0.3], [16, 0.6], [20, 0.7], [30, 0.55], [50, 0.35], [70, 0.15], [90, 0.1]],
    users: [[13, 0.04], [20, 0.07], [50, 0.05], [80, 0.02]],
    womenFactor: 1.3,
    distanceLoss: 0.25,
    choiceKm: 15,
    channels: [0.55, 0.35, 0.1],
    unitCostEuros: 130,
  },
  SPC: {
    pattern: visits,
    rate: [[0, 0.6], [5, 0.3], [20, 0.45], [40, 0.65], [60, 1.1], [70, 1.6], [80, 1.7], [90, 1.1]],
    users: [[0, 0.2], [5, 0.12], [20, 0.18], [50, 0.3], [70, 0.5], [85, 0.5]],
    distanceLoss: 0.2,
    choiceKm: 40,
    channels: [0.85, 0.15, 0],
    unitCostEuros: 330,
    episodes: { share: 0.1, costEuros: 6200 },
  },
  EMC: {
    pattern: visits,
    rate: [[0, 0.5], [3, 0.35], [15, 0.3], [20, 0.35], [40, 0.25], [60, 0.3], [75, 0.5], [85, 0.8], [95, 0.9]],
    users: [[0, 0.38], [3, 0.27], [15, 0.23], [20, 0.26], [40, 0.19], [60, 0.23], [75, 0.37], [85, 0.55], [95, 0.6]],
    womenFactor: 0.9,
    distanceLoss: 0.35,
    choiceKm: 25,
    channels: [1, 0, 0],
    unitCostEuros: 260,
    everyDay: true,
  },
  REH: {
    pattern: visits,
    rate: [[0, 0.12], [7, 0.1], [20, 0.15], [50, 0.3], [70, 0.45], [85, 0.5]],
    users: [[0, 0.02], [20, 0.03], [50, 0.05], [70, 0.08], [85, 0.09]],
    distanceLoss: 0.35,
    choiceKm: 10,
    channels: [0.9, 0.08, 0.02],
    unitCostEuros: 90,
  },
  HMC: {
    pattern: 'weekly',
    users: [[65, 0.01], [75, 0.04], [80, 0.09], [85, 0.18], [90, 0.3], [95, 0.4]],
    periods: 26,
    distanceLoss: 0,
    choiceKm: 8,
    channels: [0.85, 0.15, 0],
    unitCostEuros: 48,
  },
  ELD: {
    pattern: 'monthly',
    users: [[65, 0.002], [75, 0.008], [80, 0.02], [85, 0.06], [90, 0.14], [95, 0.25]],
    periods: 8,
    distanceLoss: 0,
    choiceKm: 10,
    channels: [1, 0, 0],
    unitCostEuros: 190,
  },
  DIS: {
    pattern: 'monthly',
    users: [[0, 0.001], [18, 0.004], [40, 0.005], [65, 0.003], [100, 0.002]],
    periods: 11,
    distanceLoss: 0,
    choiceKm: 30,
    channels: [1, 0, 0],
    unitCostEuros: 160,
  },
  CFS: {
    pattern: visits,
    rate: [[0, 0.3], [10, 0.35], [15, 0.6], [17, 0.5]],
    users: [[0, 0.04], [15, 0.07], [17, 0.06]],
    distanceLoss: 0.1,
    choiceKm: 15,
    channels: [0.7, 0.25, 0.05],
    unitCostEuros: 140,
  },
  ASW: {
    pattern: visits,
    rate: [[18, 0.45], [25, 0.35], [40, 0.2], [65, 0.08], [85, 0.05]],
    users: [[18, 0.07], [25, 0.06], [40, 0.04], [65, 0.02], [85, 0.01]],
    womenFactor: 0.9,
    distanceLoss: 0.15,
    choiceKm: 15,
    channels: [0.6, 0.3, 0.1],
    unitCostEuros: 95,
  },
  SAB: {
    pattern: 'monthly',
    users: [[18, 0.0005], [30, 0.002], [50, 0.002], [70, 0.0005]],
    periods: 2.5,
    womenFactor: 0.45,
    distanceLoss: 0,
    choiceKm: 60,
    channels: [1, 0, 0],
    unitCostEuros: 180,
  },
};

/** A class's use tabulated by age-sex group (men 0…100, then women), for the event loop. */
export interface UsageTable {
  /** Probability that a resident of the group uses the service in a year. */
  userShare: Float64Array;
  /** Mean visits, weeks or months per user a year. */
  perUser: Float64Array;
}

export const tabulateUsage = (definition: UsageDefinition, ageFrom: number, ageTo: number): UsageTable => {
  const userShare = new Float64Array(groupCount);
  const perUser = new Float64Array(groupCount);
  for (let sex = 0; sex < 2; sex++) {
    for (let age = 0; age <= oldestAge; age++) {
      if (age < ageFrom || age > ageTo) continue;
      const workingAge = age >= 15 && age <= 64;
      const women = definition.womenFactor ?? 1;
      // Split the factor between the sexes so that a working-age group of both keeps its level.
      const sexFactor = workingAge ? (sex === 1 ? (2 * women) / (1 + women) : 2 / (1 + women)) : 1;
      const share = Math.min(
        0.97,
        interpolate(definition.users, age) * (definition.pattern === 'visits' ? 1 : sexFactor),
      );
      const g = sex * ageCount + age;
      userShare[g] = share;
      perUser[g] =
        definition.pattern === 'visits'
          ? Math.max(1, (interpolate(definition.rate ?? [], age) * sexFactor) / Math.max(share, 1e-9))
          : (definition.periods ?? 1);
    }
  }
  return { userShare, perUser };
};
