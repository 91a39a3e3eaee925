/**
 * Scenario re-evaluation after one click on the demo county: the planner closes a unit, moves one or
 * changes a capacity, and the whole result (access, loads, costs, monitoring figures) is worked out
 * again. Generates the demo county (default size) into a temporary folder, or reuses --dir when it
 * already holds one (kept; a temporary folder is removed). Goal: p95 under 300 ms. Usage: tsx bench/scenario.ts [--population N] [--dir DIR]
 * [--clicks N] [--straight-line] [--target-year YEAR]
 * (a projected year: demand by cell from the forecast).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { filesToImport, generateDemoCounty, roadsToImport } from '../src/demo/index.js';
import { importFiles } from '../src/importers/index.js';
import type { ScenarioChange } from '../src/model/index.js';
import { evaluatorFor, importRoads, resolveYears } from '../src/network/index.js';
import { buildServer } from '../src/server/index.js';
import { asRole, headerAccess } from '../src/server/testing.js';
import { openStore } from '../src/store/index.js';
import { numberFlag, readBenchArgs } from './args.js';

const { values: flags } = readBenchArgs('scenario');

const population = flags.population ? numberFlag('population', flags.population, 0) : undefined;
const clicks = numberFlag('clicks', flags.clicks, 40);
const keep = flags.dir !== undefined;
const dir = flags.dir ?? mkdtempSync(join(tmpdir(), 'soteatlas-bench-scenario-'));
const storePath = join(dir, 'soteatlas.duckdb');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

if (!existsSync(storePath)) {
  const started = performance.now();
  const demo = await generateDemoCounty({
    outDir: join(dir, 'files'),
    ...(population !== undefined && { population }),
  });
  const store = await openStore(storePath);
  await importFiles(store, filesToImport(demo, join(dir, 'files')));
  // The road network `soteatlas demo` imports: clicks are timed on road travel times, not straight lines.
  const roads = roadsToImport(demo, join(dir, 'files'));
  if (roads && flags['straight-line'] !== true) await importRoads(store, roads, { name: 'demo' });
  store.close();
  console.log(`demo county generated and imported into ${dir} in ${seconds(performance.now() - started)}`);
}

const store = await openStore(storePath);
const targetYear = flags['target-year'] ? numberFlag('target-year', flags['target-year'], 0) : undefined;
const years = await resolveYears(store, targetYear === undefined ? {} : { targetYear });
let started = performance.now();
const evaluator = await evaluatorFor(store, years);
const buildMs = performance.now() - started;
const { data } = evaluator;
started = performance.now();
const base = await evaluator.evaluate({ name: 'base', changes: [], thresholds: [10, 20, 30] });
const firstMs = performance.now() - started;

// Deterministic clicks over the units that people travel to: close, move 2 km north-east, halve capacity.
const units = data.units.filter((u) => u.inPerson);
const clickAt = (i: number): { kind: string; change: ScenarioChange } => {
  const unit = units[(i * 7919) % units.length];
  if (!unit) throw new Error('the demo county has no units');
  const kind = i % 3;
  if (kind === 0) return { kind: 'close', change: { kind: 'close', unitCode: unit.code } };
  if (kind === 1)
    return {
      kind: 'move',
      change: { kind: 'move', unitCode: unit.code, x: unit.x + 2000 + i, y: unit.y + 2000 },
    };
  const total = Object.values(unit.capacity).reduce((a, b) => a + b, 0);
  return {
    kind: 'capacity',
    change: { kind: 'capacity', unitCode: unit.code, capacityPerYear: Math.round(total / 2) },
  };
};

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

const engine = new Map<string, number[]>();
for (let i = 0; i < clicks; i++) {
  const { kind, change } = clickAt(i);
  const t = performance.now();
  await evaluator.evaluate({ name: 'click', changes: [change], thresholds: [10, 20, 30] });
  const ms = performance.now() - t;
  engine.set(kind, [...(engine.get(kind) ?? []), ms]);
  engine.set('all', [...(engine.get('all') ?? []), ms]);
}

// The same clicks as the page sends them: POST /api/network/evaluate, JSON both ways.
const app = await buildServer({ store, webRoot: '/nonexistent', authenticator: headerAccess });
const api: number[] = [];
for (let i = 0; i < clicks; i++) {
  const { change } = clickAt(i + clicks);
  const t = performance.now();
  const response = await app.inject({
    method: 'POST',
    url: '/api/network/evaluate',
    headers: asRole('planner'),
    payload: { name: 'click', changes: [change], ...(targetYear !== undefined && { targetYear }) },
  });
  if (response.statusCode !== 200) throw new Error(`evaluate answered ${response.statusCode}`);
  api.push(performance.now() - t);
}
await app.close();
store.close();
if (!keep) rmSync(dir, { recursive: true, force: true });

const residents = Math.round(data.cells.total.reduce((a, b) => a + b, 0));
console.log(
  `demo county: ${residents.toLocaleString('en')} residents in ${data.cells.codes.length} populated cells, ${data.units.length} units, ${data.classes.length} service classes; travel times by ${evaluator.travelTimeSource}`,
);
console.log(`target year ${base.targetYear}: ${base.populationNote}; demand: ${base.demandNote}`);
console.log(`first load (population, rates, units, cells × units travel times): ${buildMs.toFixed(0)} ms`);
console.log(`first evaluation, nothing cached: ${firstMs.toFixed(0)} ms (${base.classes.length} classes)`);
console.log('');
console.log('re-evaluation after one click   clicks   p50 ms   p95 ms   max ms   goal p95');
const row = (label: string, values: number[]) =>
  console.log(
    `${label.padEnd(31)} ${String(values.length).padStart(6)} ${quantile(values, 0.5).toFixed(1).padStart(8)} ${quantile(values, 0.95).toFixed(1).padStart(8)} ${Math.max(
      ...values,
    )
      .toFixed(1)
      .padStart(8)}   < 300`,
  );
for (const kind of ['close', 'move', 'capacity', 'all']) row(`engine, ${kind}`, engine.get(kind) ?? []);
row('HTTP POST /api/network/evaluate', api);
