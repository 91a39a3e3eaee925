import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yearCalendar } from './calendar.js';
import {
  defectKinds,
  type EventFile,
  type EventLookups,
  finnishEventFile,
  producerEventFile,
} from './event-files.js';
import type { EventRecord } from './events.js';
import { TextSink } from './text-sink.js';

const lookups: EventLookups = {
  municipalityCodes: ['951'],
  cellCodes: ['1kmN6980E0430'],
  classCodes: ['HC'],
  unitCodes: ['TP002'],
  unitProducerCodes: ['JPHVA'],
};

const event: EventRecord = {
  day: 40,
  municipality: 0,
  slot: 0,
  cellKnown: true,
  age: 67,
  sex: 1,
  serviceClass: 0,
  unit: 0,
  channel: 1,
  kind: 0,
  quantity: 1,
  costCents: 5561,
  clientKey: '0123456789abcdef',
};

const writeAll = async (
  make: (sink: TextSink) => EventFile,
  encoding: 'utf-8' | 'windows-1252',
  count: number,
) => {
  const path = join(mkdtempSync(join(tmpdir(), 'events-')), 'events.csv');
  const sink = TextSink.open(path, { encoding });
  const file = make(sink);
  for (let i = 0; i < count; i++) file.write(event);
  await sink.close();
  return { bytes: readFileSync(path), counts: file.counts };
};

describe('finnishEventFile', () => {
  it('writes Finnish headers, codes, dates and decimal commas', async () => {
    const { bytes } = await writeAll(
      (sink) =>
        finnishEventFile(sink, lookups, {
          seed: 1,
          calendar: yearCalendar(2025),
          dateStyle: 'finnish',
          defectRate: 0,
          quotedIdRate: 0,
        }),
      'windows-1252',
      1,
    );
    expect(bytes.includes(0xe4)).toBe(true);
    const [header, row] = new TextDecoder('windows-1252').decode(bytes).split('\n');
    expect(header).toBe(
      'tapahtuma_id;pvm;kunta;ruutu;ikä;sukupuoli;palveluluokka;toimipiste;tuottaja;kanava;tyyppi;määrä;kustannus_eur;asiakasavain;yhteydenotto',
    );
    expect(row).toBe(
      'E2025-1;10.2.2025;951;1kmN6980E0430;67;2;HC;TP002;JPHVA;etä;käynti;1;55,61;0123456789abcdef;24.1.2025',
    );
  });

  it('follows a row with a broken copy of each kind in turn, and counts them', async () => {
    const { bytes, counts } = await writeAll(
      (sink) =>
        finnishEventFile(sink, lookups, {
          seed: 1,
          calendar: yearCalendar(2024),
          dateStyle: 'iso',
          defectRate: 1,
          quotedIdRate: 0,
        }),
      'utf-8',
      defectKinds.length,
    );
    const lines = bytes.toString('utf8').split('\n').slice(1, -1);
    expect(counts).toMatchObject({
      rows: 2 * defectKinds.length - 1,
      invalidRows: defectKinds.length - 1,
      emptyLines: 1,
    });
    const broken = lines.filter((_, i) => i % 2 === 1);
    expect(broken[0]).toContain(';LAB;');
    expect(broken[1]?.split(';')[4]).toBe('130');
    expect(broken[2]?.split(';')[1]).toBe('2024-13-05');
    expect(broken[3]?.split(';')[12]).toBe('-55,61');
    expect(broken[4]?.split(';')).toHaveLength(14);
    expect(broken[5]).toBe('');
    expect(broken[6]?.split(';')[2]).toBe('999');
    expect(new Set(lines.filter((l) => l !== '').map((l) => l.split(';')[0])).size).toBe(lines.length - 1);
  });

  it('quotes ids that hold a semicolon', async () => {
    const { bytes } = await writeAll(
      (sink) =>
        finnishEventFile(sink, lookups, {
          seed: 1,
          calendar: yearCalendar(2024),
          dateStyle: 'iso',
          defectRate: 0,
          quotedIdRate: 1,
        }),
      'utf-8',
      1,
    );
    expect(bytes.toString('utf8').split('\n')[1]).toMatch(/^"E2024-1;A";2024-02-10;/);
  });
});

describe('producerEventFile', () => {
  it("writes the producer's own headers and codes with commas and decimal points", async () => {
    const { bytes } = await writeAll(
      (sink) => producerEventFile(sink, lookups, { calendar: yearCalendar(2025), idPrefix: 'NORDICA-2025-' }),
      'utf-8',
      1,
    );
    const [header, row] = bytes.toString('utf8').split('\n');
    expect(header?.split(',')).toHaveLength(14);
    expect(header).toContain('Besöks-ID');
    expect(row).toBe(
      'NORDICA-2025-1,2025-02-10,951,1kmN6980E0430,67,F,HC,TP002,JPHVA,remote,visit,1,55.61,0123456789abcdef',
    );
  });
});
