import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../importers/index.js';
import { tempDir, writeText } from '../../importers/testing.js';
import { openStore } from '../../store/index.js';
import { fetchCommand, parseYears, registerFetch, runFetchPxWeb, runFetchSources } from './fetch.js';

const replay = fileURLToPath(new URL('../../connectors/pxweb/fixtures/replay', import.meta.url));

const captured = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
};

const dirs: string[] = [];
afterEach(() => void dirs.splice(0));

const storeWithAreas = async () => {
  const dir = tempDir();
  dirs.push(dir);
  const db = join(dir, 'county.duckdb');
  const store = await openStore(db);
  await importFile(store, {
    file: writeText(dir, 'areas.csv', [
      'taso;koodi;nimi;ylempi_alue;voimassa_alkaen',
      'kunta;049;Espoo;;2020',
      'kunta;091;Helsinki;;2020',
    ]),
    kind: 'areas',
  });
  store.close();
  return { db, cache: join(dir, 'cache') };
};

describe('soteatlas fetch pxweb --from-file', () => {
  it('replays recorded answers into the store and lists the fetch under fetch sources', async () => {
    const { db, cache } = await storeWithAreas();
    const run = captured();
    const code = await runFetchPxWeb('population', { db, cache, fromFile: replay, years: '2025' }, run.io);
    expect(run.err).toEqual([]);
    expect(code).toBe(0);
    const result = JSON.parse(run.out[0] ?? '{}');
    expect(result).toMatchObject({
      table: '11re',
      cells: 404,
      queries: 1,
      unchangedAnswers: 1,
      import: { rowsAccepted: 404, rowsRejected: 0 },
    });
    const sources = captured();
    expect(await runFetchSources({ db }, sources.io)).toBe(0);
    expect(sources.out.map((l) => JSON.parse(l))).toMatchObject([
      {
        source: 'statfin-pxweb',
        dataset: 'population',
        url: 'https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin/vaerak/11re.px',
        licence: 'CC BY 4.0',
        fetchedAt: '2026-06-10T08:00:00.000Z',
        changes: ['first fetch', '404 rows added', 'the service confirmed every answer unchanged'],
      },
    ]);
  });

  it('says plainly what it could not reach, and exits 3', async () => {
    const { db, cache } = await storeWithAreas();
    const dir = tempDir();
    const index = writeText(dir, 'recordings.json', '[]');
    const run = captured();
    expect(await runFetchPxWeb('population', { db, cache, fromFile: index }, run.io)).toBe(3);
    expect(run.err[0]).toMatch(
      /^https:\/\/pxdata\.stat\.fi\/.*could not be reached: offline: no recorded answer/,
    );
  });

  it('names the tables it knows when asked for another', async () => {
    const { db, cache } = await storeWithAreas();
    const run = captured();
    expect(await runFetchPxWeb('migration', { db, cache }, run.io)).toBe(1);
    expect(run.err).toEqual(['unknown table "migration"; use one of population, projection, languages']);
  });
});

describe('the fetch command', () => {
  it('is one command that each source adds its subcommand to', () => {
    const program = new Command();
    registerFetch(program);
    fetchCommand(program).command('another');
    expect(program.commands.map((c) => c.name())).toEqual(['fetch']);
    expect(fetchCommand(program).commands.map((c) => c.name())).toEqual([
      'sotkanet',
      'pxweb',
      'wfs',
      'sources',
      'another',
    ]);
  });

  it('reads years as a range or a list', () => {
    expect(parseYears('2021-2024')).toEqual([2021, 2022, 2023, 2024]);
    expect(parseYears('2023, 2025')).toEqual([2023, 2025]);
    expect(parseYears(undefined)).toBeUndefined();
  });
});
