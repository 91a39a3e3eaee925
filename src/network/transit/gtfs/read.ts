import { strFromU8, unzipSync } from 'fflate';
import { FileRefused, reason } from '../../../importers/index.js';
import {
  type GtfsFileCount,
  GtfsFileName,
  type GtfsImportSummary,
  type GtfsReject,
  type RejectReason,
  toEtrsTm35fin,
} from '../../../model/index.js';
import { type CsvRecord, parseGtfsCsv } from './csv.js';
import type { GtfsFeed, GtfsService, GtfsTrip } from './feed.js';
import { formatGtfsTime, parseGtfsDate, parseGtfsTime } from './time.js';

export interface GtfsRead {
  feed: GtfsFeed;
  summary: GtfsImportSummary;
}

const required = ['stops.txt', 'routes.txt', 'trips.txt', 'stop_times.txt'] as const;

interface Table {
  records: CsvRecord[];
  /** The value of a column in a record ('' where the column or the value is absent). */
  get(record: CsvRecord, column: string): string;
}

/** Reads a GTFS zip: validates every row, reports the rejected ones, and refuses a feed it cannot route on. */
export const readGtfsZip = (zip: Uint8Array): GtfsRead => {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    throw new FileRefused(
      reason('unreadable', { detail: error instanceof Error ? error.message : 'not a zip' }),
    );
  }
  // Feeds are often zipped with their folder: take the files by their base name.
  const files = new Map<string, Uint8Array>();
  for (const [path, bytes] of Object.entries(entries)) {
    const name = path.split('/').pop() ?? path;
    if (name !== '' && !path.startsWith('__MACOSX/')) files.set(name, bytes);
  }
  const missing: string[] = required.filter((name) => !files.has(name));
  if (!files.has('calendar.txt') && !files.has('calendar_dates.txt'))
    missing.push('calendar.txt | calendar_dates.txt');
  if (missing.length > 0) throw new FileRefused(reason('missingFeedFiles', { missing: missing.join(', ') }));
  const texts = new Map<GtfsFileName, string>();
  const notRead: string[] = [];
  for (const [name, bytes] of files) {
    const known = GtfsFileName.safeParse(name);
    if (known.success) texts.set(known.data, strFromU8(bytes));
    else notRead.push(name);
  }
  return readGtfsTexts(texts, notRead.sort());
};

/** The same, from the files' texts (tests, and feeds unpacked into a folder). */
export const readGtfsTexts = (texts: ReadonlyMap<GtfsFileName, string>, notRead: string[] = []): GtfsRead => {
  const rejects: GtfsReject[] = [];
  const counts: GtfsFileCount[] = [];
  const open = (file: GtfsFileName, columns: readonly string[]): Table | undefined => {
    const text = texts.get(file);
    if (text === undefined) return undefined;
    const table = parseGtfsCsv(text);
    const absent = columns.filter((c) => !table.header.includes(c));
    if (absent.length > 0)
      throw new FileRefused(
        reason('missingColumns', {
          missing: `${file}: ${absent.join(', ')}`,
          found: table.header.join(', '),
        }),
      );
    const count: GtfsFileCount = {
      file,
      rowsIn: table.records.length + table.malformed.length,
      accepted: table.records.length,
      rejected: table.malformed.length,
    };
    counts.push(count);
    for (const m of table.malformed) rejects.push({ file, line: m.line, reason: m.reason });
    const index = new Map(table.header.map((name, i) => [name, i]));
    return {
      records: table.records,
      get: (record, column) => {
        const i = index.get(column);
        return i === undefined ? '' : (record.fields[i] ?? '').trim();
      },
    };
  };
  const reject = (file: GtfsFileName, record: CsvRecord, column: string | undefined, why: RejectReason) => {
    rejects.push({ file, line: record.line, ...(column ? { column } : {}), reason: why });
    const count = counts.find((c) => c.file === file) as GtfsFileCount;
    count.accepted--;
    count.rejected++;
  };
  /** Rejects a record whose required columns are empty; true when all are there. */
  const present = (
    file: GtfsFileName,
    table: Table,
    record: CsvRecord,
    columns: readonly string[],
  ): boolean => {
    for (const column of columns) {
      if (table.get(record, column) === '') {
        reject(file, record, column, reason('missingValue'));
        return false;
      }
    }
    return true;
  };
  const duplicate = (file: GtfsFileName, record: CsvRecord, column: string, firstLine: number) =>
    reject(file, record, column, reason('duplicateKey', { line: firstLine }));

  // stops.txt: boardable stops (location_type 0 or empty) are kept; stations and entrances are accepted but not routed on.
  const stopTable = open('stops.txt', ['stop_id']) as Table;
  const stopLines = new Map<string, number>();
  const stopIndex = new Map<string, number>();
  const ids: string[] = [];
  const names: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const record of stopTable.records) {
    if (!present('stops.txt', stopTable, record, ['stop_id'])) continue;
    const id = stopTable.get(record, 'stop_id');
    const first = stopLines.get(id);
    if (first !== undefined) {
      duplicate('stops.txt', record, 'stop_id', first);
      continue;
    }
    const typeText = stopTable.get(record, 'location_type');
    const type = typeText === '' ? 0 : Number(typeText);
    if (!Number.isInteger(type) || type < 0 || type > 4) {
      reject('stops.txt', record, 'location_type', reason('unknownValue', { expected: '0, 1, 2, 3, 4' }));
      continue;
    }
    const latText = stopTable.get(record, 'stop_lat');
    const lonText = stopTable.get(record, 'stop_lon');
    if (type <= 2 && !present('stops.txt', stopTable, record, ['stop_lat', 'stop_lon'])) continue;
    const lat = Number(latText);
    const lon = Number(lonText);
    if (type <= 2) {
      if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
        reject(
          'stops.txt',
          record,
          'stop_lat',
          reason(Number.isFinite(lat) ? 'atMost' : 'notNumber', { max: 90 }),
        );
        continue;
      }
      if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
        reject(
          'stops.txt',
          record,
          'stop_lon',
          reason(Number.isFinite(lon) ? 'atMost' : 'notNumber', { max: 180 }),
        );
        continue;
      }
    }
    stopLines.set(id, record.line);
    if (type !== 0) continue;
    const { x, y } = toEtrsTm35fin(lon, lat);
    stopIndex.set(id, ids.length);
    ids.push(id);
    names.push(stopTable.get(record, 'stop_name'));
    xs.push(x);
    ys.push(y);
  }

  // routes.txt
  const routeTable = open('routes.txt', ['route_id', 'route_type']) as Table;
  const routes: GtfsFeed['routes'] = new Map();
  const routeLines = new Map<string, number>();
  for (const record of routeTable.records) {
    if (!present('routes.txt', routeTable, record, ['route_id', 'route_type'])) continue;
    const id = routeTable.get(record, 'route_id');
    const first = routeLines.get(id);
    if (first !== undefined) {
      duplicate('routes.txt', record, 'route_id', first);
      continue;
    }
    const type = Number(routeTable.get(record, 'route_type'));
    // The reference's types 0–7 and 11–12, and the extended types 100–1799 many European feeds use.
    if (!Number.isInteger(type) || type < 0 || (type > 12 && type < 100) || type > 1799) {
      reject('routes.txt', record, 'route_type', reason('unknownValue', { expected: '0–12, 100–1799' }));
      continue;
    }
    routeLines.set(id, record.line);
    routes.set(id, { type, shortName: routeTable.get(record, 'route_short_name') });
  }

  // calendar.txt and calendar_dates.txt
  const services = new Map<string, GtfsService>();
  const calendar = open('calendar.txt', [
    'service_id',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'start_date',
    'end_date',
  ]);
  const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const calendarLines = new Map<string, number>();
  for (const record of calendar?.records ?? []) {
    const table = calendar as Table;
    if (!present('calendar.txt', table, record, ['service_id', ...days, 'start_date', 'end_date'])) continue;
    const id = table.get(record, 'service_id');
    const first = calendarLines.get(id);
    if (first !== undefined) {
      duplicate('calendar.txt', record, 'service_id', first);
      continue;
    }
    const badDay = days.find((d) => table.get(record, d) !== '0' && table.get(record, d) !== '1');
    if (badDay) {
      reject('calendar.txt', record, badDay, reason('unknownValue', { expected: '0, 1' }));
      continue;
    }
    const start = parseGtfsDate(table.get(record, 'start_date'));
    const end = parseGtfsDate(table.get(record, 'end_date'));
    if (!start || !end) {
      reject('calendar.txt', record, start ? 'end_date' : 'start_date', reason('notDate'));
      continue;
    }
    if (end < start) {
      reject('calendar.txt', record, 'end_date', reason('closingBeforeOpening'));
      continue;
    }
    calendarLines.set(id, record.line);
    services.set(id, {
      weekdays: days.map((d) => table.get(record, d) === '1'),
      start,
      end,
      added: new Set(),
      removed: new Set(),
    });
  }
  const calendarDates = open('calendar_dates.txt', ['service_id', 'date', 'exception_type']);
  const exceptionLines = new Map<string, number>();
  for (const record of calendarDates?.records ?? []) {
    const table = calendarDates as Table;
    if (!present('calendar_dates.txt', table, record, ['service_id', 'date', 'exception_type'])) continue;
    const id = table.get(record, 'service_id');
    const date = parseGtfsDate(table.get(record, 'date'));
    if (!date) {
      reject('calendar_dates.txt', record, 'date', reason('notDate'));
      continue;
    }
    const type = table.get(record, 'exception_type');
    if (type !== '1' && type !== '2') {
      reject('calendar_dates.txt', record, 'exception_type', reason('unknownValue', { expected: '1, 2' }));
      continue;
    }
    const key = `${id}\u0000${date}`;
    const first = exceptionLines.get(key);
    if (first !== undefined) {
      duplicate('calendar_dates.txt', record, 'date', first);
      continue;
    }
    exceptionLines.set(key, record.line);
    let service = services.get(id);
    if (!service) {
      service = { weekdays: null, start: null, end: null, added: new Set(), removed: new Set() };
      services.set(id, service);
    }
    (type === '1' ? service.added : service.removed).add(date);
  }

  // trips.txt
  const tripTable = open('trips.txt', ['route_id', 'service_id', 'trip_id']) as Table;
  const tripLines = new Map<string, number>();
  const tripInfo = new Map<string, { routeId: string; serviceId: string }>();
  for (const record of tripTable.records) {
    if (!present('trips.txt', tripTable, record, ['trip_id', 'route_id', 'service_id'])) continue;
    const id = tripTable.get(record, 'trip_id');
    const first = tripLines.get(id);
    if (first !== undefined) {
      duplicate('trips.txt', record, 'trip_id', first);
      continue;
    }
    const routeId = tripTable.get(record, 'route_id');
    const serviceId = tripTable.get(record, 'service_id');
    if (!routes.has(routeId)) {
      reject('trips.txt', record, 'route_id', reason('unknownValue', { expected: 'route_id of routes.txt' }));
      continue;
    }
    if (!services.has(serviceId)) {
      reject(
        'trips.txt',
        record,
        'service_id',
        reason('unknownValue', { expected: 'service_id of calendar.txt or calendar_dates.txt' }),
      );
      continue;
    }
    tripLines.set(id, record.line);
    tripInfo.set(id, { routeId, serviceId });
  }

  // stop_times.txt: rows by trip, then ordered by stop_sequence and checked that time does not run backwards.
  const timeTable = open('stop_times.txt', [
    'trip_id',
    'stop_id',
    'stop_sequence',
    'arrival_time',
    'departure_time',
  ]) as Table;
  interface Row {
    record: CsvRecord;
    sequence: number;
    stop: number;
    arrival: number;
    departure: number;
  }
  const rowsByTrip = new Map<string, Row[]>();
  for (const record of timeTable.records) {
    if (!present('stop_times.txt', timeTable, record, ['trip_id', 'stop_id', 'stop_sequence'])) continue;
    const tripId = timeTable.get(record, 'trip_id');
    if (!tripInfo.has(tripId)) {
      reject(
        'stop_times.txt',
        record,
        'trip_id',
        reason('unknownValue', { expected: 'trip_id of trips.txt' }),
      );
      continue;
    }
    const stopId = timeTable.get(record, 'stop_id');
    const stop = stopIndex.get(stopId);
    if (stop === undefined) {
      reject(
        'stop_times.txt',
        record,
        'stop_id',
        reason('unknownValue', { expected: 'stop_id of a stop (location_type 0) in stops.txt' }),
      );
      continue;
    }
    const sequenceText = timeTable.get(record, 'stop_sequence');
    const sequence = Number(sequenceText);
    if (!/^\d+$/.test(sequenceText) || !Number.isSafeInteger(sequence)) {
      reject('stop_times.txt', record, 'stop_sequence', reason('notWholeNumber'));
      continue;
    }
    // Times left empty between timepoints are not interpolated: such a stop is not boarded at.
    if (!present('stop_times.txt', timeTable, record, ['arrival_time', 'departure_time'])) continue;
    const arrival = parseGtfsTime(timeTable.get(record, 'arrival_time'));
    const departure = parseGtfsTime(timeTable.get(record, 'departure_time'));
    if (arrival === undefined || departure === undefined) {
      reject(
        'stop_times.txt',
        record,
        arrival === undefined ? 'arrival_time' : 'departure_time',
        reason('notExpectedForm'),
      );
      continue;
    }
    if (departure < arrival) {
      reject('stop_times.txt', record, 'departure_time', reason('atLeast', { min: formatGtfsTime(arrival) }));
      continue;
    }
    let rows = rowsByTrip.get(tripId);
    if (!rows) {
      rows = [];
      rowsByTrip.set(tripId, rows);
    }
    rows.push({ record, sequence, stop, arrival, departure });
  }
  const trips: GtfsTrip[] = [];
  for (const [tripId, rows] of rowsByTrip) {
    rows.sort((a, b) => a.sequence - b.sequence || a.record.line - b.record.line);
    const kept: Row[] = [];
    for (const row of rows) {
      const previous = kept[kept.length - 1];
      if (previous && previous.sequence === row.sequence) {
        duplicate('stop_times.txt', row.record, 'stop_sequence', previous.record.line);
        continue;
      }
      if (previous && row.arrival < previous.departure) {
        reject(
          'stop_times.txt',
          row.record,
          'arrival_time',
          reason('atLeast', { min: formatGtfsTime(previous.departure) }),
        );
        continue;
      }
      kept.push(row);
    }
    const info = tripInfo.get(tripId) as { routeId: string; serviceId: string };
    trips.push({
      id: tripId,
      ...info,
      stops: Uint32Array.from(kept, (r) => r.stop),
      arrivals: Int32Array.from(kept, (r) => r.arrival),
      departures: Int32Array.from(kept, (r) => r.departure),
    });
  }

  // frequencies.txt: a trip run every headway_secs from start_time until before end_time, its times shifted.
  const frequencies = open('frequencies.txt', ['trip_id', 'start_time', 'end_time', 'headway_secs']);
  const templates = new Map(trips.map((t) => [t.id, t]));
  const expanded = new Set<string>();
  const repeated: GtfsTrip[] = [];
  for (const record of frequencies?.records ?? []) {
    const table = frequencies as Table;
    if (!present('frequencies.txt', table, record, ['trip_id', 'start_time', 'end_time', 'headway_secs']))
      continue;
    const template = templates.get(table.get(record, 'trip_id'));
    if (!template || template.stops.length === 0) {
      reject(
        'frequencies.txt',
        record,
        'trip_id',
        reason('unknownValue', { expected: 'trip_id of trips.txt with stop times' }),
      );
      continue;
    }
    const start = parseGtfsTime(table.get(record, 'start_time'));
    const end = parseGtfsTime(table.get(record, 'end_time'));
    if (start === undefined || end === undefined) {
      reject(
        'frequencies.txt',
        record,
        start === undefined ? 'start_time' : 'end_time',
        reason('notExpectedForm'),
      );
      continue;
    }
    const headwayText = table.get(record, 'headway_secs');
    const headway = Number(headwayText);
    if (!/^\d+$/.test(headwayText) || headway < 1) {
      reject('frequencies.txt', record, 'headway_secs', reason('atLeast', { min: 1 }));
      continue;
    }
    if (end <= start) {
      reject('frequencies.txt', record, 'end_time', reason('moreThan', { min: formatGtfsTime(start) }));
      continue;
    }
    expanded.add(template.id);
    const origin = template.departures[0] as number;
    for (let t = start; t < end; t += headway) {
      const shift = t - origin;
      repeated.push({
        ...template,
        id: `${template.id}@${formatGtfsTime(t)}`,
        arrivals: template.arrivals.map((s) => s + shift),
        departures: template.departures.map((s) => s + shift),
      });
    }
  }

  let serviceFrom: string | null = null;
  let serviceTo: string | null = null;
  for (const s of services.values()) {
    for (const d of [s.start, s.end, ...s.added]) {
      if (d === null) continue;
      if (serviceFrom === null || d < serviceFrom) serviceFrom = d;
      if (serviceTo === null || d > serviceTo) serviceTo = d;
    }
  }
  const iso = (d: string | null) =>
    d === null ? null : `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  rejects.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    feed: {
      stops: { id: ids, name: names, x: Float64Array.from(xs), y: Float64Array.from(ys) },
      routes,
      trips: [...trips.filter((t) => !expanded.has(t.id)), ...repeated],
      services,
    },
    summary: { counts, rejects, notRead, serviceFrom: iso(serviceFrom), serviceTo: iso(serviceTo) },
  };
};
