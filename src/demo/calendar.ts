import type { Random } from './random.js';

/**
 * The days of one year and how busy each is: fewer contacts in the summer holiday month of July and
 * around Christmas, more in winter when infections peak, hardly any on weekends and public holidays
 * except in emergency care.
 */
export interface YearCalendar {
  year: number;
  /** "2025-03-14" */
  isoDates: string[];
  /** "14.3.2025", as Finnish systems often export dates. */
  finnishDates: string[];
  month: Uint8Array;
  /** Day indexes of Mondays (weekly home-care rows) and of the first days of months. */
  mondays: number[];
  monthStarts: number[];
  /** Quantised inverse distribution: a uniform draw × length indexes a day. */
  workingDayTable: Uint16Array;
  everyDayTable: Uint16Array;
}

/** Relative volume by month, January first. */
const seasonality = [1.08, 1.08, 1.06, 1, 0.98, 0.8, 0.6, 0.92, 1.06, 1.08, 1.1, 0.9];

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export const easterSunday = (year: number): Date => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
};

/** Finnish public holidays that fall on working days' dates, as "MM-DD". */
export const publicHolidays = (year: number): Set<string> => {
  const key = (date: Date) => date.toISOString().slice(5, 10);
  const easter = easterSunday(year).getTime();
  const day = 86_400_000;
  const holidays = new Set(['01-01', '01-06', '05-01', '12-06', '12-24', '12-25', '12-26']);
  for (const offset of [-2, 1, 39]) holidays.add(key(new Date(easter + offset * day)));
  // Midsummer Eve is the Friday between 19 and 25 June.
  for (let d = 19; d <= 25; d++) {
    const date = new Date(Date.UTC(year, 5, d));
    if (date.getUTCDay() === 5) holidays.add(key(date));
  }
  return holidays;
};

const tableSize = 8192;

const inverseTable = (weights: readonly number[]): Uint16Array => {
  const total = weights.reduce((a, b) => a + b, 0);
  const table = new Uint16Array(tableSize);
  let day = 0;
  let cumulative = weights[0] ?? 0;
  for (let i = 0; i < tableSize; i++) {
    const target = ((i + 0.5) / tableSize) * total;
    while (cumulative < target && day < weights.length - 1) cumulative += weights[++day] ?? 0;
    table[i] = day;
  }
  return table;
};

export const yearCalendar = (year: number): YearCalendar => {
  const holidays = publicHolidays(year);
  const isoDates: string[] = [];
  const finnishDates: string[] = [];
  const months: number[] = [];
  const mondays: number[] = [];
  const monthStarts: number[] = [];
  const working: number[] = [];
  const everyDay: number[] = [];
  for (let date = new Date(Date.UTC(year, 0, 1)); date.getUTCFullYear() === year; ) {
    const iso = date.toISOString().slice(0, 10);
    const month = date.getUTCMonth();
    const weekday = date.getUTCDay();
    const index = isoDates.length;
    isoDates.push(iso);
    finnishDates.push(`${date.getUTCDate()}.${month + 1}.${year}`);
    months.push(month);
    if (weekday === 1) mondays.push(index);
    if (date.getUTCDate() === 1) monthStarts.push(index);
    const season = seasonality[month] ?? 1;
    const closed = weekday === 0 || weekday === 6 || holidays.has(iso.slice(5));
    working.push(season * (closed ? 0.04 : 1));
    // Emergency care follows the season only half as much, and is busier when health centres are shut.
    everyDay.push(((1 + season) / 2) * (closed ? 1.2 : 1));
    date = new Date(date.getTime() + 86_400_000);
  }
  return {
    year,
    isoDates,
    finnishDates,
    month: Uint8Array.from(months),
    mondays,
    monthStarts,
    workingDayTable: inverseTable(working),
    everyDayTable: inverseTable(everyDay),
  };
};

/** A day drawn from a table; 8 192 slots give each day its weight to within a few percent. */
export const drawDay = (random: Random, table: Uint16Array): number =>
  table[Math.floor(random.next() * table.length)] ?? 0;

export const daysInYear = (calendar: YearCalendar): number => calendar.isoDates.length;
