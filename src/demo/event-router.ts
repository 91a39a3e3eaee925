import type { EventFile } from './event-files.js';
import { careDayKind, type EventRecord, type EventSink, visitKind } from './events.js';

/**
 * Sends each event to the file of the system that recorded it, and keeps the sums that other
 * files are built from: cost per municipality and class (for the cost report) and volume per unit
 * (for unit capacities).
 */
export class EventRouter implements EventSink {
  /** Cents by municipality × class. */
  readonly costCents: Float64Array;
  /** Visits (or care days, for housing units) per unit. */
  readonly unitVolume: Float64Array;
  /** The same by unit × class × month, from which producers' invoices are made. */
  readonly unitClassMonthVolume: Float64Array;
  readonly #month: Uint8Array;
  events = 0;
  readonly #main: EventFile;
  readonly #ownReports: readonly (EventFile | undefined)[];
  readonly #classCount: number;

  constructor(
    main: EventFile,
    {
      ownReports,
      municipalityCount,
      classCount,
      unitCount,
      month,
    }: {
      /** The producer file for each unit whose producer reports itself, else undefined. */
      ownReports: readonly (EventFile | undefined)[];
      municipalityCount: number;
      classCount: number;
      unitCount: number;
      /** The month (0–11) of each day of the year. */
      month: Uint8Array;
    },
  ) {
    this.#main = main;
    this.#ownReports = ownReports;
    this.#classCount = classCount;
    this.costCents = new Float64Array(municipalityCount * classCount);
    this.unitVolume = new Float64Array(unitCount);
    this.unitClassMonthVolume = new Float64Array(unitCount * classCount * 12);
    this.#month = month;
  }

  accept(event: EventRecord): void {
    (this.#ownReports[event.unit] ?? this.#main).write(event);
    this.events++;
    const cost = event.municipality * this.#classCount + event.serviceClass;
    this.costCents[cost] = (this.costCents[cost] ?? 0) + event.costCents;
    if (event.kind === visitKind || event.kind === careDayKind) {
      this.unitVolume[event.unit] = (this.unitVolume[event.unit] ?? 0) + event.quantity;
      const at = (event.unit * this.#classCount + event.serviceClass) * 12 + (this.#month[event.day] ?? 0);
      this.unitClassMonthVolume[at] = (this.unitClassMonthVolume[at] ?? 0) + event.quantity;
    }
  }
}
