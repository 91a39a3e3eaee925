import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../importers/index.js';
import { tempDir, writeText } from '../importers/testing.js';
import { openStore, type Store } from '../store/index.js';
import { historyAt } from './estimate.js';
import { loadGeography, loadPopulationHistory } from './history-query.js';
import { groupCount, sum } from './layout.js';

/**
 * Statistics Finland's table 11re as PxWeb saved it (fixtures/README.md): Nurmes and Valtimo at the
 * end of 2018, and Nurmes at the end of 2019 in the division of 2020, Valtimo already inside it.
 */
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
  const dir = tempDir();
  const areas = writeText(
    dir,
    'areas.csv',
    'level,code,name_fi,valid_from_year,valid_to_year\nmunicipality,541,Nurmes,2018,\nmunicipality,911,Valtimo,2018,2019\n',
  );
  for (const file of [areas, fixture('11re-2018-nurmes-valtimo.csv'), fixture('11re-2019-nurmes.csv')]) {
    const summary = await importFile(store, { file, kind: file === areas ? 'areas' : 'population' });
    if (summary.rowsAccepted === 0) throw new Error(`nothing imported from ${file}`);
  }
});
afterAll(() => store.close());

describe('a real merger: Valtimo into Nurmes, 2020', () => {
  it('adds Valtimo’s 2018 residents into Nurmes, so that 2018 and 2019 are comparable', async () => {
    const geography = await loadGeography(store);
    if (!geography) throw new Error('no geography');
    expect(geography.municipalities.map((m) => m.code)).toEqual(['541']);
    const history = await loadPopulationHistory(store, geography);
    expect(history.years).toEqual([2018, 2019]);
    const total = (year: number) => sum(historyAt(history, history.years.indexOf(year)), 0, groupCount);
    // 11re: Nurmes 7 641 and Valtimo 2 143 at the end of 2018; Nurmes (with Valtimo) 9 552 a year later.
    expect(total(2018)).toBe(7641 + 2143);
    expect(total(2019)).toBe(9552);
  });
});
