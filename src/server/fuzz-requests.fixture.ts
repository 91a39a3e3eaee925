import fc from 'fast-check';
import { allowedValue, type JsonSchema, mutate, mutationOf, type Words } from './fuzz-values.fixture.js';

/** One operation of the OpenAPI document, as the fuzz reads it. */
export interface Operation {
  operationId: string;
  /** What the session must be allowed ("open" for anyone), from the document's x-permission. */
  permission: string;
  method: string;
  /** In OpenAPI's syntax, "/api/targets/{id}". */
  path: string;
  parameters: { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

export interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      Omit<Operation, 'method' | 'path' | 'body' | 'permission'> & {
        requestBody?: unknown;
        'x-permission'?: string;
      }
    >
  >;
  components: { schemas: Record<string, JsonSchema> };
}

const bodySchemaOf = (requestBody: unknown): JsonSchema | undefined =>
  (requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content?.[
    'application/json'
  ]?.schema;

/** Every operation of `document`: creations first, so that reads and changes find things; deletions last. */
export const operationsOf = (document: OpenApi): Operation[] => {
  const order = ['post', 'get', 'put', 'delete'];
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.entries(item).map(([method, { requestBody, 'x-permission': permission, ...operation }]) => ({
        ...operation,
        permission: permission ?? 'open',
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: bodySchemaOf(requestBody),
      })),
    )
    .sort((a, b) => order.indexOf(a.method.toLowerCase()) - order.indexOf(b.method.toLowerCase()));
};

/** A request as it goes out: the URL (path and query string) and the JSON body, if any. */
export interface FuzzRequest {
  method: string;
  url: string;
  body?: unknown;
}

/** What a parameter value becomes in a URL: text as it is, other JSON values as JSON. */
const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

const queryString = (query: Record<string, unknown>): string => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    // An array travels as a repeated parameter, which is how a form or a careless client sends it.
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, asText(item));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
};

const urlOf = (operation: Operation, path: Record<string, unknown>, query: Record<string, unknown>) =>
  operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(path[name] === undefined ? '' : asText(path[name])),
  ) + queryString(query);

const parametersIn = (operation: Operation, where: 'path' | 'query', words: Words) =>
  allowedValue(
    {
      type: 'object',
      properties: Object.fromEntries(
        operation.parameters.filter((p) => p.in === where).map((p) => [p.name, p.schema]),
      ),
      required: operation.parameters.filter((p) => p.in === where && p.required).map((p) => p.name),
    },
    words,
  ) as fc.Arbitrary<Record<string, unknown>>;

/** A mutated part of the URL that is no longer an object of parameters stands for no parameters. */
const asObject = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** Long text is kept to a few kilobytes in URLs: past 16 KiB of headers Node refuses before any route. */
const urlLongRepeats = 600;
const bodyLongRepeats = 20_000;

/**
 * Requests to `operation`: half as its schemas describe them, half with one thing wrong (a value of the
 * wrong type or shape, tricky or long text, a missing or unknown parameter or key).
 */
export const requestsTo = (operation: Operation, words: Words): fc.Arbitrary<FuzzRequest> => {
  const valid = fc.record({
    path: parametersIn(operation, 'path', words),
    query: parametersIn(operation, 'query', words),
    body: operation.body ? allowedValue(operation.body, words) : fc.constant(undefined),
  });
  const wrong = fc.oneof(
    fc.record({ where: fc.constant('url' as const), mutation: mutationOf(urlLongRepeats) }),
    fc.record({ where: fc.constant('body' as const), mutation: mutationOf(bodyLongRepeats) }),
  );
  return fc.tuple(valid, fc.option(wrong, { freq: 2 })).map(([parts, change]) => {
    const url =
      change?.where === 'url'
        ? asObject(mutate({ path: parts.path, query: parts.query }, change.mutation))
        : parts;
    const body =
      change?.where === 'body' && operation.body ? mutate(parts.body, change.mutation) : parts.body;
    return {
      method: operation.method,
      url: urlOf(operation, asObject(url.path), asObject(url.query)),
      ...(operation.body && { body }),
    };
  });
};
