import type { Clock } from './rate-limit.js';

/**
 * When a server refreshes its open data, as the administrator sets it: every `everyDays` days at `at`
 * (local wall-clock time written HH:MM, read in UTC so that a schedule means the same on every host).
 */
export interface RefreshSchedule {
  everyDays: number;
  at: string;
}

export const parseSchedule = (text: string): RefreshSchedule => {
  // "daily 03:30", "weekly 04:00", "every 3 days 02:15"
  const m = /^(?:(daily)|(weekly)|every (\d+) days?)\s+([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!m)
    throw new Error(
      `a refresh schedule is "daily HH:MM", "weekly HH:MM" or "every N days HH:MM", not "${text}"`,
    );
  const everyDays = m[1] ? 1 : m[2] ? 7 : Number(m[3]);
  if (everyDays < 1) throw new Error('a refresh schedule needs at least one day between refreshes');
  return { everyDays, at: `${m[4]}:${m[5]}` };
};

const dayMs = 86_400_000;

/** The first scheduled time after the last refresh (or after now, when there has been none). */
export const nextRefresh = (
  schedule: RefreshSchedule,
  lastRefresh: number | undefined,
  now: number,
): number => {
  const [hours, minutes] = schedule.at.split(':').map(Number) as [number, number];
  const from = lastRefresh === undefined ? now : lastRefresh + (schedule.everyDays - 1) * dayMs;
  const day = Math.floor(from / dayMs) * dayMs;
  let next = day + (hours * 60 + minutes) * 60_000;
  while (next <= from) next += dayMs;
  // A refresh missed while the server was down runs at once rather than waiting a whole period.
  return lastRefresh !== undefined && next < now ? now : next;
};

/**
 * Runs `refresh` on the schedule until stopped. The last refresh is asked of `lastRefresh` each time
 * (the fetch log), so that several servers over one store do not each refresh in turn, and a failed
 * refresh is reported and tried again at the next scheduled time.
 */
export const startRefreshLoop = (p: {
  schedule: RefreshSchedule;
  clock: Clock;
  lastRefresh: () => Promise<number | undefined>;
  refresh: () => Promise<void>;
  onError: (error: unknown) => void;
}): { stop(): void; done: Promise<void> } => {
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const now = p.clock.now();
      const next = nextRefresh(p.schedule, await p.lastRefresh(), now);
      if (next > now) await p.clock.sleep(next - now);
      if (stopped) return;
      // Another server may have refreshed while this one slept.
      const last = await p.lastRefresh();
      if (last !== undefined && nextRefresh(p.schedule, last, p.clock.now()) > p.clock.now()) continue;
      try {
        await p.refresh();
      } catch (error) {
        p.onError(error);
        await p.clock.sleep(
          Math.max(1, nextRefresh(p.schedule, p.clock.now(), p.clock.now()) - p.clock.now()),
        );
      }
    }
  })();
  return {
    stop() {
      stopped = true;
    },
    done,
  };
};
