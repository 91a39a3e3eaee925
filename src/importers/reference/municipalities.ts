import { readdirSync, readFileSync } from 'node:fs';
import { parseFields } from '../fields.js';

/** One municipality as Statistics Finland classifies it on 1 January of a year. */
export interface Municipality {
  code: string;
  nameFi: string;
  nameSv: string;
  /** The wellbeing services county; empty before 2021, `91` for Åland. */
  countyCode: string;
}

export interface Merger {
  year: number;
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
}

export interface MunicipalityReference {
  /** The classification of each year shipped, by year. */
  byYear: Map<number, Municipality[]>;
  mergers: Merger[];
  counties: { code: string; nameFi: string; nameSv: string }[];
}

const defaultDir = new URL('../../../config/reference/municipalities/', import.meta.url);

const readCsv = (path: URL): Record<string, string>[] => {
  const [header, ...lines] = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const names = parseFields(header ?? '', ',');
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const fields = parseFields(l, ',');
      return Object.fromEntries(names.map((n, i) => [n, fields[i]?.trim() ?? '']));
    });
};

/** Reads the shipped reference files (config/reference/municipalities, see its README). */
export const loadMunicipalityReference = (dir: URL = defaultDir): MunicipalityReference => {
  const byYear = new Map<number, Municipality[]>();
  for (const name of readdirSync(dir)) {
    const year = /^municipalities-(\d{4})\.csv$/.exec(name)?.[1];
    if (!year) continue;
    byYear.set(
      Number(year),
      readCsv(new URL(name, dir)).map((r) => ({
        code: r.code ?? '',
        nameFi: r.name_fi ?? '',
        nameSv: r.name_sv ?? '',
        countyCode: r.county_code ?? '',
      })),
    );
  }
  const mergers = readCsv(new URL('mergers.csv', dir)).map((r) => ({
    year: Number(r.year),
    oldCode: r.old_code ?? '',
    oldName: r.old_name ?? '',
    newCode: r.new_code ?? '',
    newName: r.new_name ?? '',
  }));
  const counties = readCsv(new URL('counties.csv', dir)).map((r) => ({
    code: r.code ?? '',
    nameFi: r.name_fi ?? '',
    nameSv: r.name_sv ?? '',
  }));
  return { byYear, mergers, counties };
};

let shipped: MunicipalityReference | undefined;

/** The shipped reference, read once. */
export const municipalityReference = (): MunicipalityReference => {
  shipped ??= loadMunicipalityReference();
  return shipped;
};
