import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { loadGeography, loadPopulationHistory } from './history-query.js';
import { groupIndex } from './layout.js';

/**
 * Lavia (413) was merged into Pori (609) in 2015 (Statistics Finland's list of mergers). The store
 * holds the two as municipalities of the hierarchy and their residents, but no grid cells.
 */
let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
  await store.run(`INSERT INTO areas (level, code, name_fi, parent_code, valid_from_year, valid_to_year, import_id, source_line) VALUES
    ('county', '04', 'Satakunta', NULL, 2010, NULL, 1, 1),
    ('municipality', '413', 'Lavia', '04', 2010, 2014, 1, 2),
    ('municipality', '609', 'Pori', '04', 2010, NULL, 1, 3)`);
  await store.run(`INSERT INTO population VALUES
    ('municipality', '413', 2013, 80, 'female', 30, 2, 1),
    ('municipality', '609', 2013, 80, 'female', 700, 2, 2),
    ('municipality', '413', 2014, 81, 'female', 28, 2, 3),
    ('municipality', '609', 2014, 81, 'female', 690, 2, 4),
    ('municipality', '609', 2015, 82, 'female', 700, 2, 5)`);
});
afterAll(() => store.close());

describe('loadPopulationHistory', () => {
  it('adds up a merged municipality’s history into its successor without grid cells', async () => {
    const geography = await loadGeography(store);
    expect(geography?.municipalities.map((m) => m.code)).toEqual(['609']);
    expect(geography?.successorOf.get('413')).toBe('609');
    if (!geography) throw new Error('no geography');
    const history = await loadPopulationHistory(store, geography);
    expect(history.years).toEqual([2013, 2014, 2015]);
    expect(history.areaCodes).toEqual(['609']);
    const at = (yearIndex: number, age: number) =>
      history.population[yearIndex * 202 + groupIndex('female', age)];
    expect(at(0, 80)).toBe(730);
    expect(at(1, 81)).toBe(718);
    expect(at(2, 82)).toBe(700);
  });

  it('follows a municipality still valid in the last year whose residents that year were already counted in its successor', async () => {
    // Valtimo (911) joined Nurmes (541) at the start of 2020; the table published then gives 2019 in
    // the new division.
    const valtimo = await openStore(':memory:');
    await valtimo.run(`INSERT INTO areas (level, code, name_fi, parent_code, valid_from_year, valid_to_year, import_id, source_line) VALUES
      ('municipality', '911', 'Valtimo', NULL, 2018, 2019, 1, 1),
      ('municipality', '541', 'Nurmes', NULL, 2018, NULL, 1, 2)`);
    await valtimo.run(`INSERT INTO population VALUES
      ('municipality', '911', 2018, 70, 'male', 20, 2, 1),
      ('municipality', '541', 2018, 70, 'male', 80, 2, 2),
      ('municipality', '541', 2019, 71, 'male', 98, 2, 3)`);
    const geography = await loadGeography(valtimo);
    expect(geography?.municipalities.map((m) => m.code)).toEqual(['541']);
    if (!geography) throw new Error('no geography');
    const history = await loadPopulationHistory(valtimo, geography);
    expect(history.population[groupIndex('male', 70)]).toBe(100);
    valtimo.close();
  });
});
