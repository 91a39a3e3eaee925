import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Fetcher, recordFetch, SourceUnreachable } from '../../connectors/index.js';
import type { Store } from '../../store/index.js';
import { openSampleStore } from '../../store/testing.js';
import { refreshOpenData, refreshPlan } from './refresh.js';

const fetchedSource = (source: string, url: string) => ({
  source,
  url,
  licence: 'CC BY 4.0',
  attribution: 'Source: Statistics Finland',
  fetchedAt: '2026-06-10T08:00:00.000Z',
});

const logged = (store: Store, source: string, dataset: string, url: string) =>
  recordFetch(store, {
    fetchedSource: fetchedSource(source, url),
    dataset,
    importId: null,
    queries: 1,
    unchangedAnswers: 0,
    cells: 1,
    rowsInserted: 1,
    rowsUpdated: 0,
    structure: [],
  });

const referenceValue = (source: string, indicator: string) =>
  `INSERT INTO reference_values VALUES ('${source}', '${indicator}', NULL, 'country', 'SSS', 2023, 'total', 1, NULL, NULL, 1, 1)`;

/** A network out of reach that notes every address asked of it. */
const offline = (): Fetcher & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    fetch: async (request) => {
      asked.push(request.url);
      throw new SourceUnreachable(request.url, 'getaddrinfo ENOTFOUND');
    },
  };
};

describe('the scheduled refresh of open data', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openSampleStore();
  });
  afterEach(() => store.close());

  it('fetches the population alone when the store was given nothing else from the source', async () => {
    expect(await refreshPlan(store)).toEqual([{ source: 'statfin-pxweb', dataset: 'population' }]);
  });

  it('fetches again each PxWeb table, WFS layer and Sotkanet indicator the store was given, not the demo’s', async () => {
    await logged(store, 'statfin-pxweb', 'projection', 'https://pxdata.stat.fi/x');
    await logged(store, 'statfin-wfs', 'municipalities-2025', 'https://geo.stat.fi/a');
    await logged(store, 'statfin-wfs', 'grid-2024', 'https://geo.stat.fi/b');
    await store.run(referenceValue('thl-sotkanet', '5513'));
    await store.run(referenceValue('thl-sotkanet', '171'));
    await store.run(referenceValue('thl-sotkanet-demo', '186'));
    const plan = await refreshPlan(store);
    expect(plan).toEqual(
      expect.arrayContaining([
        { source: 'statfin-pxweb', dataset: 'population' },
        { source: 'statfin-pxweb', dataset: 'projection' },
        // Logged without its scale (as before the log kept it): the default, 1:1 000 000.
        { source: 'statfin-wfs', kind: 'municipalities', year: 2025, scale: '1000k' },
        { source: 'statfin-wfs', kind: 'grid', year: 2024 },
        { source: 'thl-sotkanet', indicators: [171, 5513] },
      ]),
    );
    expect(plan).toHaveLength(5);
  });

  it('fetches a boundary layer again at the scale and year it was fetched at', async () => {
    await recordFetch(store, {
      fetchedSource: fetchedSource('statfin-wfs', 'https://geo.stat.fi/geoserver/wfs?service=WFS'),
      dataset: 'municipalities-2024',
      importId: null,
      queries: 1,
      unchangedAnswers: 0,
      cells: 1,
      rowsInserted: 1,
      rowsUpdated: 0,
      structure: [{ code: 'tilastointialueet:kunta4500k_2024', text: 'municipalities' }],
      parameters: { kind: 'municipalities', year: 2024, scale: '4500k' },
    });
    // Logged before the parameters were kept: the scale is read from the layer the address named.
    await logged(
      store,
      'statfin-wfs',
      'counties-2025',
      'https://geo.stat.fi/geoserver/wfs?service=WFS&typeNames=tilastointialueet%3Ahyvinvointialue4500k_2025',
    );
    const plan = await refreshPlan(store);
    expect(plan.filter((j) => j.source === 'statfin-wfs')).toEqual(
      expect.arrayContaining([
        { source: 'statfin-wfs', kind: 'municipalities', year: 2024, scale: '4500k' },
        { source: 'statfin-wfs', kind: 'counties', year: 2025, scale: '4500k' },
      ]),
    );
    const fetcher = offline();
    await expect(
      refreshOpenData(store, fetcher, { workDir: '/nonexistent' }, () => undefined),
    ).rejects.toThrow(/not refreshed/);
    const layers = fetcher.asked
      .filter((u) => u.includes('geo.stat.fi'))
      .map((u) => new URL(u).searchParams.get('typeNames'))
      .sort();
    expect(layers).toEqual([
      'tilastointialueet:hyvinvointialue4500k_2025',
      'tilastointialueet:kunta4500k_2024',
    ]);
  });

  it('tries every source when the network is out of reach, says which failed, and fails as a whole', async () => {
    await logged(store, 'statfin-wfs', 'counties-2025', 'https://geo.stat.fi/a');
    await store.run(referenceValue('thl-sotkanet', '5513'));
    const fetcher = offline();
    const lines: string[] = [];
    await expect(
      refreshOpenData(store, fetcher, { workDir: '/nonexistent' }, (line) => lines.push(line)),
    ).rejects.toThrow(/3 source\(s\) not refreshed/);
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.startsWith('open data refresh failed: '))).toBe(true);
    expect(lines.join('\n')).toMatch(/statfin-pxweb population: .*ENOTFOUND/);
    expect(lines.join('\n')).toMatch(/statfin-wfs counties-2025 \(1000k\): .*ENOTFOUND/);
    expect(lines.join('\n')).toMatch(/thl-sotkanet 5513: .*ENOTFOUND/);
    expect(fetcher.asked.some((u) => u.startsWith('https://pxdata.stat.fi/'))).toBe(true);
    expect(fetcher.asked.some((u) => u.includes('geo.stat.fi') && u.includes('hyvinvointialue'))).toBe(true);
    expect(fetcher.asked.some((u) => u.startsWith('https://sotkanet.fi/rest/1.1/indicators/5513'))).toBe(
      true,
    );
  });
});
