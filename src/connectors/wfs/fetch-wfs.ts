import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../importers/index.js';
import type { FetchedSource, ImportSummary } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { recordFetch } from '../fetch-log.js';
import { answerJson, type Fetcher } from '../fetcher.js';
import { FetchCancelled } from '../pxweb/fetch-pxweb.js';
import { gridCellRejects } from './grid-cells.js';
import { type GridGroupRow, gridGroups } from './grid-groups.js';
import { defaultScale, getFeatureUrl, layerName, type WfsLayerKind, type WfsScale } from './layers.js';

interface Feature {
  type: 'Feature';
  id?: unknown;
  geometry: unknown;
  properties: Record<string, unknown> | null;
}

export interface WfsFetchOptions {
  kind: WfsLayerKind;
  year: number;
  scale?: WfsScale;
  /** Municipality codes: only their boundaries, or grid cells, are fetched (all counties are). */
  municipalities?: string[];
  /** The county of each municipality, written as the municipality's parent area. */
  countyOf?: (municipality: string) => string | undefined;
  pageSize?: number;
  base?: string;
  workDir: string;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number; label: string }) => void;
}

export interface WfsFetchResult {
  layer: string;
  /**
   * The accepted grid cells' figures by sex and age group: rows kept and, of them, those withheld (-1).
   * A cell with a figure that is not a count is rejected whole, with the import's other rejects.
   */
  gridGroups?: { rows: number; suppressed: number };
  features: number;
  pages: number;
  unchangedAnswers: number;
  fetchedSource: FetchedSource;
  import: ImportSummary;
  changes: string[];
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/**
 * A feature as an area row: level, code, names, parent and first year, the geometry kept. The layers'
 * own property names are read here: kunta / hyvinvointialue for the code, nimi and namn for the names,
 * grd_id for a grid cell, whose parent is its municipality.
 */
const asArea = (
  feature: Feature,
  kind: WfsLayerKind,
  year: number,
  countyOf: WfsFetchOptions['countyOf'],
) => {
  const p = feature.properties ?? {};
  const code =
    kind === 'grid' ? text(p.grd_id ?? p.nro) : kind === 'counties' ? text(p.hyvinvointialue) : text(p.kunta);
  const parent =
    kind === 'grid' ? text(p.kunta) : kind === 'counties' ? 'SSS' : (countyOf?.(text(p.kunta)) ?? '');
  return {
    type: 'Feature' as const,
    geometry: feature.geometry,
    properties: {
      taso: kind === 'grid' ? 'gridCell' : kind === 'counties' ? 'county' : 'municipality',
      koodi: code,
      nimi: kind === 'grid' ? code : text(p.nimi ?? p.name),
      nimi_sv: kind === 'grid' ? '' : text(p.namn),
      ylempi_alue: parent,
      voimassa_alkaen: year,
    },
  };
};

const gridCellCode = (p: Record<string, unknown>): string => text(p.grd_id ?? p.nro);

/**
 * The accepted grid cells' figures by sex and age group, replacing those stored for the same cells and
 * year; tied to the import that wrote the cells and written in its transaction (see `alongside`), so
 * that the cells and their figures are stored together or not at all. A rejected cell's figures are not
 * stored (its line is among the import's rejects).
 */
const writeGridGroups = async (
  store: Store,
  rows: readonly GridGroupRow[],
  year: number,
  importId: number,
): Promise<void> => {
  const codes = [...new Set(rows.map((r) => r.code))];
  for (let i = 0; i < codes.length; i += 1000) {
    const part = codes.slice(i, i + 1000);
    await store.run(
      `DELETE FROM grid_population_groups WHERE year = $year AND code IN (${part.map((_, j) => `$c${j}`).join(', ')})`,
      { year, ...Object.fromEntries(part.map((c, j) => [`c${j}`, c])) },
    );
  }
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    const params: Record<string, string | number | boolean | null> = { year, importId };
    const values = part.map((r, j) => {
      Object.assign(params, {
        [`c${j}`]: r.code,
        [`s${j}`]: r.sex,
        [`f${j}`]: r.ageFrom,
        [`t${j}`]: r.ageTo,
        [`n${j}`]: r.count,
        [`x${j}`]: r.suppressed,
        [`l${j}`]: r.line,
      });
      return `($c${j}, $year, $s${j}, $f${j}, $t${j}, $n${j}, $x${j}, $importId, $l${j})`;
    });
    await store.run(`INSERT INTO grid_population_groups VALUES ${values.join(', ')}`, params);
  }
};

/**
 * Fetches a boundary layer or the 1 km population grid in EPSG:3067, page by page (GeoServer's count
 * and startIndex), and imports the features as areas through the importers. A grid cell outside the
 * county, with a geometry that is not a polygon or with a figure that is not a count is rejected with
 * its place in the answer and its reason, stored with the import like any other import's rejects.
 */
export const fetchWfs = async (
  store: Store,
  fetcher: Fetcher,
  options: WfsFetchOptions,
): Promise<WfsFetchResult> => {
  const layer = layerName(options.kind, options.year, options.scale);
  const pageSize = options.pageSize ?? 5000;
  const filtered = options.kind === 'counties' ? undefined : options.municipalities;
  const features: Feature[] = [];
  let pages = 0;
  let unchanged = 0;
  let fetchedAt = '';
  let firstUrl = '';
  for (let startIndex = 0; ; startIndex += pageSize) {
    if (options.signal?.aborted) throw new FetchCancelled();
    const url = getFeatureUrl({
      ...(options.base && { base: options.base }),
      layer,
      count: pageSize,
      startIndex,
      ...(filtered && { municipalities: filtered }),
      sortBy: options.kind === 'counties' ? 'hyvinvointialue' : options.kind === 'grid' ? 'grd_id' : 'kunta',
    });
    firstUrl ||= url;
    options.onProgress?.({
      done: features.length,
      total: features.length + pageSize,
      label: `${layer}: page ${pages + 1}`,
    });
    const answer = await fetcher.fetch({ url, accept: 'application/json' });
    const json = answerJson(answer) as { type?: string; features?: Feature[]; numberMatched?: number };
    if (json.type !== 'FeatureCollection' || !Array.isArray(json.features))
      throw new Error(`${url} did not answer with GeoJSON features`);
    pages++;
    if (answer.fromCache) unchanged++;
    if (answer.fetchedAt > fetchedAt) fetchedAt = answer.fetchedAt;
    features.push(...json.features);
    if (json.features.length < pageSize) break;
  }
  if (options.signal?.aborted) throw new FetchCancelled();
  // By the features' places in the answer, which are their lines in the file written below.
  const rejected =
    options.kind === 'grid'
      ? gridCellRejects(features, {
          ...(filtered && { municipalities: filtered }),
          codeOf: gridCellCode,
        })
      : new Map<number, never>();
  mkdirSync(options.workDir, { recursive: true });
  const file = join(options.workDir, `${layer.replace(':', '-')}.geojson`);
  writeFileSync(
    file,
    JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } },
      // A rejected cell is written without its geometry, which may not even be read as one.
      features: features.map((f, i) =>
        asArea(
          rejected.has(i + 1) ? { ...f, geometry: null } : f,
          options.kind,
          options.year,
          options.countyOf,
        ),
      ),
    }),
  );
  const fetchedSource: FetchedSource = {
    source: 'statfin-wfs',
    url: firstUrl,
    licence: 'CC BY 4.0',
    attribution: `Source: Statistics Finland (Tilastokeskus), ${layer}`,
    fetchedAt,
  };
  // The accepted cells' figures, written in the import's own transaction with the cells.
  const groupRows =
    options.kind === 'grid'
      ? gridGroups(features, options.year, gridCellCode).rows.filter((r) => !rejected.has(r.line))
      : undefined;
  const summary = await importFile(store, {
    file,
    kind: 'areas',
    source: 'statfin-wfs',
    fetchedSource,
    ...(rejected.size > 0 && { rejectedBefore: rejected }),
    ...(options.signal && { signal: options.signal }),
    ...(groupRows && {
      alongside: (importId: number) => writeGridGroups(store, groupRows, options.year, importId),
    }),
  });
  const groups =
    groupRows && !summary.refused && summary.importId !== null
      ? { rows: groupRows.length, suppressed: groupRows.filter((r) => r.suppressed).length }
      : undefined;
  const changes = summary.refused
    ? []
    : await recordFetch(store, {
        fetchedSource,
        dataset: `${options.kind}-${options.year}`,
        importId: summary.importId,
        queries: pages,
        unchangedAnswers: unchanged,
        cells: features.length,
        rowsInserted: summary.rowsInserted,
        rowsUpdated: summary.rowsUpdated,
        structure: [{ code: layer, text: options.kind }],
        // The grid has one scale; a boundary layer's is asked again as it was asked now.
        parameters: {
          kind: options.kind,
          year: options.year,
          ...(options.kind !== 'grid' && { scale: options.scale ?? defaultScale }),
        },
      });
  return {
    layer,
    ...(groups && { gridGroups: groups }),
    features: features.length,
    pages,
    unchangedAnswers: unchanged,
    fetchedSource,
    import: summary,
    changes,
  };
};
