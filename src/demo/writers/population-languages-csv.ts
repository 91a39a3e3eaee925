import { apportion } from '../apportion.js';
import { csvLine } from '../csv.js';
import type { Geography } from '../geography.js';
import type { PopulationHistory } from '../population-model.js';

/**
 * The share of each municipality's residents whose registered language is Swedish, Sámi or another
 * (the rest are Finnish-speaking). Harjula (Åsby) and Salmela (Sundby) have a Swedish-speaking
 * minority large enough to make them bilingual by the Language Act's 8 % rule; Järvilinna's is a
 * small share of a large town, which the Act's 3 000 rule counts when the county is big enough.
 */
const swedishShares: Record<string, number> = { '951': 0.022, '953': 0.115, '962': 0.092, '963': 0.012 };
const otherShares: Record<string, number> = { '951': 0.058, '952': 0.035, '953': 0.028 };
const samiShare = 0.0004;
const defaultSwedish = 0.004;
const defaultOther = 0.018;

export const languageHeader = ['kunta', 'vuosi', 'kieli', 'väestö'];
const labels = ['suomi', 'ruotsi', 'saame', 'muut kielet'] as const;

/**
 * Residents by municipality, year and language group, as Statistics Finland publishes them (table
 * 11rm) and a statistics office passes them on: semicolons, the language as its Finnish label.
 * Each year's residents are split by the municipality's shares, exactly, so the groups add up to the
 * municipality's population.
 */
export const populationLanguagesCsv = (geography: Geography, history: PopulationHistory): string => {
  const lines = [csvLine(languageHeader)];
  geography.municipalities.forEach((municipality, m) => {
    const swedish = swedishShares[municipality.code] ?? defaultSwedish;
    const other = otherShares[municipality.code] ?? defaultOther;
    const weights = [1 - swedish - samiShare - other, swedish, samiShare, other];
    history.years.forEach((year, y) => {
      const counts = history.counts[m]?.[y];
      if (!counts) return;
      const total = counts.reduce((s, c) => s + c, 0);
      const split = apportion(total, weights);
      labels.forEach((label, l) => {
        lines.push(csvLine([municipality.code, year, label, split[l] ?? 0]));
      });
    });
  });
  return lines.join('');
};
