/**
 * Backtests on real data: Statistics Finland's mean population of the whole country by single-year
 * age and sex, 1986–2016 (src/forecast/fixtures/README.md), projected from 1996, 2001, 2006 and 2011
 * to 2016 with the base variant, beside a constant population. Prints Markdown tables: the error of
 * each age group's total by years ahead, the groups' MAPE over the whole run, and the oldest ages in
 * 2016. Not a speed target; it times the runs all the same. Usage: tsx bench/forecast-backtest-real.ts
 */
import { performance } from 'node:perf_hooks';
import { backtest, projectVariant } from '../src/forecast/index.js';
import { finlandHistory } from '../src/forecast/testing.js';
import { ForecastAssumptions, type ForecastVariant } from '../src/model/index.js';

const history = finlandHistory();
const variant: ForecastVariant = {
  name: 'base',
  label: 'Base',
  kind: 'estimated',
  builtIn: true,
  assumptions: ForecastAssumptions.parse({}),
};
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
const started = performance.now();
const out: string[] = [];

out.push(
  'Error of each age group’s total, % (product / constant population), by base year and years ahead',
  '',
);
out.push('| base | ahead | year | 0-6 | 7-17 | 18-64 | 65-74 | 75-84 | 85+ | all cells MAPE |');
out.push('|---|---|---|---|---|---|---|---|---|---|');
const results = [1996, 2001, 2006, 2011].map((from) => backtest(history, variant, from));
for (const result of results) {
  for (const h of result.byHorizon ?? []) {
    if (![1, 2, 5, 10, 15, 20].includes(h.horizon)) continue;
    out.push(
      `| ${result.fromYear} | ${h.horizon} | ${h.year} | ${h.byAgeGroup
        .map((r) => `${pct(r.totalError)} / ${pct(r.baselineTotalError)}`)
        .join(' | ')} | ${pct(h.all.mape)} / ${pct(h.all.baselineMape)} |`,
    );
  }
}
out.push('', 'MAPE over all years of the run (age group × sex × year cells), % (product / constant)', '');
out.push('| base | years | 0-6 | 7-17 | 18-64 | 65-74 | 75-84 | 85+ | all |');
out.push('|---|---|---|---|---|---|---|---|---|');
for (const result of results)
  out.push(
    `| ${result.fromYear} | ${result.fromYear + 1}–${result.toYear} | ${result.byAgeGroup
      .map((r) => `${r.mape?.toFixed(1)} / ${r.baselineMape?.toFixed(1)}`)
      .join(' | ')} | ${result.mape?.toFixed(1)} |`,
  );

const oldest = (fromYear: number, toYear: number) => {
  const projection = projectVariant(history, {
    ...variant,
    assumptions: { ...variant.assumptions, baseYear: fromYear, toYear },
  });
  const at = (year: number, from: number, to: number, values = projection.population, size = 202) => {
    const y = projection.years.indexOf(year);
    let total = 0;
    for (let sex = 0; sex < 2; sex++)
      for (let age = from; age <= to; age++) total += values[y * size + sex * 101 + age] as number;
    return total;
  };
  return { at, basis: projection.basis };
};
out.push('', 'The oldest in 2016: projected / observed (error)', '');
out.push('| base | 85–89 | 90–99 | 100+ | improvement below 85 / at 95, % a year |');
out.push('|---|---|---|---|---|');
const observed = (from: number, to: number) => {
  const y = history.years.indexOf(2016);
  let total = 0;
  for (let sex = 0; sex < 2; sex++)
    for (let age = from; age <= to; age++) total += history.population[y * 202 + sex * 101 + age] as number;
  return total;
};
for (const from of [1996, 2001, 2006, 2011]) {
  const { at, basis } = oldest(from, 2016);
  const cell = (a: number, b: number) => {
    const p = at(2016, a, b);
    const o = observed(a, b);
    return `${Math.round(p)} / ${Math.round(o)} (${pct((100 * (p - o)) / o)} %)`;
  };
  out.push(
    `| ${from} | ${cell(85, 89)} | ${cell(90, 99)} | ${cell(100, 100)} | ${(100 * (basis?.mortality.improvementBelow85 ?? 0)).toFixed(1)} / ${(100 * (basis?.mortality.improvementAt95 ?? 0)).toFixed(1)} |`,
  );
}
const ahead = oldest(2016, 2036);
out.push(
  '',
  `From 2016 to 2036: 100+ ${Math.round(ahead.at(2016, 100, 100))} → ${Math.round(ahead.at(2036, 100, 100))}, 90–99 ${Math.round(ahead.at(2016, 90, 99))} → ${Math.round(ahead.at(2036, 90, 99))}`,
);
out.push('', `(${(performance.now() - started).toFixed(0)} ms)`);
process.stdout.write(`${out.join('\n')}\n`);
