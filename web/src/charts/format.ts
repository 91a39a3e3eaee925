import { type Language, localeOf } from '../i18n/languages.js';

/**
 * A number with the indicator's own count of decimals in the reader's locale: "1 234,5" in Finnish,
 * "1,234.5" in English. Charts and tables take the same function, so that they say the same thing.
 */
export const decimalFormat = (language: Language, decimals: number): ((value: number) => string) => {
  const format = new Intl.NumberFormat(localeOf[language], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return (value) => format.format(value);
};

/** Axis labels need no more decimals than the step between them. */
export const axisFormat = (language: Language, step: number): ((value: number) => string) =>
  decimalFormat(language, Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9))));
