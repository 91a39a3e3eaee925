import {
  type ProducerKind,
  populationAgeGroups,
  type ServiceClass,
  type ServiceLanguage,
} from '../../model/index.js';

/** Populated grid cells of one year, with residents by age group. */
export interface CellPopulation {
  codes: string[];
  x: Float64Array;
  y: Float64Array;
  total: Float64Array;
  aged75: Float64Array;
  children: Float64Array;
  /** Residents per age group (populationAgeGroups' order), one array per group. */
  byAgeGroup: Float64Array[];
}

/** A service class as the network sees it: how much in-person demand each resident of an age group makes. */
export interface ClassDemand {
  serviceClass: ServiceClass;
  /** Events (in the class's measure) a year per resident, by age group, over all channels. */
  ratePerResident: number[];
  /** The share of those events made in person in the rate year. */
  inPersonShare: number;
  /**
   * The forecast's projected demand per cell (cells' order, all channels) for a projected target year;
   * when present it is used instead of rate × residents.
   */
  projected?: Float64Array;
}

/** A unit of the base network, with its capacity split over its service classes. */
export interface BaseUnit {
  code: string;
  name: string;
  serviceClasses: string[];
  producerCode: string;
  producerKind: ProducerKind | null;
  x: number;
  y: number;
  /** Whether residents travel to it; a remote-only unit adds no in-person access. */
  inPerson: boolean;
  /** In the class's measure a year (care days for places × 365). */
  capacity: Record<string, number>;
  /** The languages it serves in; absent where the unit register does not say. */
  languages?: ServiceLanguage[];
}

export interface NetworkData {
  baseYear: number;
  targetYear: number;
  populationYear: number;
  /** gridAgeGroups: the 1 km grid's figures by age group, split by the municipalities' ages. */
  populationSource: 'forecast' | 'latestPopulation' | 'gridAgeGroups';
  populationNote: string;
  demandSource: 'forecastCellDemand' | 'useRates';
  demandNote: string;
  cells: CellPopulation;
  classes: ClassDemand[];
  units: BaseUnit[];
}

export const ageGroupCount = populationAgeGroups.length;

/** Cells with their residents by age group, and the totals the network reads from them. */
export const cellPopulationOf = (
  codes: string[],
  x: Float64Array,
  y: Float64Array,
  byAgeGroup: Float64Array[],
): CellPopulation => {
  const n = codes.length;
  const sumOf = (test: (from: number, to: number) => boolean) => {
    const out = new Float64Array(n);
    populationAgeGroups.forEach((group, g) => {
      if (!test(group.ageFrom, group.ageTo)) return;
      const residents = byAgeGroup[g] as Float64Array;
      for (let c = 0; c < n; c++) out[c] = (out[c] as number) + (residents[c] as number);
    });
    return out;
  };
  return {
    codes,
    x,
    y,
    total: sumOf(() => true),
    aged75: sumOf((from) => from >= 75),
    children: sumOf((_, to) => to <= 17),
    byAgeGroup,
  };
};

/** Expected events of a class per cell: the forecast's when given, else rate × residents over age groups. */
export const cellDemand = (cells: CellPopulation, demand: ClassDemand): Float64Array => {
  if (demand.projected) return demand.projected;
  const out = new Float64Array(cells.codes.length);
  demand.ratePerResident.forEach((rate, g) => {
    if (rate === 0) return;
    const residents = cells.byAgeGroup[g] as Float64Array;
    for (let c = 0; c < out.length; c++) out[c] = (out[c] as number) + rate * (residents[c] as number);
  });
  return out;
};
