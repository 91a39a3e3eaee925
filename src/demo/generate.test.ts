import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { findIdentityCodes, isValidBusinessId } from '../model/index.js';
import { loadServiceClasses } from '../store/index.js';
import { type DemoManifest, generateDemoCounty } from './index.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'demo-county-'));
const options = { seed: 7, population: 5_000, years: 2 };
const dir = freshDir();
const progress: [number, number, string][] = [];
const manifestPromise = generateDemoCounty({
  ...options,
  outDir: dir,
  onProgress: (...report) => progress.push(report),
});

const hashes = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(folder, name)))
          .digest('hex'),
      ]),
  );
const text = (name: string, encoding: 'utf-8' | 'windows-1252' = 'utf-8') =>
  new TextDecoder(encoding).decode(readFileSync(join(dir, name)));
const rows = (name: string, encoding: 'utf-8' | 'windows-1252' = 'utf-8', delimiter = ';') =>
  text(name, encoding)
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    // An id quoted because it holds the delimiter is the only quoting the demo files use.
    .map((line) => line.replace(/^"[^"]*"/, 'quoted-id').split(delimiter));
const number = (value: string | undefined) => Number((value ?? '').replace(',', '.'));

describe('generateDemoCounty', () => {
  let manifest: DemoManifest;

  it('lists its files in import order, areas first and costs last', async () => {
    manifest = await manifestPromise;
    const order = [
      'areas',
      'population',
      'populationLanguages',
      'producers',
      'units',
      'events',
      'costs',
      'referenceValues',
      'contracts',
      'contractOptions',
      'qualityRequirements',
      'invoices',
      'voucherValues',
      'voucherApprovals',
      'inspections',
      'findings',
      'complaints',
    ];
    const kinds = manifest.files.map((f) => order.indexOf(f.kind));
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
    expect(manifest.files.map((f) => f.path)).toEqual([
      'areas.csv',
      'municipalities.geojson',
      'population-municipalities.json',
      'population-grid.csv',
      'population-languages.csv',
      'producers.xlsx',
      'units.geojson',
      'events-2024.csv',
      'events-2025.csv',
      'events-nordica-2025.csv',
      'costs.csv',
      'reference-values-demo.csv',
      'contracts.csv',
      'contract-options.csv',
      'quality-requirements.csv',
      'invoices.csv',
      'voucher-values.csv',
      'voucher-approvals.csv',
      'inspections.csv',
      'findings.csv',
      'complaints.csv',
    ]);
    expect(manifest.years).toEqual([2024, 2025]);
    expect(manifest.populationYears[0]).toBe(2015);
    expect(Math.abs(manifest.residents - 5_000)).toBeLessThan(250);
    expect(JSON.parse(text('manifest.json'))).toEqual(manifest);
  });

  it('writes byte-identical files for the same seed', async () => {
    const again = freshDir();
    await generateDemoCounty({ ...options, outDir: again });
    expect(hashes(again)).toEqual(hashes(dir));
  });

  it('draws about six events per resident a year', () => {
    expect(manifest.events / (manifest.residents * 2)).toBeGreaterThan(4.5);
    expect(manifest.events / (manifest.residents * 2)).toBeLessThan(8);
  });

  it('versions the hierarchy: cells of the merged municipalities have a row for each period', () => {
    expect([...readFileSync(join(dir, 'areas.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text('areas.csv').split('\n')[0]).toBe(
      'taso;koodi;nimi;nimi_sv;ylempi_alue;voimassa_alkaen;voimassa_asti;x;y',
    );
    const lines = rows('areas.csv');
    expect(lines.find((r) => r[1] === '969')).toEqual(expect.arrayContaining(['kunta', '2015', '2023']));
    expect(lines.find((r) => r[1] === '971')?.slice(0, 7)).toEqual([
      'kunta',
      '971',
      'Haukijärvi',
      'Gäddträsk',
      '99',
      '2024',
      '',
    ]);
    const cellsOf = (parent: string) =>
      new Set(lines.filter((r) => r[0] === 'ruutu' && r[4] === parent).map((r) => r[1]));
    const merged = cellsOf('971');
    expect(merged.size).toBeGreaterThan(0);
    expect(new Set([...cellsOf('969'), ...cellsOf('970')])).toEqual(merged);
  });

  it('adds grid cells up to the municipalities, for every year, age and sex', () => {
    const jsonStat = JSON.parse(text('population-municipalities.json'));
    const parentOf = new Map<string, string>();
    for (const r of rows('areas.csv')) {
      if (r[0] === 'ruutu') parentOf.set(`${r[1]}/${r[5]}`, r[4] ?? '');
    }
    const sums = new Map<string, number>();
    for (const [cell, year, age, sex, count] of rows('population-grid.csv', 'windows-1252')) {
      const parent = parentOf.get(
        `${cell}/${Number(year) >= 2024 && parentOf.has(`${cell}/2024`) ? 2024 : 2015}`,
      );
      const key = `KU${parent}/${year}/${sex}/${age === '100' ? '100-' : age}`;
      sums.set(key, (sums.get(key) ?? 0) + Number(count));
    }
    const at = (area: string, year: string, sex: string, age: string) => {
      const idx = [area, year, sex, age, 'vaesto'].map(
        (code, d) => jsonStat.dimension[jsonStat.id[d]].category.index[code],
      );
      return jsonStat.value[
        idx.reduce((offset: number, i: number, d: number) => offset * jsonStat.size[d] + i, 0)
      ];
    };
    let compared = 0;
    for (const area of Object.keys(jsonStat.dimension.Alue.category.index).filter((a) => a !== 'SSS')) {
      for (const year of ['2024', '2025']) {
        for (const sex of ['1', '2']) {
          for (const age of [...Array.from({ length: 100 }, (_, a) => String(a)), '100-']) {
            const expected = at(area, year, sex, age);
            expect(sums.get(`${area}/${year}/${sex}/${age}`) ?? (expected === null ? null : 0)).toBe(
              expected,
            );
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(21 * 2 * 2 * 101);
  });

  it('writes event files in the encodings of their years, with Finnish codes, and costs from the events', () => {
    expect([...readFileSync(join(dir, 'events-2024.csv')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const bytes2025 = readFileSync(join(dir, 'events-2025.csv'));
    expect(bytes2025.some((b) => b >= 0x80 && b < 0xa0)).toBe(false);
    const sample = rows('events-2025.csv', 'windows-1252').slice(0, 200);
    expect(sample.every((r) => /^\d{1,2}\.\d{1,2}\.2025$/.test(r[1] ?? ''))).toBe(true);
    expect(new Set(sample.map((r) => r[9]))).toEqual(new Set(['vastaanotto', 'etä', 'digi']));
    const classes = new Set(loadServiceClasses().map((c) => c.code));
    const costByKey = new Map<string, number>();
    for (const [file, encoding] of [
      ['events-2024.csv', 'utf-8'],
      ['events-2025.csv', 'windows-1252'],
    ] as const) {
      const all = rows(file, encoding);
      const valid = all.filter(
        (r) =>
          r.length === 15 &&
          r[6] !== 'LAB' &&
          r[4] !== '130' &&
          !/^(20\d\d-13-05|5\.13\.20\d\d)$/.test(r[1] ?? '') &&
          r[2] !== '999' &&
          !r[12]?.startsWith('-'),
      );
      for (const r of valid) {
        expect(classes.has(r[6] ?? '')).toBe(true);
        const key = `${r[2]}/${file.slice(7, 11)}/${r[6]}`;
        costByKey.set(key, (costByKey.get(key) ?? 0) + number(r[12]));
      }
    }
    for (const r of rows('events-nordica-2025.csv', 'utf-8', ',')) {
      const key = `${r[2]}/2025/${r[6]}`;
      costByKey.set(key, (costByKey.get(key) ?? 0) + number(r[12]));
    }
    const costs = rows('costs.csv', 'windows-1252');
    expect(text('costs.csv', 'windows-1252').split('\n')[0]).toBe(
      'alue;vuosi;palveluluokka;nettokäyttökustannukset',
    );
    let checked = 0;
    for (const [area, year, serviceClass, net] of costs) {
      const events = costByKey.get(`${area}/${year}/${serviceClass}`) ?? 0;
      if (events < 1000) continue;
      expect(number(net) / events).toBeGreaterThan(1.05);
      expect(number(net) / events).toBeLessThan(1.15);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('spoils a small share of event rows, of every kind, and says how many', () => {
    for (const file of manifest.files.filter((f) => f.kind === 'events' && !f.mapping)) {
      const share = (file.invalidRows ?? 0) / (file.rows ?? 1);
      expect(share, file.path).toBeGreaterThan(0.0007);
      expect(share, file.path).toBeLessThan(0.003);
      const content = text(file.path, file.encoding);
      expect(content).toContain('\n\n');
      expect(content).toMatch(/\n"E20\d\d-\d+;A";/);
      expect(content).toMatch(/;LAB;/);
      expect(content).toMatch(/;130;[12];/);
      expect(content).toMatch(/;-\d+,\d\d;/);
      expect(content).toMatch(/;999;/);
      expect(content).toMatch(/;(20\d\d-13-05|5\.13\.20\d\d);/);
    }
  });

  it('never writes anything that reads as a personal identity code', () => {
    for (const file of manifest.files.filter((f) => f.format === 'csv')) {
      expect(findIdentityCodes(text(file.path, file.encoding)), file.path).toEqual([]);
    }
  });

  it("maps the producer's own headers to the importer's field names", () => {
    const producerFile = manifest.files.find((f) => f.mapping);
    const mapping = parseYaml(text(producerFile?.mapping ?? '')) as {
      source: string;
      columns: Record<string, string>;
    };
    expect(mapping.source).toBe('Kuntoutus Nordica Ab');
    expect(Object.keys(mapping.columns)).toEqual([
      'sourceId',
      'date',
      'municipalityCode',
      'gridCellCode',
      'age',
      'sex',
      'serviceClass',
      'unitCode',
      'producerCode',
      'channel',
      'kind',
      'quantity',
      'costEuros',
      'clientKey',
    ]);
    expect(text(producerFile?.path ?? '').split('\n')[0]).toBe(Object.values(mapping.columns).join(','));
  });

  it('registers producers of every kind in a workbook, and units of every class and kind on the map', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'producers.xlsx'));
    const sheet = workbook.worksheets[0];
    const values = (sheet?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(values[0]).toEqual(['koodi', 'nimi', 'tyyppi', 'y_tunnus']);
    const producers = values.slice(1) as string[][];
    expect(new Set(producers.map((p) => p[2]))).toEqual(
      new Set(['oma', 'ostopalvelu', 'palveluseteli', 'järjestö']),
    );
    expect(producers.every((p) => isValidBusinessId(p[3] ?? ''))).toBe(true);

    const units = JSON.parse(text('units.geojson')) as {
      features: {
        geometry: { coordinates: [number, number] };
        properties: Record<string, string | number | null>;
      }[];
    };
    expect(units.features.length).toBeGreaterThanOrEqual(40);
    const kindOf = new Map(producers.map((p) => [p[0], p[2]]));
    expect(new Set(units.features.map((f) => kindOf.get(String(f.properties.tuottaja))))).toEqual(
      new Set(['oma', 'ostopalvelu', 'palveluseteli', 'järjestö']),
    );
    const classes = new Set(units.features.flatMap((f) => String(f.properties.palveluluokat).split(',')));
    expect(classes).toEqual(new Set(loadServiceClasses().map((c) => c.code)));
    for (const { geometry, properties } of units.features) {
      const [lon, lat] = geometry.coordinates;
      expect(lon).toBeGreaterThan(23);
      expect(lon).toBeLessThan(28);
      expect(lat).toBeGreaterThan(61.5);
      expect(lat).toBeLessThan(64);
      expect(Number(properties.kapasiteetti)).toBeGreaterThan(0);
      expect(['käynnit', 'paikat']).toContain(properties.kapasiteettiyksikko);
    }
  });

  it('draws municipality boundaries in EPSG:3067 that tile the county', () => {
    const boundaries = JSON.parse(text('municipalities.geojson')) as {
      crs: { properties: { name: string } };
      features: { properties: Record<string, unknown>; geometry: { coordinates: number[][][][] } }[];
    };
    expect(boundaries.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::3067');
    const area = (polygons: number[][][][]) =>
      polygons.flat().reduce((sum, ring) => {
        let twice = 0;
        for (let i = 0; i + 1 < ring.length; i++) {
          const [ax = 0, ay = 0] = ring[i] ?? [];
          const [bx = 0, by = 0] = ring[i + 1] ?? [];
          twice += ax * by - bx * ay;
        }
        return sum + twice / 2;
      }, 0);
    const [county, ...municipalities] = boundaries.features;
    expect(county?.properties.taso).toBe('hyvinvointialue');
    const originals = municipalities.filter((f) => f.properties.voimassa_alkaen === 2015);
    expect(originals).toHaveLength(20);
    const sum = originals.reduce((s, f) => s + area(f.geometry.coordinates), 0);
    expect(sum).toBe(area(county?.geometry.coordinates ?? []));
    expect(sum / 1e6).toBeGreaterThan(15_000);
  });

  it('stops when aborted, with an AbortError and no manifest', async () => {
    const controller = new AbortController();
    const out = freshDir();
    const run = generateDemoCounty({
      ...options,
      outDir: out,
      signal: controller.signal,
      onProgress: (_done, _total, label) => {
        if (label === 'areas.csv') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    expect(existsSync(join(out, 'areas.csv'))).toBe(false);
  });

  it('reports progress steadily up to its total', () => {
    const last = progress[progress.length - 1];
    expect(last?.[0]).toBe(last?.[1]);
    expect(last?.[2]).toBe('done');
    expect(progress.every(([done], i) => i === 0 || done >= (progress[i - 1]?.[0] ?? 0))).toBe(true);
    expect(progress.filter(([, , label]) => label === 'events-2025.csv').length).toBeGreaterThan(10);
  });
});
