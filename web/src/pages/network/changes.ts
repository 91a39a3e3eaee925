import type { ScenarioChange, ServiceLanguage } from '../../../../src/model/index.js';

/** Edits to the working list of changes. Each keeps at most one change of a kind per unit or class. */

const isUnitChange = (change: ScenarioChange, code: string, kind?: ScenarioChange['kind']) =>
  'unitCode' in change && change.unitCode === code && (kind === undefined || change.kind === kind);

export const isClosed = (changes: readonly ScenarioChange[], code: string): boolean =>
  changes.some((change) => isUnitChange(change, code, 'close'));

/** Closes the unit, or reopens it when it is closed already. */
export const toggleClose = (changes: readonly ScenarioChange[], code: string): ScenarioChange[] =>
  isClosed(changes, code)
    ? changes.filter((change) => !isUnitChange(change, code, 'close'))
    : [...changes, { kind: 'close', unitCode: code }];

export const setCapacity = (
  changes: readonly ScenarioChange[],
  code: string,
  capacityPerYear: number,
): ScenarioChange[] => [
  ...changes.filter((change) => !isUnitChange(change, code, 'capacity')),
  { kind: 'capacity', unitCode: code, capacityPerYear },
];

export const setHours = (
  changes: readonly ScenarioChange[],
  code: string,
  hoursPerWeek: number,
): ScenarioChange[] => [
  ...changes.filter((change) => !isUnitChange(change, code, 'hours')),
  { kind: 'hours', unitCode: code, hoursPerWeek, baseHoursPerWeek: 40 },
];

export const moveTo = (
  changes: readonly ScenarioChange[],
  code: string,
  { x, y }: { x: number; y: number },
): ScenarioChange[] => [
  ...changes.filter((change) => !isUnitChange(change, code, 'move')),
  { kind: 'move', unitCode: code, x: Math.round(x), y: Math.round(y) },
];

/** Sets the share of a class's in-person visits moved to remote channels; 0 removes the change. */
export const setShift = (
  changes: readonly ScenarioChange[],
  serviceClass: string,
  share: number,
): ScenarioChange[] => {
  const others = changes.filter(
    (change) => !(change.kind === 'shiftChannel' && change.serviceClass === serviceClass),
  );
  return share > 0 ? [...others, { kind: 'shiftChannel', serviceClass, channel: 'remote', share }] : others;
};

export const shiftOf = (changes: readonly ScenarioChange[], serviceClass: string): number =>
  changes.reduce(
    (share, change) =>
      change.kind === 'shiftChannel' && change.serviceClass === serviceClass ? share + change.share : share,
    0,
  );

/** Drops every change to one unit. */
export const undoUnit = (changes: readonly ScenarioChange[], code: string): ScenarioChange[] =>
  changes.filter((change) => !isUnitChange(change, code));

export const removeAt = (changes: readonly ScenarioChange[], index: number): ScenarioChange[] =>
  changes.filter((_, i) => i !== index);

export interface NewUnit {
  name: string;
  serviceClasses: string[];
  x: number;
  y: number;
  capacityPerYear: number;
  /** The languages it serves in, when the planner says. */
  languages?: ServiceLanguage[];
}

/** A code no unit of the base network or earlier opening has: NEW-1, NEW-2, … */
export const newUnitCode = (changes: readonly ScenarioChange[], taken: ReadonlySet<string>): string => {
  const used = new Set([...taken, ...changes.flatMap((c) => ('unitCode' in c ? [c.unitCode] : []))]);
  let n = 1;
  while (used.has(`NEW-${n}`)) n++;
  return `NEW-${n}`;
};

/** Opens a new unit at a point; it can then be moved, resized or closed like any other. */
export const openUnit = (
  changes: readonly ScenarioChange[],
  taken: ReadonlySet<string>,
  unit: NewUnit,
): ScenarioChange[] => [
  ...changes,
  {
    kind: 'open',
    unitCode: newUnitCode(changes, taken),
    name: unit.name,
    serviceClasses: [...unit.serviceClasses],
    x: Math.round(unit.x),
    y: Math.round(unit.y),
    capacityPerYear: unit.capacityPerYear,
    producerKind: 'own',
    ...(unit.languages && unit.languages.length > 0 && { languages: [...unit.languages] }),
  },
];
