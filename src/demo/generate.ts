import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadServiceClasses } from '../model/index.js';
import { lastFullYear } from './county-definition.js';
import { buildCountyModel, type CountyModel, residentsAtEnd } from './county-model.js';
import { producerColumns } from './event-files.js';
import { type EventYearResult, serviceClassUsages, writeEventYear } from './event-year.js';
import { isValidIn } from './geography.js';
import type { DemoFile, DemoManifest, GenerateOptions } from './manifest.js';
import { demoProducers, mappedProducerCode } from './producers.js';
import { hashUnit, Random } from './random.js';
import { TextSink, writeTextFile } from './text-sink.js';
import { type DemoUnit, demoUnits, isOpenAllYear } from './units.js';
import { areasCsv } from './writers/areas-csv.js';
import { boundariesGeojson } from './writers/boundaries-geojson.js';
import { type CostRow, costsCsv } from './writers/costs-csv.js';
import { mappingYaml } from './writers/mapping-yaml.js';
import { writePopulationGrid } from './writers/population-grid-csv.js';
import { populationJsonStat } from './writers/population-jsonstat.js';
import { writeProducersWorkbook } from './writers/producers-xlsx.js';
import { unitsGeojson } from './writers/units-geojson.js';

const chunksPerYear = 25;
/** The workbook's timestamps: fixed, so the same seed gives the same bytes. */
const workbookMoment = new Date(Date.UTC(lastFullYear + 1, 1, 14, 9, 30, 0));

const abortError = () => new DOMException('Generating the demo county was aborted', 'AbortError');

/**
 * Writes a fictional county's data as the files a county really receives, and `manifest.json`
 * listing them in import order. The same options always give byte-identical files.
 */
export const generateDemoCounty = async (options: GenerateOptions): Promise<DemoManifest> => {
  const seed = options.seed ?? 1;
  const population = options.population ?? 250_000;
  const years = options.years ?? 3;
  if (!Number.isInteger(population) || population < 100)
    throw new RangeError('population must be a whole number ≥ 100');
  if (!Number.isInteger(years) || years < 1 || years > 30)
    throw new RangeError('years must be a whole number 1…30');
  const { outDir, signal } = options;
  const total = 9 + years * chunksPerYear;
  let done = 0;
  const step = async (label: string) => {
    if (signal?.aborted) throw abortError();
    options.onProgress?.(done, total, label);
    // Let a pending abort (Ctrl-C) be delivered between steps of synchronous work.
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw abortError();
  };
  const finish = () => {
    done++;
  };

  await mkdir(outDir, { recursive: true });
  await step('county model');
  const model = buildCountyModel(seed, population, years);
  const firstYear = model.history.years[0] ?? lastFullYear;
  finish();
  const files: DemoFile[] = [];

  await step('areas.csv');
  await writeTextFile(join(outDir, 'areas.csv'), areasCsv(model.geography, model.populatedCells, firstYear), {
    encoding: 'utf-8',
    bom: true,
  });
  files.push({
    path: 'areas.csv',
    kind: 'areas',
    format: 'csv',
    encoding: 'utf-8',
    description:
      'Area hierarchy (country, county, municipalities, populated 1 km grid cells) versioned by year, with one ' +
      'municipal merger; semicolons, UTF-8 with BOM, centres in EPSG:3067.',
  });
  finish();

  await step('municipalities.geojson');
  await writeFile(join(outDir, 'municipalities.geojson'), boundariesGeojson(model.geography, firstYear));
  files.push({
    path: 'municipalities.geojson',
    kind: 'areas',
    format: 'geojson',
    encoding: 'utf-8',
    description:
      "County and municipality boundaries as multipolygons in EPSG:3067, with the areas file's fields.",
  });
  finish();

  await step('population-municipalities.json');
  await writeFile(
    join(outDir, 'population-municipalities.json'),
    `${JSON.stringify(populationJsonStat(model.geography, model.history))}\n`,
  );
  files.push({
    path: 'population-municipalities.json',
    kind: 'population',
    format: 'jsonstat',
    encoding: 'utf-8',
    description:
      `Residents by municipality, year (${firstYear}–${lastFullYear}), sex and single-year age as a JSON-stat 2.0 ` +
      "dataset like Statistics Finland's table 11re; totals (SSS) included, null where a municipality did not exist.",
  });
  finish();

  await step('population-grid.csv');
  const gridSink = TextSink.open(join(outDir, 'population-grid.csv'), { encoding: 'windows-1252' });
  const gridRows = await writePopulationGrid(gridSink, model.grids, model.cellCodes);
  await gridSink.close();
  files.push({
    path: 'population-grid.csv',
    kind: 'population',
    format: 'csv',
    encoding: 'windows-1252',
    description:
      `Residents by 1 km grid cell, year (${model.eventYears.join(', ')}), single-year age and sex; non-zero counts ` +
      'only; cells add up to the municipalities exactly. Semicolons, Windows-1252.',
    rows: gridRows,
    invalidRows: 0,
  });
  finish();

  await step('producers.xlsx');
  const producers = demoProducers(seed);
  await writeProducersWorkbook(join(outDir, 'producers.xlsx'), producers, workbookMoment);
  files.push({
    path: 'producers.xlsx',
    kind: 'producers',
    format: 'xlsx',
    description:
      'Producer register: own production, purchased services, service vouchers and NGOs, with business ids.',
    rows: producers.length,
    invalidRows: 0,
  });
  finish();

  const units = demoUnits(seed, model.geography);
  const serviceClasses = loadServiceClasses();
  const mapped = producers.find((p) => p.code === mappedProducerCode);
  const mappingPath = `mapping-${mappedProducerCode.toLowerCase()}.yaml`;
  await writeFile(
    join(outDir, mappingPath),
    mappingYaml(mapped?.name ?? mappedProducerCode, producerColumns),
  );

  const eventFiles: DemoFile[] = [];
  const results: EventYearResult[] = [];
  for (const year of model.eventYears) {
    const result = await writeEventYear({
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
        finish();
        await step(`events-${year}.csv`);
      },
    });
    results.push(result);
    eventFiles.push(...result.files);
  }

  await step('units.geojson');
  await writeFile(
    join(outDir, 'units.geojson'),
    unitsGeojson(units, capacities(seed, model, units, results)),
  );
  files.push({
    path: 'units.geojson',
    kind: 'units',
    format: 'geojson',
    encoding: 'utf-8',
    description:
      'Service units as WGS84 points with service classes, producer, yearly capacity, validity and channels; ' +
      'two close and one opens with the municipal merger.',
  });
  finish();
  files.push(...eventFiles);

  await step('costs.csv');
  const costs = costRows(
    seed,
    model,
    serviceClassUsages(serviceClasses).map((c) => c.code),
    results,
  );
  await writeTextFile(join(outDir, 'costs.csv'), costsCsv(costs), { encoding: 'windows-1252' });
  files.push({
    path: 'costs.csv',
    kind: 'costs',
    format: 'csv',
    encoding: 'windows-1252',
    description:
      "Net operating costs by municipality, year and service class: the events' costs plus overhead. " +
      'Semicolons, decimal commas, Windows-1252.',
    rows: costs.length,
    invalidRows: 0,
  });
  finish();

  await step('manifest.json');
  const manifest: DemoManifest = {
    seed,
    residents: residentsAtEnd(model),
    events: results.reduce((sum, r) => sum + r.events, 0),
    years: model.eventYears,
    populationYears: model.history.years,
    files,
  };
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  finish();
  options.onProgress?.(done, total, 'done');
  return manifest;
};

/**
 * Yearly capacity from the volume a unit served in its last full year, times a factor between
 * 0.85 and 1.3: some units run over capacity, others have room, as in any real network.
 */
const capacities = (
  seed: number,
  model: CountyModel,
  units: readonly DemoUnit[],
  results: readonly EventYearResult[],
): number[] =>
  units.map((unit, i) => {
    const factor = 0.85 + 0.45 * hashUnit(seed, 1401, i);
    let volume = 0;
    model.eventYears.forEach((year, y) => {
      if (isOpenAllYear(unit, year)) volume = results[y]?.unitVolume[i] ?? volume;
    });
    if (unit.capacityUnit === 'places') return Math.max(1, Math.ceil(((volume || 3650) / 365) * factor));
    return Math.max(100, Math.round(((volume || 3000) * factor) / 100) * 100);
  });

/** Net operating cost: the events' costs plus 6–14 % for administration, premises and the like. */
const costRows = (
  seed: number,
  model: CountyModel,
  classCodes: readonly string[],
  results: readonly EventYearResult[],
): CostRow[] => {
  const random = Random.of(seed, 1301);
  return model.eventYears.flatMap((year, y) =>
    model.geography.municipalities.flatMap((municipality, m) =>
      isValidIn(municipality, year)
        ? classCodes.map((serviceClass, k) => ({
            municipalityCode: municipality.code,
            year,
            serviceClass,
            netOperatingCostEuros:
              ((results[y]?.costCents[m * classCodes.length + k] ?? 0) / 100) * random.between(1.06, 1.14),
          }))
        : [],
    ),
  );
};
