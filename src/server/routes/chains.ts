import { z } from 'zod';
import {
  chainHistory,
  computeChain,
  createChain,
  findChain,
  listChains,
  saveChain,
} from '../../chains/index.js';
import {
  ChainBreakdown,
  ChainCreate,
  ChainId,
  ChainList,
  ChainResult,
  ChainUpdate,
  ChainVersionList,
  SoteatlasError,
  StoredChain,
  type Viewer,
  Year,
} from '../../model/index.js';
import { defineRoute } from '../route.js';

const IdParameters = z.strictObject({ id: ChainId.describe('The chain, e.g. hip-fracture.') });
const notFound = (params: { id: string }) => `There is no service chain ${params.id}.`;

export const chainsRoute = defineRoute({
  path: '/api/chains',
  summary: 'The service chains (palveluketjut) in force: shipped ones and the county’s own, with versions',
  tag: 'chains',
  permission: 'viewAggregates',
  response: ChainList,
  handler: async ({ state }) => listChains(state),
});

export const chainRoute = defineRoute({
  path: '/api/chains/:id',
  summary: 'One service chain’s definition in force',
  tag: 'chains',
  permission: 'viewAggregates',
  params: IdParameters,
  response: StoredChain,
  notFound,
  handler: async ({ state, params }) => findChain(state, params.id),
});

export const chainResultsRoute = defineRoute({
  path: '/api/chains/:id/results',
  summary:
    'A chain for the clients entering in one year: funnel, times between steps, handovers, returns, cost',
  description:
    'Counted by pseudonymous client key. For anyone without viewUnsuppressed, counts of 1–4 and the counts they could be worked back from are withheld (null, suppressed true), over all breakdowns at once.',
  tag: 'chains',
  permission: 'viewAggregates',
  params: IdParameters,
  query: z.strictObject({
    period: z
      .preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), Year)
      .describe('The year clients entered.'),
    by: ChainBreakdown.optional().describe(
      'Breakdown: municipality, ageBand, sex or producer of the first step.',
    ),
  }),
  response: ChainResult,
  notFound,
  handler: async ({ store, state, params, query, viewer }) => {
    const chain = await findChain(state, params.id);
    if (!chain) return undefined;
    return computeChain(store, chain.definition, query.period, {
      viewer,
      by: query.by,
      version: chain.version,
    });
  },
});

export const chainVersionsRoute = defineRoute({
  path: '/api/chains/:id/versions',
  summary:
    'Every version of a chain, newest first: who saved it and when (a shipped chain’s version 1 has neither)',
  tag: 'chains',
  permission: 'viewAggregates',
  params: IdParameters,
  response: ChainVersionList,
  notFound,
  handler: async ({ state, params }) => {
    const chain = await findChain(state, params.id);
    if (!chain) return undefined;
    const saved = await chainHistory(state, params.id);
    const shippedFirst = chain.shipped && !saved.some((v) => v.version === 1);
    return [...saved, ...(shippedFirst ? [{ version: 1, savedAt: null, savedBy: null }] : [])];
  },
});

/** Chains are the county's to define: a producer's users never edit one, whatever their roles. */
const refuseProducers = (viewer: Viewer) => {
  if (viewer.producerCode !== undefined)
    throw new SoteatlasError('forbidden', 'Service chains are defined by the county, not by producers.');
};

export const createChainRoute = defineRoute({
  method: 'POST',
  path: '/api/chains',
  summary:
    'Create a service chain under a new id, written from scratch or copied from another; saved as version 1 (409 if the id is taken)',
  tag: 'chains',
  permission: 'editTargets',
  body: ChainCreate,
  response: StoredChain,
  errors: ['forbidden', 'conflict'],
  handler: async ({ state, body, viewer, audit }) => {
    refuseProducers(viewer);
    if (body.copiedFrom !== undefined && !(await findChain(state, body.copiedFrom)))
      throw new SoteatlasError('invalidRequest', `There is no service chain ${body.copiedFrom} to copy.`);
    const saved = await createChain(state, body.definition, viewer.user);
    await audit({
      action: 'chains.create',
      resource: `chain:${saved.definition.id}`,
      parameters: {
        version: saved.version,
        steps: saved.definition.steps.length,
        ...(body.copiedFrom !== undefined && { copiedFrom: body.copiedFrom }),
      },
    });
    return saved;
  },
});

export const updateChainRoute = defineRoute({
  method: 'PUT',
  path: '/api/chains/:id',
  summary:
    'Save a new version of a chain’s definition, naming the version edited (409 if stale; 0 for a new chain)',
  tag: 'chains',
  permission: 'editTargets',
  params: IdParameters,
  body: ChainUpdate,
  response: StoredChain,
  errors: ['forbidden', 'conflict'],
  handler: async ({ state, params, body, viewer }) => {
    refuseProducers(viewer);
    if (body.definition.id !== params.id)
      throw new SoteatlasError(
        'invalidRequest',
        `The definition's id ${body.definition.id} is not ${params.id}.`,
      );
    return saveChain(state, body.definition, body.version, viewer.user);
  },
});

export const chainRoutes = [
  chainsRoute,
  chainRoute,
  chainResultsRoute,
  chainVersionsRoute,
  createChainRoute,
  updateChainRoute,
];
