import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openForecastTestStore } from '../../forecast/testing.js';
import { tempDir } from '../../importers/testing.js';
import { ForecastDemand } from '../../model/index.js';
import { parseBy } from './forecast.js';

// The command from its TypeScript sources, not a build that may be older than them.
const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', main, ...args],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

const dir = tempDir();
const db = join(dir, 'forecast.duckdb');

// The small demo county of the forecast tests (population 2015–2025), written to a file the command opens.
beforeAll(async () => {
  const store = await openForecastTestStore();
  await store.run(`ATTACH '${db}' AS target`);
  await store.run('COPY FROM DATABASE memory TO target');
  await store.run('DETACH target');
  store.close();
});

interface ProjectionJson {
  variant: string;
  baseYear: number;
  years: {
    year: number;
    total: number;
    births: number | null;
    deaths: number | null;
    netMigration: number | null;
  }[];
  demand: unknown;
  basis: { historyYears: number; warnings: string[] } | null;
  by?: string[];
  rows?: { year: number; observed: boolean; municipality: string; sex: string; age: number; count: number }[];
}

describe('soteatlas forecast', () => {
  it('prints the projection as JSON, by age, sex and municipality: every year balances births, deaths and net migration', async () => {
    const result = await run(
      'forecast',
      '--variant',
      'high-migration',
      '--to',
      '2032',
      '--db',
      db,
      '--json',
      '--by',
      'age,sex,municipality',
    );
    expect(result.stderr).not.toMatch(/soteatlas:/);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as ProjectionJson;
    expect(parsed).toMatchObject({ variant: 'high-migration', baseYear: 2025 });
    expect(parsed.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032]);
    expect(parsed.years[0]).toMatchObject({ births: null, deaths: null, netMigration: null });
    expect(parsed.basis?.historyYears).toBe(10);
    expect(parsed.by).toEqual(['age', 'sex', 'municipality']);
    const rows = parsed.rows ?? [];
    const municipalities = new Set(rows.map((r) => r.municipality));
    // Every year: each municipality × 2 sexes × 101 ages, adding up to the year's total.
    for (const y of parsed.years) {
      const ofYear = rows.filter((r) => r.year === y.year);
      expect(ofYear).toHaveLength(municipalities.size * 2 * 101);
      expect(Math.abs(ofYear.reduce((a, r) => a + r.count, 0) - y.total)).toBeLessThan(1e-6 * y.total);
      expect(ofYear.every((r) => r.observed === y.year <= 2025)).toBe(true);
    }
    for (let i = 1; i < parsed.years.length; i++) {
      const [before, now] = [parsed.years[i - 1], parsed.years[i]];
      if (!before || !now) throw new Error('missing year');
      expect(now.births).toBeGreaterThan(0);
      expect(now.deaths).toBeGreaterThan(0);
      // P(t+1) = P(t) + births − deaths + net migration, to rounding of the floating sums.
      const balance = before.total + (now.births ?? 0) - (now.deaths ?? 0) + (now.netMigration ?? 0);
      expect(Math.abs(now.total - balance)).toBeLessThan(1e-6 * now.total);
    }
    // High migration brings 0.3 % of the population a year on top of the trend: net migration positive.
    expect(parsed.years.slice(1).every((y) => (y.netMigration ?? 0) > 0)).toBe(true);
    const demand = ForecastDemand.parse(parsed.demand);
    expect(demand).toMatchObject({ year: 2032, areaLevel: 'county', variant: 'high-migration' });
    expect(demand.rows.length).toBeGreaterThan(0);
  });

  it('backtests from an earlier year and prints the MAPE overall and by age group; a bad year exits 1', async () => {
    const text = await run('forecast', '--backtest-from', '2019', '--db', db);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Backtest of base from 2019 to 2025: MAPE \d+\.\d %/);
    expect(text.stdout).toMatch(/^ {2}85\+ +\d+\.\d %/m);
    // Beside a constant population, year by year ahead; the rates' basis stated.
    expect(text.stdout).toMatch(/const\.MAPE/);
    expect(text.stdout).toMatch(/no official projection from this base year/);
    expect(text.stdout).toMatch(/^ {2}\+1 +2020 /m);
    expect(text.stdout).toMatch(/Rates rest on 4 year\(s\) of history from 2015 to 2019/);
    expect(text.stdout).toMatch(/Warning: Only 4 years of history before 2019/);

    const bad = await run('forecast', '--backtest-from', 'soon', '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--backtest-from must be a year/);
  });

  it('takes --by as any of age, sex and municipality, and nothing else', () => {
    expect(parseBy('municipality, age,age')).toEqual(['municipality', 'age']);
    expect(() => parseBy('age,height')).toThrow('--by takes age, sex, municipality, not "height"');
  });
});
