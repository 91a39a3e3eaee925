import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AreaView, PopulationSummaryRow } from '../model/index.js';
import { areaGeometries, listAreas, populationSummary } from './area-queries.js';
import type { Store } from './store.js';
import { openSampleStore } from './testing.js';

let store: Store;
beforeAll(async () => {
  store = await openSampleStore();
});
afterAll(() => store.close());

const populations = (areas: AreaView[]) =>
  areas.map((a) => [a.level, a.code, a.population, a.populationSuppressed]);

describe('listAreas', () => {
  it('lists the areas valid in a year, coarsest level first, with population', async () => {
    const areas = AreaView.array().parse(await listAreas(store, { year: 2024 }));
    expect(populations(areas)).toEqual([
      // The county has no rows of its own: it sums its municipalities, not the cells below them.
      ['county', '99', 150, false],
      ['municipality', '002', 150, false],
      ['municipality', '003', null, false],
      ['gridCell', '1kmN6672E0385', 20, false],
      // Three residents: withheld, and flagged so that nobody reads it as zero.
      ['gridCell', '1kmN6672E0386', null, true],
    ]);
    expect(areas[1]).toEqual({
      level: 'municipality',
      code: '002',
      nameFi: 'Böle',
      nameSv: 'Böle',
      parentCode: '99',
      validFromYear: 2020,
      validToYear: null,
      population: 150,
      populationSuppressed: false,
    });
  });

  it('follows the hierarchy of the year asked for, before the merger', async () => {
    const areas = await listAreas(store, { level: 'municipality', year: 2023 });
    expect(populations(areas)).toEqual([
      ['municipality', '001', 12, false],
      ['municipality', '002', 55, false],
    ]);
    expect(populations(await listAreas(store, { level: 'county', year: 2023 }))).toEqual([
      ['county', '99', 67, false],
    ]);
  });

  it('lists no area outside its years', async () => {
    expect(await listAreas(store, { level: 'municipality', year: 2019 })).toEqual([]);
  });
});

describe('areaGeometries', () => {
  it('gives the areas that have a boundary, with the boundary in EPSG:3067', async () => {
    const cells = await areaGeometries(store, { level: 'gridCell', year: 2024 });
    expect(cells.map((c) => [c.code, c.population, c.populationSuppressed])).toEqual([
      ['1kmN6672E0385', 20, false],
      ['1kmN6672E0386', null, true],
    ]);
    expect(JSON.parse(cells[0]?.geometry ?? '').coordinates[0][0]).toEqual([385000, 6672000]);
    const municipalities = await areaGeometries(store, { level: 'municipality', year: 2024 });
    expect(municipalities.map((m) => m.code)).toEqual(['002']);
  });
});

const row = (ageGroup: string, male: number | null, female: number | null, total: number | null) => ({
  ageGroup,
  male,
  female,
  total,
});

describe('populationSummary', () => {
  it('sums single-year ages into the six age groups by sex, zeros included', async () => {
    const rows = PopulationSummaryRow.array().parse(
      await populationSummary(store, { level: 'municipality', year: 2024 }),
    );
    expect(rows.every((r) => r.areaCode === '002' && r.year === 2024 && !r.suppressed)).toBe(true);
    expect(rows.map(({ ageGroup, male, female, total }) => row(ageGroup, male, female, total))).toEqual([
      row('0-6', 0, 0, 0),
      row('7-17', 0, 40, 40),
      row('18-64', 60, 50, 110),
      row('65-74', 0, 0, 0),
      row('75-84', 0, 0, 0),
      row('85+', 0, 0, 0),
    ]);
  });

  it('withholds counts of 1 to 4 in a grid cell and flags the row', async () => {
    const rows = await populationSummary(store, { level: 'gridCell', year: 2024, areaCode: '1kmN6672E0385' });
    expect(rows.map((r) => [r.ageGroup, r.male, r.female, r.total, r.suppressed])).toEqual([
      ['0-6', null, 10, 12, true],
      ['7-17', 0, 0, 0, false],
      ['18-64', 0, 0, 0, false],
      ['65-74', 7, 0, 7, false],
      ['75-84', 0, 0, 0, false],
      ['85+', 0, null, null, true],
    ]);
  });

  it('rolls a county up from its municipalities of that year', async () => {
    const rows = await populationSummary(store, { level: 'county', year: 2023, areaCode: '99' });
    expect(rows.find((r) => r.ageGroup === '18-64')).toMatchObject({ male: 67, female: 0, total: 67 });
  });

  it('summarises population whose areas were never imported', async () => {
    await store.run(`INSERT INTO population VALUES ('municipality', '777', 2024, 80, 'female', 9, 2, 13)`);
    const rows = await populationSummary(store, { level: 'municipality', year: 2024, areaCode: '777' });
    await store.run(`DELETE FROM population WHERE area_code = '777'`);
    expect(rows.find((r) => r.ageGroup === '75-84')).toMatchObject({ male: 0, female: 9, total: 9 });
  });

  it('is empty for an area without population', async () => {
    expect(await populationSummary(store, { level: 'municipality', year: 2024, areaCode: '003' })).toEqual(
      [],
    );
  });
});
