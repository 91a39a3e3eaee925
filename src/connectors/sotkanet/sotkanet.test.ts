import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { seededStore } from '../../importers/testing.js';
import { listReferenceIndicators } from '../../indicators/index.js';
import type { Store } from '../../store/index.js';
import { storeFailingOn, tableContents } from '../../store/testing.js';
import { SourceRefused, SourceUnreachable } from '../fetcher.js';
import { SotkanetRegion } from './answers.js';
import { fetchSotkanet } from './fetch.js';
import { offline, recordedRegions, recordedSotkanet } from './recorded.fixture.js';
import { areaOfRegion } from './regions.js';
import { sotkanetAnswersFromFiles } from './replay.js';
import { splitQuery } from './split.js';
import { importReferenceValues } from './store-values.js';

let open: Store[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

const fixturePath = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

describe('Sotkanet metadata', () => {
  it("reads an indicator's titles in three languages, its years, unit and the areas THL publishes it for", async () => {
    const fetcher = recordedSotkanet();
    const result = await fetchSotkanet(fetcher, { indicators: [186, 3336], years: [] });
    const [mortality, waiting] = result.indicators;
    expect(mortality?.title).toEqual({
      fi: 'Kuolleisuus / 100 000 asukasta',
      en: 'Mortality per 100 000 inhabitants',
      sv: 'Dödlighet / 100 000 invånare',
    });
    expect(mortality?.range).toEqual({ start: 1990, end: 2024 });
    expect(mortality?.primaryValueType?.code).toBe('PER100000');
    expect(waiting?.classifications?.region?.values).toEqual(['Maa']);
    expect(fetcher.asked).toEqual([
      'https://sotkanet.fi/rest/1.1/indicators/186',
      'https://sotkanet.fi/rest/1.1/indicators/3336',
      'https://sotkanet.fi/rest/1.1/regions',
    ]);
  });

  it("maps Sotkanet's regions to Statistics Finland's codes: municipalities, the 23 counties, the country", () => {
    const regions = recordedRegions().map((r) => SotkanetRegion.parse(r));
    const mapped = regions.map((r) => [r.id, areaOfRegion(r)?.areaLevel, areaOfRegion(r)?.areaCode]);
    expect(mapped).toContainEqual([46, 'municipality', '091']);
    expect(mapped).toContainEqual([960, 'county', '90']);
    expect(mapped).toContainEqual([961, 'county', '01']);
    expect(mapped).toContainEqual([956, 'county', '91']);
    expect(mapped).toContainEqual([658, 'country', 'SSS']);
    // Regions (maakunta) are not part of the county's hierarchy.
    expect(mapped).toContainEqual([488, undefined, undefined]);
    expect(mapped.filter(([, level]) => level === 'county')).toHaveLength(23);
  });
});

describe('Sotkanet values', () => {
  it('fetches one indicator per request and imports the values with their counts', async () => {
    const fetcher = recordedSotkanet();
    const result = await fetchSotkanet(fetcher, {
      indicators: [127, 171],
      years: [2019, 2023],
      genders: ['total'],
      yearsPerRequest: 2,
      withMetadata: false,
    });
    expect(fetcher.asked.slice(1)).toEqual([
      'https://sotkanet.fi/rest/1.1/json?indicator=127&years=2019&years=2023&genders=total',
      'https://sotkanet.fi/rest/1.1/json?indicator=171&years=2019&years=2023&genders=total',
    ]);
    expect(result.requests).toBe(3);
    expect(result.values).toHaveLength(20);
    expect(result.fetchedSource).toMatchObject({ source: 'thl-sotkanet', licence: 'CC BY 4.0' });
  });

  it('splits a long history into requests of a few years and replays saved answers (--from-file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sotkanet-'));
    const regionsFile = join(dir, 'regions.json');
    writeFileSync(regionsFile, JSON.stringify(recordedRegions()));
    const fetcher = await sotkanetAnswersFromFiles([regionsFile, fixturePath('data-127-2019-2023.json')]);
    const asked: string[] = [];
    const result = await fetchSotkanet(
      {
        fetch: (r) => {
          asked.push(r.url);
          return fetcher.fetch(r);
        },
      },
      { indicators: [127], years: [2023, 2019], genders: ['total'], yearsPerRequest: 1, withMetadata: false },
    );
    expect(asked.slice(1)).toEqual([
      'https://sotkanet.fi/rest/1.1/json?indicator=127&years=2019&genders=total',
      'https://sotkanet.fi/rest/1.1/json?indicator=127&years=2023&genders=total',
    ]);
    expect(result.values).toHaveLength(10);
    expect(result.values).toContainEqual({
      referenceSource: 'thl-sotkanet',
      indicatorId: '127',
      areaLevel: 'municipality',
      areaCode: '091',
      year: 2023,
      sex: 'total',
      value: 674500,
    });
  });

  it('asks every indicator and year exactly once, never more years in one request than allowed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 6000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 1990, max: 2030 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (indicators, years, per) => {
          const queries = splitQuery(indicators, years, per);
          const asked = queries.flatMap((q) => q.years.map((y) => `${q.indicator}:${y}`));
          const expected = indicators.flatMap((i) => [...new Set(years)].map((y) => `${i}:${y}`));
          expect(asked.sort()).toEqual(expected.sort());
          for (const q of queries) expect(q.years.length).toBeLessThanOrEqual(per);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('imports fetched values through the import pipeline: Helsinki 8.6 with 57 877 in 2023', async () => {
    const { store } = await seededStore();
    open.push(store);
    const result = await fetchSotkanet(recordedSotkanet(), {
      indicators: [171],
      years: [2019, 2023],
      genders: ['total'],
      withMetadata: false,
    });
    const summary = await importReferenceValues(store, result.values);
    expect(summary).toMatchObject({
      kind: 'referenceValues',
      source: 'thl-sotkanet',
      rowsRead: 10,
      rowsAccepted: 10,
    });
    expect(
      await store.all(
        `SELECT value, absolute_value FROM reference_values WHERE area_code = '091' AND year = 2023 AND indicator_id = '171'`,
      ),
    ).toEqual([{ value: 8.6, absolute_value: 57877 }]);
  });
});

describe('Sotkanet titles in three languages', () => {
  it("keeps the recorded metadata's Finnish, Swedish and English titles with the values, and lists them", async () => {
    const { store } = await seededStore();
    open.push(store);
    // The metadata is THL's recorded answer; the one value is made up, as no answer of 186's values was
    // recorded: it only gives the title something to stand beside.
    const fetcher = recordedSotkanet({
      'https://sotkanet.fi/rest/1.1/json?indicator=186&years=2023&genders=total': {
        status: 200,
        body: JSON.stringify([{ indicator: 186, region: 46, year: 2023, gender: 'total', value: 801.5 }]),
      },
    });
    const fetched = await fetchSotkanet(fetcher, { indicators: [186], years: [2023], genders: ['total'] });
    const summary = await importReferenceValues(store, fetched.values, {
      fetchedSource: fetched.fetchedSource,
      indicators: fetched.indicators,
    });
    expect(summary).toMatchObject({ rowsAccepted: 1, rowsRejected: 0 });
    expect(await store.all(`SELECT * FROM reference_indicators`)).toEqual([
      {
        reference_source: 'thl-sotkanet',
        indicator_id: '186',
        title_fi: 'Kuolleisuus / 100 000 asukasta',
        title_sv: 'Dödlighet / 100 000 invånare',
        title_en: 'Mortality per 100 000 inhabitants',
        data_updated: '2025-04-29',
        fetched_at: '2026-06-12T10:00:00.000Z',
      },
    ]);
    const [listed] = await listReferenceIndicators(store);
    expect(listed).toMatchObject({
      indicatorId: '186',
      indicatorTitle: 'Kuolleisuus / 100 000 asukasta',
      indicatorTitles: {
        fi: 'Kuolleisuus / 100 000 asukasta',
        sv: 'Dödlighet / 100 000 invånare',
        en: 'Mortality per 100 000 inhabitants',
      },
    });
    // A fetch again replaces the titles rather than adding a second row; a dry run keeps none.
    await importReferenceValues(store, fetched.values, { indicators: fetched.indicators });
    await importReferenceValues(store, fetched.values, {
      dryRun: true,
      indicators: [{ ...fetched.indicators[0], id: 3336, title: { fi: 'x' } } as never],
    });
    expect(await store.all(`SELECT count(*)::INTEGER AS n FROM reference_indicators`)).toEqual([{ n: 1 }]);
  });

  it('keeps the values and their titles in one transaction: a crash while the titles are written stores neither', async () => {
    const { store } = await seededStore();
    open.push(store);
    const fetcher = recordedSotkanet({
      'https://sotkanet.fi/rest/1.1/json?indicator=186&years=2023&genders=total': {
        status: 200,
        body: JSON.stringify([{ indicator: 186, region: 46, year: 2023, gender: 'total', value: 801.5 }]),
      },
    });
    const fetched = await fetchSotkanet(fetcher, { indicators: [186], years: [2023], genders: ['total'] });
    const tables = ['reference_values', 'reference_indicators', 'imports', 'rejects'];
    const before = await tableContents(store, tables);
    await expect(
      importReferenceValues(storeFailingOn(store, /INTO reference_indicators/), fetched.values, {
        fetchedSource: fetched.fetchedSource,
        indicators: fetched.indicators,
      }),
    ).rejects.toThrow(/injected failure/);
    expect(await tableContents(store, tables)).toEqual(before);
    // A failure in the values' own writing keeps no titles either.
    await expect(
      importReferenceValues(storeFailingOn(store, /INSERT INTO imports/), fetched.values, {
        fetchedSource: fetched.fetchedSource,
        indicators: fetched.indicators,
      }),
    ).rejects.toThrow(/injected failure/);
    expect(await tableContents(store, tables)).toEqual(before);
  });

  it('keeps no titles for values a demonstration file or a person imported: the stored title stands as Finnish', async () => {
    const { store } = await seededStore();
    open.push(store);
    await importReferenceValues(store, [
      {
        referenceSource: 'thl-sotkanet',
        indicatorId: '171',
        indicatorTitle: 'Väestö 75 vuotta täyttäneet',
        areaLevel: 'country',
        areaCode: 'SSS',
        year: 2023,
        sex: 'total',
        value: 10.4,
      },
    ]);
    const [listed] = await listReferenceIndicators(store);
    expect(listed?.indicatorTitles).toEqual({ fi: 'Väestö 75 vuotta täyttäneet', sv: null, en: null });
  });
});

describe('Sotkanet failures', () => {
  it("keeps the service's error answer for the user", async () => {
    const fetcher = recordedSotkanet({
      'https://sotkanet.fi/rest/1.1/regions': { status: 403, body: 'Forbidden' },
    });
    const failure = fetchSotkanet(fetcher, { indicators: [186], years: [2024] });
    await expect(failure).rejects.toBeInstanceOf(SourceRefused);
    await expect(failure).rejects.toMatchObject({ status: 403, detail: 'Forbidden' });
  });

  it('refuses an answer that is not what Sotkanet gives (a proxy page)', async () => {
    const fetcher = recordedSotkanet({
      'https://sotkanet.fi/rest/1.1/regions': { status: 200, body: '<html>Access denied</html>' },
    });
    await expect(fetchSotkanet(fetcher, { indicators: [186], years: [2024] })).rejects.toThrow(/not JSON/);
  });

  it('says plainly when the service cannot be reached, and stores nothing', async () => {
    const { store } = await seededStore();
    open.push(store);
    const before = await store.all(`SELECT count(*)::INTEGER AS n FROM imports`);
    await expect(fetchSotkanet(offline, { indicators: [186] })).rejects.toBeInstanceOf(SourceUnreachable);
    await expect(fetchSotkanet(offline, { indicators: [186] })).rejects.toThrow(/could not be reached/);
    expect(await store.all(`SELECT count(*)::INTEGER AS n FROM imports`)).toEqual(before);
  });
});
