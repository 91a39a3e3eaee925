import { resolve } from 'node:path';
import type { ImportKind } from '../model/index.js';

/** One file of the demo county, described for whoever imports it. */
export interface DemoFile {
  /** Relative to the output directory. */
  path: string;
  kind: ImportKind;
  format: 'csv' | 'xlsx' | 'geojson' | 'jsonstat';
  encoding?: 'utf-8' | 'windows-1252';
  /** Path (relative to the output directory) of a mapping file, if the file uses a source system's own headers. */
  mapping?: string;
  description: string;
  /** Data rows (header and empty lines not counted), for delimited files. */
  rows?: number;
  /** Rows written to be rejected; an importer should report exactly these. */
  invalidRows?: number;
}

export interface DemoManifest {
  seed: number;
  /** Residents on 31 December of the last year. */
  residents: number;
  /** Valid events in all event files together. */
  events: number;
  years: number[];
  populationYears: number[];
  /** In the order they must be imported: areas first, then population, producers, units, events, costs. */
  files: DemoFile[];
  /**
   * An official-style population projection (JSON-stat like Statistics Finland's table 14wx). It is no
   * import kind of its own: `soteatlas forecast --import-official FILE` stores it as a forecast variant.
   */
  officialProjection?: { path: string; format: 'jsonstat'; description: string };
  /** The road network (GeoJSON lines), imported with `soteatlas import-roads` rather than `import`. */
  roads?: { path: string; format: 'geojson'; description: string };
  /** The bus timetable (a GTFS zip), imported with `soteatlas import-transit`. */
  transit?: { path: string; format: 'gtfs'; description: string };
}

export interface GenerateOptions {
  outDir: string;
  /** Default 1. */
  seed?: number;
  /** Residents in the last year; default 250 000. */
  population?: number;
  /** Years of events, ending with the last full year 2025; default 3. */
  years?: number;
  onProgress?: (done: number, total: number, label: string) => void;
  signal?: AbortSignal;
}

/** The manifest's files with their paths (and mapping files') resolved against the folder they were written to. */
export const filesToImport = (
  manifest: DemoManifest,
  outDir: string,
): { path: string; kind: DemoFile['kind']; mapping?: string }[] =>
  manifest.files.map((file) => ({
    path: resolve(outDir, file.path),
    kind: file.kind,
    ...(file.mapping ? { mapping: resolve(outDir, file.mapping) } : {}),
  }));

/** The road network's file, resolved against the folder it was written to. */
export const roadsToImport = (manifest: DemoManifest, outDir: string): string | undefined =>
  manifest.roads ? resolve(outDir, manifest.roads.path) : undefined;

/** The bus timetable's file, resolved against the folder it was written to. */
export const transitToImport = (manifest: DemoManifest, outDir: string): string | undefined =>
  manifest.transit ? resolve(outDir, manifest.transit.path) : undefined;
