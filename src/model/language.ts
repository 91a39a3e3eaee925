import { z } from 'zod';
import { Code, Year } from './common.js';
import { EquityGroup } from './equity.js';

/**
 * The languages a unit serves in: Finnish, Swedish, the three Sámi languages spoken in Finland
 * (Northern, Inari and Skolt Sámi, by their ISO 639 codes) and any other language.
 */
export const ServiceLanguage = z.enum(['fi', 'sv', 'se', 'smn', 'sms', 'other']);
export type ServiceLanguage = z.infer<typeof ServiceLanguage>;

/**
 * The language groups Statistics Finland counts residents by (the language recorded in the population
 * register): Finnish, Swedish, Sámi (all three together, ISO 639-2 `smi`) and every other language.
 */
export const PopulationLanguage = z.enum(['fi', 'sv', 'smi', 'other']);
export type PopulationLanguage = z.infer<typeof PopulationLanguage>;

/** Residents of one area on 31 December of a year whose registered language is `language`. */
export const PopulationByLanguage = z.object({
  areaCode: Code,
  year: Year,
  language: PopulationLanguage,
  count: z.int().min(0),
});
export type PopulationByLanguage = z.infer<typeof PopulationByLanguage>;

export const MunicipalityLanguageStatus = z.enum([
  'finnish',
  'swedish',
  'bilingualFinnish',
  'bilingualSwedish',
]);
export type MunicipalityLanguageStatus = z.infer<typeof MunicipalityLanguageStatus>;

/**
 * A municipality's language status by the Language Act (kielilaki 423/2003, section 5): it is
 * bilingual when the minority of the two national languages is at least 8 % of its residents or at
 * least 3 000 of them, and unilingual otherwise, in the language of the majority. (The Act keeps a
 * bilingual municipality bilingual until the minority falls under 6 %, and the Government decides
 * every ten years; this is the rule as it reads from one year's figures.) Residents of other
 * languages count in the total, as they do in the Act's counting.
 */
export const languageStatus = (counts: {
  fi: number;
  sv: number;
  total: number;
}): MunicipalityLanguageStatus => {
  const majority = counts.sv > counts.fi ? 'sv' : 'fi';
  const minority = majority === 'fi' ? counts.sv : counts.fi;
  const bilingual = minority >= 3000 || (counts.total > 0 && minority / counts.total >= 0.08);
  if (!bilingual) return majority === 'fi' ? 'finnish' : 'swedish';
  return majority === 'fi' ? 'bilingualFinnish' : 'bilingualSwedish';
};

/** Access to a class in one language: the travel-time distribution of its speakers to units serving in it. */
export const LanguageAccessGroup = z.object({
  language: z.enum(['fi', 'sv']),
  /** Units of the class open under the scenario and recorded as serving in the language. */
  units: z.int().min(0),
  total: EquityGroup,
  byMunicipality: z.array(EquityGroup),
});
export type LanguageAccessGroup = z.infer<typeof LanguageAccessGroup>;

export const LanguageAccessResult = z.object({
  serviceClass: z.string(),
  limitMinutes: z.number(),
  /** The year of the population by language used; null when none is stored. */
  languageYear: Year.nullable(),
  languages: z.array(LanguageAccessGroup),
  /** Each municipality's status by the Language Act, from the same year's figures. */
  municipalities: z.array(z.object({ municipalityCode: z.string(), status: MunicipalityLanguageStatus })),
});
export type LanguageAccessResult = z.infer<typeof LanguageAccessResult>;
