import {
  type BreakdownDimension,
  type EventFilter,
  type IndicatorAreaLevel,
  type IndicatorDefinition,
  type IndicatorMeasure,
  type IndicatorPeriodType,
  populationAgeGroups,
  type ServiceArea,
} from '../model/index.js';
import { clientTable, cubeTable } from './cube.js';
import { thlAgeBandStarts } from './need/index.js';
import { bucketOf, type PeriodSpan } from './periods.js';

/**
 * Compiles indicator definitions and one request into a single SQL statement over the store.
 *
 * Events are scanned once: every numerator and denominator over events becomes one filtered aggregate
 * (`count(*) FILTER (WHERE …)`) of the same scan, grouped by calendar bucket (year, quarter or month),
 * the raw area code and the breakdown. Buckets are then summed into the reported periods (a rolling
 * 12-month period sums twelve monthly buckets) and raw area codes mapped to the requested level.
 *
 * Areas change over time. Every period is computed on the area classification of its last day's year:
 * an event keeps the municipality code it was recorded with; a code no longer valid in that year is
 * mapped to its successor, found through the grid cells the two share in the versioned hierarchy (a
 * merged municipality's cells are re-parented to the new one), and population is that year's. So a
 * rolling 12-month period ending after a merger reports the merged municipality, with its predecessors'
 * earlier events in it, and calendar periods report the areas as they were.
 */

export interface MeasureColumns {
  numerator: string;
  denominator: string;
  /** Standardised cost indices: the expected cost from the county's age-sex cost profile. */
  expected?: string;
}

export interface CompiledIndicators {
  sql: string;
  params: Record<string, string>;
  dimensions: BreakdownDimension[];
  columns: MeasureColumns[];
}

export interface CompileInput {
  definitions: readonly IndicatorDefinition[];
  level: IndicatorAreaLevel;
  period: IndicatorPeriodType;
  periods: readonly PeriodSpan[];
  breakdown: readonly BreakdownDimension[];
  /** Service classes of each service area, from the store's catalogue. */
  classesByArea: Readonly<Record<ServiceArea, readonly string[]>>;
  /** Restricts events and units to one producer's. */
  producerCode?: string;
  /**
   * Where events are read: the events themselves, or the indicator cube (see cube.ts), which neither
   * counts distinct clients nor knows grid cells.
   */
  eventSource?: 'events' | 'cube' | 'clients';
}

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const list = (items: readonly string[]): string => items.map(quote).join(', ');

const ageBandSql = (column: string): string =>
  `CASE ${populationAgeGroups
    .map((g) => `WHEN ${column} <= ${g.ageTo} THEN ${quote(g.code)}`)
    .join(' ')} ELSE ${quote(populationAgeGroups.at(-1)?.code ?? '')} END`;

/** THL's 20 age bands of the county funding model's age-sex standardisation, numbered from 0. */
const thlBandSql = (column: string): string =>
  `CASE ${thlAgeBandStarts
    .map((start, i) => ({ start, i }))
    .reverse()
    .map(({ start, i }) => `WHEN ${column} >= ${start} THEN ${i}`)
    .join(' ')} ELSE 0 END`;

/** Breakdown columns of each source; a source without a dimension is broadcast over its categories. */
const eventDimensionSql: Record<BreakdownDimension, string> = {
  ageBand: ageBandSql('e.age'),
  sex: 'e.sex',
  serviceClass: 'e.service_class',
  producer: "coalesce(e.producer_code, '?')",
  unit: "coalesce(e.unit_code, '?')",
  channel: 'e.channel',
};
const populationDimensionSql: Partial<Record<BreakdownDimension, string>> = {
  ageBand: ageBandSql('p.age'),
  sex: 'p.sex',
};
const costDimensionSql: Partial<Record<BreakdownDimension, string>> = { serviceClass: 'c.service_class' };
const capacityDimensionSql: Partial<Record<BreakdownDimension, string>> = {
  unit: 'u.code',
  producer: 'u.producer_code',
};

const columnOf = (d: BreakdownDimension): string => `d_${d}`;

const recordedSql = {
  events: {
    gridCell: 'e.grid_cell_code IS NOT NULL',
    unit: 'e.unit_code IS NOT NULL',
    producer: 'e.producer_code IS NOT NULL',
    clientKey: 'e.client_key IS NOT NULL',
  },
  cube: {
    gridCell: 'e.has_grid_cell',
    unit: 'e.unit_code IS NOT NULL',
    producer: 'e.producer_code IS NOT NULL',
    clientKey: 'e.has_client_key',
  },
  clients: {
    gridCell: 'e.has_grid_cell',
    unit: 'e.unit_code IS NOT NULL',
    producer: 'e.producer_code IS NOT NULL',
    clientKey: 'e.has_client_key',
  },
} as const;

type EventSource = NonNullable<CompileInput['eventSource']>;

/** Whether a definition can be computed from the indicator cube at a level. */
export const cubeServes = (definition: IndicatorDefinition, level: IndicatorAreaLevel): boolean =>
  level !== 'gridCell' &&
  [definition.numerator, definition.denominator].every(
    (m) => m.source !== 'events' || m.aggregate !== 'clients',
  );

/**
 * Whether a definition can be computed from the client table (see cube.ts): it counts distinct clients
 * and nothing else of the events, all of classes the table keeps.
 */
export const clientTableServes = (
  definition: IndicatorDefinition,
  level: IndicatorAreaLevel,
  clientClasses: readonly string[],
  classesByArea: CompileInput['classesByArea'],
): boolean => {
  if (level === 'gridCell' || definition.kind === 'standardisedCostIndex') return false;
  const events = [definition.numerator, definition.denominator].filter((m) => m.source === 'events');
  return (
    events.length > 0 &&
    events.every((m) => {
      if (m.aggregate !== 'clients') return false;
      const classes = classesOf(m.filter.serviceClasses, m.filter.serviceAreas, classesByArea);
      return classes?.every((c) => clientClasses.includes(c)) === true;
    })
  );
};

/** The classes a filter admits: its own list, intersected with its service areas' classes. */
const classesOf = (
  classes: readonly string[] | undefined,
  areas: readonly ServiceArea[] | undefined,
  classesByArea: CompileInput['classesByArea'],
): string[] | undefined => {
  const ofAreas = areas ? areas.flatMap((a) => classesByArea[a]) : undefined;
  if (classes && ofAreas) return classes.filter((c) => ofAreas.includes(c));
  return classes ? [...classes] : ofAreas ? [...ofAreas] : undefined;
};

const inList = (column: string, items: readonly string[]): string =>
  items.length === 0 ? 'FALSE' : `${column} IN (${list(items)})`;

export const eventConditionSql = (
  filter: EventFilter,
  classesByArea: CompileInput['classesByArea'],
  source: EventSource = 'events',
): string => {
  const classes = classesOf(filter.serviceClasses, filter.serviceAreas, classesByArea);
  const parts = [
    classes && inList('e.service_class', classes),
    filter.kinds && inList('e.kind', filter.kinds),
    filter.channels && inList('e.channel', filter.channels),
    filter.ageFrom !== undefined && `e.age >= ${filter.ageFrom}`,
    filter.ageTo !== undefined && filter.ageTo < 100 && `e.age <= ${filter.ageTo}`,
    filter.sex && `e.sex = ${quote(filter.sex)}`,
    ...(filter.recorded ?? []).map((field) => recordedSql[source][field]),
  ].filter((part): part is string => typeof part === 'string');
  return parts.join(' AND ');
};

const filtered = (aggregate: string, condition: string): string =>
  condition === '' ? aggregate : `${aggregate} FILTER (WHERE ${condition})`;

const eventAggregateSql = (
  m: Extract<IndicatorMeasure, { source: 'events' }>,
  classesByArea: CompileInput['classesByArea'],
  source: EventSource,
): string => {
  const condition = eventConditionSql(m.filter, classesByArea, source);
  switch (m.aggregate) {
    case 'count':
      return filtered(source === 'cube' ? 'sum(e.events)' : 'count(*)', condition);
    case 'quantity':
      return filtered('sum(e.quantity)', condition);
    case 'cost':
      return filtered('sum(e.cost_euros)', condition);
    case 'clients':
      if (source === 'cube') throw new Error('the indicator cube does not count distinct clients');
      return filtered('count(DISTINCT e.client_key)', condition);
  }
};

const populationAggregateSql = (m: Extract<IndicatorMeasure, { source: 'population' }>): string => {
  const parts = [
    m.ageFrom > 0 && `p.age >= ${m.ageFrom}`,
    m.ageTo < 100 && `p.age <= ${m.ageTo}`,
    m.sex && `p.sex = ${quote(m.sex)}`,
  ].filter((part): part is string => typeof part === 'string');
  return filtered('sum(p.count)', parts.join(' AND '));
};

const costAggregateSql = (
  m: Extract<IndicatorMeasure, { source: 'netCost' }>,
  classesByArea: CompileInput['classesByArea'],
): string => {
  const classes = classesOf(m.serviceClasses, m.serviceAreas, classesByArea);
  return filtered('sum(c.net_operating_cost_euros)', classes ? inList('c.service_class', classes) : '');
};

const capacityAggregateSql = (m: Extract<IndicatorMeasure, { source: 'capacity' }>): string =>
  filtered(
    'sum(u.capacity_part)',
    `u.capacity_unit = ${quote(m.capacityUnit)} AND list_has_any(u.service_classes, [${list(m.serviceClasses)}])`,
  );

/** Collects distinct aggregates per source, so that two indicators sharing a measure share its column. */
class Aggregates {
  /** The conditions of the event aggregates; "" for one over every event. */
  readonly eventConditions = new Set<string>();
  readonly bySource = {
    events: new Map<string, string>(),
    population: new Map(),
    netCost: new Map(),
    capacity: new Map(),
  } as Record<IndicatorMeasure['source'], Map<string, string>>;
  private readonly prefix = { events: 'e', population: 'p', netCost: 'c', capacity: 'k' } as const;

  column(source: IndicatorMeasure['source'], sql: string): string {
    const map = this.bySource[source];
    const existing = map.get(sql);
    if (existing) return existing;
    const name = `${this.prefix[source]}${map.size}`;
    map.set(sql, name);
    return name;
  }

  select(source: IndicatorMeasure['source']): string {
    return [...this.bySource[source]].map(([sql, name]) => `${sql} AS ${name}`).join(',\n      ');
  }

  has(source: IndicatorMeasure['source']): boolean {
    return this.bySource[source].size > 0;
  }

  names(source: IndicatorMeasure['source']): string[] {
    return [...this.bySource[source].values()];
  }
}

const measureColumn = (m: IndicatorMeasure, aggregates: Aggregates, input: CompileInput): string => {
  switch (m.source) {
    case 'events':
      aggregates.eventConditions.add(eventConditionSql(m.filter, input.classesByArea, sourceOf(input)));
      return aggregates.column('events', eventAggregateSql(m, input.classesByArea, sourceOf(input)));
    case 'population':
      return aggregates.column('population', populationAggregateSql(m));
    case 'netCost':
      return aggregates.column('netCost', costAggregateSql(m, input.classesByArea));
    case 'capacity':
      return aggregates.column('capacity', capacityAggregateSql(m));
  }
};

const sourceOf = (input: CompileInput): EventSource => input.eventSource ?? 'events';
const tableOf = (input: CompileInput): string =>
  ({ events: 'events', cube: cubeTable, clients: clientTable })[sourceOf(input)];

const validSql = (alias: string, year: string): string =>
  `${alias}.valid_from_year <= ${year} AND (${alias}.valid_to_year IS NULL OR ${alias}.valid_to_year >= ${year})`;

/**
 * Groups by `keys` and, when there is a breakdown, also by `keys` alone, so that every area's total
 * over the categories comes from the same pass (distinct clients cannot be summed from the parts).
 */
const groupingSql = (keys: readonly string[], dims: readonly string[]): string =>
  dims.length === 0
    ? `GROUP BY ${keys.join(', ')}`
    : `GROUP BY GROUPING SETS ((${[...keys, ...dims].join(', ')}), (${keys.join(', ')}))`;

const totalFlagSql = (dims: readonly string[]): string =>
  dims.length === 0 ? 'TRUE' : `grouping(${dims[0]}) = 1`;

export const compileIndicators = (input: CompileInput): CompiledIndicators => {
  const { definitions, level, breakdown } = input;
  if (sourceOf(input) === 'cube' && definitions.some((d) => !cubeServes(d, level)))
    throw new Error('the indicator cube does not serve these indicators at this level');
  const eventTable = tableOf(input);
  // The client table holds a few classes only: which periods have data is the cube's to tell.
  const coverageTable = sourceOf(input) === 'clients' ? cubeTable : eventTable;
  const place = definitions[0]?.place ?? 'residence';
  if (definitions.some((d) => d.place !== place)) throw new Error('one query places all its events alike');
  const aggregates = new Aggregates();
  const standardised: { classes: string[] | undefined; column: string }[] = [];
  const columns = definitions.map((d): MeasureColumns => {
    const numerator = measureColumn(d.numerator, aggregates, input);
    const denominator = measureColumn(d.denominator, aggregates, input);
    if (d.kind !== 'standardisedCostIndex') return { numerator, denominator };
    const classes =
      d.numerator.source === 'netCost'
        ? classesOf(d.numerator.serviceClasses, d.numerator.serviceAreas, input.classesByArea)
        : undefined;
    const expected = `x${standardised.length}`;
    standardised.push({ classes, column: expected });
    return { numerator, denominator, expected };
  });

  const dims = breakdown.map(columnOf);
  // The date range is written into the statement: DuckDB skips row groups outside a literal range by
  // their min/max statistics, which it does not do for a bound parameter.
  const dateRange = `DATE '${input.periods[0]?.firstBucket ?? '1900-01-01'}' AND DATE '${input.periods.at(-1)?.end ?? '1900-01-01'}'`;
  const params: Record<string, string> = {};
  const producerFilter = input.producerCode === undefined ? '' : 'AND e.producer_code = $producer';
  if (input.producerCode !== undefined) params.producer = input.producerCode;

  const periodValues = input.periods
    .map(
      (p) =>
        `(${quote(p.key)}, DATE '${p.start}', DATE '${p.end}', ${p.year}, DATE '${p.firstBucket}', DATE '${p.lastBucket}')`,
    )
    .join(',\n    ');

  const sourceLevel = level === 'gridCell' ? 'gridCell' : 'municipality';
  // Raw area codes (municipality, or grid cell) mapped to the requested level in each year.
  const areaMap =
    level === 'gridCell'
      ? `amap AS (SELECT DISTINCT a.code AS raw_code, y.year, a.code AS area_code FROM areas a, yrs y WHERE a.level = 'gridCell')`
      : level === 'county'
        ? `amap AS (
    SELECT m.code AS raw_code, y.year, any_value(m.parent_code) AS area_code
    FROM areas m, yrs y WHERE m.level = 'municipality' GROUP BY ALL)`
        : `successors AS (
    SELECT old.parent_code AS raw_code, y.year, mode(cur.parent_code) AS area_code
    FROM areas old
    JOIN areas cur ON cur.code = old.code AND cur.level = 'gridCell'
    JOIN yrs y ON ${validSql('cur', 'y.year')}
    WHERE old.level = 'gridCell' AND old.parent_code <> cur.parent_code
    GROUP BY ALL),
  amap AS (
    SELECT m.code AS raw_code, y.year,
      CASE WHEN bool_or(${validSql('m', 'y.year')}) THEN m.code ELSE coalesce(any_value(s.area_code), m.code) END AS area_code
    FROM areas m CROSS JOIN yrs y
    LEFT JOIN successors s ON s.raw_code = m.code AND s.year = y.year
    WHERE m.level = 'municipality'
    GROUP BY m.code, y.year)`;

  const ctes: string[] = [
    `per(period, start_date, end_date, year, first_bucket, last_bucket) AS (VALUES
    ${periodValues})`,
    'yrs AS (SELECT DISTINCT year FROM per)',
    `lvl AS (
    SELECT y.year, a.code AS area_code, any_value(a.name_fi) AS area_name, any_value(a.parent_code) AS parent_code
    FROM areas a JOIN yrs y ON ${validSql('a', 'y.year')}
    WHERE a.level = ${quote(level)}
    GROUP BY ALL)`,
    areaMap,
  ];

  const rawEventArea =
    place === 'unit' ? 'e.unit_code' : level === 'gridCell' ? 'e.grid_cell_code' : 'e.municipality_code';
  const eventKeys = ['bucket', 'raw'];
  // Only events some aggregate counts are read: the union of their conditions, so that an indicator
  // of one service class scans that class's events only.
  const prefilter = aggregates.eventConditions.has('')
    ? ''
    : `AND (${[...aggregates.eventConditions].map((c) => `(${c})`).join(' OR ')})`;
  // Years are grouped by their number, cheaper than truncating every date; buckets become dates after.
  const bucketKey =
    input.period === 'year'
      ? 'year(e.event_date)'
      : `date_trunc('${bucketOf(input.period)}', e.event_date)::DATE`;
  const bucketDate = input.period === 'year' ? 'make_date(ev.bucket, 1, 1)' : 'ev.bucket';
  // With one condition for all, the WHERE clause already applies it.
  const [onlyCondition] = aggregates.eventConditions.size === 1 ? [...aggregates.eventConditions] : [];
  const eventAggregates = onlyCondition
    ? aggregates.select('events').replaceAll(` FILTER (WHERE ${onlyCondition})`, '')
    : aggregates.select('events');
  if (aggregates.has('events')) {
    ctes.push(`ev AS (
    SELECT ${bucketKey} AS bucket, ${rawEventArea} AS raw,
      ${[...breakdown.map((d) => `${eventDimensionSql[d]} AS ${columnOf(d)}`), `${totalFlagSql(dims)} AS is_total`].join(', ')},
      ${eventAggregates}
    FROM ${eventTable} e
    WHERE e.event_date BETWEEN ${dateRange} AND ${rawEventArea} IS NOT NULL ${producerFilter} ${prefilter}
    ${groupingSql(eventKeys, dims)})`);
    if (place === 'unit')
      ctes.push(
        'umap AS (SELECT code AS unit_code, any_value(municipality_code) AS municipality_code FROM units GROUP BY code)',
      );
    const rawMunicipality = place === 'unit' ? 'um.municipality_code' : 'ev.raw';
    ctes.push(`eva AS (
    SELECT per.period, coalesce(am.area_code, ${rawMunicipality}) AS area_code, ${[...dims.map((d) => `ev.${d}`), 'ev.is_total'].join(', ')},
      ${aggregates
        .names('events')
        .map((n) => `sum(ev.${n}) AS ${n}`)
        .join(', ')}
    FROM ev JOIN per ON ${bucketDate} BETWEEN per.first_bucket AND per.last_bucket
    ${place === 'unit' ? 'LEFT JOIN umap um ON um.unit_code = ev.raw' : ''}
    LEFT JOIN amap am ON am.raw_code = ${rawMunicipality} AND am.year = per.year
    GROUP BY ALL)`);
    // The periods the event data cover: between the first and the last event of the years asked for.
    // Outside, a count is unknown (null); inside, no events is a real zero.
    ctes.push(`covered AS (
    SELECT per.period FROM per,
      (SELECT min(event_date) AS first, max(event_date) AS last FROM ${coverageTable} WHERE event_date BETWEEN ${dateRange}) b
    WHERE per.end_date >= b.first AND per.start_date <= b.last)`);
  }

  const sourceDims = (sqlOf: Partial<Record<BreakdownDimension, string>>) =>
    breakdown.filter((d) => sqlOf[d] !== undefined);
  const popDims = sourceDims(populationDimensionSql);
  const costDims = sourceDims(costDimensionSql);
  const capDims = sourceDims(capacityDimensionSql);

  if (aggregates.has('population')) {
    ctes.push(`pop AS (
    SELECT p.year, coalesce(am.area_code, p.area_code) AS area_code,
      ${[...popDims.map((d) => `${populationDimensionSql[d]} AS ${columnOf(d)}`), `${totalFlagSql(popDims.map(columnOf))} AS is_total`].join(', ')},
      ${aggregates.select('population')}
    FROM population p JOIN yrs y ON y.year = p.year
    LEFT JOIN amap am ON am.raw_code = p.area_code AND am.year = p.year
    WHERE p.area_level = '${sourceLevel}'
    ${groupingSql(['p.year', 'coalesce(am.area_code, p.area_code)'], popDims.map(columnOf))})`);
  }
  if (aggregates.has('netCost')) {
    ctes.push(`cost AS (
    SELECT c.year, coalesce(am.area_code, c.area_code) AS area_code,
      ${[...costDims.map((d) => `${costDimensionSql[d]} AS ${columnOf(d)}`), `${totalFlagSql(costDims.map(columnOf))} AS is_total`].join(', ')},
      ${aggregates.select('netCost')}
    FROM costs c JOIN yrs y ON y.year = c.year
    LEFT JOIN amap am ON am.raw_code = c.area_code AND am.year = c.year
    ${groupingSql(['c.year', 'coalesce(am.area_code, c.area_code)'], costDims.map(columnOf))})`);
  }
  if (aggregates.has('capacity')) {
    const unitProducer = input.producerCode === undefined ? '' : 'AND u.producer_code = $producer';
    ctes.push(`cap AS (
    SELECT u.period, u.area_code,
      ${[...capDims.map((d) => `${capacityDimensionSql[d]} AS ${columnOf(d)}`), `${totalFlagSql(capDims.map(columnOf))} AS is_total`].join(', ')},
      ${aggregates.select('capacity')}
    FROM (
      SELECT per.period, coalesce(am.area_code, u.municipality_code) AS area_code, u.code, u.producer_code,
        u.capacity_unit, u.service_classes,
        u.capacity_per_year
          * (datediff('day', greatest(per.start_date, u.valid_from), least(per.end_date, coalesce(u.valid_to, per.end_date))) + 1)
          / CASE WHEN u.capacity_unit = 'places' THEN 1
              ELSE datediff('day', make_date(per.year, 1, 1), make_date(per.year + 1, 1, 1)) END AS capacity_part
      FROM units u
      JOIN per ON u.valid_from <= per.end_date AND (u.valid_to IS NULL OR u.valid_to >= per.start_date)
      LEFT JOIN amap am ON am.raw_code = u.municipality_code AND am.year = per.year
      WHERE TRUE ${unitProducer}
    ) u
    ${groupingSql(['u.period', 'u.area_code'], capDims.map(columnOf))})`);
  }
  if (standardised.length > 0) {
    // Indirect age-sex standardisation against the whole store (the county) in THL's 20 age bands: each
    // area's expected cost is its residents by band and sex times the county's cost per resident there.
    const band = thlBandSql('e.age');
    ctes.push(`ref AS (
    SELECT year(e.event_date) AS year, ${band} AS band, e.sex,
      ${standardised.map((s) => `${filtered('sum(e.cost_euros)', s.classes ? inList('e.service_class', s.classes) : '')} AS r_${s.column}`).join(', ')}
    FROM ${eventTable} e WHERE e.event_date BETWEEN ${dateRange}
    GROUP BY ALL)`);
    ctes.push(`popb AS (
    SELECT p.year, coalesce(am.area_code, p.area_code) AS area_code, ${thlBandSql('p.age')} AS band, p.sex, sum(p.count) AS n
    FROM population p JOIN yrs y ON y.year = p.year
    LEFT JOIN amap am ON am.raw_code = p.area_code AND am.year = p.year
    WHERE p.area_level = '${sourceLevel}'
    GROUP BY ALL)`);
    ctes.push(`expct AS (
    SELECT b.year, b.area_code,
      ${standardised.map((s) => `sum(b.n * r.r_${s.column} / nullif(t.n, 0)) AS ${s.column}`).join(', ')}
    FROM popb b
    JOIN (SELECT year, band, sex, sum(n) AS n FROM popb GROUP BY ALL) t USING (year, band, sex)
    JOIN ref r USING (year, band, sex)
    GROUP BY ALL)`);
  }

  // The categories: those any source has, so that a category with residents but no events still shows.
  const dimSources = [
    aggregates.has('events') ? 'eva' : undefined,
    aggregates.has('population') && popDims.length === dims.length ? 'pop' : undefined,
    aggregates.has('netCost') && costDims.length === dims.length ? 'cost' : undefined,
    aggregates.has('capacity') && capDims.length === dims.length ? 'cap' : undefined,
  ].filter((source): source is string => source !== undefined);
  const dimFrame =
    dims.length === 0
      ? 'SELECT TRUE AS is_total'
      : [
          ...dimSources.map((source) => `SELECT DISTINCT ${dims.join(', ')}, is_total FROM ${source}`),
          `SELECT ${dims.map(() => 'NULL').join(', ')}, TRUE`,
        ].join(' UNION ');
  ctes.push(`dimf AS (${dimFrame})`);

  const join = (alias: string, sourceDimensions: readonly BreakdownDimension[], periodKey: string) => {
    const conditions = [periodKey, `${alias}.area_code = f.area_code`];
    if (sourceDimensions.length > 0) {
      conditions.push(`${alias}.is_total = f.is_total`);
      for (const d of sourceDimensions)
        conditions.push(`${alias}.${columnOf(d)} IS NOT DISTINCT FROM f.${columnOf(d)}`);
    }
    return conditions.join(' AND ');
  };

  const selected = [
    'f.period',
    'f.start_date',
    'f.end_date',
    'f.year',
    'f.area_code',
    'f.area_name',
    'f.parent_code',
    'f.is_total',
    ...dims.map((d) => `f.${d}`),
    ...aggregates
      .names('events')
      .map((n) => `CASE WHEN cv.period IS NULL THEN NULL ELSE coalesce(ev.${n}, 0) END AS ${n}`),
    ...aggregates.names('population').map((n) => `pop.${n}`),
    ...aggregates.names('netCost').map((n) => `cost.${n}`),
    ...aggregates.names('capacity').map((n) => `coalesce(cap.${n}, 0) AS ${n}`),
    ...standardised.map((s) => `expct.${s.column}`),
  ];
  const joins = [
    aggregates.has('events')
      ? `LEFT JOIN eva ev ON ${join('ev', breakdown, 'ev.period = f.period')}
    LEFT JOIN covered cv ON cv.period = f.period`
      : '',
    aggregates.has('population') ? `LEFT JOIN pop ON ${join('pop', popDims, 'pop.year = f.year')}` : '',
    aggregates.has('netCost') ? `LEFT JOIN cost ON ${join('cost', costDims, 'cost.year = f.year')}` : '',
    aggregates.has('capacity') ? `LEFT JOIN cap ON ${join('cap', capDims, 'cap.period = f.period')}` : '',
    standardised.length > 0
      ? 'LEFT JOIN expct ON expct.year = f.year AND expct.area_code = f.area_code AND f.is_total'
      : '',
  ].filter((j) => j !== '');

  const sql = `WITH
  ${ctes.join(',\n  ')},
  frame AS (
    SELECT per.period, per.start_date, per.end_date, per.year, lvl.area_code, lvl.area_name, lvl.parent_code, dimf.*
    FROM per JOIN lvl ON lvl.year = per.year CROSS JOIN dimf)
SELECT ${selected.join(',\n  ')}
FROM frame f
${joins.join('\n')}
ORDER BY f.start_date, f.area_code, f.is_total DESC${dims.map((d) => `, f.${d}`).join('')}`;
  // DuckDB refuses named parameters the statement does not use.
  const used = Object.fromEntries(Object.entries(params).filter(([name]) => sql.includes(`$${name}`)));
  return { sql, params: used, dimensions: [...breakdown], columns };
};
