import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInIndicators, findIndicator } from './index.js';

/** The recorded answers of sotkanet.fi the connector's tests replay (their README says where each is from). */
const fixtures = new URL('../../connectors/sotkanet/fixtures/', import.meta.url);

interface DataRow {
  indicator: number;
  region: number;
  year: number;
  gender: string;
  value?: number;
  absValue?: number;
}

const recordedRows = (): DataRow[] =>
  readdirSync(fixtures)
    .filter((name) => name.startsWith('data-') && name.endsWith('.json'))
    .flatMap((name) => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as DataRow[]);

const recordedMetadataIds = (): number[] =>
  readdirSync(fixtures)
    .filter((name) => /^indicator-\d+\.json$/.test(name))
    .map((name) => (JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as { id: number }).id);

/** A page that names a Sotkanet id with its Finnish title (the README says why each is or is not linked). */
interface PublishedTitle {
  id: number;
  title: string;
  source: string;
  cites: string;
}

const publishedTitles = (): PublishedTitle[] =>
  JSON.parse(readFileSync(new URL('published-titles.json', fixtures), 'utf8')) as PublishedTitle[];

/**
 * An id is known when the service answered for it (its metadata or its values were recorded) or when a
 * published page ties it to its title.
 */
const isEvidenced = (
  id: number,
  rows: readonly DataRow[],
  metadata: readonly number[],
  published: readonly PublishedTitle[],
) => metadata.includes(id) || rows.some((r) => r.indicator === id) || published.some((p) => p.id === id);

describe('built-in indicators linked to Sotkanet', () => {
  const rows = recordedRows();
  const metadata = recordedMetadataIds();
  const published = publishedTitles();
  const linked = builtInIndicators.filter((d) => d.sotkanetId !== undefined);

  it('name only ids a recorded answer or a published page ties to them, each with a note in three languages', () => {
    expect(linked.map((d) => [d.id, d.sotkanetId])).toEqual([
      ['net-cost-specialised-per-resident', 1071],
      ['home-care-clients-75-percent', 5513],
    ]);
    for (const d of linked) {
      expect(isEvidenced(d.sotkanetId as number, rows, metadata, published), d.id).toBe(true);
      for (const language of ['fi', 'sv', 'en'] as const)
        expect(d.sotkanetNote?.[language], `${d.id} ${language}`).toContain(`Sotkanet ${d.sotkanetId}`);
    }
    // The check itself tells an unknown id from a recorded or a published one.
    expect(isEvidenced(999_999, rows, metadata, published)).toBe(false);
    expect(isEvidenced(186, rows, metadata, [])).toBe(true);
    expect(isEvidenced(1071, rows, metadata, [])).toBe(false);
    expect(isEvidenced(1071, rows, metadata, published)).toBe(true);
  });

  it('every published id is quoted with its title and page, and names a different indicator', () => {
    expect(published.length).toBeGreaterThan(0);
    for (const p of published) {
      expect(p.title.length, String(p.id)).toBeGreaterThan(10);
      expect(p.source, String(p.id)).toMatch(/^https?:\/\//);
      expect(p.cites, String(p.id)).toMatch(/^Sotkanet \d{1,2}\.\d{1,2}\.\d{4}$/);
    }
    expect(new Set(published.map((p) => p.id)).size).toBe(published.length);
  });

  it('1071 is a net cost per resident of all ages, as the built-in: its title says euros per resident', () => {
    const title = published.find((p) => p.id === 1071)?.title;
    expect(title).toBe('Erikoissairaanhoidon nettokustannukset, euroa / asukas');
    const definition = findIndicator('net-cost-specialised-per-resident');
    expect(definition?.numerator.source).toBe('netCost');
    expect(definition?.numerator).toMatchObject({ serviceClasses: ['SPC', 'EMC'] });
    // Per resident of every age (0 to the open-ended 100+), unscaled: € per one resident.
    expect(definition?.denominator).toEqual({ source: 'population', ageFrom: 0, ageTo: 100 });
    expect(definition?.perN).toBe(1);
    expect(definition?.unit.fi).toBe('€ / asukas');
    // The note says what THL's figure has that the built-in has not.
    expect(definition?.sotkanetNote?.fi).toMatch(/psykiatri/);
    expect(definition?.sotkanetNote?.en).toMatch(/psychiatr/);
  });

  it('5513 is a share of residents aged 75+, as the built-in: its count over its value is indicator 171’s count', () => {
    // 171 is residents aged 75+ as % of all residents (127): its count is the 75+ population.
    const population = (region: number, year: number) =>
      rows.find((r) => r.indicator === 127 && r.region === region && r.year === year)?.value;
    const aged75 = rows.filter((r) => r.indicator === 171 && r.year === 2023);
    expect(aged75.length).toBeGreaterThanOrEqual(5);
    for (const r of aged75) {
      const all = population(r.region, 2023);
      if (all !== undefined)
        expect(Math.round(((r.absValue as number) / all) * 1000) / 10, `region ${r.region}`).toBe(r.value);
    }
    const homeCare = rows.filter((r) => r.indicator === 5513);
    expect(homeCare).toHaveLength(5);
    for (const r of homeCare) {
      const residents75 = aged75.find((a) => a.region === r.region)?.absValue as number;
      expect(residents75, `region ${r.region}`).toBeGreaterThan(0);
      // Sotkanet rounds to one decimal: the recorded value is the count over the 75+ residents.
      expect(Math.round(((r.absValue as number) / residents75) * 1000) / 10, `region ${r.region}`).toBe(
        r.value,
      );
    }
    const definition = findIndicator('home-care-clients-75-percent');
    expect(definition?.denominator).toMatchObject({ source: 'population', ageFrom: 75 });
    expect(definition?.perN).toBe(100);
  });
});
