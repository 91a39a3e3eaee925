import { lastFetches } from '../../connectors/index.js';
import { SourceFetchList } from '../../model/index.js';
import { defineRoute } from '../route.js';

export const sourcesRoute = defineRoute({
  path: '/api/sources',
  summary: "Each open-data source's last fetch: when, from where, licence and attribution, what changed",
  description:
    'Statistics Finland (PxWeb, WFS) and THL data fetched straight from the source, CC BY 4.0: the attribution is to be shown wherever the data appears.',
  tag: 'imports',
  permission: 'viewAggregates',
  response: SourceFetchList,
  handler: ({ store }) => lastFetches(store),
});
