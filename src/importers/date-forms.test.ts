import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { compileDateForm, type DateReading, dateSql } from './date-forms.js';
import { ColumnMapping } from './mapping.js';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
});
afterAll(() => store.close());

/** The date DuckDB reads from each value, as yyyy-mm-dd, or null. */
const read = async (values: string[], reading: DateReading = {}): Promise<(string | null)[]> => {
  const rows = await store.all<{ d: string | null }>(
    `SELECT CAST(${dateSql('v', { thisYear: 2026, ...reading })} AS VARCHAR) AS d
     FROM unnest([${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::VARCHAR[]) WITH ORDINALITY AS t(v, i) ORDER BY i`,
  );
  return rows.map((r) => r.d);
};

describe('dates are read only in the forms that say what they mean', () => {
  it('reads ISO dates (with or without a time) and D.M.YYYY', async () => {
    expect(
      await read(['2025-12-05', '2025-12-05T10:30:00Z', '2025-12-05 10:30', '5.12.2025', '05.12.2025']),
    ).toEqual(['2025-12-05', '2025-12-05', '2025-12-05', '2025-12-05', '2025-12-05']);
  });

  it('guesses no two-digit year, slash or compact date unless the mapping declares it', async () => {
    expect(await read(['5.12.25', '01/01/19', '1/2/2019', '20251205', '2025/12/05', '5-12-2025'])).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('reads no impossible calendar date', async () => {
    expect(await read(['31.2.2025', '2025-02-29', '29.2.2024', '2025-13-01', '0.1.2025'])).toEqual([
      null,
      null,
      '2024-02-29',
      null,
      null,
    ]);
  });

  it('reads the forms a mapping declares, with the two-digit year rule', async () => {
    expect(await read(['5.12.25', '5.12.27', '5.12.28', '31.12.99'], { formats: ['d.m.yy'] })).toEqual([
      '2025-12-05',
      '2027-12-05',
      '1928-12-05',
      '1999-12-31',
    ]);
    expect(await read(['01/02/19'], { formats: ['d/m/yy'] })).toEqual(['2019-02-01']);
    expect(await read(['01/02/19'], { formats: ['m/d/yy'] })).toEqual(['2019-01-02']);
    expect(await read(['5.12.25'], { formats: ['d.m.yy'], century: 1900 })).toEqual(['1925-12-05']);
    expect(await read(['5.12.95'], { formats: ['d.m.yy'], century: 2000 })).toEqual(['2095-12-05']);
    expect(await read(['20251205', '2025-12-05'], { formats: ['yyyymmdd'] })).toEqual([
      '2025-12-05',
      '2025-12-05',
    ]);
    expect(await read(['12/31/2024', '31/12/2024'], { formats: ['m/d/yyyy'] })).toEqual(['2024-12-31', null]);
  });

  it('reads back every date written in any declared form', async () => {
    const forms = ['d.m.yyyy', 'dd.mm.yyyy', 'd/m/yyyy', 'm/d/yyyy', 'yyyymmdd', 'd.m.yy', 'dd-mm-yyyy'];
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        fc.constantFrom(...forms),
        async (date, form) => {
          const pad = (n: number) => String(n).padStart(2, '0');
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          const text = form
            .replace('yyyy', String(y))
            .replace('yy', pad(y % 100))
            .replace('dd', pad(d))
            .replace('mm', pad(m))
            .replace('d', String(d))
            .replace('m', String(m));
          // In 2026 the sliding rule reads 00–27 as 2000–2027 and 28–99 as 1928–1999: 1930–2026 round-trips.
          const [value] = await read([text], { formats: [form] });
          expect(value, text).toBe(`${y}-${pad(m)}-${pad(d)}`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a mapping whose date format is not one', () => {
    expect(compileDateForm('d.m.yy')).toBeDefined();
    expect(compileDateForm('yyyy')).toBeUndefined();
    expect(compileDateForm('d.d.yyyy')).toBeUndefined();
    expect(compileDateForm('%d.%m.%Y')).toBeUndefined();
    expect(ColumnMapping.safeParse({ dateFormat: 'dd/mm/yyyy' }).data?.dateFormat).toEqual(['dd/mm/yyyy']);
    expect(ColumnMapping.safeParse({ dateFormat: 'day.month' }).success).toBe(false);
    expect(ColumnMapping.safeParse({ dateFormat: 'd.m.yy', century: 1800 }).success).toBe(false);
  });
});
