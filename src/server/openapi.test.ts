import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSchemas, defaultRolePermissions, ErrorCode, Role } from '../model/index.js';
import { apiRoutes } from './routes/index.js';
import { asRole, getJson, openTestServer } from './testing.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
let document: {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Partial<Record<'get' | 'post' | 'put' | 'delete', Operation>>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};
interface Operation {
  operationId: string;
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  responses: Record<string, { description?: string; content: Record<string, { schema: { $ref: string } }> }>;
}

beforeAll(async () => {
  server = await openTestServer();
  document = (await getJson(server.app, '/api/openapi.json')).body;
});
afterAll(() => server.close());

/** Every "$ref" anywhere inside `value`. */
const refsIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner),
  );
};

/** A path of the table with its parameters filled in from the sample store. */
const samplePath = (path: string) => path.replace(':id', '2');

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Soteatlas API');
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lists every route of the table, itself included, once under its path and method', () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      apiRoutes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`).sort(),
    );
    expect(Object.keys(document.paths)).toContain('/api/openapi.json');
    const operationIds = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((operation) => operation.operationId),
    );
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it('documents the JSON body of the routes that take one', () => {
    for (const route of apiRoutes.filter((r) => r.body !== undefined)) {
      const item = document.paths[route.path.replace(/:(\w+)/g, '{$1}')];
      const operation = item?.[route.method.toLowerCase() as 'post'] as Operation & {
        requestBody?: { content: Record<string, unknown> };
      };
      expect(Object.keys(operation.requestBody?.content ?? {}), `${route.method} ${route.path}`).toEqual([
        'application/json',
      ]);
    }
  });

  it('names every API shape as a component, without per-schema dialect or id', () => {
    expect(Object.keys(document.components.schemas).sort()).toEqual(Object.keys(apiSchemas).sort());
    for (const schema of Object.values(document.components.schemas)) {
      expect(schema).not.toHaveProperty('$schema');
      expect(schema).not.toHaveProperty('$id');
    }
    expect(document.components.schemas.AreaList).toMatchObject({
      type: 'object',
      properties: { areas: { type: 'array', items: { $ref: '#/components/schemas/AreaView' } } },
    });
  });

  it('has no reference that leads nowhere', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      const name = ref.replace('#/components/schemas/', '');
      expect(document.components.schemas, ref).toHaveProperty(name);
    }
  });

  it('documents query and path parameters from the same schemas that check them', () => {
    const areas = document.paths['/api/areas']?.get;
    expect(areas?.parameters).toEqual([
      expect.objectContaining({
        name: 'level',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ enum: expect.arrayContaining(['municipality']) }),
      }),
      expect.objectContaining({
        name: 'year',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ type: 'integer', minimum: 1900 }),
      }),
    ]);
    const rejects = document.paths['/api/imports/{id}/rejects']?.get;
    expect(rejects?.parameters.map((p) => [p.name, p.in, p.required, p.schema.default])).toEqual([
      ['id', 'path', true, undefined],
      ['limit', 'query', false, 100],
      ['offset', 'query', false, 0],
      ['lang', 'query', false, 'fi'],
    ]);
    expect(Object.keys(rejects?.responses ?? {})).toEqual(['200', '400', '401', '403', '404', '500']);
  });

  it('describes the error body with its codes, and each route the statuses it may answer', () => {
    const apiError = document.components.schemas.ApiError as {
      properties: { error: { enum: string[] } };
      required: string[];
    };
    expect(apiError.properties.error.enum).toEqual(ErrorCode.options);
    expect(apiError.required).toEqual(['error', 'message']);
    const statuses = (path: string, method: 'get' | 'post' | 'put') =>
      Object.keys(document.paths[path]?.[method]?.responses ?? {});
    // A body may be too large (413), a heavy route asked too often (429), a budgeted one run out of time (503).
    expect(statuses('/api/forecast/official', 'post')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '413',
      '422',
      '500',
    ]);
    expect(statuses('/api/monitoring-sets/{id}', 'put')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '500',
    ]);
    expect(statuses('/api/indicators/{id}', 'get')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '500',
      '503',
    ]);
    expect(statuses('/api/reports/report.pdf', 'get')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '429',
      '500',
      '503',
    ]);
    expect(statuses('/api/health', 'get')).toEqual(['200', '400', '500']);
    const unavailable = document.paths['/api/reports/report.pdf']?.get?.responses['503'];
    expect(unavailable?.description).toMatch(/code unavailable.*code timedOut/);
    const forbidden = document.paths['/api/monitoring-sets']?.post?.responses['403'];
    expect(forbidden?.content['application/json']?.schema.$ref).toBe('#/components/schemas/ApiError');
  });

  it('names the permission each operation needs, and none for the open ones', () => {
    for (const route of apiRoutes) {
      const operation = document.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[
        route.method.toLowerCase() as 'get'
      ] as unknown as { security: unknown; 'x-permission': string };
      expect(operation['x-permission'], route.path).toBe(route.permission);
      expect(operation.security).toEqual(
        route.permission === 'open' ? [{}] : [{ session: [route.permission] }],
      );
    }
    expect(document.paths['/api/targets']?.post).toMatchObject({ 'x-permission': 'editTargets' });
    expect(document.components).toHaveProperty('securitySchemes.session.in', 'cookie');
  });

  it('gives each route its media type', () => {
    const contentOf = (path: string) =>
      Object.keys(document.paths[path]?.get?.responses['200']?.content ?? {});
    expect(contentOf('/api/areas.geojson')).toEqual(['application/geo+json']);
    expect(contentOf('/api/imports/{id}/rejects.csv')).toEqual(['text/csv']);
    expect(contentOf('/api/units')).toEqual(['application/json']);
  });

  // The GET routes that need nothing more than the sample store (which has import 2 but no scenarios or
  // saved sets); the others have tests of their own beside their routes.
  const plainGetRoutes = apiRoutes.filter(
    (route) =>
      route.method === 'GET' &&
      (!route.path.includes(':') || route.path.startsWith('/api/imports/:id')) &&
      route.query.safeParse({}).success,
  );

  it.each(plainGetRoutes.map((route) => [route.path, route] as const))(
    'GET %s answers in the shape it documents',
    async (_path, route) => {
      const role = Role.options.find(
        (r) => route.permission === 'open' || defaultRolePermissions[r].includes(route.permission),
      );
      const response = await server.app.inject({
        url: samplePath(route.path),
        headers: asRole(role as Role),
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(`${route.mediaType}; charset=utf-8`);
      const body = route.mediaType.startsWith('text/') ? response.body : response.json();
      expect(route.response.safeParse(body).success).toBe(true);
    },
  );
});
