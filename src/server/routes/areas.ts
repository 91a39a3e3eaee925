import { z } from 'zod';
import { AreaFeatureCollection, AreaList, Geometry, seesArea } from '../../model/index.js';
import { areaGeometries, defaultYear, listAreas } from '../../store/index.js';
import { AreaLevelParameter, YearParameter } from '../parameters.js';
import { defineRoute } from '../route.js';
import { geometryToWgs84 } from '../wgs84.js';

export const areasRoute = defineRoute({
  path: '/api/areas',
  summary: 'Areas valid in a year, with their population',
  description:
    'Population counts of 1–4 are withheld: null with populationSuppressed true. A viewer scoped to some municipalities gets those, the grid cells in them and the county.',
  tag: 'areas',
  permission: 'viewAggregates',
  query: z.strictObject({ level: AreaLevelParameter.optional(), year: YearParameter }),
  response: AreaList,
  handler: async ({ store, query, viewer }) => {
    const year = query.year ?? (await defaultYear(store));
    const level = query.level ?? null;
    const areas = await listAreas(store, { year, ...(query.level && { level: query.level }) });
    return { year, level, areas: areas.filter((area) => seesArea(viewer, area)) };
  },
});

/** A stored boundary, or null when the text is not a geometry this API serves. */
const parseStoredGeometry = (text: string): Geometry | null => {
  try {
    const parsed = Geometry.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

export const areaBoundariesRoute = defineRoute({
  path: '/api/areas.geojson',
  summary: 'Boundaries of the areas of one level valid in a year, in WGS84',
  description: 'Areas without a boundary are left out. The level defaults to municipality.',
  tag: 'areas',
  permission: 'viewAggregates',
  query: z.strictObject({ level: AreaLevelParameter.default('municipality'), year: YearParameter }),
  response: AreaFeatureCollection,
  mediaType: 'application/geo+json',
  handler: async ({ store, query, viewer }) => {
    const year = query.year ?? (await defaultYear(store));
    const areas = (await areaGeometries(store, { level: query.level, year })).filter((area) =>
      seesArea(viewer, area),
    );
    return {
      type: 'FeatureCollection' as const,
      features: areas.map(({ geometry, ...properties }) => {
        const stored = parseStoredGeometry(geometry);
        return {
          type: 'Feature' as const,
          id: properties.code,
          geometry: stored && geometryToWgs84(stored),
          properties,
        };
      }),
    };
  },
});
