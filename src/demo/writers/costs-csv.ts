import { csvLine, formatDecimalComma } from '../csv.js';

export const costHeader = ['alue', 'vuosi', 'palveluluokka', 'nettokäyttökustannukset'];

export interface CostRow {
  municipalityCode: string;
  year: number;
  serviceClass: string;
  netOperatingCostEuros: number;
}

/** Net operating costs as the finance office reports them: semicolons and decimal commas. */
export const costsCsv = (rows: readonly CostRow[]): string =>
  [
    csvLine(costHeader),
    ...rows.map((row) =>
      csvLine([
        row.municipalityCode,
        row.year,
        row.serviceClass,
        formatDecimalComma(row.netOperatingCostEuros, 2),
      ]),
    ),
  ].join('');
