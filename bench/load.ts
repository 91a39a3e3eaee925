/**
 * Many people at once on one server: signed-in sessions on loopback, each reading indicators, trying
 * changes to the service network (scenario evaluations) and now and then saving a target or a scenario,
 * with a pause of about --think-ms between requests. Prints p50/p95/p99 per kind of request, requests per
 * second, every error, and whether the audit log gained exactly one row per request. The server runs in
 * a process of its own over the demo county (generated into a temporary folder, or reused from --dir).
 * Exits 1 on any error or an audit count that differs.
 * Usage: tsx bench/load.ts [--sessions 200] [--seconds 60] [--think-ms 1000] [--population 20000]
 * [--dir DIR] [--seed 1]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Role } from '../src/model/index.js';
import { numberFlag, readBenchArgs } from './args.js';
import { readCatalogue } from './load/catalogue.js';
import { demoCountyStore } from './load/county.js';
import { quantile, table } from './load/figures.js';
import { kindsOf, requestKinds } from './load/mix.js';
import { runSession, type Sample } from './load/run.js';
import { startServerProcess } from './load/server-process.js';
import { demoSignIn, type Session } from './load/session.js';

const { values: flags } = readBenchArgs('load');
const sessionCount = numberFlag('sessions', flags.sessions, 200);
const seconds = numberFlag('seconds', flags.seconds, 60);
const thinkMs = numberFlag('think-ms', flags['think-ms'], 1000);
const population = numberFlag('population', flags.population, 20_000);
const seed = numberFlag('seed', flags.seed, 1);
const keep = flags.dir !== undefined;
const dir = flags.dir ?? mkdtempSync(join(tmpdir(), 'soteatlas-bench-load-'));

const storePath = await demoCountyStore(dir, population);

const server = await startServerProcess(storePath);

try {
  const { url, auditRows } = server;

  // Sessions take the roles in turn, each doing only what its role may.
  const roles = Object.keys(kindsOf) as Role[];
  const signInStarted = performance.now();
  const signInMs: number[] = [];
  const sessions: Session[] = [];
  for (let i = 0; i < sessionCount; i += 20) {
    const batch = Array.from({ length: Math.min(20, sessionCount - i) }, async (_, j) => {
      const t = performance.now();
      const session = await demoSignIn(url, roles[(i + j) % roles.length] as Role, i + j);
      signInMs.push(performance.now() - t);
      return session;
    });
    sessions.push(...(await Promise.all(batch)));
  }
  const signedInSeconds = (performance.now() - signInStarted) / 1000;

  const catalogue = await readCatalogue(
    new Map(roles.map((role) => [role, sessions[roles.indexOf(role)] as Session])),
  );
  // The first evaluation builds the travel times and class outcomes every later one reuses.
  const [analyst] = sessions;
  await analyst?.send('POST', '/api/network/evaluate', { name: 'warm-up', changes: [] });

  const rowsBefore = await auditRows();
  const runStarted = performance.now();
  const until = runStarted + seconds * 1000;
  const perSession = await Promise.all(
    sessions.map((session, i) =>
      runSession(session, catalogue, {
        seed: seed * 100_003 + i,
        thinkMs,
        until,
        now: () => performance.now(),
      }),
    ),
  );
  const runSeconds = (performance.now() - runStarted) / 1000;
  for (const session of sessions) session.close();
  // An audit row may be written just after its answer: count until two readings agree.
  let rowsAfter = await auditRows();
  for (let tries = 0; tries < 20 && rowsAfter !== null; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const again = await auditRows();
    if (again === rowsAfter) break;
    rowsAfter = again;
  }

  const samples: Sample[] = perSession.flat();
  const errors = samples.filter((s) => s.error !== undefined);
  const msOf = (kind?: string) => samples.filter((s) => !kind || s.kind === kind).map((s) => s.ms);
  const row = (label: string, values: number[], errorCount: number) => [
    label,
    String(values.length),
    String(errorCount),
    quantile(values, 0.5).toFixed(1),
    quantile(values, 0.95).toFixed(1),
    quantile(values, 0.99).toFixed(1),
    values.length === 0 ? 'NaN' : Math.max(...values).toFixed(1),
  ];

  console.log(
    `${sessions.length} sessions (${roles.join(', ')} in turn) signed in in ${signedInSeconds.toFixed(1)} s (p50 ${quantile(signInMs, 0.5).toFixed(1)} ms); ${seconds} s of requests with about ${thinkMs} ms between a session's requests; server at ${url}`,
  );
  console.log(
    `catalogue: ${catalogue.units.length} in-person units, ${catalogue.municipalityCodes.length} municipalities, year ${catalogue.year}, ${Object.entries(
      catalogue.indicators,
    )
      .map(([role, list]) => `${list?.length ?? 0} indicators for ${role}`)
      .join(', ')}`,
  );
  console.log('');
  console.log(
    table(
      ['request', 'count', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
      [
        ...requestKinds.map((kind) => row(kind, msOf(kind), errors.filter((e) => e.kind === kind).length)),
        row('all', msOf(), errors.length),
      ],
    ),
  );
  console.log('');
  console.log(
    `${(samples.length / runSeconds).toFixed(1)} requests per second over ${runSeconds.toFixed(1)} s`,
  );
  console.log(`${errors.length} errors`);
  const grouped = new Map<string, number>();
  for (const e of errors) grouped.set(e.error ?? '', (grouped.get(e.error ?? '') ?? 0) + 1);
  for (const [error, count] of [...grouped].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  ${count} × ${error}`);

  const added = rowsBefore === null || rowsAfter === null ? null : rowsAfter - rowsBefore;
  console.log(
    added === null
      ? 'audit rows: the server keeps no audit log (no state.audit_log)'
      : `audit rows added: ${added}, requests: ${samples.length}: ${added === samples.length ? 'equal' : 'NOT EQUAL'}`,
  );
  process.exitCode = errors.length > 0 || (added !== null && added !== samples.length) ? 1 : 0;
} finally {
  await server.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
