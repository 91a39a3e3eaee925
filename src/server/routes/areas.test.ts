import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AreaFeatureCollection, AreaList, toWgs84 } from '../../model/index.js';
import { getJson, openTestServer } from '../testing.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
});
afterAll(() => server.close());

describe('GET /api/areas', () => {
  it('lists the areas of the latest population year by default', async () => {
    const { status, body } = await getJson(server.app, '/api/areas');
    expect(status).toBe(200);
    const list = AreaList.parse(body);
    expect(list.year).toBe(2024);
    expect(list.level).toBeNull();
    expect(list.areas.map((a) => [a.code, a.population, a.populationSuppressed])).toEqual([
      ['99', 150, false],
      ['002', 150, false],
      ['003', null, false],
      ['1kmN6672E0385', 20, false],
      ['1kmN6672E0386', null, true],
    ]);
  });

  it('takes a level and a year', async () => {
    const { body } = await getJson(server.app, '/api/areas?level=municipality&year=2023');
    expect(body.areas.map((a: { code: string; population: number }) => [a.code, a.population])).toEqual([
      ['001', 12],
      ['002', 55],
    ]);
  });

  it.each([
    ['year=abc', 'year'],
    ['year=1800', 'year'],
    ['year=2024.5', 'year'],
    ['level=planet', 'level'],
    ['yaer=2024', ''],
  ])('answers 400 with the reason for %s', async (query, path) => {
    const { status, type, body } = await getJson(server.app, `/api/areas?${query}`);
    expect(status).toBe(400);
    expect(type).toMatch(/^application\/json/);
    expect(body.error).toBe('invalidRequest');
    expect(body.message).toMatch(/^Invalid query parameters: /);
    expect(body.issues[0].path).toBe(path);
  });

  it('names an unknown parameter', async () => {
    const { body } = await getJson(server.app, '/api/areas?yaer=2024');
    expect(body.message).toBe('Invalid query parameters: Unknown query parameter: yaer');
  });
});

describe('GET /api/areas.geojson', () => {
  it('serves municipal boundaries in WGS84 as GeoJSON', async () => {
    const response = await server.app.inject('/api/areas.geojson?year=2024');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const collection = AreaFeatureCollection.parse(response.json());
    expect(collection.features.map((f) => f.id)).toEqual(['002']);
    const [feature] = collection.features;
    expect(feature?.properties).toMatchObject({ nameFi: 'Böle', population: 150 });
    const corner = toWgs84(385_000, 6_665_000);
    const ring = feature?.geometry?.type === 'Polygon' ? feature.geometry.coordinates[0] : undefined;
    expect(ring?.[0]?.[0]).toBeCloseTo(corner.lon, 6);
    expect(ring?.[0]?.[1]).toBeCloseTo(corner.lat, 6);
    expect(ring).toHaveLength(5);
  });

  it('withholds small populations in grid-cell properties', async () => {
    const { body } = await getJson(server.app, '/api/areas.geojson?level=gridCell');
    const cells = AreaFeatureCollection.parse(body).features.map((f) => f.properties);
    expect(cells.map((c) => [c.code, c.population, c.populationSuppressed])).toEqual([
      ['1kmN6672E0385', 20, false],
      ['1kmN6672E0386', null, true],
    ]);
  });
});
