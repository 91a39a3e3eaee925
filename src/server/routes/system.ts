import { Health, StoreStatus } from '../../model/index.js';
import { storeStatus } from '../../store/index.js';
import { defineRoute } from '../route.js';

export const healthRoute = defineRoute({
  path: '/api/health',
  summary: 'Whether the server is up and its store answers',
  tag: 'system',
  permission: 'open',
  response: Health,
  handler: async ({ store }) => {
    const [row] = await store.all<{ version: number }>('SELECT max(version) AS version FROM schema_version');
    return { status: 'ok' as const, schemaVersion: row?.version ?? 0 };
  },
});

export const statusRoute = defineRoute({
  path: '/api/status',
  summary: 'What the store holds: rows per kind, years covered, imports',
  tag: 'system',
  permission: 'viewAggregates',
  response: StoreStatus,
  handler: ({ store }) => storeStatus(store),
});
