import { outlineCells } from '../cell-outline.js';
import { country, county } from '../county-definition.js';
import type { Geography } from '../geography.js';
import { cellColumn, cellRow } from '../grid.js';

/**
 * Area boundaries in EPSG:3067 as a GIS would export them, with the old-style `crs` member that
 * GDAL writes, and the same property names as the areas file. Boundaries follow grid cell edges,
 * so neighbouring municipalities share their borders exactly.
 */
export const boundariesGeojson = (geography: Geography, firstYear: number): string => {
  const { window } = geography;
  const toPosition = (column: number, row: number): [number, number] => [
    (window.westKm + column) * 1000,
    (window.southKm + row) * 1000,
  ];
  const outline = (cells: readonly number[]) => ({
    type: 'MultiPolygon',
    coordinates: outlineCells(
      cells.map((cell) => [cellColumn(window, cell), cellRow(window, cell)] as const),
      toPosition,
    ),
  });
  const countyCells: number[] = [];
  geography.territory.inCounty.forEach((inside, cell) => {
    if (inside === 1) countyCells.push(cell);
  });
  const features = [
    {
      type: 'Feature',
      properties: {
        taso: 'hyvinvointialue',
        koodi: county.code,
        nimi: county.nameFi,
        nimi_sv: county.nameSv,
        ylempi_alue: country.code,
        voimassa_alkaen: firstYear,
        voimassa_asti: null,
      },
      geometry: outline(countyCells),
    },
    ...geography.municipalities.map((m) => ({
      type: 'Feature',
      properties: {
        taso: 'kunta',
        koodi: m.code,
        nimi: m.nameFi,
        nimi_sv: m.nameSv,
        ylempi_alue: county.code,
        voimassa_alkaen: m.validFromYear,
        voimassa_asti: m.validToYear ?? null,
      },
      geometry: outline(m.cells),
    })),
  ];
  return `${JSON.stringify({
    type: 'FeatureCollection',
    name: 'municipalities',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } },
    features,
  })}\n`;
};
