import type { Command } from 'commander';
import {
  backtestInStore,
  cachedProjection,
  defaultCountyCode,
  demandTable,
  findVariant,
  forecastContext,
  importOfficialProjectionFile,
} from '../../forecast/index.js';
import type { ForecastBacktest, ForecastBasis, ForecastDemand, ForecastErrorRow } from '../../model/index.js';
import { openStore } from '../../store/index.js';
import { interruptible } from '../interrupt.js';
import { defaultDatabasePath } from '../paths.js';
import { progressBar } from '../progress.js';
import { openStateOf } from '../state.js';

interface ForecastOptions {
  db: string;
  variant: string;
  to?: string;
  json: boolean;
  backtestFrom?: string;
  importOfficial?: string;
  name?: string;
  by?: string;
}

/** The breakdowns `--by` accepts: the projection by age, sex and municipality, in any combination. */
const byDimensions = ['age', 'sex', 'municipality'] as const;
type ByDimension = (typeof byDimensions)[number];

export const parseBy = (text: string): ByDimension[] => {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const part of parts)
    if (!byDimensions.includes(part as ByDimension))
      throw new Error(`--by takes ${byDimensions.join(', ')}, not "${part}"`);
  return [...new Set(parts as ByDimension[])];
};

const whole = (n: number) => Math.round(n).toLocaleString('fi-FI');

const wholeYear = (text: string, what: string): number => {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1900 || year > 2100) throw new Error(`${what} must be a year`);
  return year;
};

const basisText = (basis: ForecastBasis | undefined): string[] => {
  if (!basis) return [];
  const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
  return [
    `Rates rest on ${basis.historyYears} year(s) of history${basis.firstYear === null ? '' : ` from ${basis.firstYear}`} to ${basis.baseYear}: mortality ${basis.mortality.source} (improvement ${basis.mortality.improvementSource}, ${pct(basis.mortality.improvementBelow85)} a year below 85, ${pct(basis.mortality.improvementAt95)} at 95), fertility ${basis.fertility.source}, migration ${basis.migration.source}${basis.migration.halfLifeYears === null ? '' : ` (damped toward the county's, half-life ${basis.migration.halfLifeYears} years)`}.`,
    ...basis.warnings.map((w) => `Warning: ${w}`),
  ];
};

const backtestText = (result: ForecastBacktest): string => {
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v.toFixed(1)} %`);
  const official = result.official ?? null;
  const columns = (r: ForecastErrorRow) =>
    [
      pct(r.mape),
      pct(r.totalError),
      pct(r.baselineMape),
      pct(r.baselineTotalError),
      ...(official ? [pct(r.officialMape), pct(r.officialTotalError)] : []),
    ]
      .map((c) => c.padStart(9))
      .join(' ');
  const heading = ['MAPE', 'total', 'const.MAPE', 'const.tot', ...(official ? ['off.MAPE', 'off.total'] : [])]
    .map((c) => c.padStart(9))
    .join(' ');
  const horizons = (result.byHorizon ?? []).filter(
    (h) => [1, 2, 5, 10, 15, 20].includes(h.horizon) || h.year === result.toYear,
  );
  const lines = [
    `Backtest of ${result.variant} from ${result.fromYear} to ${result.toYear}: MAPE ${pct(result.mape)}, county total ${pct(result.countyTotalError)}`,
    official
      ? `Beside a constant population (const.) and ${official.label} (off., variant ${official.variant}).`
      : 'Beside a constant population (const.); no official projection from this base year in the store.',
    ...basisText(result.basis),
    '',
    `Age group ${heading}`,
    ...result.byAgeGroup.map((r) => `  ${r.key.padEnd(7)} ${columns(r)}`),
    '',
    "By years ahead: error of each age group's total in that year (product / constant" +
      (official ? ' / official)' : ')'),
    ...horizons.map(
      (h) =>
        `  +${String(h.horizon).padEnd(2)} ${h.year}  ` +
        h.byAgeGroup
          .map(
            (r) =>
              `${r.key} ${pct(r.totalError)} / ${pct(r.baselineTotalError)}${official ? ` / ${pct(r.officialTotalError)}` : ''}`,
          )
          .join('  '),
    ),
    '',
    `Municipality ${heading}`,
    ...result.byMunicipality.map((r) => `  ${r.key.padEnd(10)} ${columns(r)}`),
  ];
  return lines.join('\n');
};

/**
 * The projection as rows of year × the dimensions asked for (summed over the others), with whether
 * the year is observed, for scripts and spreadsheets.
 */
const projectionRows = (
  projection: { years: number[]; areaCodes: string[]; population: Float64Array; baseYear: number },
  by: ByDimension[],
) => {
  const perYear = projection.population.length / projection.years.length;
  const groups = perYear / projection.areaCodes.length;
  const ages = groups / 2;
  const rows: Record<string, string | number | boolean>[] = [];
  projection.years.forEach((year, y) => {
    const sums = new Map<string, { key: Record<string, string | number>; count: number }>();
    for (let area = 0; area < projection.areaCodes.length; area++) {
      for (let g = 0; g < groups; g++) {
        const key: Record<string, string | number> = {};
        if (by.includes('municipality')) key.municipality = projection.areaCodes[area] ?? '';
        if (by.includes('sex')) key.sex = g < ages ? 'male' : 'female';
        if (by.includes('age')) key.age = g % ages;
        const id = JSON.stringify(key);
        const entry = sums.get(id) ?? { key, count: 0 };
        entry.count += projection.population[y * perYear + area * groups + g] as number;
        sums.set(id, entry);
      }
    }
    for (const { key, count } of sums.values())
      rows.push({ year, observed: year <= projection.baseYear, ...key, count });
  });
  return rows;
};

const demandText = (demand: ForecastDemand): string => {
  const n = (v: number | null) => (v === null ? '–' : whole(v));
  return [
    `Demand ${demand.year} against capacity (base year ${demand.baseYear}), area ${demand.areaCode}:`,
    `  ${'class'.padEnd(6)} ${'base volume'.padStart(12)} ${'demand'.padStart(12)} ${'capacity'.padStart(12)} ${'gap'.padStart(10)} ${'FTE'.padStart(7)} ${'FTE gap'.padStart(8)}`,
    ...demand.rows.map(
      (r) =>
        `  ${r.serviceClass.padEnd(6)} ${n(r.baseVolume).padStart(12)} ${n(r.demand).padStart(12)} ${n(r.capacity).padStart(12)} ${n(r.gap).padStart(10)} ${(r.fte?.toFixed(1) ?? '–').padStart(7)} ${(r.fteGap?.toFixed(1) ?? '–').padStart(8)}`,
    ),
  ].join('\n');
};

export const registerForecast = (program: Command): void => {
  program
    .command('forecast')
    .description('project the population by municipality, age and sex and the service demand it implies')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option(
      '--variant <name>',
      'forecast variant (base, high-migration, low-migration or a saved one)',
      'base',
    )
    .option('--to <year>', 'last projected year (default: the variant’s, 2045)')
    .option(
      '--backtest-from <year>',
      'instead: project from this earlier year and compare with what was observed',
    )
    .option(
      '--import-official <file>',
      'first import an official projection (JSON-stat like table 14wx) as a variant',
    )
    .option('--name <name>', 'name of the imported official variant', 'official')
    .option('--json', 'print JSON', false)
    .option(
      '--by <dimensions>',
      'with --json: the projection by any of age, sex, municipality (e.g. age,sex,municipality)',
    )
    .action(async (options: ForecastOptions) => {
      const { signal, dispose } = interruptible();
      const progress = progressBar();
      const store = await openStore(options.db);
      const state = await openStateOf(store);
      const step = (done: number, label: string) => {
        if (signal.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
        progress.update(done, 4, label);
      };
      try {
        if (options.importOfficial) {
          step(0, 'importing the official projection');
          const imported = await importOfficialProjectionFile(store, options.importOfficial, {
            name: options.name,
          });
          process.stderr.write(`Imported ${options.importOfficial} as variant ${imported.name}.\n`);
        }
        const by = options.by === undefined ? undefined : parseBy(options.by);
        if (by && !options.json) throw new Error('--by needs --json');
        step(1, 'reading the population history');
        const context = await forecastContext(store);
        if (!context) throw new Error('the store holds no population by municipality');
        const found = await findVariant(store, state, options.variant);
        if (!found) throw new Error(`no forecast variant "${options.variant}"`);
        if (options.backtestFrom !== undefined) {
          step(2, 'backtesting');
          const result = await backtestInStore(
            store,
            context,
            found,
            wholeYear(options.backtestFrom, '--backtest-from'),
          );
          progress.stop();
          process.stdout.write(`${options.json ? JSON.stringify(result) : backtestText(result)}\n`);
          return;
        }
        const variant =
          options.to === undefined
            ? found
            : { ...found, assumptions: { ...found.assumptions, toYear: wholeYear(options.to, '--to') } };
        step(2, 'projecting');
        const projection = await cachedProjection(store, context, variant);
        const size = projection.areaCodes.length;
        const perYear = projection.population.length / projection.years.length;
        const years = projection.years.map((year, y) => {
          const slice = projection.population.subarray(y * perYear, (y + 1) * perYear);
          const total = slice.reduce((a, b) => a + b, 0);
          const component = (values: Float64Array | undefined) =>
            y === 0 || !values ? null : values.subarray((y - 1) * size, y * size).reduce((a, b) => a + b, 0);
          return {
            year,
            total,
            births: component(projection.components?.births),
            deaths: component(projection.components?.deaths),
            netMigration: component(projection.components?.netMigration),
          };
        });
        step(3, 'demand and capacity');
        const county = defaultCountyCode(context);
        const lastYear = projection.years[projection.years.length - 1] ?? projection.baseYear;
        const demand = await demandTable(store, context, {
          variant,
          areaLevel: county === undefined ? 'country' : 'county',
          areaCode: county ?? 'SSS',
          year: lastYear,
        });
        progress.stop();
        if (options.json) {
          const rows = by ? projectionRows(projection, by) : undefined;
          process.stdout.write(
            `${JSON.stringify({
              variant: variant.name,
              baseYear: projection.baseYear,
              basis: projection.basis ?? null,
              years,
              ...(rows && { by, rows }),
              demand: demand ?? null,
            })}\n`,
          );
          return;
        }
        const n = (v: number | null) => (v === null ? '' : whole(v));
        const lines = [
          `Variant ${variant.name} (${variant.label}), base year ${projection.baseYear}`,
          ...basisText(projection.basis),
          '',
          `  ${'year'.padEnd(6)} ${'residents'.padStart(10)} ${'births'.padStart(8)} ${'deaths'.padStart(8)} ${'net migr.'.padStart(10)}`,
          ...years.map(
            (y) =>
              `  ${String(y.year).padEnd(6)} ${whole(y.total).padStart(10)} ${n(y.births).padStart(8)} ${n(y.deaths).padStart(8)} ${n(y.netMigration).padStart(10)}`,
          ),
          '',
          demand ? demandText(demand) : 'No events in the store: no demand.',
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        progress.stop();
        dispose();
        await state.close();
        store.close();
      }
    });
};
