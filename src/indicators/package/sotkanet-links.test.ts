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

/** An id is known when the service answered for it: its metadata or its values were recorded. */
const isRecorded = (id: number, rows: readonly DataRow[], metadata: readonly number[]) =>
  metadata.includes(id) || rows.some((r) => r.indicator === id);

describe('built-in indicators linked to Sotkanet', () => {
  const rows = recordedRows();
  const metadata = recordedMetadataIds();
  const linked = builtInIndicators.filter((d) => d.sotkanetId !== undefined);

  it('name only ids the service is recorded answering for, each with a note in three languages', () => {
    expect(linked.map((d) => [d.id, d.sotkanetId])).toEqual([['home-care-clients-75-percent', 5513]]);
    for (const d of linked) {
      expect(isRecorded(d.sotkanetId as number, rows, metadata), d.id).toBe(true);
      for (const language of ['fi', 'sv', 'en'] as const)
        expect(d.sotkanetNote?.[language], `${d.id} ${language}`).toMatch(/5513/);
    }
    // The check itself tells an unrecorded id from a recorded one.
    expect(isRecorded(999_999, rows, metadata)).toBe(false);
    expect(isRecorded(186, rows, metadata)).toBe(true);
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
