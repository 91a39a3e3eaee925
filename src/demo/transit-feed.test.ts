import { describe, expect, it } from 'vitest';
import { readGtfsZip, runsOn as runs } from '../network/index.js';
import { buildCountyModel } from './county-model.js';
import { demoRoads } from './roads.js';
import { demoTransitFeed, transitFeedZip } from './transit-feed.js';

const seed = 3;
const model = buildCountyModel(seed, 5_000, 1);
const roads = demoRoads(seed, model.geography);

describe("the demo county's bus timetable", () => {
  const zip = transitFeedZip(demoTransitFeed(seed, model.geography, roads));
  const read = readGtfsZip(zip);

  it('is a GTFS feed that imports without a rejected row, the same bytes every time', () => {
    const { feed, summary } = read;
    expect(summary.rejects).toEqual([]);
    expect(summary.notRead).toEqual(['agency.txt', 'feed_info.txt']);
    expect(feed.routes.size).toBeGreaterThan(5);
    expect(
      Buffer.compare(
        Buffer.from(zip),
        Buffer.from(transitFeedZip(demoTransitFeed(seed, model.geography, roads))),
      ),
    ).toBe(0);
  });

  it('runs school buses on school days only, and Sunday buses on weekday holidays', () => {
    const { feed } = read;
    const school = feed.services.get('KOULP');
    const sunday = feed.services.get('SU');
    const weekday = feed.services.get('MA-PE');
    if (!school || !sunday || !weekday) throw new Error('services missing');
    expect(feed.trips.some((t) => t.serviceId === 'KOULP')).toBe(true);
    expect(runs(school, '20260303')).toBe(true); // a Tuesday in term
    expect(runs(school, '20260224')).toBe(false); // winter break
    expect(runs(school, '20260707')).toBe(false); // summer
    expect(runs(weekday, '20260707')).toBe(true);
    expect(runs(weekday, '20261224')).toBe(false);
    expect(runs(sunday, '20261224')).toBe(true);
  });
});
