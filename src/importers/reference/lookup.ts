import { type Merger, municipalityReference } from './municipalities.js';

/** Names are compared as people type them: case, surrounding and doubled spaces do not matter. */
const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');

/**
 * Finnish and Swedish names of every municipality of every year shipped, to their codes. A name has
 * meant one code in every year since 2015, so the year is not needed to find it; whether the code
 * exists in the year of a row is for the store's areas to say. Statistics Finland writes Maarianhamina
 * as "Maarianhamina - Mariehamn" in PxWeb, so that label is added.
 */
export const municipalityNames = (reference = municipalityReference()): Map<string, string> => {
  const names = new Map<string, string>();
  for (const [, municipalities] of [...reference.byYear].sort(([a], [b]) => a - b)) {
    for (const m of municipalities) {
      names.set(nameKey(m.nameFi), m.code);
      names.set(nameKey(m.nameSv), m.code);
      names.set(nameKey(`${m.nameFi} - ${m.nameSv}`), m.code);
    }
  }
  return names;
};

let names: Map<string, string> | undefined;

/**
 * The municipality code a label stands for: `091`, `KU091`, `091 Helsinki`, `Helsinki` or `Helsingfors`
 * all give `091`. Undefined for anything else (a grid cell, a county, a total, a name not known).
 */
export const municipalityCodeOf = (label: string): string | undefined => {
  const code = /^\s*(?:KU)?(\d{3})(?:\s.*)?$/i.exec(label)?.[1];
  if (code) return code;
  names ??= municipalityNames();
  return names.get(nameKey(label));
};

/**
 * Where a municipality abolished since 2015 went: the municipality that holds its area now, following
 * later mergers too, and the year of the first merger. Undefined for a code that was never merged away.
 */
export const mergerSuccessor = (
  code: string,
  reference = municipalityReference(),
): { code: string; name: string; year: number } | undefined => {
  const byOld = new Map<string, Merger>(reference.mergers.map((m) => [m.oldCode, m]));
  const first = byOld.get(code.trim());
  if (!first) return undefined;
  let last = first;
  for (let next = byOld.get(last.newCode); next; next = byOld.get(last.newCode)) last = next;
  return { code: last.newCode, name: last.newName, year: first.year };
};

/** The wellbeing services county of a municipality in a year (from 2021 on), if the classification gives one. */
export const countyOfMunicipality = (
  code: string,
  year: number,
  reference = municipalityReference(),
): string | undefined => reference.byYear.get(year)?.find((m) => m.code === code)?.countyCode || undefined;
