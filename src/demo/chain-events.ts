import { type ChainPathYear, emitChainPaths, type PathEvent } from './chain-paths.js';
import { type EventRecord, type EventSink, type EventYear, inPerson } from './events.js';
import type { CellChoice } from './unit-choice.js';

/** The index whose cumulative weight first exceeds `draw` × total (a pick by a draw made beforehand). */
const pickByDraw = (cumulative: Float64Array, draw: number): number => {
  const target = draw * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
};

/**
 * Writes the service-chain paths' events of one cell's residents for the year: each at the unit the
 * residents of the cell would choose for the class, or at a purchased producer's unit where the path
 * sends the client there. Called after the cell's other events, with the choice they filled.
 */
export const writeSlotPaths = (
  context: EventYear,
  paths: ChainPathYear,
  { slot, choice, record, sink }: { slot: number; choice: CellChoice; record: EventRecord; sink: EventSink },
): void => {
  const municipality = context.grid.municipalityOf[slot] ?? -1;
  if (municipality < 0) return;
  const cell = context.grid.cells[slot] ?? 0;
  const write = (event: PathEvent) => {
    const network = context.networks[event.classIndex];
    if (!network || network.physical.length === 0) return;
    const purchased = paths.purchasedUnits[event.pathClass] ?? [];
    const unit =
      event.purchased && purchased.length > 0
        ? (purchased[Math.floor(event.unitDraw * purchased.length)] ?? -1)
        : (network.physical[
            pickByDraw(choice.cumulative[event.classIndex] ?? new Float64Array(0), event.unitDraw)
          ] ?? -1);
    if (unit < 0) return;
    record.day = event.day;
    record.municipality = municipality;
    record.slot = slot;
    record.cellKnown = true;
    record.age = event.age;
    record.sex = event.sex;
    record.serviceClass = event.classIndex;
    record.unit = unit;
    record.channel = inPerson;
    record.kind = event.kind;
    record.quantity = event.quantity;
    record.costCents = Math.round(event.costEuros * (context.unitPriceFactor[unit] ?? 1) * 100);
    record.clientKey = event.clientKey;
    sink.accept(record);
  };
  emitChainPaths(context.seed, paths, { slot, cell, write });
};
