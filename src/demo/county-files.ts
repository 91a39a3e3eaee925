import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lastFullYear } from './county-definition.js';
import type { CountyModel } from './county-model.js';
import type { DemoFile } from './manifest.js';
import type { DemoProducer } from './producers.js';
import type { DemoSteering } from './steering-data.js';
import { TextSink, writeTextFile } from './text-sink.js';
import { areasCsv } from './writers/areas-csv.js';
import { boundariesGeojson } from './writers/boundaries-geojson.js';
import { type CostRow, costsCsv } from './writers/costs-csv.js';
import { writePopulationGrid } from './writers/population-grid-csv.js';
import { populationJsonStat } from './writers/population-jsonstat.js';
import { populationLanguagesCsv } from './writers/population-languages-csv.js';
import { populationProjectionJsonStat } from './writers/population-projection-jsonstat.js';
import { writeProducersWorkbook } from './writers/producers-xlsx.js';
import { referenceValuesCsv } from './writers/reference-values-csv.js';
import { steeringCsvFiles } from './writers/steering-csv.js';

/** Each file other than the events: written to the output folder, and described for the manifest. */

/** The workbook's timestamps are fixed, so the same seed gives the same bytes. */
const workbookMoment = new Date(Date.UTC(lastFullYear + 1, 1, 14, 9, 30, 0));

const firstYearOf = (model: CountyModel) => model.history.years[0] ?? lastFullYear;

export const writeAreasFile = async (model: CountyModel, outDir: string): Promise<DemoFile> => {
  const text = areasCsv(model.geography, model.populatedCells, firstYearOf(model));
  await writeTextFile(join(outDir, 'areas.csv'), text, { encoding: 'utf-8', bom: true });
  return {
    path: 'areas.csv',
    kind: 'areas',
    format: 'csv',
    encoding: 'utf-8',
    description:
      'Area hierarchy (country, county, municipalities, populated 1 km grid cells) versioned by year, with one ' +
      'municipal merger; semicolons, UTF-8 with BOM, centres in EPSG:3067.',
  };
};

export const writeBoundariesFile = async (model: CountyModel, outDir: string): Promise<DemoFile> => {
  await writeFile(
    join(outDir, 'municipalities.geojson'),
    boundariesGeojson(model.geography, firstYearOf(model)),
  );
  return {
    path: 'municipalities.geojson',
    kind: 'areas',
    format: 'geojson',
    encoding: 'utf-8',
    description:
      "County and municipality boundaries as multipolygons in EPSG:3067, with the areas file's fields.",
  };
};

export const writePopulationTableFile = async (model: CountyModel, outDir: string): Promise<DemoFile> => {
  const dataset = populationJsonStat(model.geography, model.history);
  await writeFile(join(outDir, 'population-municipalities.json'), `${JSON.stringify(dataset)}\n`);
  return {
    path: 'population-municipalities.json',
    kind: 'population',
    format: 'jsonstat',
    encoding: 'utf-8',
    description:
      `Residents by municipality, year (${firstYearOf(model)}–${lastFullYear}), sex and single-year age as a ` +
      "JSON-stat 2.0 dataset like Statistics Finland's table 11re; totals (SSS) included, null where a " +
      'municipality did not exist.',
  };
};

export const writePopulationGridFile = async (model: CountyModel, outDir: string): Promise<DemoFile> => {
  const sink = TextSink.open(join(outDir, 'population-grid.csv'), { encoding: 'windows-1252' });
  const rows = await writePopulationGrid(sink, model.grids, model.cellCodes);
  await sink.close();
  return {
    path: 'population-grid.csv',
    kind: 'population',
    format: 'csv',
    encoding: 'windows-1252',
    description:
      `Residents by 1 km grid cell, year (${model.eventYears.join(', ')}), single-year age and sex; non-zero ` +
      'counts only; cells add up to the municipalities exactly. Semicolons, Windows-1252.',
    rows,
    invalidRows: 0,
  };
};

export const writePopulationLanguagesFile = async (model: CountyModel, outDir: string): Promise<DemoFile> => {
  const text = populationLanguagesCsv(model.geography, model.history);
  await writeTextFile(join(outDir, 'population-languages.csv'), text, { encoding: 'utf-8', bom: true });
  return {
    path: 'population-languages.csv',
    kind: 'populationLanguages',
    format: 'csv',
    encoding: 'utf-8',
    description:
      `Residents by municipality, year (${firstYearOf(model)}–${lastFullYear}) and registered language (Finnish, ` +
      "Swedish, Sámi, other) like Statistics Finland's table 11rm; two municipalities have a Swedish-speaking " +
      'minority. Semicolons, UTF-8 with BOM.',
  };
};

export const writeProducersFile = async (
  producers: readonly DemoProducer[],
  outDir: string,
): Promise<DemoFile> => {
  await writeProducersWorkbook(join(outDir, 'producers.xlsx'), producers, workbookMoment);
  return {
    path: 'producers.xlsx',
    kind: 'producers',
    format: 'xlsx',
    description:
      'Producer register: own production, purchased services, service vouchers and NGOs, with business ids.',
    rows: producers.length,
    invalidRows: 0,
  };
};

export const writeUnitsFile = async (geojson: string, outDir: string): Promise<DemoFile> => {
  await writeFile(join(outDir, 'units.geojson'), geojson);
  return {
    path: 'units.geojson',
    kind: 'units',
    format: 'geojson',
    encoding: 'utf-8',
    description:
      'Service units as WGS84 points with service classes, producer, yearly capacity, validity and channels; ' +
      'two close and one opens with the municipal merger.',
  };
};

export const writeCostsFile = async (rows: readonly CostRow[], outDir: string): Promise<DemoFile> => {
  await writeTextFile(join(outDir, 'costs.csv'), costsCsv(rows), { encoding: 'windows-1252' });
  return {
    path: 'costs.csv',
    kind: 'costs',
    format: 'csv',
    encoding: 'windows-1252',
    description:
      "Net operating costs by municipality, year and service class: the events' costs plus overhead. " +
      'Semicolons, decimal commas, Windows-1252.',
    rows: rows.length,
    invalidRows: 0,
  };
};

/** The official-style projection, from the year before the last to twenty years after the last. */
export const writeOfficialProjectionFile = async (
  model: CountyModel,
  outDir: string,
): Promise<{ path: string; format: 'jsonstat'; description: string }> => {
  const path = 'population-projection.json';
  const baseYear = lastFullYear - 1;
  const dataset = populationProjectionJsonStat(model.geography, model.history, {
    baseYear,
    toYear: lastFullYear + 20,
  });
  await writeFile(join(outDir, path), `${JSON.stringify(dataset)}\n`);
  return {
    path,
    format: 'jsonstat',
    description:
      `Official-style population projection from ${baseYear} to ${lastFullYear + 20} by municipality, sex and ` +
      "single-year age, as a JSON-stat 2.0 dataset like Statistics Finland's table 14wx.",
  };
};

export const writeReferenceValuesFile = async (seed: number, outDir: string): Promise<DemoFile> => {
  const { text, rows } = referenceValuesCsv(seed);
  await writeTextFile(join(outDir, 'reference-values-demo.csv'), text, { encoding: 'utf-8', bom: true });
  return {
    path: 'reference-values-demo.csv',
    kind: 'referenceValues',
    format: 'csv',
    encoding: 'utf-8',
    description:
      "MADE-UP reference values in the shape fetched from THL's Sotkanet (mortality per 100 000, indicator 186) " +
      'for every wellbeing services county, municipality and the country, so that the comparison view has ' +
      'something to show. Source named thl-sotkanet-demo; real figures come only from Sotkanet.',
    rows,
    invalidRows: 0,
  };
};

/** Contracts, invoices, vouchers, supervision and complaints: one CSV each, in import order. */
export const writeSteeringFiles = async (data: DemoSteering, outDir: string): Promise<DemoFile[]> => {
  const files: DemoFile[] = [];
  for (const file of steeringCsvFiles(data)) {
    await writeTextFile(join(outDir, file.path), file.text, { encoding: 'utf-8', bom: true });
    files.push({
      path: file.path,
      kind: file.kind,
      format: 'csv',
      encoding: 'utf-8',
      description: `Producer steering: ${file.kind} of the last year, semicolons, decimal commas, UTF-8 with BOM.`,
      rows: file.rows,
      invalidRows: 0,
    });
  }
  return files;
};
