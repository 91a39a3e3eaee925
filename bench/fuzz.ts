/**
 * The HTTP fuzz run: for every operation of the server's OpenAPI document, --requests generated requests
 * (default 500) from a signed-in session allowed what the operation needs (an analyst, unless it needs
 * an administrator or an auditor), valid and invalid by turns, each answer checked against the document:
 * no 5xx, 2xx bodies valid against their schema, 4xx in the error shape. The server runs in a process of its own over the demo county (generated into a
 * temporary folder, or reused from --dir). Printing a PDF starts a browser, so that operation gets at
 * most 20. Prints the statuses per operation and each failure with the request that makes it again
 * (`--only operationId --seed S` repeats an operation's requests). Exits 1 on any failure.
 * Usage: tsx bench/fuzz.ts [--requests 500] [--seed 1] [--only id,id]
 * [--population 20000] [--dir DIR]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Role } from '../src/model/index.js';
import {
  fuzzApi,
  type OperationReport,
  reproductionOf,
  roleAllowed,
  type SendAs,
} from '../src/server/testing.js';
import { numberFlag, readBenchArgs } from './args.js';
import { demoCountyStore } from './load/county.js';
import { table } from './load/figures.js';
import { startServerProcess } from './load/server-process.js';
import { demoSignIn, type Session } from './load/session.js';

const { values: flags } = readBenchArgs('fuzz');
const requests = numberFlag('requests', flags.requests, 500);
const seed = numberFlag('seed', flags.seed, 1);
const only = flags.only?.split(',').map((id) => id.trim());
const population = numberFlag('population', flags.population, 20_000);
const keep = flags.dir !== undefined;
const dir = flags.dir ?? mkdtempSync(join(tmpdir(), 'soteatlas-bench-fuzz-'));

/** Each request prints a page in headless Chromium: seconds apiece. */
const slowOperations = ['getReportsReportPdf'];
/**
 * Fetching from Statistics Finland or THL would reach outside the machine, as the fuzz test says: the
 * route is tried on recorded answers in its own tests, never here.
 */
const networkOperations = ['postSourcesFetch'];
const slowRequests = Math.min(requests, 20);

const server = await startServerProcess(await demoCountyStore(dir, population));
try {
  // One session per role the operations need: an analyst for most, an administrator, an auditor.
  const sessions = new Map<Role, Session>();
  const sessionOf = async (permission: string) => {
    const role = roleAllowed(permission);
    const session = sessions.get(role) ?? (await demoSignIn(server.url, role, sessions.size));
    sessions.set(role, session);
    return session;
  };
  const sendAs: SendAs =
    (permission) =>
    async ({ method, url, body }) => {
      const response = await (await sessionOf(permission)).request(method, url, body);
      return {
        status: response.status,
        mediaType: (response.headers.get('content-type') ?? '').split(';')[0] ?? '',
        text: await response.text(),
      };
    };
  const started = performance.now();
  // Failures as they come too, so that a run cut short still tells what it found.
  const progress = (report: OperationReport) =>
    process.stderr.write(
      `${report.operationId}: ${report.failures.length} failures\n${report.failures
        .slice(0, 3)
        .map((f) => `  #${f.index}: ${f.problems.join('; ')}\n  ${reproductionOf(f.request, 300)}\n`)
        .join('')}`,
    );
  const reports = [
    ...(await fuzzApi(sendAs, {
      requestsPerOperation: requests,
      seed,
      skip: [...slowOperations, ...networkOperations],
      ...(only && { only: only.filter((id) => !networkOperations.includes(id)) }),
      onOperation: progress,
    })),
    ...(await fuzzApi(sendAs, {
      requestsPerOperation: slowRequests,
      seed,
      only: slowOperations.filter((id) => !only || only.includes(id)),
      onOperation: progress,
    })),
  ];
  const seconds = (performance.now() - started) / 1000;
  for (const session of sessions.values()) session.close();

  console.log(
    `${reports.length} operations as ${[...sessions.keys()].join(', ')}, seed ${seed}, ${seconds.toFixed(0)} s\n`,
  );
  const statuses = [...new Set(reports.flatMap((r) => Object.keys(r.statuses)))].sort();
  console.log(
    table(
      ['operation', 'requests', ...statuses, 'failures'],
      reports.map((r) => [
        `${r.method} ${r.path}`,
        String(Object.values(r.statuses).reduce((a, b) => a + b, 0)),
        ...statuses.map((s) => String(r.statuses[Number(s)] ?? '')),
        String(r.failures.length),
      ]),
    ),
  );
  const failures = reports.flatMap((r) => r.failures.map((f) => ({ operation: r.operationId, ...f })));
  console.log(`\n${failures.length} failures`);
  for (const f of failures.slice(0, 50))
    console.log(`\n${f.operation} #${f.index}: ${f.problems.join('; ')}\n${reproductionOf(f.request)}`);
  if (failures.length > 50) console.log(`\n… and ${failures.length - 50} more`);
  process.exitCode = failures.length > 0 ? 1 : 0;
} finally {
  await server.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
