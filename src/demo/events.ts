import type { Channel, ProducerKind } from '../model/index.js';
import { ageCount, groupCount, oldestAge, sexCount } from './age-structure.js';
import { drawDay, type YearCalendar } from './calendar.js';
import { clientKey, clientNumber } from './client-key.js';
import { cellCentre, type GridWindow } from './grid.js';
import type { GridPopulation } from './grid-allocation.js';
import { Random } from './random.js';
import { type CellChoice, type ClassNetwork, fillCellChoice } from './unit-choice.js';
import type { DemoUnit } from './units.js';
import type { UsageDefinition, UsageTable } from './usage-rates.js';

export const inPerson = 0;
export const remote = 1;
export const digital = 2;
export const visitKind = 0;
export const episodeKind = 1;
export const careDayKind = 2;

/**
 * One generated event. The generator reuses a single record and the sink formats it at once, so
 * millions of events cost no garbage.
 */
export interface EventRecord {
  day: number;
  municipality: number;
  slot: number;
  /** False for the few events whose home cell the source system does not know. */
  cellKnown: boolean;
  age: number;
  sex: number;
  serviceClass: number;
  unit: number;
  channel: number;
  kind: number;
  quantity: number;
  costCents: number;
  clientKey: string;
}

export interface EventSink {
  accept(event: EventRecord): void;
}

export interface ServiceClassUsage {
  code: string;
  ageFrom: number;
  ageTo: number;
  /** The class's usual event kind: visits, or care days for housing services. */
  kind: number;
  definition: UsageDefinition;
  table: UsageTable;
}

export interface EventYear {
  seed: number;
  year: number;
  calendar: YearCalendar;
  window: GridWindow;
  grid: GridPopulation;
  classes: readonly ServiceClassUsage[];
  networks: readonly ClassNetwork[];
  /** Each class's choice distance scale, in class order. */
  choiceKm: readonly number[];
  units: readonly DemoUnit[];
  /** Price of each unit's producer relative to the county's own production. */
  unitPriceFactor: readonly number[];
  /** Service need relative to the county's average, by municipality index. */
  needByMunicipality: readonly number[];
}

/** Relative prices by producer kind: companies charge a margin, associations work partly on grants. */
export const priceFactorByKind: Record<ProducerKind, number> = {
  own: 1,
  purchased: 1.08,
  voucher: 0.92,
  ngo: 0.85,
};

const channelCostFactor = [1, 0.55, 0.3];

/** Share of a person's remote and digital contacts that go to the county-wide digital clinic. */
const virtualShare = 0.5;

/** Use falls off towards this distance from the nearest unit (km). */
const accessScaleKm = 30;

/**
 * Generates one year's events of the residents of one grid cell (a slot of the grid population). Returns
 * whether anyone lives there this year, in which case `choice` holds the cell's unit choice.
 */
export const generateSlotEvents = (
  context: EventYear,
  { slot, choice, record, sink }: { slot: number; choice: CellChoice; record: EventRecord; sink: EventSink },
): boolean => {
  const { grid, classes, year, seed } = context;
  const municipality = grid.municipalityOf[slot] ?? -1;
  if (municipality < 0) return false;
  let residentsHere = 0;
  for (let g = 0; g < groupCount; g++) residentsHere += grid.counts[slot * groupCount + g] ?? 0;
  // Most habitable cells of a small county are empty; skipping them spares the unit choice.
  if (residentsHere === 0) return false;
  const cell = grid.cells[slot] ?? 0;
  const centre = cellCentre(context.window, cell);
  fillCellChoice(choice, {
    networks: context.networks,
    units: context.units,
    choiceKm: context.choiceKm,
    at: centre,
  });
  const random = Random.of(seed, 1001, year, cell);
  const need = context.needByMunicipality[municipality] ?? 1;
  record.municipality = municipality;
  record.slot = slot;
  for (let sex = 0; sex < sexCount; sex++) {
    for (let age = 0; age <= oldestAge; age++) {
      const group = sex * ageCount + age;
      const residents = grid.counts[slot * groupCount + group] ?? 0;
      if (residents === 0) continue;
      record.age = age;
      record.sex = sex;
      for (let k = 0; k < classes.length; k++) {
        const usage = classes[k];
        if (!usage || age < usage.ageFrom || age > usage.ageTo) continue;
        const network = context.networks[k];
        if (!network || network.physical.length === 0) continue;
        const nearestKm = choice.nearestKm[k] ?? 0;
        const access = 1 - usage.definition.distanceLoss * (1 - Math.exp(-nearestKm / accessScaleKm));
        const share = Math.min(0.98, (usage.table.userShare[group] ?? 0) * need * access);
        const users = random.binomial(residents, share);
        record.serviceClass = k;
        for (let user = 0; user < users; user++) {
          record.clientKey = clientKey(seed, clientNumber(cell, year - age, sex, random.int(residents)));
          const cumulative = choice.cumulative[k] ?? new Float64Array(0);
          const home = network.physical[random.pickCumulative(cumulative)] ?? -1;
          const perUser = usage.table.perUser[group] ?? 1;
          const client: ClientDraw = { usage, home, perUser, random, record, sink };
          if (usage.definition.pattern === 'visits') {
            emitVisits(context, { ...client, network, nearestKm });
          } else if (usage.definition.pattern === 'weekly') {
            emitWeeks(context, client);
          } else {
            emitMonths(context, client);
          }
        }
      }
    }
  }
  return true;
};

/** One client's draw in one service class: the unit they use, how much, and where their events go. */
interface ClientDraw {
  usage: ServiceClassUsage;
  /** The client's own unit (index into the year's units). */
  home: number;
  /** Expected events (or weeks, months) per client of this age and sex. */
  perUser: number;
  random: Random;
  record: EventRecord;
  sink: EventSink;
}

const emitVisits = (
  context: EventYear,
  {
    usage,
    network,
    home,
    perUser,
    nearestKm,
    random,
    record,
    sink,
  }: ClientDraw & { network: ClassNetwork; nearestKm: number },
): void => {
  const definition = usage.definition;
  const table = definition.everyDay ? context.calendar.everyDayTable : context.calendar.workingDayTable;
  const count = 1 + random.poisson(perUser - 1);
  for (let i = 0; i < count; i++) {
    let channel = pickChannel(definition.channels, record.age, nearestKm, random);
    let unit = home;
    if (channel !== inPerson && network.virtual >= 0 && random.chance(virtualShare)) unit = network.virtual;
    if (!offers(context.units[unit], channel)) channel = inPerson;
    const episode = definition.episodes !== undefined && random.chance(definition.episodes.share);
    const baseEuros = episode ? (definition.episodes?.costEuros ?? 0) : definition.unitCostEuros;
    record.day = drawDay(random, table);
    record.unit = unit;
    record.channel = channel;
    record.kind = episode ? episodeKind : visitKind;
    record.quantity = 1;
    record.costCents = costCents(context, unit, baseEuros * (channelCostFactor[channel] ?? 1), 0.2, random);
    record.cellKnown = !random.chance(0.02);
    sink.accept(record);
  }
};

/** Home care: one row per week in service, quantity = visits that week; intensity differs per client. */
const emitWeeks = (context: EventYear, { usage, home, perUser, random, record, sink }: ClientDraw): void => {
  const mondays = context.calendar.mondays;
  const weeks = Math.min(mondays.length, Math.max(1, Math.round(perUser * random.between(0.2, 1.8))));
  const first = random.int(mondays.length - weeks + 1);
  const visitsPerWeek = random.between(1, 14);
  const remoteShare = offers(context.units[home], remote) ? usage.definition.channels[remote] : 0;
  record.cellKnown = !random.chance(0.02);
  for (let w = 0; w < weeks; w++) {
    const quantity = 1 + random.poisson(visitsPerWeek - 1);
    const channel = random.chance(remoteShare) ? remote : inPerson;
    record.day = mondays[first + w] ?? 0;
    record.unit = home;
    record.channel = channel;
    record.kind = visitKind;
    record.quantity = quantity;
    record.costCents = costCents(
      context,
      home,
      quantity * usage.definition.unitCostEuros * (channelCostFactor[channel] ?? 1),
      0.1,
      random,
    );
    sink.accept(record);
  }
};

/** Housing services: one row per month in care, quantity = care days that month. */
const emitMonths = (context: EventYear, { usage, home, perUser, random, record, sink }: ClientDraw): void => {
  const starts = context.calendar.monthStarts;
  const months = Math.min(12, Math.max(1, Math.round(perUser * random.between(0.4, 1.6))));
  const first = random.int(13 - months);
  record.cellKnown = !random.chance(0.02);
  for (let month = first; month < first + months; month++) {
    const start = starts[month] ?? 0;
    const daysInMonth = (starts[month + 1] ?? context.calendar.isoDates.length) - start;
    // A stay that starts this year starts on some day of its first month.
    const days = month === first && first > 0 ? 1 + random.int(daysInMonth) : daysInMonth;
    record.day = start;
    record.unit = home;
    record.channel = inPerson;
    record.kind = usage.kind;
    record.quantity = days;
    record.costCents = costCents(context, home, days * usage.definition.unitCostEuros, 0.05, random);
    sink.accept(record);
  }
};

const channelNames: readonly Channel[] = ['inPerson', 'remote', 'digital'];

const offers = (unit: DemoUnit | undefined, channel: number): boolean =>
  unit?.channels.includes(channelNames[channel] ?? 'inPerson') ?? false;

/**
 * The channel of one contact: the class's usual mix, with digital contacts favoured by working-age
 * adults and avoided by the very old, and remote ones more common the further away the unit is.
 */
// Positional: called for every generated event (millions per county), where an options object would allocate each time.
const pickChannel = (
  shares: readonly [number, number, number],
  age: number,
  nearestKm: number,
  random: Random,
): number => {
  const digitalFactor = age >= 18 && age <= 45 ? 1.6 : age >= 75 ? 0.2 : age >= 65 ? 0.5 : 1;
  const inPersonWeight = shares[0];
  const remoteWeight = shares[1] * (1 + nearestKm / 40);
  const digitalWeight = shares[2] * digitalFactor;
  const draw = random.next() * (inPersonWeight + remoteWeight + digitalWeight);
  if (draw < inPersonWeight) return inPerson;
  return draw < inPersonWeight + remoteWeight ? remote : digital;
};

/** Cost with log-normal noise: the same service costs more or less with its length and staff. */
// Positional: called for every generated event (millions per county), where an options object would allocate each time.
const costCents = (context: EventYear, unit: number, euros: number, spread: number, random: Random): number =>
  Math.round(
    euros *
      (context.unitPriceFactor[unit] ?? 1) *
      Math.exp(spread * random.normal() - (spread * spread) / 2) *
      100,
  );
