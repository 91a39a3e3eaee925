import { ProducerList, ServiceClassList } from '../../model/index.js';
import { listProducers, listServiceClasses } from '../../store/index.js';
import { defineRoute } from '../route.js';

export const producersRoute = defineRoute({
  path: '/api/producers',
  summary: 'Producers with the number of their units',
  description: 'A producer’s users see their own producer only.',
  tag: 'catalogue',
  permission: 'viewAggregates',
  response: ProducerList,
  handler: async ({ store, viewer }) =>
    (await listProducers(store)).filter(
      (producer) => viewer.producerCode === undefined || producer.code === viewer.producerCode,
    ),
});

export const serviceClassesRoute = defineRoute({
  path: '/api/service-classes',
  summary: 'The service-class catalogue',
  tag: 'catalogue',
  permission: 'viewAggregates',
  response: ServiceClassList,
  handler: ({ store }) => listServiceClasses(store),
});
