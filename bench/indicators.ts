/**
 * Indicator engine speed over a store of about 10 million service events, with the indicator cube
 * and client table (src/indicators/cube.ts) built first, as after an import, and that build timed
 * alone: the whole built-in package for every municipality, three years, monthly (yearly for the
 * indicators only kept per year), cold in a fresh process; one indicator through the HTTP API, warm, p95; and beside each, the same figures by
 * hand-written SQL against the same DuckDB file, as the peer the engine's overhead is measured against,
 * once over the events and once given the same cube and client table.
 *
 * The store is built once and kept (default data/bench/indicators-10m.duckdb, outside git): the demo
 * county with `--population` residents and three years of events, whose events are then repeated with
 * fresh ids and client keys until there are `--events`, sorted by date as a county's store would be.
 * Usage: tsx bench/indicators.ts [--db PATH] [--events 10000000] [--population 80000] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildDemoStore } from '../src/cli/index.js';
import {
  buildIndicatorCube,
  builtInIndicators,
  clientTable,
  computeIndicators,
  cubeTable,
  latestIndicatorYear,
} from '../src/indicators/index.js';
import { type Viewer, viewerWithRoles } from '../src/model/index.js';
import { buildServer } from '../src/server/index.js';
import { headerAccess } from '../src/server/testing.js';
import { openStore, type Store } from '../src/store/index.js';
import { numberFlag, readBenchArgs } from './args.js';

const { values: flags } = readBenchArgs('indicators');
const db = resolve(flags.db ?? 'data/bench/indicators-10m.duckdb');
const targetEvents = numberFlag('events', flags.events, 10_000_000);
const population = numberFlag('population', flags.population, 80_000);
const runs = numberFlag('runs', flags.runs, 3);
const mode = flags.cold ?? '';

const analyst: Viewer = viewerWithRoles(['analyst']);
const manager: Viewer = viewerWithRoles(['manager']);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/** The demo county, its events repeated to the target count and sorted by date. */
const buildStore = async (): Promise<void> => {
  process.stderr.write(`building ${db} …\n`);
  await buildDemoStore(db, { seed: 1, population, years: 3 });
  const store = await openStore(db);
  try {
    const [row] = await store.all<{ n: number }>('SELECT count(*) AS n FROM events');
    const copies = Math.max(1, Math.ceil(targetEvents / (row?.n ?? 1)));
    process.stderr.write(`repeating ${row?.n} events ${copies} times …\n`);
    await store.run(`CREATE TABLE events_bench AS
      SELECT e.source, e.source_id || CASE WHEN k = 0 THEN '' ELSE '#' || k END AS source_id, e.event_date,
        e.municipality_code, e.grid_cell_code, e.age, e.sex, e.service_class, e.unit_code, e.producer_code,
        e.channel, e.kind, e.quantity, e.cost_euros,
        e.client_key || CASE WHEN k = 0 THEN '' ELSE '#' || k END AS client_key, e.import_id, e.source_line
      FROM events e, range(${copies}) t(k)
      ORDER BY e.event_date, e.municipality_code`);
    await store.run('DROP TABLE events');
    await store.run('ALTER TABLE events_bench RENAME TO events');
    await store.run('CHECKPOINT');
  } finally {
    store.close();
  }
};

const monthly = builtInIndicators.filter(
  (d) => d.periods.includes('month') && d.levels.includes('municipality'),
);
const yearly = builtInIndicators.filter(
  (d) => !d.periods.includes('month') && d.levels.includes('municipality'),
);

/** The whole package through the engine: every municipality, three years. */
const enginePackage = async (store: Store, viewer: Viewer): Promise<number> => {
  const toYear = await latestIndicatorYear(store);
  const request = { level: 'municipality' as const, fromYear: toYear - 2, toYear };
  const results = [
    ...(await computeIndicators(store, monthly, { ...request, period: 'month' }, { viewer })),
    ...(await computeIndicators(store, yearly, { ...request, period: 'year' }, { viewer })),
  ];
  return results.reduce((sum, r) => sum + r.values.length, 0);
};

const q = (sql: string) => sql;

/**
 * The same figures written by hand: one pass over the events per way of placing them, filtered sums
 * by month and municipality, with the residents of the matching ages, the units' capacity and the
 * yearly costs joined on. What a careful analyst would write for this package without an engine.
 */
const handSql = (from: string, to: string, years: string) => ({
  residence: q(`
    WITH ev AS (
      SELECT date_trunc('month', event_date)::DATE AS month, municipality_code AS area,
        sum(quantity) FILTER (WHERE service_class = 'HC') AS hc,
        sum(quantity) FILTER (WHERE service_class = 'OH') AS oh,
        sum(quantity) FILTER (WHERE service_class = 'MCC') AS mcc,
        sum(quantity) FILTER (WHERE service_class = 'SSH') AS ssh,
        sum(quantity) FILTER (WHERE service_class = 'MHS') AS mhs,
        sum(quantity) FILTER (WHERE service_class = 'SPC') AS spc,
        sum(quantity) FILTER (WHERE service_class = 'EMC') AS emc,
        sum(quantity) FILTER (WHERE service_class = 'REH') AS reh,
        sum(quantity) FILTER (WHERE service_class = 'HMC' AND age >= 75) AS hmc75,
        sum(quantity) FILTER (WHERE service_class = 'ELD' AND age >= 75) AS eld75,
        sum(quantity) FILTER (WHERE service_class = 'CFS') AS cfs,
        sum(quantity) FILTER (WHERE service_class = 'SAB') AS sab,
        sum(quantity) FILTER (WHERE service_class = 'DIS') AS dis,
        count(DISTINCT client_key) FILTER (WHERE service_class = 'CFS') AS cfs_clients,
        count(DISTINCT client_key) FILTER (WHERE service_class = 'SAB') AS sab_clients,
        count(DISTINCT client_key) FILTER (WHERE service_class = 'ASW') AS asw_clients,
        count(DISTINCT client_key) FILTER (WHERE service_class = 'HMC' AND age >= 75) AS hmc_clients,
        count(DISTINCT client_key) FILTER (WHERE service_class = 'ELD' AND age >= 75) AS eld_clients,
        sum(quantity) FILTER (WHERE kind = 'visit') AS visits,
        sum(quantity) FILTER (WHERE kind = 'visit' AND channel IN ('remote', 'digital')) AS visits_rd,
        sum(quantity) FILTER (WHERE service_class = 'HC' AND channel = 'digital') AS hc_digital,
        sum(quantity) FILTER (WHERE service_class = 'MHS' AND channel IN ('remote', 'digital')) AS mhs_rd,
        sum(quantity) FILTER (WHERE service_class IN ('ASW', 'CFS')) AS sw,
        sum(quantity) FILTER (WHERE service_class IN ('ASW', 'CFS') AND channel IN ('remote', 'digital')) AS sw_rd,
        sum(quantity) FILTER (WHERE service_class = 'HMC' AND kind = 'visit') AS hmc,
        sum(quantity) FILTER (WHERE service_class = 'HMC' AND kind = 'visit' AND channel IN ('remote', 'digital')) AS hmc_rd,
        count(*) AS events,
        count(grid_cell_code) AS with_cell, count(client_key) AS with_client,
        count(unit_code) AS with_unit, count(producer_code) AS with_producer
      FROM events WHERE event_date BETWEEN DATE '${from}' AND DATE '${to}'
      GROUP BY ALL),
    pop AS (
      SELECT year, area_code AS area, sum(count) AS everyone,
        sum(count) FILTER (WHERE age <= 6) AS a0_6, sum(count) FILTER (WHERE age BETWEEN 7 AND 29) AS a7_29,
        sum(count) FILTER (WHERE age >= 13) AS a13, sum(count) FILTER (WHERE age <= 17) AS a0_17,
        sum(count) FILTER (WHERE age >= 18) AS a18, sum(count) FILTER (WHERE age >= 75) AS a75
      FROM population WHERE area_level = 'municipality' AND year IN (${years})
      GROUP BY ALL)
    SELECT ev.*, pop.* FROM ev LEFT JOIN pop ON pop.area = ev.area AND pop.year = year(ev.month)
    ORDER BY ev.month, ev.area`),
  units: q(`
    WITH ev AS (
      SELECT date_trunc('month', event_date)::DATE AS month, unit_code,
        sum(quantity) FILTER (WHERE service_class = 'HC') AS hc, sum(quantity) FILTER (WHERE service_class = 'OH') AS oh,
        sum(quantity) FILTER (WHERE service_class = 'ELD') AS eld, sum(quantity) FILTER (WHERE service_class = 'SAB') AS sab
      FROM events WHERE event_date BETWEEN DATE '${from}' AND DATE '${to}' AND unit_code IS NOT NULL
      GROUP BY ALL),
    months AS (SELECT range::DATE AS month FROM range(DATE '${from}', DATE '${to}' + 1, INTERVAL 1 MONTH)),
    cap AS (
      SELECT m.month, u.municipality_code AS area, u.code, u.capacity_unit, u.service_classes,
        u.capacity_per_year * (least(last_day(m.month), coalesce(u.valid_to, last_day(m.month)))
          - greatest(m.month, u.valid_from) + 1)
          / CASE WHEN u.capacity_unit = 'places' THEN 1 ELSE 365 END AS capacity
      FROM units u JOIN months m ON u.valid_from <= last_day(m.month) AND (u.valid_to IS NULL OR u.valid_to >= m.month))
    SELECT cap.month, cap.area, sum(ev.hc) AS hc, sum(ev.oh) AS oh, sum(ev.eld) AS eld, sum(ev.sab) AS sab,
      sum(cap.capacity) FILTER (WHERE list_has_any(cap.service_classes, ['HC'])) AS hc_capacity,
      sum(cap.capacity) FILTER (WHERE list_has_any(cap.service_classes, ['ELD'])) AS eld_capacity
    FROM cap LEFT JOIN ev ON ev.unit_code = cap.code AND ev.month = cap.month
    GROUP BY ALL ORDER BY 1, 2`),
  costs: q(`
    WITH c AS (
      SELECT year, area_code AS area, sum(net_operating_cost_euros) AS total,
        sum(net_operating_cost_euros) FILTER (WHERE service_class IN ('HC','OH','MCC','SSH','MHS','SPC','EMC','REH')) AS health,
        sum(net_operating_cost_euros) FILTER (WHERE service_class IN ('DIS','CFS','ASW','SAB')) AS social,
        sum(net_operating_cost_euros) FILTER (WHERE service_class IN ('HMC','ELD')) AS elderly
      FROM costs WHERE year IN (${years}) GROUP BY ALL),
    band AS (
      SELECT year(event_date) AS year, CASE WHEN age <= 6 THEN 0 WHEN age <= 17 THEN 1 WHEN age <= 64 THEN 2
        WHEN age <= 74 THEN 3 WHEN age <= 84 THEN 4 ELSE 5 END AS band, sex, sum(cost_euros) AS cost
      FROM events WHERE event_date BETWEEN DATE '${from}' AND DATE '${to}' GROUP BY ALL),
    popb AS (
      SELECT year, area_code AS area, CASE WHEN age <= 6 THEN 0 WHEN age <= 17 THEN 1 WHEN age <= 64 THEN 2
        WHEN age <= 74 THEN 3 WHEN age <= 84 THEN 4 ELSE 5 END AS band, sex, sum(count) AS n
      FROM population WHERE area_level = 'municipality' AND year IN (${years}) GROUP BY ALL),
    expected AS (
      SELECT p.year, p.area, sum(p.n * b.cost / t.n) AS expected, sum(p.n) AS residents
      FROM popb p JOIN band b USING (year, band, sex)
      JOIN (SELECT year, band, sex, sum(n) AS n FROM popb GROUP BY ALL) t USING (year, band, sex)
      GROUP BY ALL),
    round_the_clock AS (
      SELECT year(event_date) AS year, municipality_code AS area, count(DISTINCT client_key) AS clients_75
      FROM events WHERE event_date BETWEEN DATE '${from}' AND DATE '${to}' AND service_class = 'ELD' AND age >= 75
      GROUP BY ALL)
    SELECT c.*, e.expected, e.residents, r.clients_75 FROM c JOIN expected e USING (year, area)
    LEFT JOIN round_the_clock r USING (year, area) ORDER BY 1, 2`),
});

/**
 * The same hand-written SQL, given the engine's event cube (src/indicators/cube.ts): sums and counts
 * read the cube (a count becomes a sum of its event counts), distinct clients the client table.
 */
const handSqlOnCube = (from: string, to: string, years: string) => {
  const raw = handSql(from, to, years);
  const clientLines = raw.residence.split('\n').filter((line) => line.includes('count(DISTINCT client_key)'));
  const onCube = (text: string) =>
    text
      .replaceAll('FROM events WHERE', `FROM ${cubeTable} WHERE`)
      .replace('count(*) AS events', 'sum(events) AS events')
      .replace(
        'count(grid_cell_code) AS with_cell, count(client_key) AS with_client',
        'sum(events) FILTER (WHERE has_grid_cell) AS with_cell, sum(events) FILTER (WHERE has_client_key) AS with_client',
      )
      .replace(
        'count(unit_code) AS with_unit, count(producer_code) AS with_producer',
        'sum(events) FILTER (WHERE unit_code IS NOT NULL) AS with_unit, sum(events) FILTER (WHERE producer_code IS NOT NULL) AS with_producer',
      );
  const residence = onCube(
    raw.residence
      .split('\n')
      .filter((line) => !line.includes('count(DISTINCT client_key)'))
      .join('\n'),
  );
  const clients = q(`
    SELECT date_trunc('month', event_date)::DATE AS month, municipality_code AS area,
      ${clientLines
        .map((line) => line.trim())
        .join('\n      ')
        .replace(/,$/, '')}
    FROM ${clientTable} WHERE event_date BETWEEN DATE '${from}' AND DATE '${to}'
      AND service_class IN ('CFS', 'SAB', 'ASW', 'HMC', 'ELD')
    GROUP BY ALL ORDER BY 1, 2`);
  // The yearly 24-hour care clients come from the client table: the cube cannot count distinct clients.
  const costs = onCube(raw.costs).replace(
    `FROM ${cubeTable} WHERE event_date BETWEEN DATE '${from}' AND DATE '${to}' AND service_class = 'ELD'`,
    `FROM ${clientTable} WHERE event_date BETWEEN DATE '${from}' AND DATE '${to}' AND service_class = 'ELD'`,
  );
  return { residence, clients, units: onCube(raw.units), costs };
};

const runHand = async (store: Store, toYear: number, onCube: boolean): Promise<number> => {
  const years = [toYear - 2, toYear - 1, toYear].join(', ');
  const from = `${toYear - 2}-01-01`;
  const to = `${toYear}-12-31`;
  const texts = onCube
    ? Object.values(handSqlOnCube(from, to, years))
    : Object.values(handSql(from, to, years));
  let rows = 0;
  for (const text of texts) rows += (await store.all(text)).length;
  return rows;
};

if (mode !== '') {
  // A fresh process: open the store and compute, timed from before the store is opened.
  const start = performance.now();
  const store = await openStore(db, { readOnly: true });
  let rows: number;
  if (mode === 'sql' || mode === 'sql-cube') {
    const [row] = await store.all<{ year: number }>('SELECT year(max(event_date)) AS year FROM events');
    rows = await runHand(store, row?.year ?? 2025, mode === 'sql-cube');
  } else rows = await enginePackage(store, mode === 'engine-suppressed' ? manager : analyst);
  const ms = performance.now() - start;
  store.close();
  process.stdout.write(`${JSON.stringify({ ms, rows })}\n`);
  process.exit(0);
}

if (!existsSync(db)) {
  try {
    await buildStore();
  } catch (error) {
    rmSync(db, { force: true });
    throw error;
  }
}

const self = fileURLToPath(import.meta.url);
const cold = (which: string): { ms: number; rows: number } => {
  const times: number[] = [];
  let rows = 0;
  for (let r = 0; r < runs; r++) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--db', db, '--cold', which], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (child.status !== 0) throw new Error(`cold run ${which} failed: ${child.stderr}`);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as { ms: number; rows: number };
    times.push(result.ms);
    rows = result.rows;
  }
  return { ms: median(times), rows };
};

// The cube is built as after an import (timed alone), so that the cold runs find it current.
const cubeStore = await openStore(db);
const cubeStart = performance.now();
const cubeRows = await buildIndicatorCube(cubeStore);
const cubeMs = performance.now() - cubeStart;
await cubeStore.run('CHECKPOINT');
cubeStore.close();

const coldEngine = cold('engine');
const coldSuppressed = cold('engine-suppressed');
const coldHand = cold('sql');
const coldHandCube = cold('sql-cube');

// Warm: one indicator for every municipality in the latest year, through the API and by hand.
const store = await openStore(db, { readOnly: true });
const [{ events = 0 } = {}] = await store.all<{ events: number }>('SELECT count(*) AS events FROM events');
const year = await latestIndicatorYear(store);
const app = await buildServer({ store, webRoot: '/nonexistent', authenticator: headerAccess });
const api = async (role: string): Promise<number[]> => {
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    const response = await app.inject({
      method: 'GET',
      url: `/api/indicators/hc-visits-per-1000?year=${year}`,
      headers: { 'x-soteatlas-role': role },
    });
    if (response.statusCode !== 200) throw new Error(response.body);
    if (i >= 10) times.push(performance.now() - start);
  }
  return times;
};
const apiAnalyst = await api('analyst');
const apiManager = await api('manager');
const handOne = async (table: string): Promise<number[]> => {
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    const start = performance.now();
    await store.all(`
      SELECT a.code, e.visits, p.residents, e.visits / p.residents * 1000 AS rate
      FROM (SELECT code FROM areas WHERE level = 'municipality' AND valid_from_year <= ${year}
              AND (valid_to_year IS NULL OR valid_to_year >= ${year})) a
      LEFT JOIN (SELECT municipality_code, sum(quantity) AS visits FROM ${table}
                 WHERE event_date BETWEEN DATE '${year}-01-01' AND DATE '${year}-12-31' AND service_class = 'HC'
                 GROUP BY 1) e ON e.municipality_code = a.code
      LEFT JOIN (SELECT area_code, sum(count) AS residents FROM population
                 WHERE area_level = 'municipality' AND year = ${year} GROUP BY 1) p ON p.area_code = a.code
      ORDER BY a.code`);
    if (i >= 10) times.push(performance.now() - start);
  }
  return times;
};
const handSingle = await handOne('events');
const handSingleCube = await handOne(cubeTable);
await app.close();
store.close();

const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (a: number, b: number) => (a / b).toFixed(2);
const p50 = (values: number[]) => percentile(values, 50);
const p95 = (values: number[]) => percentile(values, 95);
const table: string[][] = [
  ['figure', 'engine', 'SQL on events', 'SQL on cube', 'engine ÷ SQL events', 'engine ÷ SQL cube'],
  [`cube build (${cubeRows.toLocaleString('en')} rows; once per import)`, ms(cubeMs), '', '', '', ''],
  ...(
    [
      [
        `package cold (${monthly.length} monthly + ${yearly.length} yearly indicators, ${coldEngine.rows} values)`,
        coldEngine.ms,
        coldHand.ms,
        coldHandCube.ms,
      ],
      ['package cold, suppressed (manager)', coldSuppressed.ms, coldHand.ms, coldHandCube.ms],
      ['one indicator via API, warm p50 (analyst)', p50(apiAnalyst), p50(handSingle), p50(handSingleCube)],
      ['one indicator via API, warm p95 (analyst)', p95(apiAnalyst), p95(handSingle), p95(handSingleCube)],
      ['one indicator via API, warm p50 (manager)', p50(apiManager), p50(handSingle), p50(handSingleCube)],
      ['one indicator via API, warm p95 (manager)', p95(apiManager), p95(handSingle), p95(handSingleCube)],
    ] as [string, number, number, number][]
  ).map(([label, engine, raw, cube]) => [
    label,
    ms(engine),
    ms(raw),
    ms(cube),
    ratio(engine, raw),
    ratio(engine, cube),
  ]),
];
console.log(
  `store: ${db}, ${events.toLocaleString('en')} events; cold figures are medians of ${runs} fresh processes; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${availableParallelism()} cores`,
);
console.log('goals: package cold < 1 000 ms; one indicator p95 < 50 ms; engine ÷ SQL ≤ 1.2');
const widths = table[0]?.map((_, c) => Math.max(...table.map((row) => row[c]?.length ?? 0))) ?? [];
for (const row of table) console.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
