import {
  type EquityGroup,
  type LanguageAccessGroup,
  type LanguageAccessResult,
  languageStatus,
  type MunicipalityLanguageStatus,
} from '../../model/index.js';
import { distributionByGroup } from './measures.js';
import { disclosedGroup } from './scenario-equity.js';

/** A municipality's residents by registered language, as Statistics Finland counts them. */
export interface MunicipalityLanguages {
  fi: number;
  sv: number;
  /** Every resident, the Sámi and other languages included. */
  total: number;
}

export interface LanguageAccessInput {
  serviceClass: string;
  /** Residents of each grid cell (the cells' order). */
  cellCodes: readonly string[];
  cellResidents: ArrayLike<number>;
  /** The municipality each cell lies in. */
  municipalities: ReadonlyMap<string, string>;
  /** Per language, each cell's travel time to the nearest unit serving in it (Infinity: none within reach). */
  minutes: { fi: ArrayLike<number>; sv: ArrayLike<number> };
  /** Units serving in each language. */
  unitCounts: { fi: number; sv: number };
  languages: ReadonlyMap<string, MunicipalityLanguages>;
  languageYear: number | null;
  limitMinutes: number;
  unsuppressed: boolean;
}

const spoken = ['fi', 'sv'] as const;

/**
 * Access to a service in one's own language. A cell's speakers of a language are its residents times
 * the language's share in its municipality (the register counts language by municipality, not by
 * cell, so it is spread evenly over the municipality's cells). Each language's speakers are weighted
 * onto the travel time to the nearest unit serving in that language; the figures are their mean,
 * median and 90th percentile time and those beyond the limit or out of reach, over the county and by
 * municipality. A cell whose municipality has no language figures counts for no one.
 */
export const languageAccess = (input: LanguageAccessInput): LanguageAccessResult => {
  const share = (municipality: string, language: 'fi' | 'sv') => {
    const counts = input.languages.get(municipality);
    return counts && counts.total > 0 ? counts[language] / counts.total : 0;
  };
  const groups: LanguageAccessGroup[] = spoken.map((language) => {
    const rows: { group: string; minutes: number; residents: number }[] = [];
    input.cellCodes.forEach((code, c) => {
      const municipality = input.municipalities.get(code);
      if (municipality === undefined) return;
      const residents = (input.cellResidents[c] ?? 0) * share(municipality, language);
      if (!(residents > 0)) return;
      rows.push({ group: municipality, minutes: input.minutes[language][c] ?? Infinity, residents });
    });
    const [total] = distributionByGroup(
      rows.map((r) => ({ ...r, group: '' })),
      input.limitMinutes,
    );
    const byMunicipality = distributionByGroup(rows, input.limitMinutes).sort((a, b) =>
      a.group.localeCompare(b.group),
    );
    const empty: EquityGroup = disclosedGroup(
      { group: '', residents: 0, mean: null, median: null, p90: null, beyondLimit: 0, unreachable: 0 },
      true,
    );
    return {
      language,
      units: input.unitCounts[language],
      total: total ? disclosedGroup(total, input.unsuppressed) : empty,
      byMunicipality: byMunicipality.map((g) => disclosedGroup(g, input.unsuppressed)),
    };
  });
  const municipalities: { municipalityCode: string; status: MunicipalityLanguageStatus }[] = [
    ...input.languages,
  ]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([municipalityCode, counts]) => ({ municipalityCode, status: languageStatus(counts) }));
  return {
    serviceClass: input.serviceClass,
    limitMinutes: input.limitMinutes,
    languageYear: input.languageYear,
    languages: groups,
    municipalities,
  };
};
