import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainDefinition } from '../model/index.js';
import type { Row, Store } from '../store/index.js';
import { insertEvents, storeWithEvents, type TinyEvent, tinyChain } from './chains.fixture.js';
import { type ChainScope, chainStatement } from './compile.js';
import { referenceChainStatement } from './statement-reference.fixture.js';

/** Steps that share a service class (a step can be the event after the same kind of event), returns to the second step's class. */
const repeatChain: ChainDefinition = {
  ...tinyChain,
  id: 'repeat',
  steps: [
    {
      ...tinyChain.steps[0],
      code: 'a',
      nameFi: 'A',
      nameSv: 'A',
      nameEn: 'A',
      serviceClasses: ['EMC'],
      kinds: ['visit'],
      maxDaysToNext: 5,
    },
    {
      ...tinyChain.steps[0],
      code: 'b',
      nameFi: 'B',
      nameSv: 'B',
      nameEn: 'B',
      serviceClasses: ['EMC', 'SPC'],
      kinds: ['visit'],
      maxDaysToNext: 20,
    },
    { code: 'c', nameFi: 'C', nameSv: 'C', nameEn: 'C', serviceClasses: ['ELD', 'REH'], kinds: ['careDay'] },
  ],
  entry: { washoutDays: 30, ageFrom: 40, ageTo: 100 },
  end: { withinDaysOfEntry: 25 },
  returns: { serviceClasses: ['SPC'], kinds: ['visit'], withinDays: 10 },
};

/** A step only at one producer: the rest of its class still counts for the cost and the other steps. */
const producerChain: ChainDefinition = {
  ...tinyChain,
  id: 'producer',
  steps: [
    {
      ...tinyChain.steps[0],
      code: 'a',
      nameFi: 'A',
      nameSv: 'A',
      nameEn: 'A',
      serviceClasses: ['EMC'],
      kinds: ['visit'],
      maxDaysToNext: 3,
    },
    {
      code: 'b',
      nameFi: 'B',
      nameSv: 'B',
      nameEn: 'B',
      serviceClasses: ['SPC', 'EMC'],
      kinds: ['visit'],
      producers: ['P1'],
    },
  ],
  entry: { washoutDays: 0, ageFrom: 0, ageTo: 100 },
  end: { withinDaysOfEntry: 3 },
  returns: { serviceClasses: ['REH'], kinds: ['visit'], withinDays: 40 },
};

/** Dense histories: few clients and days, so that events often fall on the same day and steps repeat. */
const events: fc.Arbitrary<TinyEvent[]> = fc.array(
  fc.record({
    client: fc.integer({ min: 0, max: 5 }).map((i) => `k${i}`),
    date: fc
      .integer({ min: 0, max: 40 })
      .map((d) => new Date(Date.UTC(2023, 11, 20) + d * 86_400_000).toISOString().slice(0, 10)),
    serviceClass: fc.constantFrom('EMC', 'EMC', 'SPC', 'REH', 'ELD', 'HC'),
    producer: fc.constantFrom('P1', 'P2', undefined),
    municipality: fc.constantFrom('101', '102'),
    age: fc.integer({ min: 30, max: 90 }),
    cost: fc.constantFrom(100, 0.1, 33.3),
  }),
  { maxLength: 100 },
);

/**
 * Rows in a fixed order, each histogram's entries too, so that two answers compare as values; costs to
 * the cent and a bit, as a sum of fractional euros depends on the order it is added up in.
 */
const normalised = (rows: Row[]) =>
  rows
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          Array.isArray(value)
            ? value.map((e) => JSON.stringify(e)).sort()
            : key === 'cost' && typeof value === 'number'
              ? Math.round(value * 1e6) / 1e6
              : value,
        ]),
      ),
    )
    .sort((a, b) => `${a.dim}|${a.category}`.localeCompare(`${b.dim}|${b.category}`));

describe('chainStatement', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeWithEvents([]);
  });
  afterAll(() => store.close());

  it('answers as the statement first written did, on random event histories', async () => {
    const chains = [tinyChain, repeatChain, producerChain];
    const scopes: ChainScope[] = [{}, { producerCode: 'P1' }];
    await fc.assert(
      fc.asyncProperty(
        events,
        fc.constantFrom(...chains),
        fc.constantFrom(...scopes),
        async (rows, chain, scope) => {
          await store.run('DELETE FROM events');
          await insertEvents(store, rows);
          const ours = await store.all(chainStatement(chain, 2024, scope).sql);
          const reference = await store.all(referenceChainStatement(chain, 2024, scope).sql);
          expect(normalised(ours)).toEqual(normalised(reference));
        },
      ),
      { numRuns: 100 },
    );
  }, 180_000);
});
