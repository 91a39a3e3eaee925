import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RejectReasonCode } from '../model/index.js';
import type { Store } from '../store/index.js';
import { importFile } from './import-file.js';
import { reasonText } from './reasons.js';
import { eventHeader, eventRow, seededStore, writeText } from './testing.js';

const legacyWorkbook = new URL('./fixtures/legacy-excel.xls', import.meta.url);

/** A zip archive of one stored file, as any zip tool writes it (the checksum is not checked here). */
const zipOf = (name: string, content: string): Buffer => {
  const nameBytes = Buffer.from(name);
  const data = Buffer.from(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + data.length, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
};

/** The first bytes of an OpenStreetMap PBF extract: blob-header length, then a header of type OSMHeader. */
const pbfStart = (): Buffer =>
  Buffer.concat([
    Buffer.from([0, 0, 0, 13, 0x0a, 0x09]),
    Buffer.from('OSMHeader'),
    Buffer.from([0x18, 0x7c, 0x10, 0x71, 0x1a, 0x6f, 0x78, 0x9c, 0x01, 0x02, 0xfe, 0x00, 0x33]),
  ]);

/** Deterministic bytes with every value from 0 to 255. */
const randomBytes = (length: number, seed = 7): Buffer => {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
};

let store: Store;
let dir: string;
beforeAll(async () => {
  ({ store, dir } = await seededStore());
});
afterAll(() => store.close());

const importCount = async (): Promise<number> =>
  (await store.all<{ n: number }>('SELECT count(*) AS n FROM imports'))[0]?.n ?? -1;

/** Imports the file, expects it refused with the code and the store untouched, and returns the summary. */
const expectRefused = async (file: string, code: RejectReasonCode, kind: 'events' | 'units' = 'events') => {
  const before = await importCount();
  const summary = await importFile(store, { file, kind });
  expect(summary.refused, `${file}: ${summary.reason}`).toBe(true);
  expect(summary.refusal?.code).toBe(code);
  expect(summary.reason).toBe(reasonText('en', summary.refusal ?? { code, params: {} }));
  // No bytes of the file in the words: only printable text.
  const unprintable = [...(summary.reason ?? '')].filter(
    (c) => c < ' ' || (c >= '\u007f' && c <= '\u009f') || c === '\ufffd',
  );
  expect(unprintable).toEqual([]);
  expect(await importCount()).toBe(before);
  return summary;
};

describe('files refused with a plain reason', () => {
  it('an empty file, or one of nothing but a byte-order mark and blank lines, is empty', async () => {
    await expectRefused(writeText(dir, 'empty.csv', ''), 'emptyFile');
    await expectRefused(writeText(dir, 'blank.csv', '\uFEFF\n\n  \n'), 'emptyFile');
    const summary = await expectRefused(writeText(dir, 'empty.json', '[]'), 'emptyFile');
    expect(summary.reason).toBe('the file is empty');
  });

  it('a header without rows is refused, not imported as nothing', async () => {
    const summary = await expectRefused(writeText(dir, 'header.csv', [eventHeader]), 'headerOnly');
    expect(summary).toMatchObject({ rowsRead: 0, rowsAccepted: 0, rowsRejected: 0 });
  });

  it('a file whose first line is data gets a hint that the header row is missing, and no value of it', async () => {
    const first = eventRow('E1');
    const file = writeText(dir, 'no-header.csv', [first, eventRow('E2')]);
    const summary = await expectRefused(file, 'noHeaderRow');
    expect(summary.refusal?.params).toMatchObject({ fields: 12 });
    expect(summary.reason).toContain('has no header row');
    expect(summary.reason).toContain('tapahtuma_id;pvm');
    for (const value of first.split(';').filter((v) => v.length > 1))
      expect(summary.reason).not.toContain(value);
  });

  it('a file with a header of names but the wrong ones still says which columns are missing', async () => {
    await expectRefused(writeText(dir, 'wrong.csv', ['nimi;osoite', 'Aalto;Tie 1']), 'missingColumns');
  });

  it('a legacy Excel workbook, whatever its name, is named as such with what to do', async () => {
    const xls = join(dir, 'workbook.xls');
    copyFileSync(legacyWorkbook, xls);
    const csv = join(dir, 'workbook.csv');
    copyFileSync(legacyWorkbook, csv);
    for (const file of [xls, csv]) {
      const summary = await expectRefused(file, 'legacyExcel');
      expect(summary.reason).toContain('save it as .xlsx or CSV');
    }
  });

  it.each([
    ['OpenStreetMap PBF', 'roads.csv', pbfStart()],
    ['gzip', 'events.csv', gzipSync(`${eventHeader}\n${eventRow('E1')}\n`)],
    [
      'PDF',
      'report.csv',
      Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'),
    ],
    ['ZIP', 'archive.csv', zipOf('events.csv', `${eventHeader}\n${eventRow('E1')}\n`)],
  ])('a %s file renamed .csv is binary, not text', async (format, name, bytes) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const summary = await expectRefused(file, 'binaryFileOf');
    expect(summary.reason).toBe(
      `binary file, not text (${format}); save it as CSV, XLSX or JSON and import that`,
    );
  });

  it('random bytes are binary, not text, whatever they hold', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 64, max: 9000 }),
        async (seed, n) => {
          const file = join(dir, 'random.csv');
          writeFileSync(file, randomBytes(n, seed));
          await expectRefused(file, 'binaryFile');
        },
      ),
      { numRuns: 15 },
    );
  });

  it('TopoJSON is not supported, and says how to convert it', async () => {
    const topology = {
      type: 'Topology',
      objects: { kunnat: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]] }] } },
      arcs: [
        [
          [380000, 6660000],
          [10000, 0],
          [0, 10000],
          [-10000, 0],
          [0, -10000],
        ],
      ],
    };
    const summary = await expectRefused(
      writeText(dir, 'kunnat.json', JSON.stringify(topology)),
      'topoJson',
      'units',
    );
    expect(summary.reason).toContain('mapshaper -o format=geojson');
  });

  it('UTF-16 text asks to be saved as UTF-8', async () => {
    const file = join(dir, 'unicode.csv');
    writeFileSync(file, Buffer.from(`\uFEFF${eventHeader}\r\n${eventRow('E1')}\r\n`, 'utf16le'));
    await expectRefused(file, 'utf16Text');
  });

  it('a JSON file that is not JSON names no byte of it', async () => {
    await expectRefused(writeText(dir, 'broken.json', '{"dimension": \u0001garbage'), 'unreadable');
  });

  it('a JSON array or GeoJSON file cut short anywhere is refused, not read up to the cut', async () => {
    const event = (i: number) =>
      Object.fromEntries(eventHeader.split(';').map((h, k) => [h, eventRow(`E${i}`).split(';')[k] ?? '']));
    const events = Array.from({ length: 40 }, (_, i) => event(i));
    const documents = {
      json: JSON.stringify(events, null, 1),
      geojson: JSON.stringify({
        type: 'FeatureCollection',
        features: events.map((properties) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [27.6, 62.9] },
          properties,
        })),
      }),
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('json', 'geojson' as const), fc.nat(), async (format, at) => {
        const whole = documents[format as 'json' | 'geojson'];
        // Anywhere from the first character to just before the closing bracket.
        const cut = whole.slice(0, 1 + (at % (whole.length - 1)));
        const summary = await expectRefused(writeText(dir, `cut.${format}`, cut), 'unreadable');
        expect(summary.reason).toMatch(/cut short|not valid JSON/);
        expect(summary.rowsRejected).toBe(summary.rowsRead);
      }),
      { numRuns: 25 },
    );
    // The whole documents are read in full.
    for (const [format, whole] of Object.entries(documents)) {
      const summary = await importFile(store, {
        file: writeText(dir, `whole.${format}`, whole),
        kind: 'events',
        dryRun: true,
      });
      expect({ refused: summary.refused, read: summary.rowsRead }).toEqual({ refused: false, read: 40 });
    }
  });
});
