import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadServiceClasses } from '../store/index.js';
import {
  writeAreasFile,
  writeBoundariesFile,
  writeCostsFile,
  writeOfficialProjectionFile,
  writePopulationGridFile,
  writePopulationLanguagesFile,
  writePopulationTableFile,
  writeProducersFile,
  writeReferenceValuesFile,
  writeSteeringFiles,
  writeUnitsFile,
} from './county-files.js';
import { buildCountyModel, residentsAtEnd } from './county-model.js';
import { producerColumns } from './event-files.js';
import { type EventYearResult, writeEventYear } from './event-year.js';
import { serviceClassUsages } from './event-year-context.js';
import type { DemoFile, DemoManifest, GenerateOptions } from './manifest.js';
import { netCostRows } from './net-costs.js';
import { demoProducers, mappedProducerCode } from './producers.js';
import { trackProgress } from './progress.js';
import { demoRoads, roadsGeojson } from './roads.js';
import { demoSteering } from './steering-data.js';
import { demoTransitFeed, transitFeedZip } from './transit-feed.js';
import { unitCapacities } from './unit-capacity.js';
import { demoUnits } from './units.js';
import { mappingYaml } from './writers/mapping-yaml.js';
import { unitsGeojson } from './writers/units-geojson.js';

/** Event years are cut into this many pieces for progress and abort checks. */
const chunksPerYear = 25;

/**
 * Writes a fictional county's data as the files a county really receives, and `manifest.json`
 * listing them in import order. The same options always give byte-identical files.
 */
export const generateDemoCounty = async (options: GenerateOptions): Promise<DemoManifest> => {
  const seed = options.seed ?? 1;
  const population = options.population ?? 250_000;
  const years = options.years ?? 3;
  if (!Number.isInteger(population) || population < 100) {
    throw new RangeError('population must be a whole number ≥ 100');
  }
  if (!Number.isInteger(years) || years < 1 || years > 30)
    throw new RangeError('years must be a whole number 1…30');
  const { outDir } = options;
  const progress = trackProgress(11 + years * chunksPerYear, options.onProgress, options.signal);

  await mkdir(outDir, { recursive: true });
  await progress.step('county model');
  const model = buildCountyModel(seed, population, years);
  const producers = demoProducers(seed);
  const units = demoUnits(seed, model.geography);
  progress.finish();

  const files: DemoFile[] = [];
  const steps: [string, () => Promise<DemoFile>][] = [
    ['areas.csv', () => writeAreasFile(model, outDir)],
    ['municipalities.geojson', () => writeBoundariesFile(model, outDir)],
    ['population-municipalities.json', () => writePopulationTableFile(model, outDir)],
    ['population-grid.csv', () => writePopulationGridFile(model, outDir)],
    ['population-languages.csv', () => writePopulationLanguagesFile(model, outDir)],
    ['producers.xlsx', () => writeProducersFile(producers, outDir)],
  ];
  for (const [label, write] of steps) {
    await progress.step(label);
    files.push(await write());
    progress.finish();
  }

  const serviceClasses = loadServiceClasses();
  const mappingPath = `mapping-${mappedProducerCode.toLowerCase()}.yaml`;
  const mappedName = producers.find((p) => p.code === mappedProducerCode)?.name ?? mappedProducerCode;
  await writeFile(join(outDir, mappingPath), mappingYaml(mappedName, producerColumns));
  const results: EventYearResult[] = [];
  for (const year of model.eventYears) {
    results.push(
      await writeEventYear({
        model,
        year,
        outDir,
        units,
        producers,
        serviceClasses,
        mappedProducer: {
          code: mappedProducerCode,
          mappingPath,
          filePrefix: `events-${mappedProducerCode.toLowerCase()}`,
        },
        chunks: chunksPerYear,
        afterChunk: async () => {
          progress.finish();
          await progress.step(`events-${year}.csv`);
        },
      }),
    );
  }

  // Units come after the events in the making, because capacities follow the volumes served.
  await progress.step('units.geojson');
  files.push(
    await writeUnitsFile(unitsGeojson(units, unitCapacities(seed, model, { units, results })), outDir),
  );
  progress.finish();
  files.push(...results.flatMap((result) => result.files));

  await progress.step('costs.csv');
  const classCodes = serviceClassUsages(serviceClasses).map((c) => c.code);
  files.push(await writeCostsFile(netCostRows(seed, model, { classCodes, results }), outDir));
  progress.finish();

  await progress.step('reference-values-demo.csv');
  files.push(await writeReferenceValuesFile(seed, outDir));
  await progress.step('contracts.csv');
  const lastYear = results[results.length - 1];
  if (lastYear) {
    const steering = demoSteering(seed, {
      producers,
      units,
      classes: serviceClassUsages(serviceClasses),
      unitClassMonthVolume: lastYear.unitClassMonthVolume,
    });
    files.push(...(await writeSteeringFiles(steering, outDir)));
  }
  progress.finish();

  const officialProjection = await writeOfficialProjectionFile(model, outDir);
  const roads = {
    path: 'roads.geojson',
    format: 'geojson',
    description: 'road network, EPSG:3067 lines',
  } as const;
  const roadLines = demoRoads(seed, model.geography);
  await writeFile(join(outDir, roads.path), roadsGeojson(roadLines));
  const transit = {
    path: 'joukkoliikenne-gtfs.zip',
    format: 'gtfs',
    description: 'bus timetable 2026, GTFS',
  } as const;
  await writeFile(
    join(outDir, transit.path),
    transitFeedZip(demoTransitFeed(seed, model.geography, roadLines)),
  );

  await progress.step('manifest.json');
  const manifest: DemoManifest = {
    seed,
    residents: residentsAtEnd(model),
    events: results.reduce((sum, r) => sum + r.events, 0),
    years: model.eventYears,
    populationYears: model.history.years,
    files,
    officialProjection,
    roads,
    transit,
  };
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  progress.finish();
  progress.done();
  return manifest;
};
