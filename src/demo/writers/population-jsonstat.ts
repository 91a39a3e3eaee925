import { ageCount, groupCount, oldestAge } from '../age-structure.js';
import { country } from '../county-definition.js';
import type { Geography } from '../geography.js';
import type { PopulationHistory } from '../population-model.js';

/** A JSON-stat 2.0 dataset, as far as the demo writes one. */
export interface JsonStatDataset {
  version: '2.0';
  class: 'dataset';
  label: string;
  source: string;
  updated: string;
  id: string[];
  size: number[];
  role: { time: string[]; geo: string[]; metric: string[] };
  dimension: Record<
    string,
    {
      label: string;
      category: {
        index: Record<string, number>;
        label: Record<string, string>;
        unit?: Record<string, { base: string; decimals: number }>;
      };
    }
  >;
  value: (number | null)[];
  status: Record<string, string>;
  extension: unknown;
}

const category = (codes: readonly string[], labels: readonly string[]) => ({
  index: Object.fromEntries(codes.map((code, i) => [code, i])),
  label: Object.fromEntries(codes.map((code, i) => [code, labels[i] ?? code])),
});

/**
 * Population by area, year, sex and single-year age in the shape of Statistics Finland's PxWeb
 * table 11re: area codes "KU" + municipality code, totals coded "SSS" inside every dimension (a
 * reader must skip them), and the oldest age as "100-". A municipality has values only for the
 * years it existed; other cells are null with PxWeb's ".." status.
 */
export const populationJsonStat = (geography: Geography, history: PopulationHistory): JsonStatDataset => {
  const areaCodes = [country.code, ...geography.municipalities.map((m) => `KU${m.code}`)];
  const areaLabels = ['KOKO MAA', ...geography.municipalities.map((m) => m.nameFi)];
  const years = history.years.map(String);
  const sexCodes = ['SSS', '1', '2'];
  const ageCodes = ['SSS', ...Array.from({ length: oldestAge }, (_, age) => String(age)), `${oldestAge}-`];
  const ageLabels = [
    'Yhteensä',
    ...Array.from({ length: oldestAge }, (_, age) => String(age)),
    `${oldestAge} -`,
  ];
  const value: (number | null)[] = [];
  const status: Record<string, string> = {};
  const countyTotals = history.years.map((_, y) => {
    const sum = new Int32Array(groupCount);
    for (const counts of history.counts) {
      counts[y]?.forEach((count, g) => {
        sum[g] = (sum[g] ?? 0) + count;
      });
    }
    return sum;
  });
  areaCodes.forEach((_, a) => {
    history.years.forEach((_, y) => {
      const population = a === 0 ? countyTotals[y] : history.counts[a - 1]?.[y];
      for (let s = 0; s < sexCodes.length; s++) {
        for (let i = 0; i < ageCodes.length; i++) {
          if (!population) {
            status[String(value.length)] = '..';
            value.push(null);
            continue;
          }
          let sum = 0;
          for (let sex = 0; sex < 2; sex++) {
            if (s !== 0 && s !== sex + 1) continue;
            for (let age = 0; age <= oldestAge; age++) {
              if (i === 0 || i === age + 1) sum += population[sex * ageCount + age] ?? 0;
            }
          }
          value.push(sum);
        }
      }
    });
  });
  return {
    version: '2.0',
    class: 'dataset',
    label: 'Väestö 31.12. muuttujina Alue, Vuosi, Sukupuoli, Ikä ja Tiedot',
    source: 'Järvi-Pohjan hyvinvointialue, demoaineisto',
    updated: `${history.years[history.years.length - 1] ?? 2025}-03-28T06:00:00Z`,
    id: ['Alue', 'Vuosi', 'Sukupuoli', 'Ikä', 'Tiedot'],
    size: [areaCodes.length, years.length, sexCodes.length, ageCodes.length, 1],
    role: { time: ['Vuosi'], geo: ['Alue'], metric: ['Tiedot'] },
    dimension: {
      Alue: { label: 'Alue', category: category(areaCodes, areaLabels) },
      Vuosi: { label: 'Vuosi', category: category(years, years) },
      Sukupuoli: { label: 'Sukupuoli', category: category(sexCodes, ['Yhteensä', 'Miehet', 'Naiset']) },
      Ikä: { label: 'Ikä', category: category(ageCodes, ageLabels) },
      Tiedot: {
        label: 'Tiedot',
        category: {
          ...category(['vaesto'], ['Väestö 31.12.']),
          unit: { vaesto: { base: 'henkilöä', decimals: 0 } },
        },
      },
    },
    value,
    status,
    extension: { px: { tableid: '11re', decimals: 0, language: 'fi' } },
  };
};
