import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewerWithRoles } from '../model/index.js';
import type { Store } from '../store/index.js';
import { storeWithEvents, tinyChain } from './chains.fixture.js';
import { computeChain } from './compute.js';

const analyst = viewerWithRoles(['analyst']);

/**
 * Five entries in 2024, counted by hand:
 * c1 all three steps (P1 → P2 → P2; days 1 and 8), returns to emergency after 10 days;
 * c2 inpatient after 4 days, too late: leaves at step a;
 * c3 inpatient after 2 days, rehabilitation after 17, too late: leaves at step b;
 * c4 in 102: its January visit falls in the washout of December 2023, its June visit enters
 *   (P1 → P3 → P1; days 0 and 4);
 * c5 enters on 30 December and finishes in January 2025 (days 2 and 4), no producers known.
 */
const events = [
  { client: 'client-01', date: '2024-03-01', serviceClass: 'EMC', producer: 'P1' },
  { client: 'client-01', date: '2024-03-02', serviceClass: 'SPC', producer: 'P2' },
  { client: 'client-01', date: '2024-03-10', serviceClass: 'REH', producer: 'P2' },
  { client: 'client-01', date: '2024-03-20', serviceClass: 'EMC', producer: 'P1' },
  { client: 'client-02', date: '2024-05-01', serviceClass: 'EMC', producer: 'P1' },
  { client: 'client-02', date: '2024-05-05', serviceClass: 'SPC', producer: 'P1' },
  { client: 'client-03', date: '2024-06-01', serviceClass: 'EMC', producer: 'P1' },
  { client: 'client-03', date: '2024-06-03', serviceClass: 'SPC', producer: 'P1' },
  { client: 'client-03', date: '2024-06-20', serviceClass: 'REH', producer: 'P1' },
  { client: 'client-04', date: '2023-12-01', serviceClass: 'EMC', producer: 'P1', municipality: '102' },
  { client: 'client-04', date: '2024-01-15', serviceClass: 'EMC', producer: 'P1', municipality: '102' },
  { client: 'client-04', date: '2024-06-01', serviceClass: 'EMC', producer: 'P1', municipality: '102' },
  { client: 'client-04', date: '2024-06-01', serviceClass: 'SPC', producer: 'P3', municipality: '102' },
  { client: 'client-04', date: '2024-06-05', serviceClass: 'REH', producer: 'P1', municipality: '102' },
  { client: 'client-05', date: '2024-12-30', serviceClass: 'EMC' },
  { client: 'client-05', date: '2025-01-01', serviceClass: 'SPC' },
  { client: 'client-05', date: '2025-01-05', serviceClass: 'REH' },
];

describe('computeChain on hand-counted events', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeWithEvents(events);
  });
  afterAll(() => store.close());

  it('counts entries, steps, leavers, handovers, returns, times and cost', async () => {
    const result = await computeChain(store, tinyChain, 2024, { viewer: analyst, by: 'municipality' });
    const t = result.total;
    expect(t.entered.value).toBe(5);
    expect(t.steps.map((s) => s.reached.value)).toEqual([5, 4, 3]);
    expect(t.steps.map((s) => s.left.value)).toEqual([1, 1, 3]);
    expect(t.steps.map((s) => s.share)).toEqual([1, 0.8, 0.6]);
    expect(t.steps.map((s) => s.handoversToNext?.value)).toEqual([2, 1, undefined]);
    expect(t.steps[0]?.daysToNext?.median.value).toBe(1);
    expect(t.steps[0]?.daysToNext?.p90.value).toBe(2);
    expect(t.steps[1]?.daysToNext?.median.value).toBe(4);
    expect(t.steps[1]?.daysToNext?.p90.value).toBe(8);
    expect(t.returns.value).toBe(1);
    expect(t.costPerClient).toBe(240);
    // Entry to the last step: 9, 4 and 6 days.
    expect(t.daysToEnd.value).toBe(6);
    expect(result.groups.map((g) => [g.category, g.entered.value, g.steps[2]?.reached.value])).toEqual([
      ['101', 4, 2],
      ['102', 1, 1],
    ]);
    expect(result.producersByStep[1]?.producers.map((p) => [p.producerCode, p.clients.value])).toEqual([
      ['', 1],
      ['P1', 1],
      ['P2', 1],
      ['P3', 1],
    ]);
  });

  it('counts 2023 apart: the December entry only', async () => {
    const result = await computeChain(store, tinyChain, 2023, { viewer: analyst });
    expect(result.total.steps.map((s) => s.reached.value)).toEqual([1, 0, 0]);
    expect(result.groups).toEqual([]);
  });

  it('shows a producer only the entries that began there', async () => {
    const producer = viewerWithRoles(['producer'], { producerCode: 'P1' });
    const result = await computeChain(store, tinyChain, 2024, {
      viewer: { ...producer, permissions: [...producer.permissions, 'viewUnsuppressed'] },
    });
    expect(result.total.entered.value).toBe(4);
  });

  it('withholds small counts from a viewer without viewUnsuppressed, and the counts they could be worked back from', async () => {
    const result = await computeChain(store, tinyChain, 2024, {
      viewer: viewerWithRoles(['manager']),
      by: 'municipality',
    });
    expect(result.suppressed).toBe(true);
    for (const s of result.total.steps.slice(1)) expect(s.reached).toEqual({ value: null, suppressed: true });
    expect(result.groups.every((g) => g.entered.value === null)).toBe(true);
    expect(result.total.steps[0]?.daysToNext?.median.value).toBeNull();
    expect(result.total.steps[0]?.left.value).toBeNull();
  });
});

/**
 * The return rule's days, counted by hand. Three clients go through all three steps (the last on the
 * 5th), and come back to emergency care 5, 20 and 40 days after it; a fourth never comes back. The
 * return visits fall within the washout of their first visits, so none is a new entry.
 */
describe('the return rule’s days', () => {
  const returning = (client: string, month: string, returnDate: string) => [
    { client, date: `2024-${month}-01`, serviceClass: 'EMC', producer: 'P1' },
    { client, date: `2024-${month}-02`, serviceClass: 'SPC', producer: 'P1' },
    { client, date: `2024-${month}-05`, serviceClass: 'REH', producer: 'P1' },
    ...(returnDate === '' ? [] : [{ client, date: returnDate, serviceClass: 'EMC', producer: 'P1' }]),
  ];
  let store: Store;
  beforeAll(async () => {
    store = await storeWithEvents([
      ...returning('back-after-5', '03', '2024-03-10'),
      ...returning('back-after-20', '04', '2024-04-25'),
      ...returning('back-after-40', '06', '2024-07-15'),
      ...returning('never-back', '08', ''),
    ]);
  });
  afterAll(() => store.close());

  it.each([
    [4, 0],
    [5, 1],
    [19, 1],
    [20, 2],
    [30, 2],
    [40, 3],
    [365, 3],
  ])('counts returns within %i days: %i', async (withinDays, expected) => {
    const chain = { ...tinyChain, returns: { ...tinyChain.returns, withinDays } };
    const result = await computeChain(store, chain, 2024, { viewer: analyst });
    expect(result.total.steps.map((s) => s.reached.value)).toEqual([4, 4, 4]);
    expect(result.total.returns.value).toBe(expected);
  });

  it('counts a return after a year-end entry too: the scan reaches past the year by the rule’s days', async () => {
    const late = await storeWithEvents(returning('december', '12', '2025-02-20'));
    try {
      const within = (withinDays: number) =>
        computeChain(late, { ...tinyChain, returns: { ...tinyChain.returns, withinDays } }, 2024, {
          viewer: analyst,
        });
      // 2024-12-05 to 2025-02-20 is 77 days.
      expect((await within(76)).total.returns.value).toBe(0);
      expect((await within(77)).total.returns.value).toBe(1);
    } finally {
      late.close();
    }
  });
});
