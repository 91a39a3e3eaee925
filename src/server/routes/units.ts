import { z } from 'zod';
import { seesUnit, UnitFeatureCollection, UnitList, type Viewer } from '../../model/index.js';
import { listUnits, type Store } from '../../store/index.js';
import { YearParameter } from '../parameters.js';
import { defineRoute } from '../route.js';

const unitQuery = z.strictObject({
  year: YearParameter.describe('Only units open on some day of this year; all units when left out.'),
});

/** A producer's users see their own producer's units; an area-scoped viewer, the units in their areas. */
const unitsInScope = async (store: Store, year: number | undefined, viewer: Viewer) =>
  (await listUnits(store, year === undefined ? {} : { year })).filter((unit) => seesUnit(viewer, unit));

export const unitsRoute = defineRoute({
  path: '/api/units',
  summary: 'Service units with their producers, located in EPSG:3067 and WGS84',
  tag: 'units',
  permission: 'viewAggregates',
  query: unitQuery,
  response: UnitList,
  handler: async ({ store, query, viewer }) => ({
    year: query.year ?? null,
    units: await unitsInScope(store, query.year, viewer),
  }),
});

export const unitLocationsRoute = defineRoute({
  path: '/api/units.geojson',
  summary: 'Service units as WGS84 points',
  tag: 'units',
  permission: 'viewAggregates',
  query: unitQuery,
  response: UnitFeatureCollection,
  mediaType: 'application/geo+json',
  handler: async ({ store, query, viewer }) => {
    const units = await unitsInScope(store, query.year, viewer);
    return {
      type: 'FeatureCollection' as const,
      features: units.map((unit) => ({
        type: 'Feature' as const,
        id: unit.code,
        geometry: { type: 'Point' as const, coordinates: [unit.lon, unit.lat] },
        properties: unit,
      })),
    };
  },
});
