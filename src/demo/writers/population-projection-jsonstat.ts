import { ageCount, female, groupCount, oldestAge } from '../age-structure.js';
import { boyShare, deathProbability, fertilityRate, netMigrationRate } from '../demographic-rates.js';
import { type Geography, isValidIn, municipalityUrbanity } from '../geography.js';
import type { PopulationHistory } from '../population-model.js';
import type { JsonStatDataset } from './population-jsonstat.js';

/** Statistics Finland damps the migration of the base period in its projections; the demo does too. */
const migrationDamping = 0.8;

/** One year on in expected numbers: the demo's own rates without chance. */
const expectedYear = (population: Float64Array, year: number, urbanity: number): Float64Array => {
  const next = new Float64Array(groupCount);
  for (let sex = 0; sex < 2; sex++) {
    for (let age = 0; age <= oldestAge; age++) {
      const target = sex * ageCount + Math.min(age + 1, oldestAge);
      next[target] =
        (next[target] ?? 0) +
        (population[sex * ageCount + age] ?? 0) * (1 - deathProbability(age, sex, year));
    }
  }
  let births = 0;
  for (let age = 15; age <= 49; age++)
    births += fertilityRate(age, year, urbanity) * (population[female * ageCount + age] ?? 0);
  next[0] = births * boyShare * (1 - deathProbability(0, 0, year) / 2);
  next[ageCount] = births * (1 - boyShare) * (1 - deathProbability(0, female, year) / 2);
  for (let g = 0; g < groupCount; g++) {
    const count = next[g] ?? 0;
    const rate = netMigrationRate(g % ageCount, Math.floor(g / ageCount), urbanity) * migrationDamping;
    next[g] = Math.max(0, count * (1 + rate));
  }
  return next;
};

/**
 * An official-style population projection for the demo municipalities, in the shape of Statistics
 * Finland's PxWeb table 14wx: made from the residents at the end of `baseYear` (a year before the
 * history's last, as the real projection is two years old when a county uses it), with the demo's
 * demographic rates in expected numbers and damped migration, for the municipalities of the first
 * projected year. Rounded to whole residents; totals coded "SSS" as in PxWeb.
 */
export const populationProjectionJsonStat = (
  geography: Geography,
  history: PopulationHistory,
  { baseYear, toYear }: { baseYear: number; toYear: number },
): JsonStatDataset => {
  const baseIndex = history.years.indexOf(baseYear);
  const projectedYears = Array.from({ length: toYear - baseYear }, (_, i) => baseYear + 1 + i);
  // Each municipality of the base year is projected on its own, then added up into those of the
  // first projected year (a merger in between joins its predecessors).
  const starting = geography.municipalities
    .map((municipality, m) => ({ municipality, m }))
    .filter(({ municipality }) => isValidIn(municipality, baseYear));
  const projected = starting.map(({ municipality, m }) => {
    let population: Float64Array = Float64Array.from(
      history.counts[m]?.[baseIndex] ?? new Int32Array(groupCount),
    );
    const urbanity = municipalityUrbanity(geography, m);
    return {
      territories: municipality.territories,
      years: projectedYears.map((year) => {
        population = expectedYear(population, year, urbanity);
        return population;
      }),
    };
  });
  const firstYear = projectedYears[0] ?? baseYear + 1;
  const municipalities = geography.municipalities.filter((m) => isValidIn(m, firstYear));
  const sexCodes = ['SSS', '1', '2'];
  const ageCodes = ['SSS', ...Array.from({ length: oldestAge }, (_, age) => String(age)), `${oldestAge}-`];
  const value: number[] = [];
  for (const municipality of municipalities) {
    projectedYears.forEach((_, y) => {
      const population = new Float64Array(groupCount);
      for (const source of projected) {
        if (!source.territories.every((t) => municipality.territories.includes(t))) continue;
        const part = source.years[y];
        if (part) for (let g = 0; g < groupCount; g++) population[g] = (population[g] ?? 0) + (part[g] ?? 0);
      }
      const rounded = Array.from(population, (v) => Math.round(v));
      for (let s = 0; s < sexCodes.length; s++) {
        for (let i = 0; i < ageCodes.length; i++) {
          let sum = 0;
          for (let g = 0; g < groupCount; g++) {
            const sexMatches = s === 0 || s === Math.floor(g / ageCount) + 1;
            const ageMatches = i === 0 || i === (g % ageCount) + 1;
            if (sexMatches && ageMatches) sum += rounded[g] ?? 0;
          }
          value.push(sum);
        }
      }
    });
  }
  const category = (codes: readonly string[], labels: readonly string[]) => ({
    index: Object.fromEntries(codes.map((code, i) => [code, i])),
    label: Object.fromEntries(codes.map((code, i) => [code, labels[i] ?? code])),
  });
  const areaCodes = municipalities.map((m) => `KU${m.code}`);
  const years = projectedYears.map(String);
  return {
    version: '2.0',
    class: 'dataset',
    label: 'Väestöennuste: Väestö 31.12. muuttujina Alue, Vuosi, Sukupuoli, Ikä ja Tiedot',
    source: 'Järvi-Pohjan hyvinvointialue, demoaineisto',
    updated: `${baseYear + 1}-09-30T05:00:00Z`,
    id: ['Alue', 'Vuosi', 'Sukupuoli', 'Ikä', 'Tiedot'],
    size: [areaCodes.length, years.length, sexCodes.length, ageCodes.length, 1],
    role: { time: ['Vuosi'], geo: ['Alue'], metric: ['Tiedot'] },
    dimension: {
      Alue: {
        label: 'Alue',
        category: category(
          areaCodes,
          municipalities.map((m) => m.nameFi),
        ),
      },
      Vuosi: { label: 'Vuosi', category: category(years, years) },
      Sukupuoli: { label: 'Sukupuoli', category: category(sexCodes, ['Yhteensä', 'Miehet', 'Naiset']) },
      Ikä: { label: 'Ikä', category: category(ageCodes, ['Yhteensä', ...ageCodes.slice(1)]) },
      Tiedot: {
        label: 'Tiedot',
        category: {
          ...category(['vaesto_e24'], ['Väestö 31.12. (ennuste 2024)']),
          unit: { vaesto_e24: { base: 'henkilöä', decimals: 0 } },
        },
      },
    },
    value,
    status: {},
    extension: { px: { tableid: '14wx', decimals: 0, language: 'fi' } },
  };
};
