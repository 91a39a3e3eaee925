import fc from 'fast-check';
import type { ChainDefinition } from '../model/index.js';
import { openStore, type Store } from '../store/index.js';
import { insertEvents, type TinyEvent } from './testing.js';

export { insertEvents, type TinyEvent };

/** A three-step chain small enough to count by hand: emergency → inpatient (≤ 2 days) → rehabilitation (≤ 10 days). */
export const tinyChain: ChainDefinition = {
  id: 'tiny',
  nameFi: 'Pieni',
  nameSv: 'Liten',
  nameEn: 'Tiny',
  steps: [
    {
      code: 'a',
      nameFi: 'A',
      nameSv: 'A',
      nameEn: 'A',
      serviceClasses: ['EMC'],
      kinds: ['visit'],
      maxDaysToNext: 2,
    },
    {
      code: 'b',
      nameFi: 'B',
      nameSv: 'B',
      nameEn: 'B',
      serviceClasses: ['SPC'],
      kinds: ['visit'],
      maxDaysToNext: 10,
    },
    { code: 'c', nameFi: 'C', nameSv: 'C', nameEn: 'C', serviceClasses: ['REH'], kinds: ['visit'] },
  ],
  entry: { washoutDays: 90, ageFrom: 0, ageTo: 100 },
  end: { withinDaysOfEntry: 30 },
  returns: { serviceClasses: ['EMC'], kinds: ['visit'], withinDays: 30 },
};

export interface HistoryRow {
  client: string;
  day: number;
  serviceClass: string;
  producer: string | undefined;
  municipality: string;
  age: number;
}

/** Random event histories over 13 months around 2024. */
export const history: fc.Arbitrary<HistoryRow[]> = fc.array(
  fc.record({
    client: fc.integer({ min: 0, max: 40 }).map((i) => `client-${String(i).padStart(3, '0')}`),
    day: fc.integer({ min: 0, max: 400 }),
    serviceClass: fc.constantFrom('EMC', 'SPC', 'REH'),
    producer: fc.constantFrom('P1', 'P2', undefined),
    municipality: fc.constantFrom('101', '102', '103'),
    age: fc.integer({ min: 20, max: 95 }),
  }),
  { maxLength: 120 },
);

export const toEvents = (rows: readonly HistoryRow[]): TinyEvent[] =>
  rows.map((r) => ({
    client: r.client,
    date: new Date(Date.UTC(2023, 11, 1) + r.day * 86_400_000).toISOString().slice(0, 10),
    serviceClass: r.serviceClass,
    municipality: r.municipality,
    age: r.age,
    ...(r.producer !== undefined && { producer: r.producer }),
  }));

/** An in-memory store holding just these events. */
export const storeWithEvents = async (events: readonly TinyEvent[]): Promise<Store> => {
  const store = await openStore(':memory:');
  await insertEvents(store, events);
  return store;
};
