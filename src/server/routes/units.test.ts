import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitFeatureCollection, UnitList } from '../../model/index.js';
import { getJson, openTestServer } from '../testing.js';

let server: Awaited<ReturnType<typeof openTestServer>>;
beforeAll(async () => {
  server = await openTestServer();
});
afterAll(() => server.close());

describe('GET /api/units', () => {
  it('lists every unit when no year is given', async () => {
    const { status, body } = await getJson(server.app, '/api/units');
    expect(status).toBe(200);
    const list = UnitList.parse(body);
    expect(list.year).toBeNull();
    expect(list.units.map((u) => [u.code, u.producerName])).toEqual([
      ['U1', 'Testimaan hyvinvointialue'],
      ['U2', 'Hoiva Oy'],
    ]);
  });

  it('lists the units open in a year', async () => {
    const { body } = await getJson(server.app, '/api/units?year=2024');
    expect(UnitList.parse(body)).toMatchObject({ year: 2024, units: [{ code: 'U1' }] });
  });

  it('answers 400 for a year that is not one', async () => {
    expect((await getJson(server.app, '/api/units?year=')).status).toBe(400);
  });
});

describe('GET /api/units.geojson', () => {
  it('serves units as WGS84 points carrying the unit', async () => {
    const response = await server.app.inject('/api/units.geojson?year=2023');
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const collection = UnitFeatureCollection.parse(response.json());
    expect(collection.features.map((f) => f.id)).toEqual(['U1', 'U2']);
    const [u1] = collection.features;
    expect(u1?.geometry?.coordinates).toEqual([u1?.properties.lon, u1?.properties.lat]);
    expect(u1?.geometry?.coordinates[0]).toBeCloseTo(24.9417, 4);
    expect(u1?.properties.channels).toEqual(['inPerson', 'remote']);
  });
});
