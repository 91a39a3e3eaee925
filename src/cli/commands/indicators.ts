import type { Command } from 'commander';
import { builtInIndicators, computeIndicator, findIndicator } from '../../indicators/index.js';
import {
  BreakdownDimension,
  IndicatorAreaLevel,
  type IndicatorDefinition,
  IndicatorPeriodType,
  type IndicatorValue,
  Role,
  type Viewer,
  viewerWithRoles,
} from '../../model/index.js';
import { openStore, type Store } from '../../store/index.js';
import { defaultDatabasePath } from '../paths.js';
import { withheldLegend } from '../withheld-legend.js';

interface IndicatorOptions {
  db: string;
  id?: string;
  level: string;
  period: string;
  year?: string;
  fromYear?: string;
  toYear?: string;
  breakdown?: string;
  role: string;
  producer?: string;
  json: boolean;
}

const formatValue = (v: IndicatorValue, decimals: number): string =>
  v.suppressed
    ? '<5'
    : v.value === null
      ? '–'
      : v.value.toLocaleString('fi-FI', { maximumFractionDigits: decimals });

/** The built-in indicator `id`, or an error that says where the ids are listed. */
export const indicatorOf = (id: string): IndicatorDefinition => {
  const definition = findIndicator(id);
  if (!definition) throw new Error(`no indicator ${id}; \`soteatlas indicators\` lists them`);
  return definition;
};

/** One indicator computed for every area of a level, as the viewer of `--role` would see it. */
export const indicatorText = async (
  store: Store,
  definition: IndicatorDefinition,
  options: Omit<IndicatorOptions, 'db' | 'id'>,
): Promise<string> => {
  const viewer: Viewer = viewerWithRoles(
    [Role.parse(options.role)],
    options.producer ? { producerCode: options.producer } : {},
  );
  const fromYear = options.fromYear ?? options.year;
  const toYear = options.toYear ?? options.year;
  const result = await computeIndicator(
    store,
    definition,
    {
      level: IndicatorAreaLevel.parse(options.level),
      period: IndicatorPeriodType.parse(options.period),
      ...(fromYear !== undefined && { fromYear: Number(fromYear) }),
      ...(toYear !== undefined && { toYear: Number(toYear) }),
      breakdown: (options.breakdown ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter((d) => d !== '')
        .map((d) => BreakdownDimension.parse(d)),
    },
    { viewer },
  );
  if (options.json) return `${JSON.stringify(result)}\n`;
  const lines = [`${definition.title.fi} (${definition.unit.fi})`, ''];
  for (const v of result.values) {
    const category = v.isTotal ? '' : Object.values(v.breakdown).join(' / ');
    const interval =
      v.lower === null || v.upper === null
        ? ''
        : ` (${formatValue({ ...v, value: v.lower }, definition.decimals)}–${formatValue({ ...v, value: v.upper }, definition.decimals)})`;
    lines.push(
      `${v.period.padEnd(16)} ${`${v.areaCode} ${v.areaName ?? ''}`.padEnd(32)} ${category.padEnd(20)} ${formatValue(v, definition.decimals).padStart(12)}${interval}`,
    );
  }
  if (result.values.some((v) => v.suppressed)) lines.push('', withheldLegend('people'));
  for (const note of result.metadata.notes) lines.push('', note);
  return `${lines.join('\n')}\n`;
};

/**
 * `soteatlas indicators` lists the built-in indicators; with `--id` it computes one for every area of
 * a level. Whoever holds the store file is an analyst, so figures are unsuppressed unless `--role` says
 * to show them as another viewer would see them.
 */
export const registerIndicators = (program: Command): void => {
  program
    .command('indicators')
    .description('list the built-in indicators, or compute one (--id) by area, period and breakdown')
    .option('--db <path>', 'the store', defaultDatabasePath)
    .option('--id <id>', 'the indicator to compute')
    .option('--level <level>', 'county, municipality or gridCell', 'municipality')
    .option('--period <period>', 'year, quarter, month or rolling12', 'year')
    .option('--year <year>', 'one year (default: the latest with events)')
    .option('--from-year <year>', 'first year')
    .option('--to-year <year>', 'last year')
    .option(
      '--breakdown <dimensions>',
      'comma-separated: ageBand, sex, serviceClass, producer, unit, channel',
    )
    .option(
      '--role <role>',
      'show the figures as this viewer sees them (suppressed for all but analyst)',
      'analyst',
    )
    .option('--producer <code>', 'with --role producer: the producer')
    .option('--json', 'print JSON', false)
    .action(async ({ id, ...options }: IndicatorOptions) => {
      if (id === undefined) {
        if (options.json) {
          process.stdout.write(`${JSON.stringify(builtInIndicators)}\n`);
          return;
        }
        for (const d of builtInIndicators)
          process.stdout.write(`${d.id.padEnd(44)} ${d.title.fi} (${d.unit.fi}; ${d.periods.join(', ')})\n`);
        return;
      }
      const definition = indicatorOf(id);
      const store = await openStore(options.db, { readOnly: true });
      try {
        process.stdout.write(await indicatorText(store, definition, options));
      } finally {
        store.close();
      }
    });
};
