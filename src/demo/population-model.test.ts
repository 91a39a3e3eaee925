import { describe, expect, it } from 'vitest';
import { ageCount, female, groupCount, male } from './age-structure.js';
import { merger, municipalityDefinitions } from './county-definition.js';
import { buildGeography } from './geography.js';
import { projectOneYear, simulateHistory } from './population-model.js';
import { Random } from './random.js';

const geography = buildGeography(1, 2015);
const shares = municipalityDefinitions.map((d) => d.residentShare);
const sum = (population: Int32Array | undefined) => population?.reduce((a, b) => a + b, 0) ?? 0;

describe('projectOneYear', () => {
  it('ages a cohort by a year, losing few of its members by death at working age', () => {
    const population = new Int32Array(groupCount);
    population[male * ageCount + 40] = 10_000;
    const next = projectOneYear(population, { year: 2020, urbanity: 0.5, random: new Random(1) });
    expect(next[male * ageCount + 40]).toBe(0);
    const survivors = next[male * ageCount + 41] ?? 0;
    expect(survivors).toBeGreaterThan(9_900);
    expect(survivors).toBeLessThanOrEqual(10_000 * 1.02);
  });

  it('keeps the oldest in the open-ended group 100', () => {
    const population = new Int32Array(groupCount);
    population[female * ageCount + 100] = 1_000;
    const next = projectOneYear(population, { year: 2020, urbanity: 0.5, random: new Random(1) });
    expect(next[female * ageCount + 100]).toBeGreaterThan(300);
    expect(next[female * ageCount + 100]).toBeLessThan(1_000);
  });

  it('brings births from women of childbearing age only', () => {
    const girls = new Int32Array(groupCount);
    girls[female * ageCount + 8] = 5_000;
    expect(
      sum(projectOneYear(girls, { year: 2020, urbanity: 0.5, random: new Random(2) }).subarray(0, 1)),
    ).toBe(0);
    const women = new Int32Array(groupCount);
    women[female * ageCount + 31] = 5_000;
    const next = projectOneYear(women, { year: 2020, urbanity: 0.5, random: new Random(2) });
    const newborns = (next[male * ageCount] ?? 0) + (next[female * ageCount] ?? 0);
    // About 1.4 children per woman over some 15 fertile years: roughly 0.1 a year at the peak age.
    expect(newborns).toBeGreaterThan(300);
    expect(newborns).toBeLessThan(700);
  });
});

describe('simulateHistory', () => {
  const history = simulateHistory(5, geography, {
    residents: 20_000,
    firstYear: 2015,
    lastYear: 2025,
    residentShares: shares,
  });
  const last = history.years.length - 1;

  it('covers 2015–2025 and ends near the requested size', () => {
    expect(history.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    const total = history.counts.reduce((s, counts) => s + sum(counts[last]), 0);
    expect(Math.abs(total - 20_000) / 20_000).toBeLessThan(0.02);
  });

  it('gives municipalities figures only for the years they existed', () => {
    const index = (code: string) => geography.municipalities.findIndex((m) => m.code === code);
    const yearOf = (year: number) => history.years.indexOf(year);
    for (const code of merger.predecessors) {
      expect(history.counts[index(code)]?.[yearOf(merger.year - 1)]).toBeDefined();
      expect(history.counts[index(code)]?.[yearOf(merger.year)]).toBeUndefined();
    }
    const successor = history.counts[index(merger.successor.code)];
    expect(successor?.[yearOf(merger.year - 1)]).toBeUndefined();
    expect(sum(successor?.[yearOf(merger.year)])).toBeGreaterThan(0);
  });

  it('is consistent from year to year: cohorts age, and totals change by births, deaths and moves', () => {
    for (const counts of history.counts) {
      for (let y = 1; y < history.years.length; y++) {
        const before = counts[y - 1];
        const after = counts[y];
        if (!before || !after) continue;
        // Fifty-year-olds a year on: a few die or move; never more than a few percent.
        const cohortBefore = (before[male * ageCount + 50] ?? 0) + (before[female * ageCount + 50] ?? 0);
        const cohortAfter = (after[male * ageCount + 51] ?? 0) + (after[female * ageCount + 51] ?? 0);
        expect(Math.abs(cohortAfter - cohortBefore)).toBeLessThanOrEqual(Math.max(5, cohortBefore * 0.06));
        expect(Math.abs(sum(after) - sum(before))).toBeLessThan(sum(before) * 0.05);
      }
    }
  });

  it('leaves the countryside older than the regional centre', () => {
    const shareOld = (population: Int32Array | undefined) => {
      let old = 0;
      for (let age = 65; age < ageCount; age++)
        old += (population?.[age] ?? 0) + (population?.[ageCount + age] ?? 0);
      return old / sum(population);
    };
    const centre = shareOld(history.counts[0]?.[last]);
    const rural = geography.municipalities
      .map((m, i) => (m.kind === 'rural' ? shareOld(history.counts[i]?.[last]) : undefined))
      .filter((share) => share !== undefined && !Number.isNaN(share)) as number[];
    expect(Math.min(...rural)).toBeGreaterThan(centre);
  });

  it('is deterministic for a seed', () => {
    const again = simulateHistory(5, geography, {
      residents: 20_000,
      firstYear: 2015,
      lastYear: 2025,
      residentShares: shares,
    });
    expect(again.counts.map((c) => c.map(sum))).toEqual(history.counts.map((c) => c.map(sum)));
  });
});
