import type {
  BreakdownDimension,
  IndicatorAreaLevel,
  IndicatorDefinition,
  IndicatorPeriodType,
} from '../model/index.js';
import {
  Aggregates,
  type ClassesByArea,
  classesOf,
  cubeServes,
  type EventSource,
} from './compile-measures.js';
import {
  capacityDimensionSql,
  columnOf,
  costDimensionSql,
  type DimensionSql,
  populationDimensionSql,
} from './compile-sql.js';
import { clientTable, cubeTable } from './cube.js';
import type { PeriodSpan } from './periods.js';

export interface MeasureColumns {
  numerator: string;
  denominator: string;
  /** Standardised cost indices: the expected cost from the county's age-sex cost profile. */
  expected?: string;
}

export interface CompileInput {
  definitions: readonly IndicatorDefinition[];
  level: IndicatorAreaLevel;
  period: IndicatorPeriodType;
  periods: readonly PeriodSpan[];
  breakdown: readonly BreakdownDimension[];
  /** Service classes of each service area, from the store's catalogue. */
  classesByArea: ClassesByArea;
  /** Restricts events and units to one producer's. */
  producerCode?: string;
  /**
   * Where events are read: the events themselves, or the indicator cube (see cube.ts), which neither
   * counts distinct clients nor knows grid cells.
   */
  eventSource?: EventSource;
}

/** An expected-cost column of a standardised cost index, over the classes of its numerator. */
export interface Standardised {
  classes: string[] | undefined;
  column: string;
}

/** What the builders of the statement's parts share, worked out once from the input. */
export interface QueryPlan {
  input: CompileInput;
  eventTable: string;
  /** The table that tells which periods have event data. */
  coverageTable: string;
  place: IndicatorDefinition['place'];
  aggregates: Aggregates;
  standardised: Standardised[];
  columns: MeasureColumns[];
  /** The breakdown's column names. */
  dims: string[];
  /** The breakdown dimensions each other source has. */
  popDims: BreakdownDimension[];
  costDims: BreakdownDimension[];
  capDims: BreakdownDimension[];
  /** `DATE '…' AND DATE '…'`: the first bucket to the end of the last period. */
  dateRange: string;
  /** The level of the population and cost rows read. */
  sourceLevel: 'gridCell' | 'municipality';
}

export const planQuery = (input: CompileInput): QueryPlan => {
  const { definitions, level, breakdown } = input;
  const source = input.eventSource ?? 'events';
  if (source === 'cube' && definitions.some((d) => !cubeServes(d, level)))
    throw new Error('the indicator cube does not serve these indicators at this level');
  const eventTable = { events: 'events', cube: cubeTable, clients: clientTable }[source];
  const place = definitions[0]?.place ?? 'residence';
  if (definitions.some((d) => d.place !== place)) throw new Error('one query places all its events alike');
  const aggregates = new Aggregates(input.classesByArea, source);
  const standardised: Standardised[] = [];
  const columns = definitions.map((d) =>
    measureColumns(d, { aggregates, standardised, classesByArea: input.classesByArea }),
  );
  const sourceDims = (sqlOf: DimensionSql) => breakdown.filter((d) => sqlOf[d] !== undefined);
  return {
    input,
    eventTable,
    // The client table holds a few classes only: which periods have data is the cube's to tell.
    coverageTable: source === 'clients' ? cubeTable : eventTable,
    place,
    aggregates,
    standardised,
    columns,
    dims: breakdown.map(columnOf),
    popDims: sourceDims(populationDimensionSql),
    costDims: sourceDims(costDimensionSql),
    capDims: sourceDims(capacityDimensionSql),
    // The date range is written into the statement: DuckDB skips row groups outside a literal range by
    // their min/max statistics, which it does not do for a bound parameter.
    dateRange: `DATE '${input.periods[0]?.firstBucket ?? '1900-01-01'}' AND DATE '${input.periods.at(-1)?.end ?? '1900-01-01'}'`,
    sourceLevel: level === 'gridCell' ? 'gridCell' : 'municipality',
  };
};

/** A definition's numerator and denominator columns, and its expected-cost column if it has one. */
const measureColumns = (
  d: IndicatorDefinition,
  {
    aggregates,
    standardised,
    classesByArea,
  }: { aggregates: Aggregates; standardised: Standardised[]; classesByArea: ClassesByArea },
): MeasureColumns => {
  const numerator = aggregates.measure(d.numerator);
  const denominator = aggregates.measure(d.denominator);
  if (d.kind !== 'standardisedCostIndex') return { numerator, denominator };
  const classes =
    d.numerator.source === 'netCost'
      ? classesOf(d.numerator.serviceClasses, d.numerator.serviceAreas, classesByArea)
      : undefined;
  const expected = `x${standardised.length}`;
  standardised.push({ classes, column: expected });
  return { numerator, denominator, expected };
};
