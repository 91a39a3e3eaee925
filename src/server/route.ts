import { z } from 'zod';
import type { AuditEntry, ErrorCode, Permission, Viewer } from '../model/index.js';
import type { StateDb } from '../state/index.js';
import type { Store } from '../store/index.js';
import { defaultBodyLimitBytes } from './limits/body-limit.js';
import type { RunningServer } from './listen.js';

export type MediaType =
  | 'application/json'
  | 'application/geo+json'
  | 'text/csv'
  | 'text/calendar'
  | 'application/pdf'
  | 'application/geopackage+sqlite3'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Media types whose bodies are files, sent byte for byte. */
export const isBinary = (mediaType: MediaType): boolean =>
  mediaType === 'application/pdf' ||
  mediaType === 'application/geopackage+sqlite3' ||
  mediaType.startsWith('application/vnd.');

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A row a handler adds to the audit log: what was done to what; who, when and from where are filled in. */
export type AuditEvent = Pick<AuditEntry, 'action' | 'resource' | 'parameters'> &
  Partial<Pick<AuditEntry, 'outcome' | 'status'>>;

/**
 * What a handler gets: the store, the request's query and path parameters and body, already validated,
 * and who is asking (for disclosure control and producers' own-data views).
 */
export interface RouteInput<Query, Params, Body = unknown> {
  store: Store;
  /** Where users and what they edit are kept. */
  state: StateDb;
  query: Query;
  params: Params;
  body: Body;
  viewer: Viewer;
  /** Records a change (of a user's access, of a role) as this request's viewer made it. */
  audit: (event: AuditEvent) => Promise<void>;
  /** Aborted when the client goes away or the route's time budget runs out, so that long work can stop. */
  signal: AbortSignal;
  /**
   * Starts another server over the same store and web app on a free local port, for work that renders
   * the app's pages (printing a report): a route cannot know the address it is itself served at. That
   * server shows every page as this request's viewer may see it.
   */
  serveApp: () => Promise<RunningServer>;
}

/**
 * The routes anyone may call, signed in or not: whether the server is up, who the caller is, and what the
 * API looks like. Every other route names the permission it needs, and the server refuses it to anyone
 * who lacks that permission (deny by default).
 */
export const openRoutePaths: readonly string[] = ['/api/health', '/api/session', '/api/openapi.json'];

/** What a route needs of its viewer: a permission, or 'open' for the few routes of `openRoutePaths`. */
export type RoutePermission = Permission | 'open';

/** One route, declared once: its schemas validate requests, type the handler and make the OpenAPI entry. */
export interface RouteSpec<
  Query extends z.ZodType,
  Params extends z.ZodType,
  Response extends z.ZodType,
  Body extends z.ZodType = z.ZodType,
> {
  /** GET unless said otherwise. */
  method?: Method;
  /** In Fastify's syntax, e.g. "/api/imports/:id/rejects". */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** The permission a viewer needs to be served at all; what they see is then narrowed by their scope. */
  permission: RoutePermission;
  query?: Query;
  params?: Params;
  /** The JSON body of a POST or PUT. */
  body?: Body;
  /** The largest body taken, in bytes; a larger one is refused (413) before it is read. Default 64 KiB. */
  bodyLimitBytes?: number;
  /**
   * How long the work may take: past it the request's signal aborts, its running store query is
   * interrupted and the answer is timedOut (503). None: no limit, for work that is always quick.
   */
  timeBudgetSeconds?: number;
  /** Costly work (a scenario evaluated, a report printed): each client may ask only so often (429). */
  heavy?: boolean;
  response: Response;
  mediaType?: MediaType;
  /** Serve the body as a download with this file name. */
  download?: (params: z.output<Params>) => string;
  /** The handler answers undefined when the thing asked for does not exist; this says what was missing. */
  notFound?: (params: z.output<Params>) => string;
  /** Codes the handler may answer beyond invalidRequest, notFound and internal, for the OpenAPI document. */
  errors?: readonly ErrorCode[];
  handler: (
    input: RouteInput<z.output<Query>, z.output<Params>, z.output<Body>>,
  ) => Promise<z.output<Response> | undefined>;
}

/** A route with its types erased, so that routes of different shapes fit in one table. */
export interface Route {
  method: Method;
  path: string;
  summary: string;
  description: string | undefined;
  tag: string;
  permission: RoutePermission;
  query: z.ZodType;
  params: z.ZodType;
  body: z.ZodType | undefined;
  bodyLimitBytes: number;
  timeBudgetSeconds: number | undefined;
  heavy: boolean;
  response: z.ZodType;
  mediaType: MediaType;
  download: ((params: unknown) => string) | undefined;
  notFound: ((params: unknown) => string) | undefined;
  errors: readonly ErrorCode[];
  handler: (input: RouteInput<unknown, unknown>) => Promise<unknown>;
}

const noParameters = z.strictObject({});

export const defineRoute = <
  Query extends z.ZodType = typeof noParameters,
  Params extends z.ZodType = typeof noParameters,
  Response extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
>(
  spec: RouteSpec<Query, Params, Response, Body>,
): Route => {
  if (spec.permission === 'open' && !openRoutePaths.includes(spec.path))
    throw new Error(`${spec.path} is not one of the routes that may be open to anyone`);
  return {
    method: spec.method ?? 'GET',
    path: spec.path,
    summary: spec.summary,
    description: spec.description,
    tag: spec.tag,
    permission: spec.permission,
    query: spec.query ?? noParameters,
    params: spec.params ?? noParameters,
    body: spec.body,
    bodyLimitBytes: spec.bodyLimitBytes ?? defaultBodyLimitBytes,
    timeBudgetSeconds: spec.timeBudgetSeconds,
    heavy: spec.heavy ?? false,
    response: spec.response,
    mediaType: spec.mediaType ?? 'application/json',
    download: spec.download as Route['download'],
    notFound: spec.notFound as Route['notFound'],
    errors: spec.errors ?? [],
    handler: spec.handler as Route['handler'],
  };
};
