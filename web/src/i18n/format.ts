import { type Language, localeOf } from './languages.js';

export const formatNumber = (language: Language, value: number): string =>
  new Intl.NumberFormat(localeOf[language]).format(value);

/** A calendar date "YYYY-MM-DD" read as that day wherever the browser is, not as UTC midnight. */
const parseDate = (iso: string): Date => {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) return new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
  return new Date(iso);
};

/** 2.11.2025 in Finnish and Finland-Swedish, 02/11/2025 in British English. */
export const formatDate = (language: Language, iso: string): string =>
  new Intl.DateTimeFormat(localeOf[language], { day: 'numeric', month: 'numeric', year: 'numeric' }).format(
    parseDate(iso),
  );

/** 2.11.2025 klo 14.05 in Finnish, 2.11.2025 14.05 in Swedish, 02/11/2025, 14:05 in English. */
export const formatDateTime = (language: Language, iso: string): string =>
  new Intl.DateTimeFormat(localeOf[language], {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(parseDate(iso));
