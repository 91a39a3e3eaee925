import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportView, ProducerView, ServiceClass, StoreStatus, UnitView } from '../model/index.js';
import {
  defaultYear,
  findImport,
  listImports,
  listProducers,
  listServiceClasses,
  listUnits,
  storeStatus,
} from './queries.js';
import type { Store } from './store.js';
import { openSampleStore } from './testing.js';

let store: Store;
beforeAll(async () => {
  store = await openSampleStore();
});
afterAll(() => store.close());

describe('storeStatus', () => {
  it('counts the rows of each kind, the years covered and the imports', async () => {
    const status = StoreStatus.parse(await storeStatus(store));
    expect(status.counts).toMatchObject({
      areas: 6,
      population: 10,
      producers: 2,
      units: 2,
      events: 2,
      costs: 1,
      imports: 2,
      rejects: 4,
    });
    expect(status.years).toEqual({ population: [2023, 2024], events: [2023, 2024], costs: [2024] });
    expect(status.imports.map((i) => [i.importId, i.rowsRead, i.rowsAccepted, i.rowsRejected])).toEqual([
      [2, 13, 9, 4],
      [1, 7, 7, 0],
    ]);
  });

  it('reports empty years for an empty store', async () => {
    const { openStore } = await import('./store.js');
    const empty = await openStore(':memory:');
    const status = await storeStatus(empty);
    const year = await defaultYear(empty);
    empty.close();
    expect(status.years).toEqual({ population: [], events: [], costs: [] });
    expect(status.imports).toEqual([]);
    expect(year).toBe(new Date().getUTCFullYear());
  });
});

describe('imports', () => {
  it('lists imports newest first with UTC times', async () => {
    const imports = ImportView.array().parse(await listImports(store));
    expect(imports[1]).toEqual({
      importId: 1,
      kind: 'areas',
      source: 'demo',
      sourceFile: 'alueet.csv',
      format: 'csv',
      encoding: 'utf-8',
      rowsRead: 7,
      rowsAccepted: 7,
      rowsRejected: 0,
      startedAt: '2024-05-01T10:00:00.000Z',
      finishedAt: '2024-05-01T10:00:01.500Z',
    });
  });

  it('finds one import by id, and nothing for an unknown id', async () => {
    expect((await findImport(store, 2))?.sourceFile).toBe('vaesto.csv');
    expect(await findImport(store, 99)).toBeUndefined();
  });
});

describe('defaultYear', () => {
  it('is the latest year with population', async () => {
    expect(await defaultYear(store)).toBe(2024);
  });
});

describe('listProducers', () => {
  it('lists producers with the number of their units', async () => {
    expect(ProducerView.array().parse(await listProducers(store))).toEqual([
      { code: 'P1', name: 'Testimaan hyvinvointialue', kind: 'own', businessId: null, unitCount: 1 },
      { code: 'P2', name: 'Hoiva Oy', kind: 'purchased', businessId: '0112038-9', unitCount: 1 },
    ]);
  });
});

describe('listServiceClasses', () => {
  it('reads the seeded catalogue back in the model shape', async () => {
    const classes = ServiceClass.array().parse(await listServiceClasses(store));
    expect(classes.find((c) => c.code === 'MCC')).toMatchObject({ ageFrom: 0, ageTo: 6, eventKind: 'visit' });
  });
});

describe('listUnits', () => {
  it('joins the producer and serves the location in both systems', async () => {
    const units = UnitView.array().parse(await listUnits(store));
    expect(units.map((u) => u.code)).toEqual(['U1', 'U2']);
    const [u1, u2] = units;
    expect(u1).toMatchObject({
      name: 'Bölen terveysasema',
      serviceClasses: ['HC', 'OH'],
      producerName: 'Testimaan hyvinvointialue',
      producerKind: 'own',
      x: 385800,
      y: 6672300,
      validFrom: '2020-01-01',
      validTo: null,
      channels: ['inPerson', 'remote'],
      languages: ['fi'],
    });
    // E 385 800, N 6 672 300 lies about 300 m west of Helsinki Cathedral.
    expect(u1?.lon).toBeCloseTo(24.9417, 4);
    expect(u1?.lat).toBeCloseTo(60.1716, 4);
    expect(u2).toMatchObject({
      producerKind: 'purchased',
      validTo: '2023-06-30',
      capacityUnit: 'places',
      languages: null,
    });
  });

  it('keeps only units open on some day of the year asked for', async () => {
    expect((await listUnits(store, { year: 2023 })).map((u) => u.code)).toEqual(['U1', 'U2']);
    expect((await listUnits(store, { year: 2024 })).map((u) => u.code)).toEqual(['U1']);
    expect((await listUnits(store, { year: 2018 })).map((u) => u.code)).toEqual([]);
  });
});
