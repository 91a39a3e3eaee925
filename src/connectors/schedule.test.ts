import { describe, expect, it } from 'vitest';
import type { Clock } from './rate-limit.js';
import { nextRefresh, parseSchedule, startRefreshLoop } from './schedule.js';

const at = (iso: string) => Date.parse(iso);

describe('the refresh schedule', () => {
  it('reads daily, weekly and every-N-days schedules, and refuses anything else', () => {
    expect(parseSchedule('daily 03:30')).toEqual({ everyDays: 1, at: '03:30' });
    expect(parseSchedule('weekly 04:00')).toEqual({ everyDays: 7, at: '04:00' });
    expect(parseSchedule('every 3 days 02:15')).toEqual({ everyDays: 3, at: '02:15' });
    expect(() => parseSchedule('hourly')).toThrow(/daily HH:MM/);
    expect(() => parseSchedule('daily 25:00')).toThrow();
  });

  it('puts the next refresh at the set time, a period after the last, or at once when one was missed', () => {
    const daily = parseSchedule('daily 03:30');
    expect(new Date(nextRefresh(daily, undefined, at('2026-06-10T12:00:00Z'))).toISOString()).toBe(
      '2026-06-11T03:30:00.000Z',
    );
    expect(new Date(nextRefresh(daily, undefined, at('2026-06-10T01:00:00Z'))).toISOString()).toBe(
      '2026-06-10T03:30:00.000Z',
    );
    const weekly = parseSchedule('weekly 04:00');
    expect(
      new Date(nextRefresh(weekly, at('2026-06-10T04:00:00Z'), at('2026-06-11T00:00:00Z'))).toISOString(),
    ).toBe('2026-06-17T04:00:00.000Z');
    // The server was down on the 17th: the refresh runs when it comes back.
    expect(nextRefresh(weekly, at('2026-06-10T04:00:00Z'), at('2026-06-20T09:00:00Z'))).toBe(
      at('2026-06-20T09:00:00Z'),
    );
  });

  it('refreshes on a fake clock at each scheduled time, and goes on after a failure', async () => {
    let now = at('2026-06-10T12:00:00Z');
    const clock: Clock = {
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    };
    const runs: string[] = [];
    let last: number | undefined;
    const errors: unknown[] = [];
    const loop = startRefreshLoop({
      schedule: parseSchedule('daily 03:30'),
      clock,
      lastRefresh: async () => last,
      refresh: async () => {
        runs.push(new Date(now).toISOString());
        if (runs.length === 2) throw new Error('offline or proxy: pxdata.stat.fi could not be reached');
        last = now;
        if (runs.length === 4) loop.stop();
      },
      onError: (e) => errors.push(e),
    });
    await loop.done;
    expect(runs).toEqual([
      '2026-06-11T03:30:00.000Z',
      '2026-06-12T03:30:00.000Z',
      '2026-06-13T03:30:00.000Z',
      '2026-06-14T03:30:00.000Z',
    ]);
    expect(errors).toHaveLength(1);
  });
});
