import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainIndicatorSource, loadShippedChains } from '../chains/index.js';
import { insertEvents, tinyEvents } from '../chains/testing.js';
import { viewerWithRoles } from '../model/index.js';
import { openState, type StateDb } from '../state/index.js';
import type { Store } from '../store/index.js';
import { openSampleStore } from '../store/testing.js';
import { createMonitoringSet } from '../targets/index.js';
import { gatherReport } from './gather.js';
import { reportXlsx } from './xlsx.js';

const id = 'chain:hip-fracture:reach-final';

/** A report pack whose set holds a chain indicator with a target, on the sample county with four hip-fracture entries. */
describe('a chain indicator in a report pack', () => {
  let store: Store;
  let state: StateDb;
  beforeAll(async () => {
    store = await openSampleStore();
    await insertEvents(store, tinyEvents);
    state = await openState({ store, county: '99' });
    await createMonitoringSet(state, {
      name: 'Ketjut',
      items: [
        {
          indicatorId: id,
          target: { period: '2025', targetValue: 50, direction: 'higherIsBetter', tolerance: 5 },
        },
      ],
    });
  });
  afterAll(async () => {
    await state.close();
    store.close();
  });

  const gather = (role: 'analyst' | 'manager') =>
    gatherReport(store, state, {
      set: 'Ketjut',
      year: 2024,
      language: 'en',
      viewer: viewerWithRoles([role]),
      preparedOn: '2025-01-31',
      source: chainIndicatorSource(store, loadShippedChains()),
    });

  it('shows its value, target and status, in the workbook too', async () => {
    const report = await gather('analyst');
    const [item] = report?.items ?? [];
    expect(item?.indicator.id).toBe(id);
    expect(item?.county).toMatchObject({ areaCode: '99', value: 25, numerator: 1, denominator: 4 });
    expect(item?.target).toEqual({ value: 50, status: 'off', variance: -25 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await reportXlsx(report as NonNullable<typeof report>)) as unknown as ArrayBuffer,
    );
    // Excel allows no colon in a sheet's name.
    const sheet = workbook.getWorksheet('chain hip-fracture reach-final');
    const texts: unknown[] = [];
    sheet?.eachRow((row) => {
      texts.push(...(row.values as unknown[]));
    });
    expect(texts).toContain(
      'Hip fracture: from emergency to home or 24-hour care: share reaching the last step',
    );
    expect(texts).toContain(25);
  });

  it('withholds its small counts from a manager: "<5", never the count', async () => {
    const report = await gather('manager');
    const [item] = report?.items ?? [];
    expect(item?.county).toMatchObject({ value: null, numerator: null, suppressed: true });
    expect(item?.target?.status).toBe('unknown');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await reportXlsx(report as NonNullable<typeof report>)) as unknown as ArrayBuffer,
    );
    const texts: unknown[] = [];
    workbook.getWorksheet('chain hip-fracture reach-final')?.eachRow((row) => {
      texts.push(...(row.values as unknown[]));
    });
    expect(texts).toContain('<5');
    expect(texts).not.toContain(25);
  });
});
