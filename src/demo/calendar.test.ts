import { describe, expect, it } from 'vitest';
import { drawDay, easterSunday, publicHolidays, yearCalendar } from './calendar.js';
import { Random } from './random.js';

describe('calendar', () => {
  it('finds Easter', () => {
    expect(easterSunday(2023).toISOString().slice(0, 10)).toBe('2023-04-09');
    expect(easterSunday(2024).toISOString().slice(0, 10)).toBe('2024-03-31');
    expect(easterSunday(2025).toISOString().slice(0, 10)).toBe('2025-04-20');
  });

  it('knows the Finnish public holidays that move', () => {
    const holidays = publicHolidays(2025);
    for (const day of ['04-18', '04-21', '05-29', '06-20', '12-06'])
      expect(holidays.has(day), day).toBe(true);
  });

  it('lists the days in ISO and Finnish form, with Mondays and month starts', () => {
    const calendar = yearCalendar(2024);
    expect(calendar.isoDates).toHaveLength(366);
    expect(calendar.finnishDates[59]).toBe('29.2.2024');
    expect(calendar.monthStarts).toHaveLength(12);
    expect(calendar.mondays[0]).toBe(0);
  });

  it('puts few working-day contacts in July, on weekends and on holidays', () => {
    const calendar = yearCalendar(2025);
    const random = new Random(1);
    const byMonth = new Array(12).fill(0);
    let weekend = 0;
    for (let i = 0; i < 50_000; i++) {
      const day = drawDay(random, calendar.workingDayTable);
      byMonth[calendar.month[day] ?? 0]++;
      const weekday = new Date(`${calendar.isoDates[day]}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) weekend++;
    }
    expect(byMonth[6]).toBeLessThan(byMonth[9] * 0.7);
    expect(weekend / 50_000).toBeLessThan(0.03);
  });
});
