import type {
  AreaNeedCoefficients,
  NeedCoefficientSet,
  NeedSector,
  SectorWeights,
  Sex,
} from '../../model/index.js';
import { needSectors } from '../../model/index.js';

/** Residents of one area by single-year age and sex. */
export interface PopulationCell {
  areaCode: string;
  age: number;
  sex: Sex;
  count: number;
}

/** What the reference area spent on residents of one age and sex in one sector. */
export interface ReferenceCostCell {
  age: number;
  sex: Sex;
  sector: NeedSector;
  costEuros: number;
}

export interface AgeSexStandardisationInput {
  year: number;
  areas: readonly { code: string; name: string }[];
  /** The areas' residents. */
  population: readonly PopulationCell[];
  reference: {
    level: 'country' | 'county';
    code: string | null;
    name: string;
    /** The reference area's residents (areaCode is ignored). */
    population: readonly Omit<PopulationCell, 'areaCode'>[];
    costs: readonly ReferenceCostCell[];
  };
  /** By default each sector's share of the reference area's cost, so that the total is the expected cost ratio. */
  sectorWeights?: SectorWeights;
  /** Lower bounds of the age bands; by default THL's bands. */
  ageBandStarts?: readonly number[];
}

/** The age bands of THL's need model: under 1, 1–6, 7–12, 13–18, 19–25, 26–30, then five years to 96+. */
export const thlAgeBandStarts: readonly number[] = [
  0, 1, 7, 13, 19, 26, 31, 36, 41, 46, 51, 56, 61, 66, 71, 76, 81, 86, 91, 96,
];

const addTo = (cells: Float64Array, cell: number, value: number): void => {
  cells[cell] = (cells[cell] ?? 0) + value;
};

const bandIndex = (starts: readonly number[], age: number): number => {
  let index = 0;
  for (let i = 0; i < starts.length; i++) if (age >= (starts[i] ?? 0)) index = i;
  return index;
};

/**
 * Need coefficients by indirect age-sex standardisation, for when age and sex are all that is known
 * about the residents: the reference area's cost per resident in each age band, sex and sector, applied
 * to the area's residents, gives the area's expected cost; its expected cost per resident over the
 * reference's is the coefficient. No morbidity or socioeconomic factor enters, so the result understates
 * differences THL's regression would show; `method` says so.
 */
export const ageSexNeedCoefficients = (input: AgeSexStandardisationInput): NeedCoefficientSet => {
  const starts = input.ageBandStarts ?? thlAgeBandStarts;
  const cellKey = (age: number, sex: Sex) => bandIndex(starts, age) * 2 + (sex === 'female' ? 1 : 0);
  const cellCount = starts.length * 2;

  const referenceResidents = new Float64Array(cellCount);
  for (const p of input.reference.population) addTo(referenceResidents, cellKey(p.age, p.sex), p.count);
  const referenceCost = Object.fromEntries(
    needSectors.map((s) => [s, new Float64Array(cellCount)]),
  ) as Record<NeedSector, Float64Array>;
  for (const c of input.reference.costs) addTo(referenceCost[c.sector], cellKey(c.age, c.sex), c.costEuros);

  // Cost per resident of each cell; a cell with no reference residents has no rate to apply.
  const rate = (sector: NeedSector, cell: number): number => {
    const residents = referenceResidents[cell] ?? 0;
    return residents > 0 ? (referenceCost[sector][cell] ?? 0) / residents : 0;
  };
  const expectedPerResident = (cells: Float64Array): Record<NeedSector, number> => {
    let residents = 0;
    const expected = { health: 0, social: 0, elderly: 0 };
    cells.forEach((count, cell) => {
      residents += count;
      for (const s of needSectors) expected[s] += count * rate(s, cell);
    });
    for (const s of needSectors) expected[s] = residents > 0 ? expected[s] / residents : 0;
    return expected;
  };

  const referenceNeed = expectedPerResident(referenceResidents);
  const referenceTotal = needSectors.reduce((sum, s) => sum + referenceNeed[s], 0);
  const weights: SectorWeights = input.sectorWeights ?? {
    health: referenceTotal > 0 ? referenceNeed.health / referenceTotal : 1 / 3,
    social: referenceTotal > 0 ? referenceNeed.social / referenceTotal : 1 / 3,
    elderly: referenceTotal > 0 ? referenceNeed.elderly / referenceTotal : 1 / 3,
  };

  const residentsByArea = new Map<string, Float64Array>();
  for (const p of input.population) {
    let cells = residentsByArea.get(p.areaCode);
    if (!cells) {
      cells = new Float64Array(cellCount);
      residentsByArea.set(p.areaCode, cells);
    }
    addTo(cells, cellKey(p.age, p.sex), p.count);
  }

  const areas = input.areas.map(({ code, name }): AreaNeedCoefficients => {
    const need = expectedPerResident(residentsByArea.get(code) ?? new Float64Array(cellCount));
    // A sector the reference spends nothing on says nothing about need: it stays at the reference's 1.0.
    const ratio = (s: NeedSector) => (referenceNeed[s] > 0 ? need[s] / referenceNeed[s] : 1);
    const health = ratio('health');
    const social = ratio('social');
    const elderly = ratio('elderly');
    return {
      areaCode: code,
      name,
      health,
      social,
      elderly,
      total: weights.health * health + weights.social * social + weights.elderly * elderly,
    };
  });

  return {
    year: input.year,
    method: 'indirectAgeSex',
    reference: { level: input.reference.level, code: input.reference.code, name: input.reference.name },
    sectorWeights: weights,
    areas,
  };
};
