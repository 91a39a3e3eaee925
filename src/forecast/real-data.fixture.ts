import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PopulationHistory } from './estimate.js';
import { ageCount, groupCount, groupIndex } from './layout.js';

/**
 * Statistics Finland's mean population of the whole country by single-year age (100 = 100 and over)
 * and sex, 1986–2016 (fixtures/README.md gives the source), as a history with one area, "SSS".
 */
export const finlandHistory = (): PopulationHistory => {
  const path = fileURLToPath(new URL('./fixtures/finland-mean-population-1986-2016.csv', import.meta.url));
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const years = [...new Set(lines.map((line) => Number(line.split(',')[0])))].sort((a, b) => a - b);
  const first = years[0] ?? 0;
  const population = new Float64Array(years.length * groupCount);
  for (const line of lines) {
    const [year, sex, ...counts] = line.split(',');
    if (counts.length !== ageCount) throw new Error(`expected ${ageCount} ages in ${year} ${sex}`);
    counts.forEach((count, age) => {
      population[
        (Number(year) - first) * groupCount + groupIndex(sex === 'female' ? 'female' : 'male', age)
      ] = Number(count);
    });
  }
  return { years, areaCodes: ['SSS'], population };
};
