import { z } from 'zod';
import {
  NearestRoadLink,
  type RoadLinkShape,
  RoadLinkShapes,
  RoadNetworkName,
  roadLinksPerRequest,
  SoteatlasError,
  toEtrsTm35fin,
} from '../../model/index.js';
import {
  activeRoadNetwork,
  linkShapes,
  nearestLink,
  nearestLinkLimitMetres,
  type StoredLinkShape,
} from '../../network/index.js';
import type { CountyQueries } from '../../state/index.js';
import type { Store } from '../../store/index.js';
import { defineRoute } from '../route.js';
import { positionToWgs84 } from '../wgs84.js';

// The links a network variant closes, found and drawn on the map: the road nearest a click, and the
// lines of the links already closed.

const tag = 'network';

const NetworkParameter = RoadNetworkName.optional().describe(
  'Name of a road network of identified links (Digiroad); default the active one.',
);

const networkNamed = async (
  store: Store,
  state: CountyQueries,
  name: string | undefined,
): Promise<string> => {
  const network = name ?? (await activeRoadNetwork(store, state))?.name;
  if (network === undefined) throw new SoteatlasError('notFound', 'The store holds no road network.');
  return network;
};

const inWgs84 = (link: StoredLinkShape): RoadLinkShape => ({
  linkId: link.linkId,
  lengthMetres: Math.round(link.lengthMetres),
  geometry: {
    type: 'MultiLineString',
    coordinates: link.lines.map(([ax, ay, bx, by]) => [positionToWgs84([ax, ay]), positionToWgs84([bx, by])]),
  },
});

export const nearestRoadLinkRoute = defineRoute({
  path: '/api/network/roads/links/nearest',
  summary: 'The road link nearest a point, to close it in a network variant',
  description: `Its link id, its distance from the point in metres and its edges' lines (WGS84). 404 when no link is within ${nearestLinkLimitMetres} m of the point or there is no such network; 400 when the network has no link ids (OpenStreetMap).`,
  tag,
  permission: 'viewAggregates',
  query: z.strictObject({
    network: NetworkParameter,
    lon: z.coerce.number().min(-180).max(180).describe('Longitude of the point, WGS84.'),
    lat: z.coerce.number().min(-90).max(90).describe('Latitude of the point, WGS84.'),
  }),
  response: NearestRoadLink,
  handler: async ({ store, state, query }) => {
    const network = await networkNamed(store, state, query.network);
    const link = await nearestLink(store, network, toEtrsTm35fin(query.lon, query.lat));
    if (!link)
      throw new SoteatlasError(
        'notFound',
        `No road link of "${network}" is within ${nearestLinkLimitMetres} m of the point.`,
        { details: { network, limitMetres: nearestLinkLimitMetres } },
      );
    return { network, ...inWgs84(link), distanceMetres: Math.round(link.distanceMetres * 10) / 10 };
  },
});

export const roadLinksRoute = defineRoute({
  path: '/api/network/roads/links',
  summary: 'The lines of road links by id, to draw the links a network variant closes',
  description: `Up to ${roadLinksPerRequest} link ids, separated by commas; ids the network does not hold are left out. 400 when the network has no link ids (OpenStreetMap).`,
  tag,
  permission: 'viewAggregates',
  query: z.strictObject({
    network: NetworkParameter,
    ids: z
      .string()
      .max(roadLinksPerRequest * 101)
      .transform((text) => text.split(',').filter((id) => id !== ''))
      .pipe(z.array(z.string().max(100)).max(roadLinksPerRequest))
      .describe('Link ids, separated by commas.'),
  }),
  response: RoadLinkShapes,
  handler: async ({ store, state, query }) => {
    const network = await networkNamed(store, state, query.network);
    return { network, links: (await linkShapes(store, network, query.ids)).map(inWgs84) };
  },
});

export const roadLinkRoutes = [nearestRoadLinkRoute, roadLinksRoute];
