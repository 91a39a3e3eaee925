/**
 * The StatFin tables Soteatlas fetches. A table is found by its four-character id in its subject folder:
 * Statistics Finland renamed the files (statfin_vaerak_pxt_11re.px became 11re.px in June 2026) and may
 * again, so the file name is read from the folder's listing, never written here.
 */
export interface PxDataset {
  name: string;
  /** The subject folder in StatFin. */
  folder: string;
  /** The table's id, e.g. 11re; matched at the end of the listed file name. */
  tableId: string;
  description: string;
  /** How many of the table's latest years to fetch when none are asked for. */
  defaultLast?: number;
  /** Every year of the table when none are asked for (a projection). */
  allYears?: boolean;
  /** Where the answer goes. */
  target: 'population' | 'projection' | 'populationLanguages';
}

export const pxDatasets: Record<string, PxDataset> = {
  population: {
    name: 'population',
    folder: 'vaerak',
    tableId: '11re',
    description: 'Population by municipality, single-year age and sex, 31 December (StatFin 11re)',
    defaultLast: 1,
    target: 'population',
  },
  projection: {
    name: 'projection',
    folder: 'vaenn',
    tableId: '14wx',
    description: 'Population projection 2024 by municipality, age and sex (StatFin 14wx)',
    allYears: true,
    target: 'projection',
  },
  languages: {
    name: 'languages',
    folder: 'vaerak',
    tableId: '11rm',
    description:
      'Population by municipality and language (Finnish, Swedish, Sámi, foreign languages), 31 December (StatFin 11rm)',
    defaultLast: 1,
    target: 'populationLanguages',
  },
};

export const statFinSource = {
  source: 'statfin-pxweb',
  licence: 'CC BY 4.0',
  attribution: 'Source: Statistics Finland (Tilastokeskus), StatFin database',
} as const;

export const tableFileMatches = (fileName: string, tableId: string): boolean =>
  new RegExp(`(^|_)${tableId}\\.px$`, 'i').test(fileName);
