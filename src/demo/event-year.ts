import { join } from 'node:path';
import type { ServiceClass } from '../model/index.js';
import { groupCount } from './age-structure.js';
import { writeSlotPaths } from './chain-events.js';
import { lastFullYear } from './county-definition.js';
import type { CountyModel } from './county-model.js';
import { type EventFile, finnishEventFile, producerEventFile } from './event-files.js';
import { EventRouter } from './event-router.js';
import { eventYearContext } from './event-year-context.js';
import { type EventRecord, generateSlotEvents } from './events.js';
import type { DemoFile } from './manifest.js';
import type { DemoProducer } from './producers.js';
import { type TextEncoding, TextSink } from './text-sink.js';
import { emptyCellChoice } from './unit-choice.js';
import type { DemoUnit } from './units.js';

export interface EventYearResult {
  files: DemoFile[];
  events: number;
  costCents: Float64Array;
  unitVolume: Float64Array;
  /** Visits or care days by unit × class × month. */
  unitClassMonthVolume: Float64Array;
}

export interface EventYearInputs {
  model: CountyModel;
  year: number;
  outDir: string;
  units: readonly DemoUnit[];
  producers: readonly DemoProducer[];
  serviceClasses: readonly ServiceClass[];
  mappedProducer: { code: string; mappingPath: string; filePrefix: string };
  /** Chunks the year is cut into for progress reporting and abort checks. */
  chunks: number;
  afterChunk: (chunk: number) => Promise<void>;
}

/** Rates of the deliberate defects: about 0.15 % of rows get a broken copy, a few ids need quoting. */
const defectRate = 0.0015;
const quotedIdRate = 0.0003;

export interface EventFileStyle {
  encoding: TextEncoding;
  bom: boolean;
  dateStyle: 'iso' | 'finnish';
}

/**
 * How each year's file looks: the last year comes from the new patient system in Windows-1252 with
 * Finnish dates; earlier years alternate between UTF-8 with and without a byte-order mark.
 */
export const eventFileStyle = (year: number): EventFileStyle => {
  const age = lastFullYear - year;
  if (age === 0) return { encoding: 'windows-1252', bom: false, dateStyle: 'finnish' };
  return { encoding: 'utf-8', bom: age % 2 === 1, dateStyle: 'iso' };
};

/** Writes one year's event files and returns what the cost report and unit capacities need. */
export const writeEventYear = async (inputs: EventYearInputs): Promise<EventYearResult> => {
  const { model, year, units, outDir, mappedProducer } = inputs;
  const { context, lookups, paths } = eventYearContext(model, {
    year,
    units,
    producers: inputs.producers,
    serviceClasses: inputs.serviceClasses,
  });
  const style = eventFileStyle(year);
  const mainPath = `events-${year}.csv`;
  const ownPath = `${mappedProducer.filePrefix}-${year}.csv`;
  const sinks: TextSink[] = [];
  try {
    const mainSink = TextSink.open(join(outDir, mainPath), { encoding: style.encoding, bom: style.bom });
    sinks.push(mainSink);
    const main = finnishEventFile(mainSink, lookups, {
      seed: model.seed,
      calendar: context.calendar,
      dateStyle: style.dateStyle,
      defectRate,
      quotedIdRate,
    });
    // The purchased producer sends its own report for the last year, from its own system.
    let own: EventFile | undefined;
    if (year === lastFullYear) {
      const ownSink = TextSink.open(join(outDir, ownPath), { encoding: 'utf-8' });
      sinks.push(ownSink);
      own = producerEventFile(ownSink, lookups, {
        calendar: context.calendar,
        idPrefix: `${mappedProducer.code}-${year}-`,
      });
    }
    const router = new EventRouter(main, {
      ownReports: units.map((u) => (u.producerCode === mappedProducer.code ? own : undefined)),
      municipalityCount: lookups.municipalityCodes.length,
      classCount: lookups.classCodes.length,
      unitCount: units.length,
      month: context.calendar.month,
    });
    const choice = emptyCellChoice(context.networks);
    const record = emptyRecord();
    const bounds = chunkBounds(context.grid.counts, context.grid.cells.length, inputs.chunks);
    for (let chunk = 0; chunk < inputs.chunks; chunk++) {
      for (let slot = bounds[chunk] ?? 0; slot < (bounds[chunk + 1] ?? 0); slot++) {
        const slotState = { slot, choice, record, sink: router };
        if (generateSlotEvents(context, slotState)) writeSlotPaths(context, paths, slotState);
        if (mainSink.backedUp) await mainSink.waitForRoom();
      }
      for (const sink of sinks) await sink.waitForRoom();
      await inputs.afterChunk(chunk);
    }
    for (const sink of sinks) await sink.close();
    const files = [describeMainFile(main, { path: mainPath, year, style })];
    if (own) files.push(describeOwnReport(own, { path: ownPath, year, mapping: mappedProducer.mappingPath }));
    const valid = files.reduce((sum, file) => sum + (file.rows ?? 0) - (file.invalidRows ?? 0), 0);
    if (valid !== router.events) throw new Error(`${valid} events written, ${router.events} generated`);
    return {
      files,
      events: router.events,
      costCents: router.costCents,
      unitVolume: router.unitVolume,
      unitClassMonthVolume: router.unitClassMonthVolume,
    };
  } catch (error) {
    for (const sink of sinks) sink.destroy();
    throw error;
  }
};

const emptyRecord = (): EventRecord => ({
  day: 0,
  municipality: 0,
  slot: 0,
  cellKnown: true,
  age: 0,
  sex: 0,
  serviceClass: 0,
  unit: 0,
  channel: 0,
  kind: 0,
  quantity: 1,
  costCents: 0,
  clientKey: '',
});

const describeMainFile = (
  file: EventFile,
  { path, year, style }: { path: string; year: number; style: EventFileStyle },
): DemoFile => {
  const dates = style.dateStyle === 'iso' ? 'ISO dates' : 'Finnish dates (d.m.yyyy)';
  const encoding =
    style.encoding === 'windows-1252' ? 'Windows-1252' : style.bom ? 'UTF-8 with BOM' : 'UTF-8 without BOM';
  return {
    path,
    kind: 'events',
    format: 'csv',
    encoding: style.encoding,
    description:
      `Service events of ${year} from the county's patient and client systems: semicolons, decimal commas, ` +
      `${dates}, ${encoding}. ${file.counts.invalidRows} rows are deliberately invalid and ` +
      `${file.counts.emptyLines} lines empty.`,
    rows: file.counts.rows,
    invalidRows: file.counts.invalidRows,
  };
};

const describeOwnReport = (
  file: EventFile,
  { path, year, mapping }: { path: string; year: number; mapping: string },
): DemoFile => ({
  path,
  kind: 'events',
  format: 'csv',
  encoding: 'utf-8',
  mapping,
  description:
    `Events of ${year} at the units of a purchased producer, from its own system: commas, decimal points, ` +
    'ISO dates, its own Swedish and English headers and codes; import with the mapping file.',
  rows: file.counts.rows,
  invalidRows: 0,
});

/** Slot ranges holding about equal numbers of residents, so progress moves evenly. */
const chunkBounds = (counts: Int32Array, slots: number, chunks: number): number[] => {
  const totals = new Float64Array(slots + 1);
  for (let slot = 0; slot < slots; slot++) {
    let sum = 0;
    for (let g = 0; g < groupCount; g++) sum += counts[slot * groupCount + g] ?? 0;
    totals[slot + 1] = (totals[slot] ?? 0) + sum;
  }
  const all = totals[slots] ?? 0;
  const bounds = [0];
  let slot = 0;
  for (let chunk = 1; chunk < chunks; chunk++) {
    while (slot < slots && (totals[slot] ?? 0) < (all * chunk) / chunks) slot++;
    bounds.push(slot);
  }
  bounds.push(slots);
  return bounds;
};
