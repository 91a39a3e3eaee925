import { ageCount, groupCount, oldestAge, sexCount } from './age-structure.js';
import { type YearCalendar, yearCalendar } from './calendar.js';
import { clientKey, clientNumber } from './client-key.js';
import type { GridPopulation } from './grid-allocation.js';
import { interpolate } from './interpolate.js';
import { Random } from './random.js';

/**
 * Clients whose events follow a service chain: a hip fracture from emergency care through the ward and
 * rehabilitation to home care or a care home, an older person's path from home care to 24-hour care, a
 * mental-health referral, a child-welfare notification and its assessment, a detoxification and its
 * follow-up. Each path is planned whole from a stream of its entry year and cell, and each year writes the
 * events of it that fall in that year, so a path begun in December goes on in January's file.
 *
 * The steps take realistic delays, most within the shipped chains' limits and some beyond them; at each
 * step some clients go no further; steps move between the county's own units and purchased producers;
 * and a share come back to emergency care (or detoxification) within a month.
 */

/** Event kinds as the generator numbers them (events.ts: visit, episode, care day). */
const visitKind = 0;
const episodeKind = 1;
const careDayKind = 2;

/** The classes the paths use, by code; an index into the year's classes (−1 when the catalogue lacks it). */
const pathClassCodes = ['EMC', 'SPC', 'REH', 'HMC', 'ELD', 'HC', 'MHS', 'CFS', 'SAB', 'ASW'] as const;
type PathClass = (typeof pathClassCodes)[number];
const EMC = 0;
const SPC = 1;
const REH = 2;
const HMC = 3;
const ELD = 4;
const HC = 5;
const MHS = 6;
const CFS = 7;
const SAB = 8;
const ASW = 9;

/** Euros per event (episodes, care days and home-care visits as priced in the usage rates). */
const euros: Record<PathClass, number> = {
  EMC: 260,
  SPC: 6200,
  REH: 90,
  HMC: 48,
  ELD: 190,
  HC: 95,
  MHS: 130,
  CFS: 140,
  SAB: 180,
  ASW: 95,
};

/** One entry year whose paths may write events into the year being generated. */
export interface PathEntryYear {
  year: number;
  grid: GridPopulation;
  calendar: YearCalendar;
  /** Days from 1 January of the entry year to 1 January of the year being generated. */
  offset: number;
  /** Weekday (0 = Sunday) of 1 January of the entry year. */
  firstWeekday: number;
}

export interface ChainPathYear {
  year: number;
  days: number;
  entries: PathEntryYear[];
  /** Path class → index into the year's classes, or −1. */
  classIndex: number[];
  /** For each path class: the year's units of purchased producers offering it. */
  purchasedUnits: number[][];
}

const dayMs = 86_400_000;
const utcDay = (year: number, month = 0, day = 1) => Date.UTC(year, month, day) / dayMs;

export const chainPathYear = ({
  year,
  grids,
  classCodes,
  purchasedUnitsOf,
}: {
  year: number;
  /** The grid of this year and, when the county goes back that far, of the year before. */
  grids: { previous: GridPopulation | undefined; current: GridPopulation };
  classCodes: readonly string[];
  purchasedUnitsOf: (classCode: string) => number[];
}): ChainPathYear => {
  const entry = (y: number, grid: GridPopulation): PathEntryYear => ({
    year: y,
    grid,
    calendar: yearCalendar(y),
    offset: utcDay(year) - utcDay(y),
    firstWeekday: new Date(Date.UTC(y, 0, 1)).getUTCDay(),
  });
  return {
    year,
    days: utcDay(year + 1) - utcDay(year),
    entries: [...(grids.previous ? [entry(year - 1, grids.previous)] : []), entry(year, grids.current)],
    classIndex: pathClassCodes.map((code) => classCodes.indexOf(code)),
    purchasedUnits: pathClassCodes.map((code) => purchasedUnitsOf(code)),
  };
};

/** A planned path: its events in time order, days counted from 1 January of the entry year. */
class Plan {
  size = 0;
  readonly day = new Int32Array(64);
  readonly cls = new Uint8Array(64);
  readonly kind = new Uint8Array(64);
  readonly quantity = new Uint16Array(64);
  /** The draw that picks the unit: one per step, so a step's visits stay at one unit. */
  readonly unitDraw = new Float64Array(64);
  readonly purchased = new Uint8Array(64);
  readonly costNoise = new Float64Array(64);

  add(
    random: Random,
    e: { day: number; cls: number; kind: number; quantity?: number; unitDraw: number; purchased?: boolean },
  ): void {
    if (this.size >= this.day.length) return;
    const i = this.size++;
    this.day[i] = e.day;
    this.cls[i] = e.cls;
    this.kind[i] = e.kind;
    this.quantity[i] = e.quantity ?? 1;
    this.unitDraw[i] = e.unitDraw;
    this.purchased[i] = e.purchased ? 1 : 0;
    this.costNoise[i] = random.between(0.85, 1.15);
  }
}

/** Where and when a path is drawn: its entry year and its random stream. */
interface PathDraw {
  random: Random;
  entry: PathEntryYear;
  plan: Plan;
}

const mondayOnOrAfter = (entry: PathEntryYear, day: number): number =>
  day + ((8 - ((entry.firstWeekday + day) % 7)) % 7);

/** Days from 1 January of the entry year to the first day of its month `month` (may run past 11). */
const monthStart = (entry: PathEntryYear, month: number): number =>
  utcDay(entry.year, month) - utcDay(entry.year);

/** Home care: one row a week (on Mondays) from `from` for `weeks` weeks or until `until`. */
const homeCareWeeks = (
  d: PathDraw,
  { from, weeks, until }: { from: number; weeks: number; until: number },
) => {
  const unitDraw = d.random.next();
  const intensity = d.random.between(2, 12);
  for (let w = 0, day = mondayOnOrAfter(d.entry, from); w < weeks && day < until; w++, day += 7) {
    d.plan.add(d.random, {
      day,
      cls: HMC,
      kind: visitKind,
      quantity: Math.max(1, Math.round(intensity * d.random.between(0.7, 1.3))),
      unitDraw,
    });
  }
};

/** 24-hour care: a row from the day of admission to its month's end, then one a month. */
const careHomeMonths = (d: PathDraw, { from, months }: { from: number; months: number }) => {
  const unitDraw = d.random.next();
  const purchased = d.random.chance(0.4);
  const firstMonth = new Date((utcDay(d.entry.year) + from) * dayMs).getUTCMonth() + 12 * yearsAfter(d, from);
  for (let m = 0; m < months; m++) {
    const start = m === 0 ? from : monthStart(d.entry, firstMonth + m);
    const end = monthStart(d.entry, firstMonth + m + 1);
    d.plan.add(d.random, {
      day: start,
      cls: ELD,
      kind: careDayKind,
      quantity: end - start,
      unitDraw,
      purchased,
    });
  }
};

const yearsAfter = (d: PathDraw, day: number): number =>
  new Date((utcDay(d.entry.year) + day) * dayMs).getUTCFullYear() - d.entry.year;

/** A delay in days: usually `usual`, with the chance `late` of one from `overdue` instead. */
const delay = (random: Random, usual: [number, number], late = 0, overdue: [number, number] = usual) => {
  const [low, high] = random.chance(late) ? overdue : usual;
  return low + random.int(high - low + 1);
};

/** Emergency care → ward → rehabilitation → home care or a care home, within about three months. */
const hipFracture = (d: PathDraw, start: number) => {
  const { random, plan } = d;
  plan.add(random, { day: start, cls: EMC, kind: visitKind, unitDraw: random.next() });
  let last = start;
  if (random.chance(0.93)) {
    const ward = start + delay(random, [0, 1], 0.04, [3, 5]);
    plan.add(random, { day: ward, cls: SPC, kind: episodeKind, unitDraw: random.next() });
    last = ward;
    // Some die in hospital or after (about one in ten within a month of a hip fracture).
    if (random.chance(0.86)) {
      const stay = delay(random, [4, 12]);
      const rehab = ward + stay + delay(random, [0, 6], 0.08, [12, 25]);
      const inpatientRehab = random.chance(0.45);
      const unitDraw = random.next();
      const purchased = random.chance(0.4);
      const visits = inpatientRehab ? 1 : 3 + random.int(6);
      for (let v = 0, day = rehab; v < visits; v++, day += 3 + random.int(8)) {
        plan.add(random, {
          day,
          cls: REH,
          kind: inpatientRehab ? episodeKind : visitKind,
          unitDraw,
          purchased,
        });
      }
      last = rehab;
      if (random.chance(0.8)) {
        const after = rehab + delay(random, [7, 50], 0.07, [62, 80]);
        if (random.chance(0.68))
          homeCareWeeks(d, { from: after, weeks: 8 + random.int(33), until: Infinity });
        else careHomeMonths(d, { from: after, months: 2 + random.int(7) });
        last = after;
      }
    } else if (random.chance(0.3)) {
      careHomeMonths(d, { from: ward + delay(random, [6, 20]), months: 1 + random.int(4) });
    }
  }
  if (random.chance(0.14))
    plan.add(random, {
      day: last + delay(random, [2, 40]),
      cls: EMC,
      kind: visitKind,
      unitDraw: random.next(),
    });
};

/** Home care begins; an emergency visit within the year; then, for some, a move to 24-hour care. */
const homeCareToCareHome = (d: PathDraw, start: number) => {
  const { random, plan } = d;
  const weeks = 20 + random.int(60);
  if (!random.chance(0.55)) {
    homeCareWeeks(d, { from: start, weeks, until: Infinity });
    return;
  }
  const emergency = start + delay(random, [14, 330], 0.06, [380, 440]);
  if (!random.chance(0.6)) {
    homeCareWeeks(d, { from: start, weeks, until: Infinity });
    plan.add(random, { day: emergency, cls: EMC, kind: visitKind, unitDraw: random.next() });
    return;
  }
  const move = emergency + delay(random, [3, 170], 0.08, [190, 260]);
  homeCareWeeks(d, { from: start, weeks: 200, until: move });
  plan.add(random, { day: emergency, cls: EMC, kind: visitKind, unitDraw: random.next() });
  if (random.chance(0.35))
    plan.add(random, { day: emergency, cls: SPC, kind: episodeKind, unitDraw: random.next() });
  careHomeMonths(d, { from: move, months: 2 + random.int(10) });
  if (random.chance(0.15))
    plan.add(random, {
      day: move + delay(random, [3, 45]),
      cls: EMC,
      kind: visitKind,
      unitDraw: random.next(),
    });
};

/** A health-centre visit, primary mental-health care, and for some a referral to specialised care. */
const mentalHealthReferral = (d: PathDraw, start: number) => {
  const { random, plan } = d;
  plan.add(random, { day: start, cls: HC, kind: visitKind, unitDraw: random.next() });
  if (!random.chance(0.72)) return;
  const first = start + delay(random, [2, 28], 0.1, [33, 60]);
  const unitDraw = random.next();
  const visits = 2 + random.int(6);
  for (let v = 0, day = first; v < visits; v++, day += 7 + random.int(15)) {
    plan.add(random, { day, cls: MHS, kind: visitKind, unitDraw });
  }
  if (random.chance(0.3)) {
    plan.add(random, {
      day: first + delay(random, [14, 85], 0.12, [95, 140]),
      cls: SPC,
      kind: visitKind,
      unitDraw: random.next(),
    });
  }
  if (random.chance(0.05))
    plan.add(random, {
      day: first + delay(random, [5, 60]),
      cls: EMC,
      kind: visitKind,
      unitDraw: random.next(),
    });
};

/** A notification, the assessment begun within seven days (mostly) and completed within three months. */
const childWelfare = (d: PathDraw, start: number) => {
  const { random, plan } = d;
  const unitDraw = random.next();
  plan.add(random, { day: start, cls: CFS, kind: visitKind, unitDraw });
  if (!random.chance(0.84)) return;
  const begun = start + delay(random, [1, 7], 0.15, [8, 16]);
  plan.add(random, { day: begun, cls: CFS, kind: visitKind, unitDraw });
  if (!random.chance(0.9)) return;
  const done = begun + delay(random, [20, 88], 0.14, [92, 130]);
  plan.add(random, { day: done, cls: CFS, kind: visitKind, unitDraw });
  if (random.chance(0.2))
    plan.add(random, { day: done + delay(random, [5, 30]), cls: CFS, kind: visitKind, unitDraw });
};

/** A detoxification stay, an outpatient follow-up within two weeks, adult social work after. */
const detoxification = (d: PathDraw, start: number) => {
  const { random, plan } = d;
  const stay = 4 + random.int(7);
  const unitDraw = random.next();
  plan.add(random, { day: start, cls: SAB, kind: careDayKind, quantity: stay, unitDraw });
  let last = start;
  if (random.chance(0.65)) {
    const followUp = start + stay + delay(random, [1, 8], 0.15, [16, 30]);
    plan.add(random, { day: followUp, cls: MHS, kind: visitKind, unitDraw: random.next() });
    last = followUp;
    if (random.chance(0.55)) {
      const social = followUp + delay(random, [3, 55], 0.1, [62, 90]);
      plan.add(random, { day: social, cls: ASW, kind: visitKind, unitDraw: random.next() });
      last = social;
    }
  }
  if (random.chance(0.15)) {
    plan.add(random, {
      day: last + delay(random, [3, 28]),
      cls: SAB,
      kind: careDayKind,
      quantity: 3 + random.int(6),
      unitDraw,
    });
  }
};

interface PathKind {
  /** Yearly entries per resident by age, men then women. */
  rate: Float64Array;
  /** The entry day's weights: emergency care comes every day, the rest mostly on working days. */
  everyDay: boolean;
  plan: (d: PathDraw, start: number) => void;
}

const rates = (
  anchors: readonly (readonly [number, number])[],
  { from, to, women = 1 }: { from: number; to: number; women?: number },
): Float64Array => {
  const table = new Float64Array(groupCount);
  for (let sex = 0; sex < sexCount; sex++)
    for (let age = from; age <= to; age++)
      table[sex * ageCount + age] =
        interpolate(anchors, age) * (sex === 1 ? (2 * women) / (1 + women) : 2 / (1 + women));
  return table;
};

// biome-ignore format: the anchor tables read better one path to a line
const pathKinds: readonly PathKind[] = [
  // Hip fractures: about 7 000 a year in Finland, steeply rising with age, two in three women.
  { rate: rates([[65, 0.0015], [75, 0.005], [85, 0.016], [95, 0.03]], { from: 65, to: oldestAge, women: 2 }), everyDay: true, plan: hipFracture },
  { rate: rates([[75, 0.012], [85, 0.035], [95, 0.05]], { from: 75, to: oldestAge }), everyDay: false, plan: homeCareToCareHome },
  { rate: rates([[13, 0.006], [16, 0.012], [25, 0.012], [40, 0.009], [60, 0.005], [80, 0.002]], { from: 13, to: 85, women: 1.4 }), everyDay: false, plan: mentalHealthReferral },
  // Child-welfare notifications concern about 4 % of children a year; the oldest are left to the next class.
  { rate: rates([[0, 0.025], [7, 0.03], [12, 0.04], [15, 0.045]], { from: 0, to: 16 }), everyDay: false, plan: childWelfare },
  { rate: rates([[18, 0.001], [25, 0.003], [40, 0.004], [55, 0.003], [70, 0.001]], { from: 18, to: 75, women: 0.4 }), everyDay: false, plan: detoxification },
];

/** The cell's events of the paths that reach into this year (`write` gets each, with its age and class). */
export const emitChainPaths = (
  seed: number,
  paths: ChainPathYear,
  {
    slot,
    cell,
    write,
  }: {
    slot: number;
    cell: number;
    write: (event: PathEvent) => void;
  },
): void => {
  const plan = new Plan();
  const event: PathEvent = {
    day: 0,
    age: 0,
    sex: 0,
    classIndex: 0,
    pathClass: 0,
    kind: 0,
    quantity: 1,
    unitDraw: 0,
    purchased: false,
    costEuros: 0,
    clientKey: '',
  };
  for (const entry of paths.entries) {
    const random = Random.of(seed, 7001, entry.year, cell);
    const draw: PathDraw = { random, entry, plan };
    for (let group = 0; group < groupCount; group++) {
      const residents = entry.grid.counts[slot * groupCount + group] ?? 0;
      if (residents === 0) continue;
      const sex = group < ageCount ? 0 : 1;
      const age = group - sex * ageCount;
      for (const kind of pathKinds) {
        const entrants = random.binomial(residents, kind.rate[group] ?? 0);
        for (let n = 0; n < entrants; n++) {
          const key = clientKey(seed, clientNumber(cell, entry.year - age, sex, random.int(residents)));
          const table = kind.everyDay ? entry.calendar.everyDayTable : entry.calendar.workingDayTable;
          const start = table[Math.floor(random.next() * table.length)] ?? 0;
          plan.size = 0;
          kind.plan(draw, start);
          for (let i = 0; i < plan.size; i++) {
            const day = (plan.day[i] ?? 0) - entry.offset;
            if (day < 0 || day >= paths.days) continue;
            const pathClass = plan.cls[i] ?? 0;
            const classIndex = paths.classIndex[pathClass] ?? -1;
            if (classIndex < 0) continue;
            event.day = day;
            event.age = Math.min(oldestAge, paths.year - (entry.year - age));
            event.sex = sex;
            event.classIndex = classIndex;
            event.pathClass = pathClass;
            event.kind = plan.kind[i] ?? visitKind;
            event.quantity = plan.quantity[i] ?? 1;
            event.unitDraw = plan.unitDraw[i] ?? 0;
            event.purchased = plan.purchased[i] === 1;
            event.costEuros =
              (euros[pathClassCodes[pathClass] ?? 'EMC'] ?? 0) *
              (plan.costNoise[i] ?? 1) *
              (event.kind === careDayKind || pathClass === HMC ? event.quantity : 1);
            event.clientKey = key;
            write(event);
          }
        }
      }
    }
  }
};

/** One event of a path in the year being generated, before its unit is chosen. */
export interface PathEvent {
  day: number;
  age: number;
  sex: number;
  classIndex: number;
  pathClass: number;
  kind: number;
  quantity: number;
  unitDraw: number;
  purchased: boolean;
  costEuros: number;
  clientKey: string;
}
