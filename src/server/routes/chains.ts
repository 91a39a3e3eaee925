import { z } from 'zod';
import { chainHistory, computeChain, findChain, listChains, saveChain } from '../../chains/index.js';
import {
  ChainBreakdown,
  ChainId,
  ChainList,
  ChainResult,
  ChainUpdate,
  ChainVersionList,
  SoteatlasError,
  StoredChain,
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
    if (viewer.producerCode !== undefined)
      throw new SoteatlasError('forbidden', 'Service chains are defined by the county, not by producers.');
    if (body.definition.id !== params.id)
      throw new SoteatlasError(
        'invalidRequest',
        `The definition's id ${body.definition.id} is not ${params.id}.`,
      );
    return saveChain(state, body.definition, body.version, viewer.user);
  },
});

export const chainRoutes = [chainsRoute, chainRoute, chainResultsRoute, chainVersionsRoute, updateChainRoute];
