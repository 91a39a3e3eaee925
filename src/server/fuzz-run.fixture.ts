import fc from 'fast-check';
import { defaultRolePermissions, type Role } from '../model/index.js';
import { type Answer, answerCheckFor } from './fuzz-answers.fixture.js';
import {
  type FuzzRequest,
  type OpenApi,
  type Operation,
  operationsOf,
  requestsTo,
} from './fuzz-requests.fixture.js';
import type { Words } from './fuzz-values.fixture.js';

/** Sends one request as a signed-in session would (cookie, CSRF token) and reads the answer. */
export type Send = (request: FuzzRequest) => Promise<Answer>;

/**
 * The role whose session sends an operation's requests: an analyst, who may read and change the most,
 * unless the operation needs a permission an analyst lacks (managing users, reading the audit log).
 */
export const roleAllowed = (permission: string): Role => {
  const roles = Object.keys(defaultRolePermissions) as Role[];
  const allowed = (role: Role) =>
    permission === 'open' || defaultRolePermissions[role].some((p) => p === permission);
  return allowed('analyst') ? 'analyst' : (roles.find(allowed) ?? 'analyst');
};

/** A signed-in session allowed `permission` ("open": any session), to send an operation's requests. */
export type SendAs = (permission: string) => Send;

export interface FuzzOptions {
  requestsPerOperation: number;
  seed: number;
  /** Only these operations (by operationId); by default all. */
  only?: readonly string[];
  /** Operations left out (by operationId); the caller says why. */
  skip?: readonly string[];
  /** Called as each operation is done, for progress. */
  onOperation?: (report: OperationReport) => void;
}

export interface FuzzFailure {
  /** Which of the operation's requests, counted from 0: with the seed, enough to make it again. */
  index: number;
  request: FuzzRequest;
  status: number;
  problems: string[];
}

export interface OperationReport {
  operationId: string;
  method: string;
  path: string;
  /** How many answers had each status. */
  statuses: Record<number, number>;
  failures: FuzzFailure[];
}

/** A seed of its own for each operation, so that one run with `only` makes the same requests as a full run. */
const seedOf = (seed: number, operationId: string): number =>
  [...operationId].reduce((hash, c) => (Math.imul(hash, 31) + c.charCodeAt(0)) | 0, seed);

const jsonOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

type KnownValue = string | number;

/** Each string (of id length) and integer inside `value`, with the key it stands under. */
const keyedValuesIn = (value: unknown, key = ''): [string, KnownValue][] => {
  if (typeof value === 'string') return value.length > 0 && value.length <= 64 ? [[key, value]] : [];
  if (typeof value === 'number') return Number.isInteger(value) ? [[key, value]] : [];
  if (Array.isArray(value)) return value.flatMap((inner) => keyedValuesIn(inner, key));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([inner, innerValue]) => keyedValuesIn(innerValue, inner));
};

/** Values by key, each string also under "", at most `cap` a key. */
const wordsOf = (pairs: readonly [string, KnownValue][], cap = 500): Map<string, KnownValue[]> => {
  const words = new Map<string, Set<KnownValue>>();
  const add = (key: string, value: KnownValue) => {
    const known = words.get(key) ?? new Set();
    if (known.size < cap) words.set(key, known.add(value));
  };
  for (const [key, value] of pairs) {
    add(key, value);
    if (typeof value === 'string') add('', value);
  }
  return new Map([...words].map(([key, values]) => [key, [...values]]));
};

/**
 * What the server answers where no parameter is needed (ids, codes, names of indicators, areas, units,
 * sets, scenarios), by the path that answered it. Asked again before each operation, so that the things
 * earlier requests created are named too.
 */
const wordsByList = async (sendAs: SendAs, operations: readonly Operation[]) => {
  const lists = operations.filter(
    (o) => o.method === 'GET' && !o.parameters.some((p) => p.required) && o.path !== '/api/openapi.json',
  );
  const byList = new Map<string, [string, KnownValue][]>();
  for (const operation of lists) {
    const answer = await sendAs(operation.permission)({ method: 'GET', url: operation.path });
    if (answer.status !== 200 || answer.mediaType !== 'application/json') continue;
    byList.set(operation.path, keyedValuesIn(jsonOrUndefined(answer.text)));
  }
  return byList;
};

/**
 * The words offered to an operation: under each key, those of the list it sits under (/api/indicators
 * for /api/indicators/{id}) where that list has the key, else those of every list.
 */
const wordsFor = (operation: Operation, byList: ReadonlyMap<string, [string, KnownValue][]>): Words => {
  const parent = [...byList.keys()]
    .filter((list) => operation.path.startsWith(`${list}/`))
    .sort((a, b) => b.length - a.length)[0];
  const everywhere = wordsOf([...byList.values()].flat());
  const under = wordsOf(parent === undefined ? [] : (byList.get(parent) ?? []));
  return new Map([...everywhere, ...under]);
};

/**
 * Work a request left running (an optimisation) is cancelled through the DELETE beside it, so that
 * hundreds of fuzzed starts do not leave hundreds of solvers behind.
 */
const cancelLeftRunning = async (send: Send, operation: Operation, answer: Answer, deletes: Set<string>) => {
  if (operation.method !== 'POST' || answer.status !== 200) return;
  const job = jsonOrUndefined(answer.text) as { id?: unknown; status?: unknown } | undefined;
  if (typeof job?.id !== 'string' || job.status !== 'running') return;
  if (!deletes.has(`${operation.path}/{id}`)) return;
  await send({ method: 'DELETE', url: `${operation.path}/${encodeURIComponent(job.id)}` });
};

/**
 * Sends `requestsPerOperation` generated requests to every operation of the server's own OpenAPI
 * document, each from a session allowed what the operation needs, and checks every answer against it: no 5xx, 2xx bodies as documented, 4xx as the error shape.
 */
export const fuzzApi = async (sendAs: SendAs, options: FuzzOptions): Promise<OperationReport[]> => {
  const openApi = await sendAs('open')({ method: 'GET', url: '/api/openapi.json' });
  const document = JSON.parse(openApi.text) as OpenApi;
  const check = answerCheckFor(document);
  const all = operationsOf(document);
  const deletes = new Set(all.filter((o) => o.method === 'DELETE').map((o) => o.path));
  // A name that matches nothing would leave the run quietly trying what it meant to skip, or skipping
  // what it meant to try.
  const known = new Set(all.map((o) => o.operationId));
  const unknown = [...(options.only ?? []), ...(options.skip ?? [])].filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`No such operation in the API document: ${unknown.join(', ')}`);
  const operations = all.filter(
    (o) => (!options.only || options.only.includes(o.operationId)) && !options.skip?.includes(o.operationId),
  );
  const reports: OperationReport[] = [];
  let byList: Awaited<ReturnType<typeof wordsByList>> | undefined;
  for (const operation of operations) {
    const report: OperationReport = {
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      statuses: {},
      failures: [],
    };
    // What exists changes only with writes: the lists are asked again after one.
    if (!byList || reports.at(-1)?.method !== 'GET') byList = await wordsByList(sendAs, all);
    const send = sendAs(operation.permission);
    const words = wordsFor(operation, byList);
    const requests = fc.sample(requestsTo(operation, words), {
      numRuns: options.requestsPerOperation,
      seed: seedOf(options.seed, operation.operationId),
    });
    for (const [index, request] of requests.entries()) {
      const answer = await send(request);
      report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
      const problems = check(operation, answer);
      if (problems.length > 0) report.failures.push({ index, request, status: answer.status, problems });
      await cancelLeftRunning(send, operation, answer, deletes);
    }
    options.onOperation?.(report);
    reports.push(report);
  }
  return reports;
};

/** A failed request written out to be sent again by hand: method, URL, and the body (long text cut). */
export const reproductionOf = (request: FuzzRequest, maxBodyChars = 600): string => {
  if (request.body === undefined) return `${request.method} ${request.url}`;
  const body = JSON.stringify(request.body) ?? 'undefined';
  const shown =
    body.length > maxBodyChars ? `${body.slice(0, maxBodyChars)}… (${body.length} characters)` : body;
  return `${request.method} ${request.url}\n${shown}`;
};
