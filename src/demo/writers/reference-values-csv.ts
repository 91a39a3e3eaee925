import { municipalityReference } from '../../importers/index.js';
import {
  country,
  county,
  lastFullYear,
  type MunicipalityKind,
  merger,
  municipalityDefinitions,
} from '../county-definition.js';
import { csvLine, formatDecimalComma } from '../csv.js';
import { hashUnit } from '../random.js';

/**
 * A reference-value file in the shape `soteatlas fetch sotkanet` stores, for the demo county: made up,
 * never THL's figures. The source is named `thl-sotkanet-demo` and every title says so, so that nobody
 * takes it for data; real county figures come only from Sotkanet.
 */
export const demoReferenceSource = 'thl-sotkanet-demo';

/** Sotkanet's mortality per 100 000 residents (indicator 186), whose metadata is in the connector's fixtures. */
const indicator = { id: '186', title: 'Kuolleisuus / 100 000 asukasta (DEMO, keksitty)', national: 1080 };

/** The countryside is older, so more of its residents die each year. */
const kindFactor: Record<MunicipalityKind, number> = { centre: 0.92, suburb: 0.78, town: 1.08, rural: 1.3 };

const years = [lastFullYear - 2, lastFullYear - 1, lastFullYear];

export const referenceValuesCsv = (seed: number): { text: string; rows: number } => {
  const lines = [
    csvLine([
      'reference_source',
      'indicator_id',
      'indicator_title',
      'area_level',
      'area_code',
      'year',
      'sex',
      'value',
    ]),
  ];
  let rows = 0;
  const push = (level: string, code: string, year: number, value: number) => {
    lines.push(
      csvLine([
        demoReferenceSource,
        indicator.id,
        indicator.title,
        level,
        code,
        year,
        'total',
        formatDecimalComma(value, 1),
      ]),
    );
    rows++;
  };
  const reference = municipalityReference();
  const classification = [...reference.byYear.keys()].sort((a, b) => b - a)[0] ?? lastFullYear;
  const realMunicipalities = reference.byYear.get(classification) ?? [];
  const countyLevel = (code: string) =>
    indicator.national * (0.85 + 0.35 * hashUnit(seed, 186, Number(code)));
  for (const year of years) {
    const drift = 1 + 0.01 * (year - lastFullYear);
    push('country', country.code, year, indicator.national * drift);
    for (const c of reference.counties.filter((c) => c.code !== '91'))
      push(
        'county',
        c.code,
        year,
        countyLevel(c.code) * drift * (0.98 + 0.04 * hashUnit(seed, year, Number(c.code))),
      );
    push('county', county.code, year, indicator.national * 1.12 * drift);
    for (const m of realMunicipalities.filter((m) => m.countyCode && m.countyCode !== '91'))
      push(
        'municipality',
        m.code,
        year,
        countyLevel(m.countyCode) * drift * (0.7 + 0.6 * hashUnit(seed, year, 1000 + Number(m.code))),
      );
    for (const m of municipalityDefinitions) {
      const merged = year >= merger.year && (merger.predecessors as readonly string[]).includes(m.code);
      if (merged) continue;
      push('municipality', m.code, year, indicator.national * 1.12 * drift * kindFactor[m.kind]);
    }
    if (year >= merger.year)
      push('municipality', merger.successor.code, year, indicator.national * 1.12 * drift * kindFactor.rural);
  }
  return { text: lines.join(''), rows };
};
