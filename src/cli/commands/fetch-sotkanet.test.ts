import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { SourceUnreachable } from '../../connectors/index.js';
import { openStore } from '../../store/index.js';
import { addFetchSotkanet, runFetchSotkanet } from './fetch-sotkanet.js';

const recorded = (name: string) =>
  new URL(`../../connectors/sotkanet/fixtures/${name}`, import.meta.url).pathname;

/** The saved `/regions` answer: the recorded municipalities and Helsinki's county (region 960, code 90). */
const regionsFile = (dir: string) => {
  const file = join(dir, 'regions.json');
  writeFileSync(
    file,
    JSON.stringify([
      { id: 46, code: '091', category: 'KUNTA', title: { fi: 'Helsinki' } },
      { id: 20, code: '049', category: 'KUNTA', title: { fi: 'Espoo' } },
      { id: 960, code: '90', category: 'HYVINVOINTIALUE', title: { fi: 'Helsingin kaupunki' } },
    ]),
  );
  return file;
};

describe('soteatlas fetch sotkanet', () => {
  it('replays saved answers (--from-file) into reference values, with the source and licence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fetch-sotkanet-'));
    const db = join(dir, 'store.duckdb');
    const result = await runFetchSotkanet(
      {
        db,
        indicators: [171],
        years: [2023],
        genders: ['total'],
        fromFile: [regionsFile(dir), recorded('data-171-2019-2023.json'), recorded('indicator-186.json')],
      },
      undefined,
    );
    // 2023 has five rows; Oulu, Tampere and Turku are not in this regions answer.
    expect(result).toMatchObject({ requests: 2, values: 2, otherRegionRows: 3 });
    expect(result.source).toMatchObject({
      source: 'thl-sotkanet',
      attribution: 'Source: THL, Sotkanet.fi, CC BY 4.0',
    });
    expect(result.import).toMatchObject({ rowsRead: 2, rowsAccepted: 2, rowsRejected: 0 });
    const store = await openStore(db);
    try {
      expect(await store.all(`SELECT area_code, value FROM reference_values ORDER BY area_code`)).toEqual([
        { area_code: '049', value: 7.2 },
        { area_code: '091', value: 8.6 },
      ]);
    } finally {
      store.close();
    }
  });

  it('says the service cannot be reached when there is no way to it, before touching the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fetch-sotkanet-'));
    await expect(
      runFetchSotkanet({ db: join(dir, 'store.duckdb'), indicators: [171] }, undefined),
    ).rejects.toBeInstanceOf(SourceUnreachable);
  });

  it('registers under the fetch group with its options', () => {
    const fetch = new Command('fetch');
    const sub = addFetchSotkanet(fetch);
    expect(sub.name()).toBe('sotkanet');
    expect(sub.options.map((o) => o.long)).toEqual(
      expect.arrayContaining(['--indicator', '--years', '--from-file', '--db', '--dry-run']),
    );
  });
});
