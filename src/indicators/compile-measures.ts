import type {
  EventFilter,
  IndicatorAreaLevel,
  IndicatorDefinition,
  IndicatorMeasure,
  ServiceArea,
} from '../model/index.js';
import { filtered, inList, list, quote } from './compile-sql.js';

/** Service classes of each service area, from the store's catalogue. */
export type ClassesByArea = Readonly<Record<ServiceArea, readonly string[]>>;

/**
 * Where events are read: the events themselves, or the indicator cube (see cube.ts), which neither
 * counts distinct clients nor knows grid cells.
 */
export type EventSource = 'events' | 'cube' | 'clients';

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

/** Whether a definition can be computed from the indicator cube at a level. */
export const cubeServes = (definition: IndicatorDefinition, level: IndicatorAreaLevel): boolean =>
  level !== 'gridCell' &&
  [definition.numerator, definition.denominator].every(
    (m) => m.source !== 'events' || m.aggregate !== 'clients',
  );

export interface ClientTable {
  /** The classes the client table keeps. */
  clientClasses: readonly string[];
  classesByArea: ClassesByArea;
}

/**
 * Whether a definition can be computed from the client table (see cube.ts): it counts distinct clients
 * and nothing else of the events, all of classes the table keeps.
 */
export const clientTableServes = (
  definition: IndicatorDefinition,
  level: IndicatorAreaLevel,
  { clientClasses, classesByArea }: ClientTable,
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
export const classesOf = (
  classes: readonly string[] | undefined,
  areas: readonly ServiceArea[] | undefined,
  classesByArea: ClassesByArea,
): string[] | undefined => {
  const ofAreas = areas ? areas.flatMap((a) => classesByArea[a]) : undefined;
  if (classes && ofAreas) return classes.filter((c) => ofAreas.includes(c));
  return classes ? [...classes] : ofAreas ? [...ofAreas] : undefined;
};

export const eventConditionSql = (
  filter: EventFilter,
  classesByArea: ClassesByArea,
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

const eventAggregateSql = (
  m: Extract<IndicatorMeasure, { source: 'events' }>,
  classesByArea: ClassesByArea,
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
  classesByArea: ClassesByArea,
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
export class Aggregates {
  /** The conditions of the event aggregates; "" for one over every event. */
  readonly eventConditions = new Set<string>();
  readonly bySource = {
    events: new Map<string, string>(),
    population: new Map(),
    netCost: new Map(),
    capacity: new Map(),
  } as Record<IndicatorMeasure['source'], Map<string, string>>;
  private readonly prefix = { events: 'e', population: 'p', netCost: 'c', capacity: 'k' } as const;

  constructor(
    private readonly classesByArea: ClassesByArea,
    private readonly source: EventSource,
  ) {}

  /** The column that holds a measure's aggregate, added if no indicator asked for it yet. */
  measure(m: IndicatorMeasure): string {
    switch (m.source) {
      case 'events':
        this.eventConditions.add(eventConditionSql(m.filter, this.classesByArea, this.source));
        return this.column('events', eventAggregateSql(m, this.classesByArea, this.source));
      case 'population':
        return this.column('population', populationAggregateSql(m));
      case 'netCost':
        return this.column('netCost', costAggregateSql(m, this.classesByArea));
      case 'capacity':
        return this.column('capacity', capacityAggregateSql(m));
    }
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

  private column(source: IndicatorMeasure['source'], sql: string): string {
    const map = this.bySource[source];
    const existing = map.get(sql);
    if (existing) return existing;
    const name = `${this.prefix[source]}${map.size}`;
    map.set(sql, name);
    return name;
  }
}
