import { useI18n } from '../../i18n/I18nProvider.js';
import { localeOf } from '../../i18n/languages.js';

/** Number formats of the page: figures rounded to what a planner can act on, in the reader's language. */
export const useFormats = () => {
  const { language } = useI18n();
  const locale = localeOf[language];
  const fixed = (digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const oneDecimal = fixed(1);
  return {
    whole: (value: number) => whole.format(value),
    minutes: (value: number) => oneDecimal.format(value),
    percent: (share: number) => oneDecimal.format(share * 100),
    decimal: (value: number) => oneDecimal.format(value),
    /** With an explicit sign, for differences: "+1,2", "−0,5", "0". */
    signed: (value: number, digits = 1) => {
      const rounded = Number(value.toFixed(digits));
      if (rounded === 0) return fixed(digits).format(0);
      return new Intl.NumberFormat(locale, {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
        signDisplay: 'always',
      }).format(rounded);
    },
  };
};

export type Formats = ReturnType<typeof useFormats>;
