import { country, county } from '../county-definition.js';
import { csvLine } from '../csv.js';
import type { Geography } from '../geography.js';
import { cellCentre, cellCode } from '../grid.js';

export const areaHeader = [
  'taso',
  'koodi',
  'nimi',
  'nimi_sv',
  'ylempi_alue',
  'voimassa_alkaen',
  'voimassa_asti',
  'x',
  'y',
];

/**
 * The area hierarchy as a county's GIS team would export it: country, county, municipalities with
 * their centres, and the populated grid cells under their municipality. A cell of a merged
 * municipality has a row for each period, so the hierarchy stays versioned by year.
 */
export const areasCsv = (
  geography: Geography,
  populatedCells: ReadonlySet<number>,
  firstYear: number,
): string => {
  const lines = [csvLine(areaHeader)];
  lines.push(csvLine(['maa', country.code, country.nameFi, country.nameSv, '', firstYear, '', '', '']));
  lines.push(
    csvLine([
      'hyvinvointialue',
      county.code,
      county.nameFi,
      county.nameSv,
      country.code,
      firstYear,
      '',
      geography.countyCentre.x,
      geography.countyCentre.y,
    ]),
  );
  for (const m of geography.municipalities) {
    lines.push(
      csvLine([
        'kunta',
        m.code,
        m.nameFi,
        m.nameSv,
        county.code,
        m.validFromYear,
        m.validToYear,
        m.seat.x,
        m.seat.y,
      ]),
    );
  }
  for (const m of geography.municipalities) {
    for (const cell of m.cells) {
      if (!populatedCells.has(cell)) continue;
      const code = cellCode(geography.window, cell);
      const { x, y } = cellCentre(geography.window, cell);
      // Statistics Finland's grid cells have no names; the code stands in for one.
      lines.push(csvLine(['ruutu', code, code, '', m.code, m.validFromYear, m.validToYear, x, y]));
    }
  }
  return lines.join('');
};
