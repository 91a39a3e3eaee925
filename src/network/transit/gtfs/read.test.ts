import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { GtfsFileName } from '../../../model/index.js';
import { parseGtfsCsv } from './csv.js';
import { runsOn } from './feed.js';
import { readGtfsTexts, readGtfsZip } from './read.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

const balanced = (summary: ReturnType<typeof readGtfsZip>['summary']) => {
  for (const c of summary.counts) expect(c.rowsIn, c.file).toBe(c.accepted + c.rejected);
  for (const c of summary.counts)
    expect(summary.rejects.filter((r) => r.file === c.file).length, c.file).toBe(c.rejected);
};

describe('published GTFS feeds', () => {
  it("reads Google's sample feed, frequencies expanded, a short row kept", () => {
    const { feed, summary } = readGtfsZip(fixture('google-sample-feed.zip'));
    balanced(summary);
    expect(summary.rejects).toEqual([]);
    expect(feed.stops.id).toHaveLength(9);
    expect(summary.notRead).toEqual(['agency.txt', 'fare_attributes.txt', 'fare_rules.txt', 'shapes.txt']);
    // STBA runs every 30 minutes from 6:00 until before 22:00: 32 trips in place of the template.
    expect(feed.trips.filter((t) => t.id.startsWith('STBA@'))).toHaveLength(32);
    expect(feed.trips.some((t) => t.id === 'STBA')).toBe(false);
    // "AB2,12:15:00,12:15:00,BEATTY_AIRPORT,2" has 5 of the header's 9 fields.
    const ab2 = feed.trips.find((t) => t.id === 'AB2');
    expect(Array.from(ab2?.arrivals ?? [])).toEqual([12 * 3600 + 5 * 60, 12 * 3600 + 15 * 60]);
    // Furnace Creek at 36.425288 N, 117.133162 W lies far west of zone 35, but is still converted.
    expect(Number.isFinite(feed.stops.x[0])).toBe(true);
    expect(summary.serviceFrom).toBe('2007-01-01');
    expect(runsOn(feed.services.get('FULLW') as never, '20070604')).toBe(false);
    expect(runsOn(feed.services.get('FULLW') as never, '20070605')).toBe(true);
  });

  it("reads Caltrain's feed: platforms boarded, stations not", () => {
    const { feed, summary } = readGtfsZip(fixture('caltrain-20160406.zip'));
    balanced(summary);
    expect(summary.rejects).toEqual([]);
    const stations = summary.counts.find((c) => c.file === 'stops.txt');
    expect(stations?.accepted).toBeGreaterThan(feed.stops.id.length);
    expect(feed.trips.every((t) => t.stops.length >= 2)).toBe(true);
  });

  it("reads Kuopio's regional feed: stops in EPSG:3067, school days by calendar", () => {
    const { feed, summary } = readGtfsZip(fixture('kuopio-2017-subset.zip'));
    balanced(summary);
    expect(summary.rejects).toEqual([]);
    expect(feed.stops.id).toHaveLength(124);
    expect(feed.trips).toHaveLength(107);
    // Kauppahalli, by the market square of Kuopio: about 6 974 km north, 534 km east in ETRS-TM35FIN.
    const i = feed.stops.id.indexOf('303022');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(feed.stops.y[i]).toBeGreaterThan(6_970_000);
    expect(feed.stops.y[i]).toBeLessThan(6_990_000);
    expect(feed.stops.x[i]).toBeGreaterThan(525_000);
    expect(feed.stops.x[i]).toBeLessThan(545_000);
    const school = feed.services.get('Talvikausi_Koulp');
    expect(school && runsOn(school, '20170117')).toBe(true); // a Tuesday
    expect(school && runsOn(school, '20170121')).toBe(false); // a Saturday
  });
});

const feed = (files: Partial<Record<GtfsFileName, string>>) =>
  readGtfsTexts(new Map(Object.entries(files) as [GtfsFileName, string][]));

const minimal: Partial<Record<GtfsFileName, string>> = {
  'stops.txt': 'stop_id,stop_name,stop_lat,stop_lon\nA,Aa,62.9,27.6\nB,Bb,62.91,27.62\n',
  'routes.txt': 'route_id,route_type\nR,3\n',
  'trips.txt': 'route_id,service_id,trip_id\nR,S,T\n',
  'stop_times.txt':
    'trip_id,arrival_time,departure_time,stop_id,stop_sequence\nT,7:00:00,7:00:00,A,1\nT,7:10:00,7:10:00,B,2\n',
  'calendar.txt':
    'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nS,1,1,1,1,1,0,0,20260101,20261231\n',
};

describe('the spellings feeds come in', () => {
  it('reads a byte-order mark, CRLF, quoted fields with commas and quotes, and blank lines alike', () => {
    const plain = feed(minimal);
    const spelled = feed({
      ...minimal,
      'stops.txt':
        '\ufeffstop_id,stop_name,stop_lat,stop_lon\r\n"A","Kauppatori, ""itä""",62.9,27.6\r\n\r\nB,Bb,"62.91",27.62\r\n',
    });
    expect(spelled.summary.rejects).toEqual([]);
    expect(spelled.feed.stops.name[0]).toBe('Kauppatori, "itä"');
    expect(Array.from(spelled.feed.stops.x)).toEqual(Array.from(plain.feed.stops.x));
  });

  it('refuses a feed without stop times or any calendar, naming what is missing', () => {
    const zip = zipSync({ 'stops.txt': strToU8(minimal['stops.txt'] as string) });
    expect(() => readGtfsZip(zip)).toThrow(/stop_times\.txt.*calendar\.txt \| calendar_dates\.txt/);
  });

  it('reads a zip whose files sit in a folder, and a feed with calendar_dates only', () => {
    const { calendar: _, ...rest } = { ...minimal, calendar: minimal['calendar.txt'] };
    const files: Record<string, Uint8Array> = {};
    for (const [name, text] of Object.entries(rest))
      if (name !== 'calendar.txt') files[`feed/${name}`] = strToU8(text as string);
    files['feed/calendar_dates.txt'] = strToU8('service_id,date,exception_type\nS,20260302,1\n');
    const { feed: read, summary } = readGtfsZip(zipSync(files));
    expect(summary.rejects).toEqual([]);
    expect(runsOn(read.services.get('S') as never, '20260302')).toBe(true);
    expect(runsOn(read.services.get('S') as never, '20260303')).toBe(false);
  });

  it('keeps times past 24:00 as they are, and rejects rows with their file, line and reason', () => {
    const { feed: read, summary } = feed({
      ...minimal,
      'stops.txt':
        'stop_id,stop_name,stop_lat,stop_lon\nA,Aa,62.9,27.6\nB,Bb,62.91,27.62\nA,again,62.9,27.6\nC,Cc,95,27\n',
      'stop_times.txt':
        'trip_id,arrival_time,departure_time,stop_id,stop_sequence\nT,23:50:00,23:55:00,A,1\nT,24:10:00,24:10:00,B,2\nT,25:00:00,25:00:00,X,3\nU,7:00:00,7:00:00,A,1\nT,23:00:00,23:00:00,A,4\nT,7:61:00,7:61:00,B,5\n',
      'calendar_dates.txt': 'service_id,date,exception_type\nS,20260230,1\nS,20260302,3\n',
    });
    expect(Array.from(read.trips[0]?.arrivals ?? [])).toEqual([23 * 3600 + 50 * 60, 24 * 3600 + 10 * 60]);
    expect(summary.rejects.map((r) => [r.file, r.line, r.column, r.reason.code])).toEqual([
      ['calendar_dates.txt', 2, 'date', 'notDate'],
      ['calendar_dates.txt', 3, 'exception_type', 'unknownValue'],
      ['stop_times.txt', 4, 'stop_id', 'unknownValue'],
      ['stop_times.txt', 5, 'trip_id', 'unknownValue'],
      ['stop_times.txt', 6, 'arrival_time', 'atLeast'],
      ['stop_times.txt', 7, 'arrival_time', 'notExpectedForm'],
      ['stops.txt', 4, 'stop_id', 'duplicateKey'],
      ['stops.txt', 5, 'stop_lat', 'atMost'],
    ]);
    balanced(summary);
  });
});

describe('the CSV reader', () => {
  it('gives back any table of fields it is given, in any of the spellings', () => {
    const value = fc.string({ maxLength: 8 }).filter((s) => s.trim() === s);
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        (rows, crlf, bom) => {
          const eol = crlf ? '\r\n' : '\n';
          const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
          const text = `${bom ? '\ufeff' : ''}a,b,c${eol}${rows.map((r) => r.map(quote).join(',')).join(eol)}${eol}`;
          const table = parseGtfsCsv(text);
          expect(table.header).toEqual(['a', 'b', 'c']);
          expect(table.malformed).toEqual([]);
          // A row of three empty strings is written as "","","" and is a record, not a blank line.
          expect(table.records.map((r) => r.fields)).toEqual(rows);
        },
      ),
    );
  });
});
