import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openForecastTestStore } from '../../forecast/testing.js';
import { tempDir } from '../../importers/testing.js';
import { ForecastDemand } from '../../model/index.js';

// The command from its TypeScript sources, not a build that may be older than them.
const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      main,
      ...args,
    ]);
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
}, 120_000);

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
}

describe('soteatlas forecast', () => {
  it('prints the projection as JSON: every year balances births, deaths and net migration', async () => {
    const result = await run('forecast', '--variant', 'high-migration', '--to', '2032', '--db', db, '--json');
    expect(result.stderr).not.toMatch(/soteatlas:/);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as ProjectionJson;
    expect(parsed).toMatchObject({ variant: 'high-migration', baseYear: 2025 });
    expect(parsed.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032]);
    expect(parsed.years[0]).toMatchObject({ births: null, deaths: null, netMigration: null });
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
  }, 60_000);

  it('backtests from an earlier year and prints the MAPE overall and by age group; a bad year exits 1', async () => {
    const text = await run('forecast', '--backtest-from', '2019', '--db', db);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Backtest of base from 2019 to 2025: MAPE \d+\.\d %/);
    expect(text.stdout).toMatch(/^ {2}85\+ +\d+\.\d %/m);
    const bad = await run('forecast', '--backtest-from', 'soon', '--db', db);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--backtest-from must be a year/);
  }, 60_000);
});
