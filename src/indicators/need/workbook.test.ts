import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../importers/testing.js';
import { thlNeedCoefficients } from './regression.js';
import { miniTotal, miniWeights, miniWorkbookExpected, writeMiniWorkbook } from './workbook.fixture.js';
import { readThlNeedWorkbook } from './workbook.js';

describe('readThlNeedWorkbook on a workbook in THL layout', () => {
  it('reads coefficients, means, constants, shares and weights by their labels', async () => {
    const path = join(tempDir(), 'mini.xlsx');
    await writeMiniWorkbook(path);
    const [year, ...rest] = await readThlNeedWorkbook(path);
    expect(rest).toEqual([]);
    if (!year) throw new Error('no year read');
    expect(year.model.year).toBe(2022);
    expect(year.model.variables.map((v) => [v.name, v.block])).toEqual([
      ['Diabetes', 'allResidents'],
      ['Naimaton', 'allResidents'],
      ['Diabetes', 'over65'],
    ]);
    expect(year.model.constants).toEqual({ health: 1000, social: 200, elderly: 5000 });
    expect(year.model.sectorWeights).toEqual(miniWeights);
    expect(year.model.areas.map((a) => a.name)).toEqual([
      'Alfan hyvinvointialue',
      'Beetan hyvinvointialue',
      'Koko maa',
    ]);
    const [a, b] = thlNeedCoefficients(year.model).areas;
    for (const [got, want] of [
      [a, miniWorkbookExpected.A],
      [b, miniWorkbookExpected.B],
    ] as const) {
      expect(got?.health).toBeCloseTo(want.health, 12);
      expect(got?.social).toBeCloseTo(want.social, 12);
      expect(got?.elderly).toBeCloseTo(want.elderly, 12);
      expect(got?.total).toBeCloseTo(miniTotal(want), 12);
    }
    expect(year.publishedTotals.map((t) => t.name)).toEqual([
      'Alfan hyvinvointialue',
      'Beetan hyvinvointialue',
      'Koko maa',
    ]);
  });

  it('says what is wrong with a workbook that is not THL’s', async () => {
    const path = join(tempDir(), 'other.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Taul1').getCell('A1').value = 'x';
    await workbook.xlsx.writeFile(path);
    await expect(readThlNeedWorkbook(path)).rejects.toThrow(/Vuosi_YYYY/);
  });
});

const thlDir = fileURLToPath(new URL('../../../../shared/data/thl-need-coefficients/', import.meta.url));
const thlWorkbook = existsSync(thlDir)
  ? readdirSync(thlDir)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => join(thlDir, f))[0]
  : undefined;
if (!thlWorkbook) {
  console.warn(`THL's need-coefficient workbook not found under ${thlDir}; its comparison is skipped.`);
}

describe.skipIf(!thlWorkbook)("THL's published workbook (../shared/data/thl-need-coefficients)", () => {
  it('gives THL’s own total coefficients to 4 decimals for every county and year 2018–2023', async () => {
    const years = await readThlNeedWorkbook(thlWorkbook ?? '');
    expect(years.map((y) => y.model.year)).toEqual(
      expect.arrayContaining([2018, 2019, 2020, 2021, 2022, 2023]),
    );
    for (const { model, publishedTotals } of years) {
      const ours = thlNeedCoefficients(model).areas;
      expect(publishedTotals).toHaveLength(23);
      for (const published of publishedTotals) {
        const area = ours.find((a) => a.name === published.name);
        expect(area, `${model.year} ${published.name}`).toBeDefined();
        expect(Math.abs((area?.total ?? Number.NaN) - published.total)).toBeLessThan(0.5e-4);
        expect(area?.total.toFixed(4)).toBe(published.total.toFixed(4));
      }
      expect(ours.filter((a) => a.areaCode !== null)).toHaveLength(23);
    }
  });
});
