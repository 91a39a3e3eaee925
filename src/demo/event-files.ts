import type { YearCalendar } from './calendar.js';
import { formatCents } from './csv.js';
import { type EventRecord, visitKind } from './events.js';
import { Random } from './random.js';
import type { TextSink } from './text-sink.js';
import { dayBefore, waitingDays } from './waiting.js';

/** Codes and names the event files print, looked up by the indexes an event record carries. */
export interface EventLookups {
  municipalityCodes: readonly string[];
  cellCodes: readonly string[];
  classCodes: readonly string[];
  unitCodes: readonly string[];
  unitProducerCodes: readonly string[];
}

export interface EventFileCounts {
  /** Non-empty data lines, the deliberately bad ones included. */
  rows: number;
  /** Lines written to be rejected (empty lines not included). */
  invalidRows: number;
  emptyLines: number;
}

export interface EventFile {
  readonly counts: EventFileCounts;
  readonly sink: TextSink;
  write(event: EventRecord): void;
}

/**
 * The mistakes real extracts contain, one of each in turn: the reject report should show every
 * kind. The empty line is not a row, and a good reader skips it.
 */
export const defectKinds = [
  'unknownServiceClass',
  'impossibleAge',
  'unparsableDate',
  'negativeCost',
  'wrongColumnCount',
  'emptyLine',
  'unknownMunicipality',
] as const;
export type DefectKind = (typeof defectKinds)[number];

export const finnishEventHeader =
  'tapahtuma_id;pvm;kunta;ruutu;ikä;sukupuoli;palveluluokka;toimipiste;tuottaja;kanava;tyyppi;määrä;kustannus_eur;asiakasavain;yhteydenotto\n';

const finnishChannels = ['vastaanotto', 'etä', 'digi'];
const finnishKinds = ['käynti', 'hoitojakso', 'hoitopäivä'];

export interface FinnishEventFileOptions {
  seed: number;
  calendar: YearCalendar;
  dateStyle: 'iso' | 'finnish';
  /** Share of rows followed by a deliberately bad copy. */
  defectRate: number;
  /** Share of rows whose id holds a semicolon and so must be quoted; they are valid. */
  quotedIdRate: number;
}

/**
 * The county's own extract: semicolons, decimal commas, Finnish headers and code values. A few
 * rows are followed by a broken copy of themselves with a new id, so the good rows are exactly the
 * generated events.
 */
export const finnishEventFile = (
  sink: TextSink,
  lookups: EventLookups,
  options: FinnishEventFileOptions,
): EventFile => {
  const { calendar } = options;
  const dates = options.dateStyle === 'iso' ? calendar.isoDates : calendar.finnishDates;
  const badDate = options.dateStyle === 'iso' ? `${calendar.year}-13-05` : `5.13.${calendar.year}`;
  const random = Random.of(options.seed, 1101, calendar.year);
  const counts: EventFileCounts = { rows: 0, invalidRows: 0, emptyLines: 0 };
  const prefix = `E${calendar.year}-`;
  let sequence = 0;
  let defects = 0;
  sink.write(finnishEventHeader);

  const line = (event: EventRecord, id: string, defect: DefectKind | undefined): string => {
    const date = defect === 'unparsableDate' ? badDate : (dates[event.day] ?? '');
    const municipality =
      defect === 'unknownMunicipality' ? '999' : (lookups.municipalityCodes[event.municipality] ?? '');
    const cell = event.cellKnown ? (lookups.cellCodes[event.slot] ?? '') : '';
    const age = defect === 'impossibleAge' ? 130 : event.age;
    const serviceClass =
      defect === 'unknownServiceClass' ? 'LAB' : (lookups.classCodes[event.serviceClass] ?? '');
    const cost = formatCents(defect === 'negativeCost' ? -event.costCents : event.costCents, ',');
    const unit = lookups.unitCodes[event.unit] ?? '';
    const producer = lookups.unitProducerCodes[event.unit] ?? '';
    const place = defect === 'wrongColumnCount' ? `${municipality};` : `${municipality};${cell};`;
    const waited =
      event.kind === visitKind
        ? waitingDays({ seed: options.seed, year: calendar.year, sequence }, serviceClass, unit)
        : undefined;
    const contact =
      waited === undefined
        ? ''
        : dayBefore(dates, { year: calendar.year, day: event.day, days: waited, style: options.dateStyle });
    return `${id};${date};${place}${age};${event.sex + 1};${serviceClass};${unit};${producer};${finnishChannels[event.channel]};${finnishKinds[event.kind]};${event.quantity};${cost};${event.clientKey};${contact}\n`;
  };

  return {
    counts,
    sink,
    write(event) {
      sequence++;
      // An id carried over from an older system, with a semicolon inside: quoted, and valid.
      const id = random.chance(options.quotedIdRate) ? `"${prefix}${sequence};A"` : `${prefix}${sequence}`;
      sink.write(line(event, id, undefined));
      counts.rows++;
      if (!random.chance(options.defectRate)) return;
      const defect = defectKinds[defects++ % defectKinds.length] ?? 'emptyLine';
      if (defect === 'emptyLine') {
        sink.write('\n');
        counts.emptyLines++;
        return;
      }
      sequence++;
      sink.write(line(event, `${prefix}${sequence}`, defect));
      counts.rows++;
      counts.invalidRows++;
    },
  };
};

/**
 * The field names of the model (as in src/importers/columns.ts) and the headers a purchased
 * producer's own system uses for them: a mix of Swedish and English that needs a mapping file.
 */
export const producerColumns: readonly (readonly [string, string])[] = [
  ['sourceId', 'Besöks-ID'],
  ['date', 'Visit date'],
  ['municipalityCode', 'Hemkommun'],
  ['gridCellCode', 'Rutkod'],
  ['age', 'Patient age'],
  ['sex', 'Kön'],
  ['serviceClass', 'Service line'],
  ['unitCode', 'Klinik'],
  ['producerCode', 'Leverantör'],
  ['channel', 'Contact mode'],
  ['kind', 'Besökstyp'],
  ['quantity', 'Qty'],
  ['costEuros', 'Pris EUR'],
  ['clientKey', 'Pseudonym'],
];

const producerChannels = ['in_person', 'remote', 'digital'];
const producerKinds = ['visit', 'episode', 'care_day'];

/** A producer's own report: commas, decimal points, ISO dates, its own headers and codes; no defects. */
export const producerEventFile = (
  sink: TextSink,
  lookups: EventLookups,
  { calendar, idPrefix }: { calendar: YearCalendar; idPrefix: string },
): EventFile => {
  const counts: EventFileCounts = { rows: 0, invalidRows: 0, emptyLines: 0 };
  let sequence = 0;
  sink.write(`${producerColumns.map(([, header]) => header).join(',')}\n`);
  return {
    counts,
    sink,
    write(event) {
      sequence++;
      const cell = event.cellKnown ? (lookups.cellCodes[event.slot] ?? '') : '';
      sink.write(
        `${idPrefix}${sequence},${calendar.isoDates[event.day]},${lookups.municipalityCodes[event.municipality]},${cell},${event.age},${event.sex === 0 ? 'M' : 'F'},${lookups.classCodes[event.serviceClass]},${lookups.unitCodes[event.unit]},${lookups.unitProducerCodes[event.unit]},${producerChannels[event.channel]},${producerKinds[event.kind]},${event.quantity},${formatCents(event.costCents, '.')},${event.clientKey}\n`,
      );
      counts.rows++;
    },
  };
};
