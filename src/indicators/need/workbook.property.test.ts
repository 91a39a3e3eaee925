import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../importers/testing.js';
import { thlNeedCoefficients } from './regression.js';
import { readThlNeedWorkbook } from './workbook.js';

interface Sheet {
  variables: {
    allResidents: boolean;
    health: number | null;
    social: number | null;
    elderly: number | null;
  }[];
  areas: { means: number[]; over65Share: number }[];
  constants: [number, number, number];
  weights: [number, number, number];
}

const coefficient = fc.option(fc.double({ min: -5000, max: 5000, noNaN: true }), { nil: null });
const sheets: fc.Arbitrary<Sheet> = fc.integer({ min: 1, max: 6 }).chain((variableCount) =>
  fc.record({
    variables: fc.array(
      fc.record({
        allResidents: fc.boolean(),
        health: coefficient,
        social: coefficient,
        elderly: coefficient,
      }),
      { minLength: variableCount, maxLength: variableCount },
    ),
    areas: fc.array(
      fc.record({
        means: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: variableCount,
          maxLength: variableCount,
        }),
        over65Share: fc.double({ min: 0.05, max: 0.4, noNaN: true }),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    constants: fc.tuple(
      fc.double({ min: 10_000, max: 20_000, noNaN: true }),
      fc.double({ min: 10_000, max: 20_000, noNaN: true }),
      fc.double({ min: 30_000, max: 40_000, noNaN: true }),
    ),
    weights: fc.tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ),
  }),
);

/** The sheet in THL's layout, with the variables over 65 after the others and the country last. */
const writeSheet = async (path: string, sheet: Sheet): Promise<void> => {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Vuosi_2021');
  const names = sheet.areas.map((_, i) => (i === sheet.areas.length - 1 ? 'Koko maa' : `Alue ${i + 1}`));
  ws.addRow(['Tarvekertoimien laskenta vuodelle 2021']);
  ws.addRow(['Muuttujat/riviselitteet', '', 'Regressiokertoimet']);
  ws.addRow(['', '', 'Terveydenhuolto', 'Sosiaalihuolto', 'Vanhustenhuolto', ...names]);
  const order = sheet.variables
    .map((v, i) => ({ v, i }))
    .sort((a, b) => Number(b.v.allResidents) - Number(a.v.allResidents));
  let inElderlyBlock = false;
  for (const { v, i } of order) {
    const heading = !v.allResidents && !inElderlyBlock ? 'Vanhustenhuollon muuttujat' : '';
    if (!v.allResidents) inElderlyBlock = true;
    ws.addRow([
      heading,
      `Muuttuja ${i}`,
      v.health,
      v.social,
      v.elderly,
      ...sheet.areas.map((a) => a.means[i] ?? 0),
    ]);
  }
  ws.addRow(['Asukaskohtainen erä', 'Vakiotermi', ...sheet.constants, ...sheet.areas.map(() => 1)]);
  ws.addRow(['', 'Väkiluku', null, null, null, ...sheet.areas.map(() => 1000)]);
  ws.addRow(['', 'Vanhusten suhteellinen osuus', null, null, null, ...sheet.areas.map((a) => a.over65Share)]);
  ws.addRow(['', 'Sektoripainot']);
  ws.addRow(['', 'Terveydenhuolto', sheet.weights[0]]);
  ws.addRow(['', 'Sosiaalihuolto', sheet.weights[1]]);
  ws.addRow(['', 'Vanhustenhuolto', sheet.weights[2]]);
  await workbook.xlsx.writeFile(path);
};

/** THL's formula written out once more, directly over the generated numbers. */
const expected = (sheet: Sheet) => {
  const need = (a: Sheet['areas'][number], s: 'health' | 'social' | 'elderly', constant: number) =>
    sheet.variables.reduce((sum, v, i) => sum + (v[s] ?? 0) * (a.means[i] ?? 0), constant);
  const country = sheet.areas.at(-1) as Sheet['areas'][number];
  return sheet.areas.map((a) => {
    const health = need(a, 'health', sheet.constants[0]) / need(country, 'health', sheet.constants[0]);
    const social = need(a, 'social', sheet.constants[1]) / need(country, 'social', sheet.constants[1]);
    const elderly =
      (need(a, 'elderly', sheet.constants[2]) / need(country, 'elderly', sheet.constants[2])) *
      (a.over65Share / country.over65Share);
    return {
      health,
      social,
      elderly,
      total: sheet.weights[0] * health + sheet.weights[1] * social + sheet.weights[2] * elderly,
    };
  });
};

describe('readThlNeedWorkbook with thlNeedCoefficients', () => {
  it('gives THL’s formula for any coefficients, means and weights in THL’s layout', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(sheets, async (sheet) => {
        const path = join(dir, 'sheet.xlsx');
        await writeSheet(path, sheet);
        const [year] = await readThlNeedWorkbook(path);
        const got = thlNeedCoefficients(year?.model ?? ({} as never)).areas;
        const want = expected(sheet);
        expect(got).toHaveLength(want.length);
        got.forEach((area, i) => {
          for (const key of ['health', 'social', 'elderly', 'total'] as const)
            expect(area[key]).toBeCloseTo(want[i]?.[key] ?? Number.NaN, 9);
        });
      }),
      { numRuns: 15 },
    );
  });
});
