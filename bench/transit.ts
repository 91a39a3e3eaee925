/**
 * Public transport: every populated grid cell of the demo county to every unit of one service class,
 * by bus and on foot, for each minute of a two-hour window (7:00–9:00 on a school Tuesday by default),
 * summarised as the median and 75th percentile. Generates the county's places, people, units, roads
 * and bus timetable into a temporary folder, or reuses --dir when it already holds them (kept; a
 * temporary folder is removed). Goal: under 10 s. Times the walks on the street network and the
 * range RAPTOR in worker threads apart, best of --runs.
 * Usage: tsx bench/transit.ts [--population N] [--dir DIR] [--class CODE] [--date 2026-03-03]
 *        [--from 7:00] [--minutes 120] [--threads 2] [--runs 3]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { filesToImport, generateDemoCounty, roadsToImport, transitToImport } from '../src/demo/index.js';
import { importFiles } from '../src/importers/index.js';
import { TransitSettings } from '../src/model/index.js';
import {
  importRoads,
  importTransitFeed,
  loadNetworkData,
  loadRoadGraph,
  loadTransitFeed,
  transitTravelTimes,
} from '../src/network/index.js';
import { openStore } from '../src/store/index.js';
import { numberFlag, readBenchArgs } from './args.js';

const { values: flags } = readBenchArgs('transit');
const population = flags.population ? numberFlag('population', flags.population, 0) : undefined;
const keep = flags.dir !== undefined;
const dir = flags.dir ?? mkdtempSync(join(tmpdir(), 'soteatlas-bench-transit-'));
const storePath = join(dir, 'soteatlas.duckdb');
const date = flags.date ?? '2026-03-03';
const [hours, minutesPast] = (flags.from ?? '7:00').split(':').map(Number);
const fromSeconds = ((hours ?? 7) * 60 + (minutesPast ?? 0)) * 60;
const windowMinutes = numberFlag('minutes', flags.minutes, 120);
const threads = numberFlag('threads', flags.threads, Math.min(availableParallelism(), 4));
const runs = numberFlag('runs', flags.runs, 3);
const log = (text: string) => process.stderr.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (!existsSync(storePath)) {
  const started = performance.now();
  const files = join(dir, 'files');
  const demo = await generateDemoCounty({
    outDir: files,
    years: 1,
    ...(population !== undefined && { population }),
  });
  const store = await openStore(storePath);
  // Places, people, producers and units are what the benchmark routes between; events are not needed.
  const needed = new Set(['areas', 'population', 'producers', 'units']);
  await importFiles(
    store,
    filesToImport(demo, files).filter((f) => needed.has(f.kind)),
  );
  const roads = roadsToImport(demo, files);
  const transit = transitToImport(demo, files);
  if (!roads || !transit) throw new Error('the demo county has no roads or no bus timetable');
  await importRoads(store, roads, { name: 'demo' });
  await importTransitFeed(store, transit, { name: 'demo' });
  store.close();
  log(`demo county generated and imported into ${dir} in ${seconds(performance.now() - started)}`);
}

const store = await openStore(storePath);
try {
  const data = await loadNetworkData(store);
  const feed = await loadTransitFeed(store);
  const walk = await loadRoadGraph(store, { profile: 'walk' });
  if (!feed || !walk) throw new Error('the store holds no bus timetable or no road network');
  const unitCount = (code: string) =>
    data.units.filter((u) => u.inPerson && u.serviceClasses.includes(code)).length;
  // By default the class with the most units people travel to (the largest matrix).
  const classCode =
    flags.class ??
    [...new Set(data.units.flatMap((u) => u.serviceClasses))].sort((a, b) => unitCount(b) - unitCount(a))[0];
  if (!classCode) throw new Error('the demo county has no units');
  const units = data.units.filter((u) => u.inPerson && u.serviceClasses.includes(classCode));
  const origins: { x: number; y: number }[] = [];
  for (let c = 0; c < data.cells.codes.length; c++)
    if ((data.cells.total[c] as number) > 0)
      origins.push({ x: data.cells.x[c] as number, y: data.cells.y[c] as number });
  const settings = TransitSettings.parse({});
  const request = {
    origins,
    destinations: units.map((u) => ({ x: u.x, y: u.y })),
    window: { date, fromSeconds, toSeconds: fromSeconds + windowMinutes * 60, stepSeconds: 60 },
    settings,
    threads,
  };
  log(
    `${origins.length} populated cells × ${units.length} units of ${classCode}, ${windowMinutes} departures from ${flags.from ?? '7:00'} on ${date}; ` +
      `feed: ${feed.stops.id.length} stops, ${feed.trips.length} trips; walk graph: ${walk.nodeCount} nodes; ${threads} worker threads`,
  );
  const timings: number[] = [];
  let last: Awaited<ReturnType<typeof transitTravelTimes>> | undefined;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    last = await transitTravelTimes(feed, walk, request);
    timings.push(performance.now() - started);
    log(`run ${r + 1}: ${seconds(timings[r] as number)}`);
  }
  if (!last) throw new Error('no run');
  // Each cell's nearest unit by median: how many have one within 30 and 60 minutes.
  const nearest = origins.map((_, o) => {
    let best = Number.POSITIVE_INFINITY;
    for (let u = 0; u < units.length; u++)
      best = Math.min(best, last?.median[o * units.length + u] as number);
    return best;
  });
  const within = (m: number) => nearest.filter((t) => t <= m).length;
  const [one, five, fifteen] = loadavg();
  console.log(
    [
      `transit matrix: ${origins.length} cells × ${units.length} units × ${last.departures} departures, ${last.trips} trips on ${date}`,
      `  best of ${runs}: ${seconds(Math.min(...timings))} (goal under 10 s); all runs: ${timings.map((t) => (t / 1000).toFixed(2)).join(', ')} s`,
      `  cells with a unit within 30 / 60 min (median): ${within(30)} / ${within(60)}; cells with no stop within ${settings.maxAccessMinutes} min walk: ${last.originsWithoutStop}`,
      `  machine: ${availableParallelism()} cores, load average ${one?.toFixed(1)} / ${five?.toFixed(1)} / ${fifteen?.toFixed(1)}`,
    ].join('\n'),
  );
} finally {
  store.close();
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
