import { type GtfsFeed, runsOn } from './gtfs/feed.js';

const isoOf = (date: Date) => date.toISOString().slice(0, 10);
const compactOf = (date: Date) => isoOf(date).replaceAll('-', '');

/** Days searched from the feed's first service date: a year covers any season's timetable. */
const searchDays = 400;

/**
 * The day a window falls on when a request names none: the first Tuesday any trip of the feed runs on
 * (a Tuesday is seldom a public holiday's Monday or the eve of a weekend), else the first Monday to
 * Friday, else undefined when no weekday has a trip.
 */
export const defaultServiceDay = (feed: GtfsFeed): string | undefined => {
  const used = new Set(feed.trips.map((t) => t.serviceId));
  const services = [...feed.services.entries()].filter(([id]) => used.has(id)).map(([, s]) => s);
  const firsts = services.flatMap((s) => [...(s.start ? [s.start] : []), ...s.added]).sort();
  const first = firsts[0];
  if (first === undefined) return undefined;
  const start = new Date(Date.UTC(+first.slice(0, 4), +first.slice(4, 6) - 1, +first.slice(6, 8)));
  let weekday: string | undefined;
  for (let d = 0; d < searchDays; d++) {
    const day = new Date(start.getTime() + d * 86_400_000);
    const dow = day.getUTCDay();
    if (dow === 0 || dow === 6) continue;
    const compact = compactOf(day);
    if (!services.some((s) => runsOn(s, compact))) continue;
    if (dow === 2) return isoOf(day);
    weekday ??= isoOf(day);
  }
  return weekday;
};
