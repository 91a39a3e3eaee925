import type { ProducerKind, ScenarioChange, ServiceLanguage, UnitStatus } from '../../model/index.js';
import type { BaseUnit, ClassDemand } from './context-data.js';

/** A unit as a scenario has it. Closed units stay listed, so that results can show what closed. */
export interface ScenarioUnit {
  code: string;
  name: string;
  status: UnitStatus;
  open: boolean;
  serviceClasses: string[];
  producerCode: string | null;
  producerKind: ProducerKind | null;
  x: number;
  y: number;
  inPerson: boolean;
  capacity: Record<string, number>;
  languages?: ServiceLanguage[];
}

export interface AppliedScenario {
  units: ScenarioUnit[];
  /** Share of each class's in-person demand moved to remote or digital channels (capped at 1). */
  shifted: Map<string, number>;
  /** Changes that named a unit the network does not have, ignored. */
  ignored: ScenarioChange[];
}

const scaled = (capacity: Record<string, number>, factor: number): Record<string, number> =>
  Object.fromEntries(Object.entries(capacity).map(([code, value]) => [code, value * factor]));

const totalOf = (capacity: Record<string, number>) => Object.values(capacity).reduce((a, b) => a + b, 0);

/**
 * The base network with the changes applied in order. A later change to the same unit builds on the
 * earlier ones (move, then change capacity); a change after the unit's closing is ignored.
 */
export const applyChanges = (
  base: readonly BaseUnit[],
  changes: readonly ScenarioChange[],
  classes: readonly ClassDemand[],
): AppliedScenario => {
  const careDays = new Set(
    classes.filter((c) => c.serviceClass.eventKind === 'careDay').map((c) => c.serviceClass.code),
  );
  const units = new Map<string, ScenarioUnit>(
    base.map((unit) => [
      unit.code,
      { ...unit, status: 'unchanged', open: true, capacity: { ...unit.capacity } },
    ]),
  );
  const shifted = new Map<string, number>();
  const ignored: ScenarioChange[] = [];
  const mark = (unit: ScenarioUnit, status: UnitStatus) => {
    if (unit.status === 'unchanged') unit.status = status;
  };
  for (const change of changes) {
    if (change.kind === 'shiftChannel') {
      shifted.set(change.serviceClass, Math.min(1, (shifted.get(change.serviceClass) ?? 0) + change.share));
      continue;
    }
    if (change.kind === 'open') {
      if (units.get(change.unitCode)?.open) {
        ignored.push(change);
        continue;
      }
      units.set(change.unitCode, {
        code: change.unitCode,
        name: change.name,
        status: 'opened',
        open: true,
        serviceClasses: [...change.serviceClasses],
        producerCode: null,
        producerKind: change.producerKind,
        x: change.x,
        y: change.y,
        inPerson: true,
        ...(change.languages && { languages: [...change.languages] }),
        capacity: Object.fromEntries(
          change.serviceClasses.map((code) => [
            code,
            change.capacityPerYear * (careDays.has(code) ? 365 : 1),
          ]),
        ),
      });
      continue;
    }
    const unit = units.get(change.unitCode);
    if (!unit?.open) {
      ignored.push(change);
      continue;
    }
    switch (change.kind) {
      case 'close':
        unit.open = false;
        unit.status = 'closed';
        break;
      case 'move':
        unit.x = change.x;
        unit.y = change.y;
        mark(unit, 'moved');
        break;
      case 'capacity': {
        // Capacity is asked in the unit's own measure: places for round-the-clock care, kept as care days.
        const measure = unit.serviceClasses.every((code) => careDays.has(code)) ? 365 : 1;
        const wanted = change.capacityPerYear * measure;
        const total = totalOf(unit.capacity);
        unit.capacity =
          total > 0
            ? scaled(unit.capacity, wanted / total)
            : Object.fromEntries(
                unit.serviceClasses.map((code) => [code, wanted / unit.serviceClasses.length]),
              );
        mark(unit, 'changed');
        break;
      }
      case 'hours':
        unit.capacity = scaled(unit.capacity, change.hoursPerWeek / change.baseHoursPerWeek);
        mark(unit, 'changed');
        break;
    }
  }
  return { units: [...units.values()], shifted, ignored };
};
