import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NearestRoadLink, RoadLinkShapes, toEtrsTm35fin, toWgs84 } from '../../model/index.js';
import { digiroadNetwork, saveRoadNetwork } from '../../network/index.js';
import { digiroadTestLink } from '../../network/testing.js';
import { getJson, openTestServer } from '../testing.js';

// A hand-made network of identified links (EPSG:3067): the road w runs east from 385 000 to 386 000 on
// y = 6 672 300; the road n runs north at x = 386 500 in two parts, from 1 km south of w's line to 1 km
// north of it, so it is one link of two edges.

const y = 6_672_300;
const link = (linkId: string, ...lines: [number, number, number, number][]) =>
  digiroadTestLink(linkId, lines);

const links = [
  link('w', [385_000, y, 386_000, y]),
  link('n', [386_500, y - 1000, 386_500, y], [386_500, y, 386_500, y + 1000]),
];

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
  await saveRoadNetwork(server.store, digiroadNetwork(links), {
    name: 'cross',
    sourceFile: 'cross.gpkg',
    format: 'digiroad-gpkg',
    components: { count: 2, largestNodeShare: 0.6, largestLengthShare: 0.67 },
    mayBecomeActive: false,
  });
  // The same roads as OpenStreetMap would give them: no link ids.
  const { links: _, ...plain } = digiroadNetwork(links);
  await saveRoadNetwork(server.store, plain, {
    name: 'plain',
    sourceFile: 'plain.osm.pbf',
    format: 'osm-pbf',
    components: { count: 2, largestNodeShare: 0.6, largestLengthShare: 0.67 },
    mayBecomeActive: false,
  });
});
afterAll(() => server.close());

/** The nearest link to a point given in EPSG:3067, asked as the map asks: in WGS84. */
const nearest = async (x: number, atY: number, network = 'cross') => {
  const { lon, lat } = toWgs84(x, atY);
  return getJson(server.app, `/api/network/roads/links/nearest?network=${network}&lon=${lon}&lat=${lat}`);
};

describe('the road link nearest a point on the map', () => {
  it('is the link whose line passes nearest, measured square to the line', async () => {
    const answer = await nearest(385_500, y + 120);
    expect(answer.status).toBe(200);
    const found = NearestRoadLink.parse(answer.body);
    expect(found).toMatchObject({ network: 'cross', linkId: 'w', lengthMetres: 1000 });
    expect(found.distanceMetres).toBeCloseTo(120, 0);
  });

  it('measures past a link end to the end itself, and takes the nearer of two links', async () => {
    // 400 m east and 50 m north of w's end, 100 m west of n.
    const toN = NearestRoadLink.parse((await nearest(386_400, y + 50)).body);
    expect(toN.linkId).toBe('n');
    expect(toN.distanceMetres).toBeCloseTo(100, 0);
    // West of w's start: 300 m along and 300 m across, 424 m from its end.
    const toW = NearestRoadLink.parse((await nearest(384_700, y + 300)).body);
    expect(toW.linkId).toBe('w');
    expect(toW.distanceMetres).toBeCloseTo(Math.hypot(300, 300), 0);
  });

  it('names the first by id of two links that meet where the point is nearest', async () => {
    // z ends and a begins at (386 000, y − 2 000); the point is 100 m north of there and 0.4 mm west, so
    // that z is nearer by less than a micrometre: as near as a on any map.
    const meetY = y - 2000;
    const meeting = [
      link('z', [385_000, meetY, 386_000, meetY]),
      link('a', [386_000, meetY, 387_000, meetY]),
    ];
    await saveRoadNetwork(server.store, digiroadNetwork(meeting), {
      name: 'meeting',
      sourceFile: 'meeting.gpkg',
      format: 'digiroad-gpkg',
      components: { count: 1, largestNodeShare: 1, largestLengthShare: 1 },
      mayBecomeActive: false,
    });
    const found = NearestRoadLink.parse((await nearest(386_000 - 0.0004, meetY + 100, 'meeting')).body);
    expect(found.linkId).toBe('a');
    expect(found.distanceMetres).toBeCloseTo(100, 3);
  });

  it('draws the link by all its edges, in WGS84', async () => {
    const found = NearestRoadLink.parse((await nearest(386_520, y + 700)).body);
    expect(found).toMatchObject({ linkId: 'n', lengthMetres: 2000 });
    expect(found.geometry.coordinates).toHaveLength(2);
    const ends = found.geometry.coordinates
      .flat()
      .map(([lon, lat]) => toEtrsTm35fin(lon as number, lat as number));
    for (const end of ends) expect(end.x).toBeCloseTo(386_500, 0);
    expect(ends.map((end) => Math.round(end.y - y)).sort((a, b) => a - b)).toEqual([-1000, 0, 0, 1000]);
  });

  it('names no link farther than 500 m, and none on a network without link ids', async () => {
    const far = await nearest(385_500, y + 501);
    expect(far.status).toBe(404);
    expect(far.body).toMatchObject({ error: 'notFound', message: expect.stringContaining('500 m') });
    const unidentified = await nearest(385_500, y, 'plain');
    expect(unidentified.status).toBe(400);
    expect(unidentified.body).toMatchObject({
      error: 'invalidRequest',
      message: expect.stringContaining('link ids'),
    });
    expect((await nearest(385_500, y, 'nowhere')).status).toBe(404);
  });
});

describe('the lines of links by id', () => {
  it('gives the links the network holds, each with its edges, and leaves out the others', async () => {
    const answer = await getJson(server.app, '/api/network/roads/links?network=cross&ids=w,gone,n');
    expect(answer.status).toBe(200);
    const shapes = RoadLinkShapes.parse(answer.body);
    expect(shapes.links.map((l) => [l.linkId, l.geometry.coordinates.length])).toEqual([
      ['n', 2],
      ['w', 1],
    ]);
    const none = RoadLinkShapes.parse(
      (await getJson(server.app, '/api/network/roads/links?network=cross&ids=')).body,
    );
    expect(none.links).toEqual([]);
  });
});
