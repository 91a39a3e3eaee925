import { z } from 'zod';
import { findIndicator } from '../../indicators/index.js';
import {
  DeletedRecord,
  MonitoringSet,
  MonitoringSetInput,
  MonitoringSetList,
  MonitoringSetUpdate,
  MonitoringSetView,
  SoteatlasError,
  seesArea,
  seesUnit,
  Target,
  TargetInput,
  TargetList,
  type Viewer,
  Year,
} from '../../model/index.js';
import type { StateDb } from '../../state/index.js';
import { listUnits, type Store } from '../../store/index.js';
import {
  createMonitoringSet,
  deleteMonitoringSet,
  deleteTarget,
  ensureShippedMonitoringSets,
  evaluateMonitoringSet,
  findMonitoringSet,
  findTarget,
  listMonitoringSets,
  listTargets,
  saveTarget,
  updateMonitoringSet,
  updateTarget,
} from '../../targets/index.js';
import { indicatorSourceOf } from '../indicator-source.js';
import { defineRoute } from '../route.js';

const numberFromText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), schema);

const IdParameters = z.strictObject({ id: numberFromText(z.int().positive()).describe('Id of the record.') });

/** A producer sees its own figures against targets, but the targets are the county's to set. */
const refuseProducers = (viewer: Viewer): void => {
  if (viewer.producerCode !== undefined)
    throw new SoteatlasError(
      'forbidden',
      'Targets and monitoring sets are edited by the county, not by producers.',
    );
};

/**
 * Every indicator must exist, and a target must not call better what the indicator's definition calls
 * worse (a neutral indicator, such as visits per resident, may be steered either way).
 */
const checkIndicators = async (
  store: Store,
  state: StateDb,
  targets: readonly { indicatorId: string; direction?: string }[],
): Promise<void> => {
  const source = await indicatorSourceOf(store, state);
  const find = (id: string) => findIndicator(id) ?? source.find(id);
  const unknown = [...new Set(targets.map((t) => t.indicatorId).filter((id) => !find(id)))];
  if (unknown.length > 0)
    throw new SoteatlasError(
      'invalidRequest',
      `Unknown indicator${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
      { details: { indicatorIds: unknown.join(',') } },
    );
  for (const { indicatorId, direction } of targets) {
    const defined = find(indicatorId)?.direction;
    if (direction !== undefined && defined !== 'neutral' && defined !== direction)
      throw new SoteatlasError(
        'invalidRequest',
        `${indicatorId} is defined as ${defined}; its target cannot be ${direction}.`,
        { details: { indicatorId, direction } },
      );
  }
};

const itemTargets = (items: readonly { indicatorId: string; target?: { direction: string } }[]) =>
  items.map((i) => ({
    indicatorId: i.indicatorId,
    ...(i.target && { direction: i.target.direction }),
  }));

/**
 * Which targets a viewer may see: a producer's users not another producer's targets nor those of its
 * units, an area-scoped viewer not those of municipalities or units outside their areas.
 */
const targetScopeOf = async (store: Store, viewer: Viewer): Promise<(target: Target) => boolean> => {
  if (viewer.producerCode === undefined && !viewer.areas) return () => true;
  const units = new Map((await listUnits(store)).map((unit) => [unit.code, unit]));
  return ({ scope }) => {
    if (scope.level === 'producer')
      return viewer.producerCode === undefined || scope.code === viewer.producerCode;
    if (scope.level === 'unit') {
      const unit = units.get(scope.code ?? '');
      return unit !== undefined && seesUnit(viewer, unit);
    }
    return seesArea(viewer, { level: scope.level, code: scope.code ?? '' });
  };
};

const setNotFound = (params: { id: number }) => `There is no monitoring set ${params.id}.`;
const targetNotFound = (params: { id: number }) => `There is no target ${params.id}.`;

export const monitoringSetsRoute = defineRoute({
  path: '/api/monitoring-sets',
  summary: 'The monitoring sets (seurantamittaristot), by name',
  description:
    'The sets shipped in config/monitoring-sets, such as the top management set, are stored the first time.',
  tag: 'targets',
  permission: 'viewAggregates',
  response: MonitoringSetList,
  handler: async ({ state }) => listMonitoringSets(state),
});

export const createMonitoringSetRoute = defineRoute({
  method: 'POST',
  path: '/api/monitoring-sets',
  summary: 'Create a monitoring set; the targets its items carry are stored as their indicators’ targets',
  tag: 'targets',
  permission: 'editTargets',
  body: MonitoringSetInput,
  response: MonitoringSet,
  errors: ['forbidden', 'conflict'],
  handler: async ({ store, state, body, viewer }) => {
    refuseProducers(viewer);
    await checkIndicators(store, state, itemTargets(body.items));
    await ensureShippedMonitoringSets(state);
    return createMonitoringSet(state, body);
  },
});

export const monitoringSetRoute = defineRoute({
  path: '/api/monitoring-sets/:id',
  summary: 'A monitoring set with each indicator’s value, target, status, variance, trend and sparkline',
  description:
    'Figures come from the indicator engine for the viewer: for anyone but an analyst, figures about few people are withheld (null, suppressed true) and their status is unknown.',
  tag: 'targets',
  permission: 'viewAggregates',
  params: IdParameters,
  query: z.strictObject({
    period: z.enum(['year', 'quarter', 'month']).default('year').describe('Period of the series.'),
    year: numberFromText(Year).optional().describe('The last year shown; by default the latest with events.'),
    years: numberFromText(z.int().min(1).max(10))
      .default(5)
      .describe('Years of series for sparklines and trends.'),
  }),
  response: MonitoringSetView,
  notFound: setNotFound,
  handler: async ({ store, state, params, query, viewer }) => {
    const set = await findMonitoringSet(state, params.id);
    if (!set) return undefined;
    return evaluateMonitoringSet(store, set, {
      viewer,
      source: await indicatorSourceOf(store, state),
      periodType: query.period,
      years: query.years,
      ...(query.year !== undefined && { toYear: query.year }),
    });
  },
});

export const updateMonitoringSetRoute = defineRoute({
  method: 'PUT',
  path: '/api/monitoring-sets/:id',
  summary: 'Replace a monitoring set’s name, description and items, naming the version edited (409 if stale)',
  tag: 'targets',
  permission: 'editTargets',
  params: IdParameters,
  body: MonitoringSetUpdate,
  response: MonitoringSet,
  notFound: setNotFound,
  errors: ['forbidden', 'conflict'],
  handler: async ({ store, state, params, body, viewer }) => {
    refuseProducers(viewer);
    await checkIndicators(store, state, itemTargets(body.items));
    await ensureShippedMonitoringSets(state);
    return updateMonitoringSet(state, params.id, body);
  },
});

export const deleteMonitoringSetRoute = defineRoute({
  method: 'DELETE',
  path: '/api/monitoring-sets/:id',
  summary: 'Delete a monitoring set (its indicators’ targets stay)',
  tag: 'targets',
  permission: 'editTargets',
  params: IdParameters,
  response: DeletedRecord,
  notFound: setNotFound,
  errors: ['forbidden'],
  handler: async ({ state, params, viewer }) => {
    refuseProducers(viewer);
    await ensureShippedMonitoringSets(state);
    return (await deleteMonitoringSet(state, params.id))
      ? { id: params.id, deleted: true as const }
      : undefined;
  },
});

export const targetsRoute = defineRoute({
  path: '/api/targets',
  summary: 'Targets of indicators by scope and period',
  tag: 'targets',
  permission: 'viewAggregates',
  query: z.strictObject({ indicatorId: z.string().trim().min(1).max(100).optional() }),
  response: TargetList,
  handler: async ({ store, state, query, viewer }) => {
    await ensureShippedMonitoringSets(state);
    const targets = await listTargets(
      state,
      query.indicatorId === undefined ? {} : { indicatorId: query.indicatorId },
    );
    const sees = await targetScopeOf(store, viewer);
    return targets.filter(sees);
  },
});

export const createTargetRoute = defineRoute({
  method: 'POST',
  path: '/api/targets',
  summary: 'Set the target of an indicator, scope and period (replacing the one there was)',
  tag: 'targets',
  permission: 'editTargets',
  body: TargetInput,
  response: Target,
  errors: ['forbidden'],
  handler: async ({ store, state, body, viewer }) => {
    refuseProducers(viewer);
    await checkIndicators(store, state, [body]);
    return saveTarget(state, body);
  },
});

export const targetRoute = defineRoute({
  path: '/api/targets/:id',
  summary: 'One target',
  tag: 'targets',
  permission: 'viewAggregates',
  params: IdParameters,
  response: Target,
  notFound: targetNotFound,
  handler: async ({ store, state, params, viewer }) => {
    const target = await findTarget(state, params.id);
    // Another producer's target is answered as one that is not there.
    return target && (await targetScopeOf(store, viewer))(target) ? target : undefined;
  },
});

export const updateTargetRoute = defineRoute({
  method: 'PUT',
  path: '/api/targets/:id',
  summary: 'Replace a target',
  tag: 'targets',
  permission: 'editTargets',
  params: IdParameters,
  body: TargetInput,
  response: Target,
  notFound: targetNotFound,
  errors: ['forbidden'],
  handler: async ({ store, state, params, body, viewer }) => {
    refuseProducers(viewer);
    await checkIndicators(store, state, [body]);
    return updateTarget(state, params.id, body);
  },
});

export const deleteTargetRoute = defineRoute({
  method: 'DELETE',
  path: '/api/targets/:id',
  summary: 'Delete a target',
  tag: 'targets',
  permission: 'editTargets',
  params: IdParameters,
  response: DeletedRecord,
  notFound: targetNotFound,
  errors: ['forbidden'],
  handler: async ({ state, params, viewer }) => {
    refuseProducers(viewer);
    return (await deleteTarget(state, params.id)) ? { id: params.id, deleted: true as const } : undefined;
  },
});

export const targetRoutes = [
  monitoringSetsRoute,
  createMonitoringSetRoute,
  monitoringSetRoute,
  updateMonitoringSetRoute,
  deleteMonitoringSetRoute,
  targetsRoute,
  createTargetRoute,
  targetRoute,
  updateTargetRoute,
  deleteTargetRoute,
];
