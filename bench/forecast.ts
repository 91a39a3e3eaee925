/**
 * Forecast speed: the cohort-component projection of 308 municipalities × 101 ages × 2 sexes × 20
 * years (goal under 200 ms), the rate estimation from an 11-year history of the same, and the spread
 * of one projected year's municipalities over 50 000 grid cells (goal under 2 s). Populations and
 * rates are synthesised from a fixed seed. Also the demand of 15 service classes spread over the same cells. Usage: tsx bench/forecast.ts [--runs 7]
 */
import { performance } from 'node:perf_hooks';
import {
  type CellStructure,
  distributeDemandToCells,
  distributeToCells,
  estimateRates,
  estimateUse,
  type PopulationHistory,
  projectCohorts,
  projectDemand,
} from '../src/forecast/index.js';
import { ForecastAssumptions } from '../src/model/index.js';
import { numberFlag, readBenchArgs } from './args.js';

const { values: flags } = readBenchArgs('forecast');

const runs = numberFlag('runs', flags.runs, 7);
const municipalities = 308;
const years = 20;
const cellCount = 50_000;
const ageCount = 101;
const groupCount = 2 * ageCount;

let state = 20_250_101;
const random = () => {
  state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
  return state / 2 ** 32;
};

/** Municipal sizes like Finland's: a few cities, many small municipalities (5.5 million in all). */
const sizes = Array.from({ length: municipalities }, () => Math.round(300 * Math.exp(random() * 6)));

const historyYears = 11;
const history: PopulationHistory = {
  years: Array.from({ length: historyYears }, (_, i) => 2015 + i),
  areaCodes: Array.from({ length: municipalities }, (_, i) => String(i + 1).padStart(3, '0')),
  population: new Float64Array(historyYears * municipalities * groupCount),
};
for (let y = 0; y < historyYears; y++) {
  for (let m = 0; m < municipalities; m++) {
    for (let g = 0; g < groupCount; g++) {
      const age = g % ageCount;
      const shape = age < 85 ? 1 - age / 120 : 0.3 * Math.exp(-(age - 85) / 5);
      history.population[(y * municipalities + m) * groupCount + g] = Math.round(
        ((sizes[m] ?? 0) / 140) * shape * (0.9 + 0.2 * random()) * (1 + 0.002 * y),
      );
    }
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const time = (work: () => void): number[] =>
  Array.from({ length: runs }, () => {
    const start = performance.now();
    work();
    return performance.now() - start;
  });

const assumptions = ForecastAssumptions.parse({});
const { rates } = estimateRates(history, historyYears - 1, assumptions);
const base = history.population.slice((historyYears - 1) * municipalities * groupCount);

const estimation = time(() => estimateRates(history, historyYears - 1, assumptions));
let projected = 0;
const projection = time(() => {
  const result = projectCohorts(base, rates, years);
  projected = result.population.length;
});

const cells: CellStructure = {
  municipality: Int32Array.from({ length: cellCount }, (_, c) => {
    // Cells in proportion to municipal size, at least one each.
    return c < municipalities ? c : Math.floor(random() ** 2 * municipalities);
  }),
  latest: Float64Array.from({ length: cellCount * 42 }, () =>
    random() < 0.4 ? 0 : Math.round(random() * 30),
  ),
  earlier: Float64Array.from({ length: cellCount * 42 }, () =>
    random() < 0.4 ? 0 : Math.round(random() * 30),
  ),
  span: 5,
};
const lastYear = projectCohorts(base, rates, years).population.subarray(years * municipalities * groupCount);
const municipal = Int32Array.from(lastYear, (v) => Math.round(v));
let out: Int32Array = new Int32Array(0);
const distribution = time(() => {
  out = distributeToCells(municipal, cells, 20);
});
const cellTotal = out.reduce((a, b) => a + b, 0);
const municipalTotal = municipal.reduce((a, b) => a + b, 0);

// Demand by cell: 15 service classes with age-dependent use, one policy shift, over the same cells.
const classes = Array.from({ length: 15 }, (_, c) => `C${c}`);
const volume = new Float64Array(classes.length * municipalities * groupCount);
for (let c = 0; c < classes.length; c++)
  for (let i = 0; i < municipalities * groupCount; i++)
    volume[c * municipalities * groupCount + i] =
      (base[i] as number) * (0.2 + ((i % ageCount) / ageCount) * c * 0.1);
const use = estimateUse({ year: 2025, classes, population: base, volume });
const demandAssumptions = {
  needTrend: { C3: 0.01 },
  shifts: [{ fromClass: 'C14', toClass: 'C13', share: 0.2, ratio: 3 }],
};
const municipalDemand = projectDemand(use, lastYear, {
  year: 2045,
  assumptions: demandAssumptions,
  shiftYear: 2045,
});
let cellDemandTotal = 0;
const cellDemand = time(() => {
  const spread = distributeDemandToCells(use, {
    cellPopulation: out,
    cellMunicipality: cells.municipality,
    municipalDemand,
    year: 2045,
    assumptions: demandAssumptions,
    shiftYear: 2045,
  });
  cellDemandTotal = spread.reduce((a, b) => a + b, 0);
});
const demandTotal = municipalDemand.reduce((a, b) => a + b, 0);

const row = (what: string, size: string, measured: number[], goal: number | null) =>
  `${what.padEnd(34)} ${size.padEnd(34)} ${median(measured).toFixed(1).padStart(9)} ms ${(Math.min(...measured).toFixed(1)).padStart(9)} ms ${goal === null ? '       –' : `${String(goal).padStart(6)} ms`} ${goal === null ? '' : median(measured) <= goal ? 'met' : 'MISSED'}`;

const report = [
  `${'step'.padEnd(34)} ${'size'.padEnd(34)} ${'median'.padStart(12)} ${'fastest'.padStart(12)} ${'goal'.padStart(9)}`,
  row('cohort-component projection', `${municipalities} × 101 × 2 × ${years} years`, projection, 200),
  row('rate estimation (balancing)', `${municipalities} × 101 × 2 × ${historyYears} years`, estimation, null),
  row(
    'grid-cell distribution, one year',
    `${cellCount.toLocaleString('en')} cells, ${municipalities} municipalities`,
    distribution,
    2000,
  ),
  row(
    'grid-cell demand, one year',
    `${classes.length} classes × ${cellCount.toLocaleString('en')} cells`,
    cellDemand,
    null,
  ),
  '',
  `${runs} runs each; ${projected.toLocaleString('en')} projected values; cells add up to the municipalities: ${cellTotal === municipalTotal ? 'yes' : 'NO'} (${cellTotal.toLocaleString('en')} residents); cell demand adds up to the municipalities': ${Math.abs(cellDemandTotal - demandTotal) <= 1e-9 * demandTotal ? 'yes' : 'NO'}.`,
];
process.stdout.write(`${report.join('\n')}\n`);
