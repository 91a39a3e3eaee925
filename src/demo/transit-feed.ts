import { strToU8, zipSync } from 'fflate';
import { toWgs84 } from '../model/index.js';
import type { Geography } from './geography.js';
import { hashUnit } from './random.js';
import type { DemoRoad } from './roads.js';

/**
 * The county's bus timetable as the GTFS zip a county receives from its transport authority, for 2026:
 * regional lines on the trunk and primary roads between centres (half-hourly or hourly on weekdays,
 * fewer at weekends), sparse rural lines on the secondary roads (three round trips on weekdays) and
 * school buses on school days (the autumn and spring terms, less the winter and autumn breaks). Stops
 * every 1.5 km or so along the road, the centres' bus stations shared by every line that meets there.
 */
const stopSpacingMetres = 1500;
const dwellSeconds = 20;
const speedKmh = { trunk: 65, primary: 55, secondary: 45 } as const;
type LineRoad = keyof typeof speedKmh;

const year = 2026;
const day = (m: number, d: number) => `${year}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
/** Public holidays of 2026 that fall on weekdays: no weekday service, Sunday service instead. */
const weekdayHolidays = [
  day(1, 1),
  day(1, 6),
  day(4, 3),
  day(4, 6),
  day(5, 1),
  day(5, 14),
  day(6, 19),
  day(12, 24),
  day(12, 25),
];
const datesBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  const d = new Date(Date.UTC(+from.slice(0, 4), +from.slice(4, 6) - 1, +from.slice(6, 8)));
  for (;;) {
    const s = d.toISOString().slice(0, 10).replaceAll('-', '');
    if (s > to) return out;
    if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) out.push(s);
    d.setUTCDate(d.getUTCDate() + 1);
  }
};
/** Weekdays without school inside the school year's calendar row (20260107–20261218). */
const schoolBreaks = [
  ...datesBetween(day(2, 23), day(2, 27)), // winter break, week 9
  ...datesBetween(day(5, 30), day(8, 11)), // summer
  ...datesBetween(day(10, 12), day(10, 16)), // autumn break, week 42
];

const hhmmss = (seconds: number) => {
  const s = Math.round(seconds);
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** Departures (minutes after midnight) of one direction of a line by service. */
const departures = (kind: LineRoad, offset: number): Record<string, number[]> => {
  const every = (from: number, to: number, step: number) => {
    const out: number[] = [];
    for (let m = from; m <= to; m += step) out.push(m + offset);
    return out;
  };
  if (kind === 'trunk')
    return {
      'MA-PE': [
        ...every(360, 540, 30),
        ...every(600, 840, 60),
        ...every(900, 1080, 30),
        ...every(1140, 1380, 60),
        1410,
      ],
      LA: every(480, 1200, 120),
      SU: [600, 840, 1080].map((m) => m + offset),
    };
  if (kind === 'primary')
    return { 'MA-PE': every(360, 1140, 60), LA: [540, 780, 1020].map((m) => m + offset) };
  return { 'MA-PE': [400, 690, 930].map((m) => m + offset) };
};

export const demoTransitFeed = (
  seed: number,
  geography: Geography,
  roads: readonly DemoRoad[],
): Record<string, string> => {
  const municipalities = geography.municipalities.filter((m) => m.territories.length === 1);
  const stops: string[] = ['stop_id,stop_name,stop_lat,stop_lon'];
  const stopIds = new Map<string, string>();
  const addStop = (id: string, name: string, x: number, y: number) => {
    if (stopIds.has(id)) return id;
    const { lon, lat } = toWgs84(x, y);
    stops.push(`${id},"${name}",${lat.toFixed(6)},${lon.toFixed(6)}`);
    stopIds.set(id, name);
    return id;
  };
  const seatOf = (x: number, y: number) => {
    let best = -1;
    let bestDistance = 400;
    municipalities.forEach((m, i) => {
      const d = Math.hypot(m.seat.x - x, m.seat.y - y);
      if (d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    });
    return best;
  };
  const centreStop = (i: number) => {
    const m = municipalities[i] as (typeof municipalities)[number];
    return addStop(`${m.code}-AS`, `${m.nameFi} linja-autoasema`, m.seat.x, m.seat.y);
  };
  const routes: string[] = ['route_id,agency_id,route_short_name,route_long_name,route_type'];
  const trips: string[] = ['route_id,service_id,trip_id,direction_id'];
  const stopTimes: string[] = ['trip_id,arrival_time,departure_time,stop_id,stop_sequence'];
  let line = 0;
  for (const road of roads) {
    if (road.highway !== 'trunk' && road.highway !== 'primary' && road.highway !== 'secondary') continue;
    const first = road.coordinates[0] as [number, number];
    const last = road.coordinates[road.coordinates.length - 1] as [number, number];
    const a = seatOf(first[0], first[1]);
    const b = seatOf(last[0], last[1]);
    if (a < 0 || b < 0 || a === b) continue;
    line++;
    const kind = road.highway;
    const routeId = `${kind === 'secondary' ? 3 : kind === 'primary' ? 2 : 1}${String(line).padStart(2, '0')}`;
    const from = municipalities[a] as (typeof municipalities)[number];
    const to = municipalities[b] as (typeof municipalities)[number];
    routes.push(`${routeId},DEMO,${routeId},"${from.nameFi} – ${to.nameFi}",3`);
    // Stops along the road: the bus stations at the ends, one every stopSpacingMetres between.
    const calls: { stop: string; metres: number }[] = [{ stop: centreStop(a), metres: 0 }];
    let along = 0;
    let sinceStop = 0;
    for (let k = 1; k < road.coordinates.length; k++) {
      const p = road.coordinates[k - 1] as [number, number];
      const q = road.coordinates[k] as [number, number];
      const step = Math.hypot(q[0] - p[0], q[1] - p[1]);
      along += step;
      sinceStop += step;
      if (sinceStop >= stopSpacingMetres && k < road.coordinates.length - 3) {
        calls.push({
          stop: addStop(
            `${routeId}-${calls.length}`,
            `${from.nameFi}–${to.nameFi} ${(along / 1000).toFixed(1)} km`,
            q[0],
            q[1],
          ),
          metres: along,
        });
        sinceStop = 0;
      }
    }
    calls.push({ stop: centreStop(b), metres: along });
    const metresPerSecond = speedKmh[kind] / 3.6;
    const offset = Math.floor(hashUnit(seed, 81, line) * 15);
    const write = (direction: 0 | 1, service: string, minute: number) => {
      const ordered =
        direction === 0
          ? calls
          : [...calls].reverse().map((c) => ({ stop: c.stop, metres: along - c.metres }));
      const tripId = `${routeId}-${direction}-${service}-${hhmmss(minute * 60)
        .slice(0, 5)
        .replace(':', '')}`;
      trips.push(`${routeId},${service},${tripId},${direction}`);
      let clock = minute * 60;
      let previous = 0;
      ordered.forEach((c, i) => {
        clock += (c.metres - previous) / metresPerSecond;
        previous = c.metres;
        const arrival = Math.round(clock / 60) * 60;
        const departure = i === 0 || i === ordered.length - 1 ? arrival : arrival + dwellSeconds;
        clock += departure - arrival;
        stopTimes.push(`${tripId},${hhmmss(arrival)},${hhmmss(departure)},${c.stop},${i + 1}`);
      });
    };
    for (const direction of [0, 1] as const) {
      for (const [service, minutes] of Object.entries(departures(kind, offset + direction * 15)))
        for (const minute of minutes) write(direction, service, minute);
    }
    // School buses: into the larger centre before eight, home after lessons, on school days.
    if (kind === 'secondary') {
      write(0, 'KOULP', 425);
      write(1, 'KOULP', 850);
      write(1, 'KOULP', 910);
    }
  }
  const calendar = [
    'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date',
    `MA-PE,1,1,1,1,1,0,0,${day(1, 1)},${day(12, 31)}`,
    `LA,0,0,0,0,0,1,0,${day(1, 1)},${day(12, 31)}`,
    `SU,0,0,0,0,0,0,1,${day(1, 1)},${day(12, 31)}`,
    `KOULP,1,1,1,1,1,0,0,${day(1, 7)},${day(12, 18)}`,
  ];
  const calendarDates = ['service_id,date,exception_type'];
  for (const d of weekdayHolidays) calendarDates.push(`MA-PE,${d},2`, `SU,${d},1`);
  for (const d of new Set([
    ...weekdayHolidays.filter((h) => h >= day(1, 7) && h <= day(12, 18)),
    ...schoolBreaks,
  ]))
    calendarDates.push(`KOULP,${d},2`);
  const text = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
  return {
    'agency.txt': text([
      'agency_id,agency_name,agency_url,agency_timezone,agency_lang',
      'DEMO,Demomaakunnan joukkoliikenne,https://example.invalid/,Europe/Helsinki,fi',
    ]),
    'feed_info.txt': text([
      'feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,feed_end_date',
      `Demomaakunta,https://example.invalid/,fi,${day(1, 1)},${day(12, 31)}`,
    ]),
    'stops.txt': text(stops),
    'routes.txt': text(routes),
    'trips.txt': text(trips),
    'stop_times.txt': text(stopTimes),
    'calendar.txt': text(calendar),
    'calendar_dates.txt': text(calendarDates),
  };
};

/** The feed's files zipped, every entry stamped with one fixed moment so that the same seed gives the same bytes. */
export const transitFeedZip = (files: Record<string, string>): Uint8Array => {
  const mtime = new Date(Date.UTC(2026, 0, 1, 12));
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }]])),
  );
};
