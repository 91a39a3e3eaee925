import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { importFile } from './import-file.js';
import { ColumnMapping } from './mapping.js';
import { eventHeader, eventRow, seededStore, writeText } from './testing.js';

let open: Store[] = [];
const seeded = async () => {
  const s = await seededStore();
  open.push(s.store);
  return s;
};
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

interface Reject {
  line: number;
  column_name: string;
  value: string | null;
  reason: string;
}
const rejectsOf = (store: Store) =>
  store.all<Reject>('SELECT line, column_name, value, reason FROM rejects ORDER BY import_id, line');

describe('importFile: dates', () => {
  it('rejects two-digit years, slashes and impossible or far-off dates, naming the value and the forms', async () => {
    const { store, dir } = await seeded();
    const dates = ['5.12.25', '01/01/19', '31.2.2025', '1.1.1899', '2101-01-01', '5.12.2025'];
    const file = writeText(dir, 'e.csv', [
      eventHeader,
      ...dates.map((date, i) => eventRow(`D${i}`, { date })),
    ]);
    const summary = await importFile(store, { file, kind: 'events' });
    expect(summary).toMatchObject({ rowsRead: 6, rowsAccepted: 1, rowsRejected: 5 });
    const forms = 'not a date (write YYYY-MM-DD or D.M.YYYY)';
    expect(await rejectsOf(store)).toEqual([
      { line: 2, column_name: 'pvm', value: '5.12.25', reason: forms },
      { line: 3, column_name: 'pvm', value: '01/01/19', reason: forms },
      { line: 4, column_name: 'pvm', value: '31.2.2025', reason: forms },
      { line: 5, column_name: 'pvm', value: '1.1.1899', reason: 'a date before 1900 or after 2100' },
      { line: 6, column_name: 'pvm', value: '2101-01-01', reason: 'a date before 1900 or after 2100' },
    ]);
    expect(await store.all(`SELECT CAST(event_date AS VARCHAR) AS d FROM events`)).toEqual([
      { d: '2025-12-05' },
    ]);
  });

  it('reads the forms the mapping file declares, and only those beside ISO', async () => {
    const { store, dir } = await seeded();
    const dates = ['5.12.25', '01.02.99', '2025-12-06', '5.12.2025'];
    const file = writeText(dir, 'e.csv', [
      eventHeader,
      ...dates.map((date, i) => eventRow(`M${i}`, { date })),
    ]);
    const mapping = ColumnMapping.parse({ dateFormat: 'd.m.yy' });
    const summary = await importFile(store, { file, kind: 'events', mapping });
    expect(summary).toMatchObject({ rowsRead: 4, rowsAccepted: 3, rowsRejected: 1 });
    expect(await rejectsOf(store)).toEqual([
      {
        line: 5,
        column_name: 'pvm',
        value: '5.12.2025',
        reason: 'not a date (write YYYY-MM-DD or a form the mapping file declares: d.m.yy)',
      },
    ]);
    expect(
      await store.all(`SELECT source_id, CAST(event_date AS VARCHAR) AS d FROM events ORDER BY source_id`),
    ).toEqual([
      { source_id: 'M0', d: '2025-12-05' },
      { source_id: 'M1', d: '1999-02-01' },
      { source_id: 'M2', d: '2025-12-06' },
    ]);
  });

  it('applies the same rules to a unit’s opening date', async () => {
    const { store, dir } = await seeded();
    const file = writeText(dir, 'u.csv', [
      'koodi;nimi;palveluluokat;tuottaja;kunta;x;y;kapasiteetti;kapasiteettiyksikko;voimassa_alkaen;kanavat',
      'U7;Uusi;HC;OWN;901;400100;6950100;10;käynnit;1/2/21;digi',
    ]);
    const summary = await importFile(store, { file, kind: 'units' });
    expect(summary).toMatchObject({ rowsAccepted: 0, rowsRejected: 1 });
  });
});
