import { z } from 'zod';
import {
  discloseCount,
  GeoPackageFile,
  geoPackageMediaType,
  IsochroneLayer,
  IsochroneQuery,
  RoadNetworkName,
  ScenarioChange,
  seesUnsuppressed,
  VariantChoice,
  Year,
} from '../../model/index.js';
import {
  dissolveSquares,
  gridCellMetres,
  gridSquareOf,
  isochronesOf,
  type Polygon,
  writeGeoPackage,
} from '../../network/index.js';
import { mebibytes } from '../limits/body-limit.js';
import { defineRoute, type RouteInput } from '../route.js';
import { positionToWgs84 } from '../wgs84.js';
import { requestEvaluator } from './request-evaluator.js';

const tag = 'network';

/** Files travel to Fastify as Buffers, sent byte for byte; the schema describes them as binary strings. */
const asBody = (bytes: Uint8Array | undefined): string | undefined =>
  bytes === undefined ? undefined : (Buffer.from(bytes) as unknown as string);

const isochronesFor = async ({ store, state, body, viewer }: RouteInput<unknown, unknown, IsochroneQuery>) =>
  isochronesOf(await requestEvaluator(store, state, body), {
    serviceClass: body.serviceClass,
    changes: body.changes,
    bands: body.bands,
    units: body.units,
    unsuppressed: seesUnsuppressed(viewer),
  });

const isochroneDescription =
  'Per unit offering the class in person under the changes sent: for each band limit, the populated grid cells within that many minutes (cumulative), dissolved into polygons, with their residents. Cells where nobody lives are not in the grid, so bands have holes there. Residents of 1–4 are withheld (null, residentsSuppressed) unless the viewer is an analyst.';

export const isochronesRoute = defineRoute({
  method: 'POST',
  path: '/api/network/isochrones.geojson',
  summary: 'Travel-time bands around each unit of a class as polygons, in WGS84',
  description: isochroneDescription,
  tag,
  permission: 'viewAggregates',
  body: IsochroneQuery,
  bodyLimitBytes: mebibytes(2),
  heavy: true,
  timeBudgetSeconds: 120,
  response: IsochroneLayer,
  mediaType: 'application/geo+json',
  notFound: () => 'No such service class.',
  handler: async (input) => {
    const bands = await isochronesFor(input);
    if (!bands) return undefined;
    return {
      type: 'FeatureCollection' as const,
      features: bands.map((band) => ({
        type: 'Feature' as const,
        id: `${band.properties.unitCode}-${band.properties.minutes}`,
        geometry: {
          type: 'MultiPolygon' as const,
          coordinates: band.polygons.map((polygon) => polygon.map((ring) => ring.map(positionToWgs84))),
        },
        properties: band.properties,
      })),
    };
  },
});

export const isochronesGeoPackageRoute = defineRoute({
  method: 'POST',
  path: '/api/network/isochrones.gpkg',
  summary: 'Travel-time bands around each unit of a class as a GeoPackage layer, in EPSG:3067',
  description: isochroneDescription,
  tag,
  permission: 'viewAggregates',
  body: IsochroneQuery,
  bodyLimitBytes: mebibytes(2),
  heavy: true,
  timeBudgetSeconds: 120,
  response: GeoPackageFile,
  mediaType: geoPackageMediaType,
  download: () => 'isokronit.gpkg',
  notFound: () => 'No such service class.',
  handler: async (input) => {
    const bands = await isochronesFor(input);
    if (!bands) return undefined;
    return asBody(
      await writeGeoPackage([
        {
          name: 'isochrones',
          description: `Travel-time bands of ${input.body.serviceClass}`,
          columns: [
            { name: 'unit_code', type: 'TEXT' },
            { name: 'unit_name', type: 'TEXT' },
            { name: 'minutes', type: 'REAL' },
            { name: 'residents', type: 'INTEGER' },
            { name: 'residents_suppressed', type: 'INTEGER' },
            { name: 'cells', type: 'INTEGER' },
          ],
          features: bands.map(({ properties: p, polygons }) => ({
            polygons,
            values: {
              unit_code: p.unitCode,
              unit_name: p.unitName,
              minutes: p.minutes,
              residents: p.residents,
              residents_suppressed: p.residentsSuppressed ? 1 : 0,
              cells: p.cells,
            },
          })),
        },
      ]),
    );
  },
});

const GridQuery = z.strictObject({
  serviceClass: z.string().trim().min(1).max(64).describe('Service class code.'),
  baseYear: Year.optional(),
  targetYear: Year.optional(),
  changes: z.array(ScenarioChange).max(500).default([]),
  roadNetwork: RoadNetworkName.optional().describe(
    'Name of the road network to compute travel times on; default the active one.',
  ),
  variant: VariantChoice,
});

const squareOf = (code: string, x: number, y: number): Polygon[] =>
  dissolveSquares([gridSquareOf(code, x, y)]).map((polygon) =>
    polygon.map((ring) =>
      ring.map(([cx, cy]) => [cx * gridCellMetres, cy * gridCellMetres] as [number, number]),
    ),
  );

export const travelGridGeoPackageRoute = defineRoute({
  method: 'POST',
  path: '/api/network/travel-grid.gpkg',
  summary: 'The travel-time grid of a class as a GeoPackage layer for QGIS, in EPSG:3067',
  description:
    'Every populated grid cell with the minutes to the nearest unit of the class under the changes sent (null where none is in reach), that unit, and the residents (1–4 withheld unless the viewer is an analyst).',
  tag,
  permission: 'viewAggregates',
  body: GridQuery,
  bodyLimitBytes: mebibytes(2),
  heavy: true,
  timeBudgetSeconds: 120,
  response: GeoPackageFile,
  mediaType: geoPackageMediaType,
  download: () => 'matka-ajat.gpkg',
  notFound: () => 'No such service class.',
  handler: async ({ store, state, body, viewer }) => {
    const evaluator = await requestEvaluator(store, state, body);
    if (!evaluator.data.classes.some((c) => c.serviceClass.code === body.serviceClass)) return undefined;
    const { minutes, nearest } = await evaluator.access(body.changes, body.serviceClass);
    const { cells } = evaluator.data;
    const unsuppressed = seesUnsuppressed(viewer);
    return asBody(
      await writeGeoPackage([
        {
          name: 'travel_times',
          description: `Minutes to the nearest unit of ${body.serviceClass}`,
          columns: [
            { name: 'cell', type: 'TEXT' },
            { name: 'minutes', type: 'REAL' },
            { name: 'nearest_unit', type: 'TEXT' },
            { name: 'residents', type: 'INTEGER' },
            { name: 'residents_suppressed', type: 'INTEGER' },
          ],
          features: cells.codes.map((code, c) => {
            const time = minutes[c] as number;
            const residents = Math.round(cells.total[c] as number);
            const disclosed = unsuppressed
              ? { value: residents, suppressed: false }
              : discloseCount(residents);
            return {
              polygons: squareOf(code, cells.x[c] as number, cells.y[c] as number),
              values: {
                cell: code,
                minutes: Number.isFinite(time) ? Math.round(time * 10) / 10 : null,
                nearest_unit: nearest[c] ?? null,
                residents: disclosed.value,
                residents_suppressed: disclosed.suppressed ? 1 : 0,
              },
            };
          }),
        },
      ]),
    );
  },
});
