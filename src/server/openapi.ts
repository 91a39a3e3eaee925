import { z } from 'zod';
import { apiSchemas, type ErrorCode, type OpenApiDocument } from '../model/index.js';
import { statusOfCode } from './errors.js';
import type { Route } from './route.js';

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
};

const componentRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The API shapes as named components; a shape inside another is a $ref to its own component. */
const componentSchemas = (): Record<string, JsonSchema> => {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(apiSchemas)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  // Each would otherwise carry its own $schema and $id; in OpenAPI 3.1 the document sets the dialect.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [
      id,
      schema as JsonSchema,
    ]),
  );
};

const componentNames = new Map<z.ZodType, string>(
  Object.entries(apiSchemas).map(([name, schema]) => [schema as z.ZodType, name]),
);

const componentNameOf = (route: Route): string => {
  const name = componentNames.get(route.response);
  if (!name) throw new Error(`the response of ${route.path} is not one of the named API schemas`);
  return name;
};

/**
 * The query or path parameters of an object schema. The types come from what the handler receives
 * (so defaults show); whether one is required comes from what the client must send.
 */
const parametersOf = (schema: z.ZodType, location: 'query' | 'path') => {
  const output = z.toJSONSchema(schema, { io: 'output' }) as JsonSchema;
  const input = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  return Object.entries(output.properties ?? {}).map(([name, { description, ...parameterSchema }]) => ({
    name,
    in: location,
    required: location === 'path' || (input.required ?? []).includes(name),
    ...(description !== undefined && { description }),
    schema: parameterSchema,
  }));
};

/** "/api/imports/:id/rejects" → "/api/imports/{id}/rejects" */
const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

/** GET "/api/imports/:id/rejects.csv" → "getImportsByIdRejectsCsv" */
const operationIdOf = (method: string, path: string): string =>
  `${method.toLowerCase()}${path
    .replace(/^\/api\//, '')
    .replace(/:(\w+)/g, 'by-$1')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}`;

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: componentRef('ApiError') } },
});

const errorDescriptions: Record<ErrorCode, string> = {
  invalidRequest: 'A parameter or the body is missing, unknown or invalid (code invalidRequest)',
  unauthorised: 'Not signed in, and the route needs a permission the public role lacks (code unauthorised)',
  forbidden: 'The viewer may not do this (code forbidden)',
  notFound: 'The thing asked for does not exist (code notFound)',
  conflict: 'The request clashes with what is stored (code conflict)',
  invalidDataset: 'The dataset sent cannot be read (code invalidDataset)',
  internal: 'Something failed on the server (code internal)',
  unavailable: 'Something the work needs is out of reach for now (code unavailable)',
  tooLarge: 'The body is larger than this operation takes (code tooLarge)',
  tooManyRequests:
    'Asked too often; the Retry-After header says in how many seconds to try again (code tooManyRequests)',
  timedOut: 'The work took longer than this operation allows and was stopped (code timedOut)',
};

/**
 * Every route may refuse a request and fail; one that needs a permission refuses those without it (401
 * when not signed in, 403 when signed in); the others are the codes its spec names and those its limits
 * imply. Codes that share a status (unavailable and timedOut) share its entry.
 */
const errorResponsesOf = (route: Route) => {
  const codes = new Set<ErrorCode>(['invalidRequest', 'internal', ...route.errors]);
  if (route.permission !== 'open') for (const code of ['unauthorised', 'forbidden'] as const) codes.add(code);
  if (route.notFound) codes.add('notFound');
  if (route.body) codes.add('tooLarge');
  if (route.heavy) codes.add('tooManyRequests');
  if (route.timeBudgetSeconds !== undefined) codes.add('timedOut');
  const byStatus = new Map<number, string[]>();
  for (const code of [...codes].sort((a, b) => statusOfCode[a] - statusOfCode[b])) {
    const status = statusOfCode[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), errorDescriptions[code]]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, descriptions]) => [String(status), errorResponse(descriptions.join('; '))]),
  );
};

const requestBodyOf = (route: Route) =>
  route.body === undefined
    ? {}
    : {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: z.toJSONSchema(route.body, { io: 'input' }) } },
        },
      };

/**
 * The permission a route needs, as OpenAPI 3.1 names it: a role name in the session requirement (an empty
 * requirement for the open routes), and plainly in x-permission.
 */
const securityOf = (route: Route) => ({
  security: route.permission === 'open' ? [{}] : [{ session: [route.permission] }],
  'x-permission': route.permission,
});

const operationOf = (route: Route) => ({
  operationId: operationIdOf(route.method, route.path),
  summary: route.summary,
  ...(route.description !== undefined && { description: route.description }),
  tags: [route.tag],
  ...securityOf(route),
  parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
  ...requestBodyOf(route),
  responses: {
    '200': {
      description: route.summary,
      ...(route.download && {
        headers: {
          'Content-Disposition': {
            description: 'attachment, with the file name',
            schema: { type: 'string' },
          },
        },
      }),
      content: { [route.mediaType]: { schema: componentRef(componentNameOf(route)) } },
    },
    ...errorResponsesOf(route),
  },
});

/** Routes that share a path (GET and PUT of one thing) share its path item. */
const pathsOf = (routes: readonly Route[]) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operationOf(route) };
  }
  return paths;
};

/** The OpenAPI 3.1 document of `routes`, generated from the same zod schemas that validate them. */
export const openApiDocument = (routes: readonly Route[], version: string): OpenApiDocument => ({
  openapi: '3.1.0',
  info: {
    title: 'Soteatlas API',
    version,
    description: 'What the Soteatlas store holds: areas, population, units, producers, imports.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  paths: pathsOf(routes),
  components: {
    schemas: componentSchemas(),
    securitySchemes: {
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: '__Host-soteatlas',
        description:
          'The session cookie set at sign-in (GET /auth/login). A route names the permission it needs; POST, PUT and DELETE also need the X-CSRF-Token header that GET /api/session gives.',
      },
    },
  },
});
