import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShippedChains } from '../chains/index.js';
import { defaultRolePermissions, type Permission, Role } from '../model/index.js';
import type { Route } from './route.js';
import { apiRoutes } from './routes/index.js';
import { asRole, openTestServer } from './testing.js';

// Every route asked by every built-in role and by someone not signed in. A role holding the route's
// permission is served (whatever the route then answers: 200, or 404 for the missing ids used here);
// one lacking it is refused, 401 when not signed in and 403 when signed in. The table is written to
// test-results/role-route-matrix.md.

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  // Every heavy route asked by every role, all from one address: more than the per-client limit allows a
  // person, which is not what this test is about.
  server = await openTestServer({ limits: { heavy: { limit: 100_000, windowSeconds: 60 } } });
});

/** The signed-in built-in roles (a producer of P1), then anonymous: the public role, not signed in. */
const askers = [...Role.options.filter((r) => r !== 'public'), 'anonymous'] as const;
type Asker = (typeof askers)[number];

const headersOf = (asker: Asker): Record<string, string> =>
  asker === 'anonymous' ? {} : asker === 'producer' ? asRole('producer', 'P1') : asRole(asker);

const permissionsOf = (asker: Asker): readonly Permission[] =>
  defaultRolePermissions[asker === 'anonymous' ? 'public' : asker];

/**
 * A request each route would serve: valid, and naming ids that are not there where a route changes or
 * deletes one, so that the matrix leaves the store as it found it (a 404 is still being served).
 */
const target = {
  indicatorId: 'hc-visits-per-1000',
  scope: { level: 'county' },
  period: '2026',
  targetValue: 20,
  direction: 'higherIsBetter',
  tolerance: 5,
};

const hipFracture = loadShippedChains().find((c) => c.id === 'hip-fracture');

const sampleRequests: Record<string, (asker: Asker) => { url?: string; payload?: object }> = {
  'GET /api/imports/:id/rejects': () => ({ url: '/api/imports/2/rejects' }),
  'GET /api/imports/:id/rejects.csv': () => ({ url: '/api/imports/2/rejects.csv' }),
  'GET /api/indicators/:id': () => ({ url: '/api/indicators/hc-visits-per-1000' }),
  'GET /api/indicators/:id/comparison': () => ({ url: '/api/indicators/hc-visits-per-1000/comparison' }),
  'POST /api/forecast/variants': (asker) => ({ payload: { name: `matrix-${asker}`, label: 'Matrix' } }),
  'PUT /api/forecast/variants/:name': (asker) => ({
    url: `/api/forecast/variants/matrix-${asker}`,
    payload: { label: 'M' },
  }),
  'DELETE /api/forecast/variants/:name': () => ({ url: '/api/forecast/variants/nothing' }),
  'POST /api/forecast/official': () => ({ payload: { name: 'matrix-official', dataset: {} } }),
  'GET /api/forecast/pyramid': () => ({ url: '/api/forecast/pyramid?year=2024' }),
  'GET /api/forecast/demand': () => ({ url: '/api/forecast/demand?year=2024' }),
  'POST /api/monitoring-sets': (asker) => ({ payload: { name: `Matriisi ${asker}`, items: [] } }),
  'GET /api/monitoring-sets/:id': () => ({ url: '/api/monitoring-sets/999' }),
  'PUT /api/monitoring-sets/:id': () => ({
    url: '/api/monitoring-sets/999',
    payload: { version: 1, name: 'x', items: [] },
  }),
  'DELETE /api/monitoring-sets/:id': () => ({ url: '/api/monitoring-sets/999' }),
  'POST /api/targets': () => ({ payload: target }),
  'GET /api/targets/:id': () => ({ url: '/api/targets/999' }),
  'PUT /api/targets/:id': () => ({ url: '/api/targets/999', payload: target }),
  'DELETE /api/targets/:id': () => ({ url: '/api/targets/999' }),
  'PUT /api/network/roads/active': () => ({ payload: { name: 'no-such-network' } }),
  'POST /api/network/scenarios': () => ({ payload: { name: 'matriisi' } }),
  'PUT /api/network/scenarios/:id': () => ({ url: '/api/network/scenarios/none', payload: { name: 'x' } }),
  'DELETE /api/network/scenarios/:id': () => ({ url: '/api/network/scenarios/none' }),
  'GET /api/network/scenarios/:id/result': () => ({ url: '/api/network/scenarios/base/result' }),
  'POST /api/network/evaluate': () => ({ payload: { name: 'x' } }),
  'GET /api/network/compare': () => ({ url: '/api/network/compare?ids=base,base' }),
  'POST /api/network/access.geojson': () => ({ payload: { serviceClass: 'HC' } }),
  'POST /api/network/optimisations': () => ({ payload: { scenarioId: 'none', serviceClass: 'HC', p: 1 } }),
  'GET /api/reports/report.xlsx': () => ({ url: '/api/reports/report.xlsx?set=no-such-set' }),
  'GET /api/reports/report.pdf': () => ({ url: '/api/reports/report.pdf?set=no-such-set' }),
  'PUT /api/users/:id/access': () => ({ url: '/api/users/bm9ib2R5/access', payload: {} }),
  'PUT /api/roles/:role': () => ({ url: '/api/roles/public', payload: { permissions: ['viewAggregates'] } }),
  'GET /api/programme/projects/:code': () => ({ url: '/api/programme/projects/H01' }),
  'GET /api/programme/projects/:code/versions': () => ({ url: '/api/programme/projects/H01/versions' }),
  'PUT /api/programme/projects/:code': () => ({
    url: '/api/programme/projects/none',
    payload: { version: 1 },
  }),
  'DELETE /api/programme/projects/:code': () => ({ url: '/api/programme/projects/none' }),
  'POST /api/programme/import': () => ({ payload: { workbookBase64: 'AAAA' } }),
  // An unknown language: the route is served and refuses the query, without starting a browser.
  'GET /api/programme/status-pack.pdf': () => ({ url: '/api/programme/status-pack.pdf?lang=xx' }),
  'GET /api/chains/:id': () => ({ url: '/api/chains/hip-fracture' }),
  'GET /api/chains/:id/results': () => ({ url: '/api/chains/hip-fracture/results?period=2024' }),
  'GET /api/chains/:id/versions': () => ({ url: '/api/chains/hip-fracture/versions' }),
  // An id taken by a shipped chain: served (409), and the state is left as it was.
  'POST /api/chains': () => ({ payload: { definition: hipFracture, copiedFrom: 'hip-fracture' } }),
  // A stale version: served (409), and the state is left as it was.
  'PUT /api/chains/:id': () => ({
    url: '/api/chains/hip-fracture',
    payload: { version: 99, definition: hipFracture },
  }),
  'GET /api/steering/reconciliation': () => ({ url: '/api/steering/reconciliation?period=2024-01' }),
  'GET /api/steering/comparison': () => ({ url: '/api/steering/comparison?serviceClass=HC&period=2024' }),
  'GET /api/steering/producers/:code/invoices': () => ({
    url: '/api/steering/producers/none/invoices?period=2024',
  }),
  // A producer the store does not know: served (400), and nothing is added.
  'POST /api/steering/invoices': () => ({
    payload: {
      invoiceId: 'MATRIX-1',
      producerCode: 'NOBODY',
      month: '2024-01',
      serviceClass: 'HC',
      amountEuros: 1,
      quantity: 1,
    },
  }),
  'PUT /api/steering/invoices/:id': () => ({
    url: '/api/steering/invoices/none',
    payload: { version: 1, amountEuros: 1, quantity: 1 },
  }),
  // A stale version: served (409, or 400 where the class is not known), and the state is left as it was.
  'PUT /api/steering/vouchers/:serviceClass/:year': () => ({
    url: '/api/steering/vouchers/HC/2024',
    payload: { version: 99, valueEuros: 1 },
  }),
  'GET /api/steering/vouchers/:serviceClass/:year/versions': () => ({
    url: '/api/steering/vouchers/HC/2024/versions',
  }),
  'PUT /api/steering/inspections/:id': () => ({
    url: '/api/steering/inspections/none',
    payload: { version: 1, inspectionDate: '2024-01-01', kind: 'planned' },
  }),
};

const requestOf = (route: Route, asker: Asker) => {
  const sample = sampleRequests[`${route.method} ${route.path}`]?.(asker) ?? {};
  return {
    method: route.method,
    url: sample.url ?? route.path.replace(/:(\w+)/g, 'none'),
    ...(route.method !== 'GET' && { payload: sample.payload ?? {} }),
  };
};

const matrix = new Map<Route, Map<Asker, number>>();

afterAll(async () => {
  await server.close();
  const header = `| Route | Permission | ${askers.join(' | ')} |`;
  const rule = `|${' --- |'.repeat(askers.length + 2)}`;
  const rows = [...matrix].map(
    ([route, statuses]) =>
      `| ${route.method} ${route.path} | ${route.permission} | ${askers.map((a) => statuses.get(a) ?? '').join(' | ')} |`,
  );
  mkdirSync('test-results', { recursive: true });
  writeFileSync(
    'test-results/role-route-matrix.md',
    `# Role × route matrix\n\nStatus of each API route for each built-in role with its default permissions (a producer of P1) and for someone not signed in. 401/403 are refusals; anything else means the route served the request (404: the sample id is not there; 400/422: the sample body is refused by the route itself).\n\n${header}\n${rule}\n${rows.join('\n')}\n`,
  );
});

describe('role × route matrix', () => {
  it.each(apiRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s serves exactly those holding its permission',
    async (_name, route) => {
      const statuses = new Map<Asker, number>();
      matrix.set(route, statuses);
      for (const asker of askers) {
        const response = await server.app.inject({ ...requestOf(route, asker), headers: headersOf(asker) });
        statuses.set(asker, response.statusCode);
        const allowed = route.permission === 'open' || permissionsOf(asker).includes(route.permission);
        const refusal = asker === 'anonymous' ? 401 : 403;
        const context = `${asker}: ${response.body.slice(0, 200)}`;
        if (allowed) {
          expect([401, 403], context).not.toContain(response.statusCode);
          expect(response.statusCode, context).toBeLessThan(500);
        } else expect(response.statusCode, context).toBe(refusal);
      }
    },
  );
});
