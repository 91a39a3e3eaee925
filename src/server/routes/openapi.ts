import { OpenApiDocument } from '../../model/index.js';
import { openApiDocument } from '../openapi.js';
import { readPackageVersion } from '../paths.js';
import { defineRoute, type Route } from '../route.js';

/** The route serving the OpenAPI document of `routes` and of itself; the document is built once. */
export const openApiRoute = (routes: readonly Route[]): Route => {
  let document: OpenApiDocument | undefined;
  const self: Route = defineRoute({
    path: '/api/openapi.json',
    summary: 'This API described in OpenAPI 3.1',
    tag: 'system',
    permission: 'open',
    response: OpenApiDocument,
    handler: async () => {
      document ??= openApiDocument([...routes, self], readPackageVersion());
      return document;
    },
  });
  return self;
};
