import { z } from 'zod';
import { UnitFeatureCollection, UnitList } from '../../model/index.js';
import { listUnits } from '../../store/index.js';
import { YearParameter } from '../parameters.js';
import { defineRoute } from '../route.js';

const unitQuery = z.strictObject({
  year: YearParameter.describe('Only units open on some day of this year; all units when left out.'),
});

export const unitsRoute = defineRoute({
  path: '/api/units',
  summary: 'Service units with their producers, located in EPSG:3067 and WGS84',
  tag: 'units',
  permission: 'viewAggregates',
  query: unitQuery,
  response: UnitList,
  handler: async ({ store, query }) => ({
    year: query.year ?? null,
    units: await listUnits(store, query.year === undefined ? {} : { year: query.year }),
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
  handler: async ({ store, query }) => {
    const units = await listUnits(store, query.year === undefined ? {} : { year: query.year });
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
