/**
 * Need-coefficient speed: THL's workbook read and every year's coefficients computed (when
 * ../shared/data holds the workbook), and indirect age-sex standardisation of 308 municipalities × 101
 * ages × 2 sexes × 3 sectors against the country (synthesised from a fixed seed). Beside each, the
 * same figures done the plainest way (the workbook's sheets as read by ExcelJS alone; the expected costs by
 * nested loops over the cells with no band tables) as the peer to compare against.
 * Usage: tsx bench/need.ts [--runs 7]
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import {
  ageSexNeedCoefficients,
  type PopulationCell,
  type ReferenceCostCell,
  readThlNeedWorkbook,
  thlNeedCoefficients,
} from '../src/indicators/index.js';
import type { NeedSector, Sex } from '../src/model/index.js';
import { numberFlag, readBenchArgs } from './args.js';

const { values: flags } = readBenchArgs('need');
const runs = numberFlag('runs', flags.runs, 7);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const time = async (work: () => unknown): Promise<number> => {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
};

let state = 20_250_625;
const random = () => {
  state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
  return state / 2 ** 32;
};

const municipalities = Array.from({ length: 308 }, (_, i) => ({
  code: String(i + 1).padStart(3, '0'),
  name: `M${i}`,
}));
const sexes: Sex[] = ['male', 'female'];
const sectors: NeedSector[] = ['health', 'social', 'elderly'];
const population: PopulationCell[] = [];
for (const m of municipalities) {
  const size = 300 * Math.exp(random() * 6);
  for (let age = 0; age <= 100; age++)
    for (const sex of sexes)
      population.push({ areaCode: m.code, age, sex, count: Math.round((size / 140) * (0.5 + random())) });
}
const country = new Map<string, number>();
for (const p of population)
  country.set(`${p.age}|${p.sex}`, (country.get(`${p.age}|${p.sex}`) ?? 0) + p.count);
const referencePopulation = [...country].map(([key, count]) => {
  const [age, sex] = key.split('|');
  return { age: Number(age), sex: sex as Sex, count };
});
const costs: ReferenceCostCell[] = referencePopulation.flatMap((p) =>
  sectors.map((sector) => ({
    age: p.age,
    sex: p.sex,
    sector,
    costEuros:
      p.count * (sector === 'elderly' ? (p.age >= 65 ? 40 * (p.age - 60) ** 2 : 0) : 500 + 20 * p.age),
  })),
);
const input = {
  year: 2024,
  areas: municipalities,
  population,
  reference: {
    level: 'country' as const,
    code: 'SSS',
    name: 'Koko maa',
    population: referencePopulation,
    costs,
  },
};

/** The plainest way: for each area, each of its cells looks up the rate of its band by scanning. */
const naive = () => {
  const starts = [0, 1, 7, 13, 19, 26, 31, 36, 41, 46, 51, 56, 61, 66, 71, 76, 81, 86, 91, 96];
  const band = (age: number) => starts.filter((s) => age >= s).length - 1;
  const rate = (sector: NeedSector, b: number, sex: Sex) => {
    let spent = 0;
    let residents = 0;
    for (const c of costs)
      if (c.sector === sector && band(c.age) === b && c.sex === sex) spent += c.costEuros;
    for (const p of referencePopulation) if (band(p.age) === b && p.sex === sex) residents += p.count;
    return residents > 0 ? spent / residents : 0;
  };
  const rates = new Map<string, number>();
  for (const s of sectors)
    for (let b = 0; b < starts.length; b++) for (const x of sexes) rates.set(`${s}|${b}|${x}`, rate(s, b, x));
  return municipalities.map((m) => {
    let total = 0;
    for (const p of population)
      if (p.areaCode === m.code)
        for (const s of sectors) total += p.count * (rates.get(`${s}|${band(p.age)}|${p.sex}`) ?? 0);
    return total;
  });
};

const rows: [string, string, string][] = [];
const ageSex = await time(() => ageSexNeedCoefficients(input));
const plain = await time(naive);
rows.push([
  'age-sex standardisation, 308 municipalities',
  `${ageSex.toFixed(1)} ms`,
  `${plain.toFixed(1)} ms`,
]);

const thlDir = fileURLToPath(new URL('../../shared/data/thl-need-coefficients/', import.meta.url));
const workbook = existsSync(thlDir) ? readdirSync(thlDir).find((f) => f.endsWith('.xlsx')) : undefined;
if (workbook) {
  const path = join(thlDir, workbook);
  const read = await time(() => readThlNeedWorkbook(path));
  const excel = await time(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
  });
  rows.push([
    'THL workbook read (6 years)',
    `${read.toFixed(0)} ms`,
    `${excel.toFixed(0)} ms (ExcelJS load only)`,
  ]);
  const years = await readThlNeedWorkbook(path);
  const compute = await time(() => years.map((y) => thlNeedCoefficients(y.model)));
  rows.push(['THL coefficients, 6 years × 23 areas', `${compute.toFixed(2)} ms`, '–']);
} else {
  rows.push(['THL workbook', 'not found under ../shared/data', '–']);
}

const width = Math.max(...rows.map((r) => r[0].length));
process.stdout.write(`${'what'.padEnd(width)}  soteatlas (median of ${runs})  plain way\n`);
for (const [what, ours, peer] of rows)
  process.stdout.write(`${what.padEnd(width)}  ${ours.padEnd(26)}  ${peer}\n`);
