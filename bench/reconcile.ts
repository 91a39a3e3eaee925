/**
 * Invoice reconciliation over the demo county: one month's invoices against events × contract price for
 * every producer, as `soteatlas producers reconcile` and the API compute it. Prints what was invoiced,
 * how much of it is matched to events, how much is listed as differences (line by line), the events no
 * invoice covers, and the time taken (the first run, then the fastest of --runs).
 *
 * The county is generated and imported into --dir (a temporary folder by default) unless the folder
 * already holds one from an earlier run. The month defaults to the last full month of data.
 * Usage: tsx bench/reconcile.ts [--population 250000] [--dir DIR] [--period 2025-10] [--runs 3]
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { filesToImport, generateDemoCounty } from '../src/demo/index.js';
import { importFiles } from '../src/importers/index.js';
import { reconcilePeriod, steeringDay } from '../src/steering/index.js';
import { openStore, type Store } from '../src/store/index.js';
import { numberFlag, readBenchArgs } from './args.js';

const { values: flags } = readBenchArgs('reconcile');
const population = numberFlag('population', flags.population, 250_000);
const runs = numberFlag('runs', flags.runs, 3);
const dir = flags.dir ?? mkdtempSync(join(tmpdir(), 'soteatlas-reconcile-'));

/** The store, and the residents of the county when it was generated here (null when reused from --dir). */
const demoStore = async (): Promise<{ path: string; generated: number | null }> => {
  const storePath = join(dir, 'soteatlas.duckdb');
  if (existsSync(storePath)) return { path: storePath, generated: null };
  const started = performance.now();
  const filesDir = join(dir, 'files');
  const demo = await generateDemoCounty({ outDir: filesDir, seed: 2023, population, years: 2 });
  const store = await openStore(storePath);
  try {
    await importFiles(store, filesToImport(demo, filesDir));
  } finally {
    store.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `demo county of ${population.toLocaleString('en')} residents imported into ${dir} in ${seconds} s`,
  );
  return { path: storePath, generated: population };
};

/** The month before the one the data ends in: the last the invoices of which have all arrived. */
const lastFullMonth = async (store: Store): Promise<string> => {
  const day = await steeringDay(store);
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - 1);
  return date.toISOString().slice(0, 7);
};

const euros = (cents: number) =>
  (cents / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const { path, generated } = await demoStore();
const store = await openStore(path, { readOnly: true });
try {
  const period = flags.period ?? (await lastFullMonth(store));
  const counts = await store.all<{ events: bigint; invoices: bigint }>(
    `SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM invoices) AS invoices`,
  );
  const times: number[] = [];
  let result = await reconcilePeriod(store, { period });
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = await reconcilePeriod(store, { period });
    times.push(performance.now() - started);
  }
  const differing = result.lines.filter((l) => l.differenceCents !== 0 || l.status !== 'matched');
  const byStatus = new Map<string, number>();
  for (const l of differing) byStatus.set(l.status, (byStatus.get(l.status) ?? 0) + 1);
  console.log(
    `store: ${dir} (${generated === null ? 'reused' : `${generated.toLocaleString('en')} residents`}, ${counts[0]?.events} events, ${counts[0]?.invoices} invoice lines in all)`,
  );
  console.log(`month: ${period}`);
  console.log(`invoice lines:       ${result.lines.length}`);
  console.log(`invoiced:            ${euros(result.invoicedCents)} €`);
  console.log(`matched to events:   ${euros(result.matchedCents)} €`);
  console.log(
    `listed differences:  ${euros(result.differenceCents)} € on ${differing.length} lines (${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ') || 'none'})`,
  );
  console.log(
    `events not invoiced: ${result.unbilled.reduce((s, u) => s + u.eventQuantity, 0)} in ${result.unbilled.length} groups`,
  );
  console.log(
    `matched + differences = invoiced: ${result.matchedCents + result.differenceCents === result.invoicedCents}`,
  );
  console.log(
    `time: ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}; fastest ${Math.min(...times).toFixed(0)} ms`,
  );
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  store.close();
}
