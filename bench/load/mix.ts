import type { Role } from '../../src/model/index.js';

/** The requests a load run mixes, each timed on its own. */
export type RequestKind = 'indicator' | 'evaluate' | 'saveTarget' | 'saveScenario';
export const requestKinds: readonly RequestKind[] = ['indicator', 'evaluate', 'saveTarget', 'saveScenario'];

/**
 * How often each kind comes, as people use the app: mostly reading indicators, often trying a change to
 * the network, now and then saving a target or a scenario.
 */
const weights: Readonly<Record<RequestKind, number>> = {
  indicator: 6,
  evaluate: 3,
  saveTarget: 1,
  saveScenario: 1,
};

/** Who does what: an analyst everything; a planner works on the network, a manager on targets. */
export const kindsOf: Readonly<Partial<Record<Role, readonly RequestKind[]>>> = {
  analyst: ['indicator', 'evaluate', 'saveTarget', 'saveScenario'],
  planner: ['indicator', 'evaluate', 'saveScenario'],
  manager: ['indicator', 'saveTarget'],
};

/** What the county offers to ask about, read once from the API before the run. */
export interface Catalogue {
  /** The indicators each role may read, with their directions and breakdowns. */
  indicators: Partial<Record<Role, readonly CatalogueIndicator[]>>;
  /** In-person units of the base network, where they stand (EPSG:3067) and their capacity. */
  units: readonly { code: string; x: number; y: number; capacityPerYear: number }[];
  municipalityCodes: readonly string[];
  /** The latest year with figures: the period targets are set for. */
  year: number;
}

export interface CatalogueIndicator {
  id: string;
  direction: 'higherIsBetter' | 'lowerIsBetter' | 'neutral';
  breakdowns: readonly string[];
  levels: readonly string[];
}

/** A request ready to send, and the kind it is timed as. */
export interface LoadRequest {
  kind: RequestKind;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
}

/** A seeded generator (mulberry32): each session's choices are the same in every run. */
export const randomOf = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
export type Random = ReturnType<typeof randomOf>;

const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to choose from');
  return item;
};

export const kindFor = (random: Random, kinds: readonly RequestKind[]): RequestKind => {
  const total = kinds.reduce((sum, kind) => sum + weights[kind], 0);
  let at = random() * total;
  for (const kind of kinds) {
    at -= weights[kind];
    if (at < 0) return kind;
  }
  return kinds[kinds.length - 1] ?? 'indicator';
};

const indicatorRead = (random: Random, indicators: readonly CatalogueIndicator[]): LoadRequest => {
  const indicator = pick(random, indicators);
  const levels = indicator.levels.filter((level) => level === 'county' || level === 'municipality');
  const query = new URLSearchParams({ level: levels.length > 0 ? pick(random, levels) : 'municipality' });
  if (indicator.breakdowns.length > 0 && random() < 0.3)
    query.set('breakdown', pick(random, indicator.breakdowns));
  return { kind: 'indicator', method: 'GET', path: `/api/indicators/${indicator.id}?${query}` };
};

/** One click on the network page: close a unit, move it a little, or halve its capacity. */
const changeOf = (random: Random, catalogue: Catalogue) => {
  const unit = pick(random, catalogue.units);
  const click = random();
  if (click < 1 / 3) return { kind: 'close', unitCode: unit.code };
  if (click < 2 / 3)
    return { kind: 'move', unitCode: unit.code, x: unit.x + 500 + random() * 2000, y: unit.y + 500 };
  return { kind: 'capacity', unitCode: unit.code, capacityPerYear: Math.round(unit.capacityPerYear / 2) };
};

const targetSave = (random: Random, catalogue: Catalogue, indicators: readonly CatalogueIndicator[]) => {
  const indicator = pick(random, indicators);
  const direction =
    indicator.direction === 'neutral'
      ? pick(random, ['higherIsBetter', 'lowerIsBetter'])
      : indicator.direction;
  return {
    kind: 'saveTarget' as const,
    method: 'POST' as const,
    path: '/api/targets',
    body: {
      indicatorId: indicator.id,
      scope: { level: 'municipality', code: pick(random, catalogue.municipalityCodes) },
      period: String(catalogue.year),
      targetValue: Math.round(random() * 1000) / 10,
      direction,
      tolerance: 1,
    },
  };
};

/**
 * The next request of a session of `role`. A session saves one scenario of its own: created the first
 * time (`scenarioId` undefined), a new version after that.
 */
export const nextRequest = (
  random: Random,
  role: Role,
  catalogue: Catalogue,
  scenarioId: string | undefined,
): LoadRequest => {
  const kind = kindFor(random, kindsOf[role] ?? ['indicator']);
  const indicators = catalogue.indicators[role] ?? [];
  if (kind === 'indicator') return indicatorRead(random, indicators);
  if (kind === 'saveTarget') return targetSave(random, catalogue, indicators);
  const scenario = { name: `load ${role}`, changes: [changeOf(random, catalogue)] };
  if (kind === 'evaluate') return { kind, method: 'POST', path: '/api/network/evaluate', body: scenario };
  return scenarioId === undefined
    ? { kind, method: 'POST', path: '/api/network/scenarios', body: scenario }
    : {
        kind,
        method: 'PUT',
        path: `/api/network/scenarios/${encodeURIComponent(scenarioId)}`,
        body: scenario,
      };
};
