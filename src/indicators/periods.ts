import type { IndicatorPeriodType } from '../model/index.js';

/**
 * One reported period. `firstBucket` … `lastBucket` are the first days of the calendar units the events
 * are first summed into (years, quarters or months); a rolling 12-month period spans twelve months.
 */
export interface PeriodSpan {
  key: string;
  start: string;
  end: string;
  /** The year whose population and area classification the period is computed on (its last day's). */
  year: number;
  firstBucket: string;
  lastBucket: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const firstOfMonth = (year: number, month: number): string => {
  const y = year + Math.floor((month - 1) / 12);
  const m = (((month - 1) % 12) + 12) % 12;
  return `${y}-${pad(m + 1)}-01`;
};
const lastOfMonth = (year: number, month: number): string => {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
};

/** The periods of a type whose last day lies in fromYear…toYear, in time order. */
export const periodsOf = (type: IndicatorPeriodType, fromYear: number, toYear: number): PeriodSpan[] => {
  const spans: PeriodSpan[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    if (type === 'year') {
      const start = `${year}-01-01`;
      spans.push({
        key: String(year),
        start,
        end: `${year}-12-31`,
        year,
        firstBucket: start,
        lastBucket: start,
      });
    } else if (type === 'quarter') {
      for (let q = 1; q <= 4; q++) {
        const start = firstOfMonth(year, 3 * q - 2);
        spans.push({
          key: `${year}-Q${q}`,
          start,
          end: lastOfMonth(year, 3 * q),
          year,
          firstBucket: start,
          lastBucket: start,
        });
      }
    } else {
      for (let month = 1; month <= 12; month++) {
        const monthStart = firstOfMonth(year, month);
        if (type === 'month') {
          spans.push({
            key: `${year}-${pad(month)}`,
            start: monthStart,
            end: lastOfMonth(year, month),
            year,
            firstBucket: monthStart,
            lastBucket: monthStart,
          });
        } else {
          const windowStart = firstOfMonth(year, month - 11);
          spans.push({
            key: `${windowStart.slice(0, 7)}/${year}-${pad(month)}`,
            start: windowStart,
            end: lastOfMonth(year, month),
            year,
            firstBucket: windowStart,
            lastBucket: monthStart,
          });
        }
      }
    }
  }
  return spans;
};

/** The calendar unit events are first summed into for a period type. */
export const bucketOf = (type: IndicatorPeriodType): 'year' | 'quarter' | 'month' =>
  type === 'year' ? 'year' : type === 'quarter' ? 'quarter' : 'month';

/** Days from `start` to `end`, both included. */
export const daysBetween = (start: string, end: string): number =>
  Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
