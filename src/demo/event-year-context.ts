import type { ServiceClass } from '../model/index.js';
import { yearCalendar } from './calendar.js';
import { type ChainPathYear, chainPathYear } from './chain-paths.js';
import type { CountyModel } from './county-model.js';
import type { EventLookups } from './event-files.js';
import {
  careDayKind,
  type EventYear,
  episodeKind,
  priceFactorByKind,
  type ServiceClassUsage,
  visitKind,
} from './events.js';
import { needFactor } from './need.js';
import type { DemoProducer } from './producers.js';
import { classNetworks } from './unit-choice.js';
import type { DemoUnit } from './units.js';
import { tabulateUsage, usageDefinitions } from './usage-rates.js';

const eventKindIndex = { visit: visitKind, episode: episodeKind, careDay: careDayKind } as const;

/** The catalogue's classes that have usage rates, with their age ranges and usual event kinds. */
export const serviceClassUsages = (serviceClasses: readonly ServiceClass[]): ServiceClassUsage[] =>
  serviceClasses.flatMap((serviceClass) => {
    const definition = usageDefinitions[serviceClass.code];
    if (!definition) return [];
    return [
      {
        code: serviceClass.code,
        ageFrom: serviceClass.ageFrom,
        ageTo: serviceClass.ageTo,
        kind: eventKindIndex[serviceClass.eventKind],
        definition,
        table: tabulateUsage(definition, serviceClass.ageFrom, serviceClass.ageTo),
      },
    ];
  });

/** Everything one year's events are drawn from, and the codes the files print. */
export const eventYearContext = (
  model: CountyModel,
  {
    year,
    units,
    producers,
    serviceClasses,
  }: {
    year: number;
    units: readonly DemoUnit[];
    producers: readonly DemoProducer[];
    serviceClasses: readonly ServiceClass[];
  },
): { context: EventYear; lookups: EventLookups; paths: ChainPathYear } => {
  const grid = model.grids[model.eventYears.indexOf(year)];
  if (!grid) throw new Error(`no grid population for ${year}`);
  const classes = serviceClassUsages(serviceClasses);
  const municipalities = model.geography.municipalities;
  const lookups: EventLookups = {
    municipalityCodes: municipalities.map((m) => m.code),
    cellCodes: model.cellCodes,
    classCodes: classes.map((c) => c.code),
    unitCodes: units.map((u) => u.code),
    unitProducerCodes: units.map((u) => u.producerCode),
  };
  const kindOf = new Map(producers.map((p) => [p.code, p.kind]));
  const context: EventYear = {
    seed: model.seed,
    year,
    calendar: yearCalendar(year),
    window: model.geography.window,
    grid,
    classes,
    networks: classNetworks(units, lookups.classCodes, year),
    choiceKm: classes.map((c) => c.definition.choiceKm),
    units,
    unitPriceFactor: units.map((u) => priceFactorByKind[kindOf.get(u.producerCode) ?? 'own']),
    needByMunicipality: municipalities.map((_, m) => needFactor(model.seed, model.geography, m)),
  };
  const paths = chainPathYear({
    year,
    grids: { previous: model.grids[model.eventYears.indexOf(year) - 1], current: grid },
    classCodes: lookups.classCodes,
    purchasedUnitsOf: (code) => {
      const network = context.networks[lookups.classCodes.indexOf(code)];
      return (network?.physical ?? []).filter(
        (u) => kindOf.get(units[u]?.producerCode ?? '') === 'purchased',
      );
    },
  });
  return { context, lookups, paths };
};
