import ExcelJS from 'exceljs';

/**
 * A workbook in THL's layout, small enough to check by hand: one sheet `Vuosi_2022`, two counties and the
 * country, three variables (one per sector, the last in the over-65 block).
 *
 * Health need: A 1000 + 100·0.5 = 1050, B 1000 + 100·0.1 = 1010, country 1000 + 100·0.25 = 1025.
 * Social need: A 200 + 50·2 = 300, B 200 + 50·0.5 = 225, country 250.
 * Elderly need (per 65+): A 5000 + 1000·0.1 = 5100, B 5000 + 1000·0.3 = 5300, country 5200;
 * times the share of 65+ relative to the country's (A 0.3, B 0.15, country 0.2).
 */
export const miniWorkbookExpected = {
  A: { health: 1050 / 1025, social: 300 / 250, elderly: (5100 / 5200) * (0.3 / 0.2) },
  B: { health: 1010 / 1025, social: 225 / 250, elderly: (5300 / 5200) * (0.15 / 0.2) },
};
export const miniWeights = { health: 0.5, social: 0.3, elderly: 0.2 };
export const miniTotal = (c: { health: number; social: number; elderly: number }) =>
  miniWeights.health * c.health + miniWeights.social * c.social + miniWeights.elderly * c.elderly;

export const writeMiniWorkbook = async (path: string): Promise<void> => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Selite').getCell('A1').value = 'Laskentataulukko tarvekertoimille';
  const sheet = workbook.addWorksheet('Vuosi_2022');
  const areas = ['Alfan hyvinvointialue', 'Beetan hyvinvointialue', 'Koko maa'];
  sheet.addRow(['Tarvekertoimien laskenta vuodelle 2022, Hyvinvointialue']);
  sheet.addRow(['Muuttujat/riviselitteet', '', 'Regressiokertoimet', '', '', 'Muuttujien keskiarvot']);
  sheet.addRow(['', '', 'Terveydenhuolto', 'Sosiaalihuolto', 'Vanhustenhuolto', ...areas, ...areas]);
  sheet.addRow(['Terveyden- ja sosiaalihuollon muuttujat', 'Diabetes', 100, null, null, 0.5, 0.1, 0.25]);
  sheet.addRow(['', 'Naimaton', null, 50, null, 2, 0.5, 1]);
  sheet.addRow(['Vanhustenhuollon muuttujat', 'Diabetes', null, null, 1000, 0.1, 0.3, 0.2]);
  sheet.addRow(['Asukaskohtainen erä', 'Vakiotermi', 1000, 200, 5000, 1, 1, 1]);
  sheet.addRow(['', 'Väkiluku', null, null, null, 1000, 2000, 3000]);
  sheet.addRow(['', 'Vanhusten suhteellinen osuus', null, null, null, 0.3, 0.15, 0.2]);
  sheet.addRow([]);
  sheet.addRow([
    '',
    'Sektoripainot',
    'Sektoripainot',
    '',
    'Kokonaistarvekertoimet',
    'Kokonaistarvekertoimet',
  ]);
  sheet.addRow(['', 'Terveydenhuolto', miniWeights.health, '', areas[0], miniTotal(miniWorkbookExpected.A)]);
  sheet.addRow(['', 'Sosiaalihuolto', miniWeights.social, '', areas[1], miniTotal(miniWorkbookExpected.B)]);
  sheet.addRow(['', 'Vanhustenhuolto', miniWeights.elderly, '', areas[2], 1]);
  await workbook.xlsx.writeFile(path);
};
