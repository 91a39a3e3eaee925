import {
  type AccessShift,
  type ActionEffect,
  discloseCount,
  type MunicipalityShift,
  type ScenarioAction,
  type ScenarioActions,
  type ScenarioChange,
  type UnitResult,
} from '../../model/index.js';
import type { CellPopulation } from './context-data.js';

/** Each cell's time to the nearest open unit of one class, and which unit that is. */
export interface ClassAccess {
  minutes: Float64Array;
  nearest: readonly (string | null)[];
}

export interface ActionInput {
  changes: readonly ScenarioChange[];
  cells: CellPopulation;
  /** Per service class the actions touch: access with no changes and with all of them. */
  before: ReadonlyMap<string, ClassAccess>;
  after: ReadonlyMap<string, ClassAccess>;
  unitsBefore: readonly UnitResult[];
  unitsAfter: readonly UnitResult[];
  /** In-person demand per class before and after, for channel shifts. */
  demandBefore: ReadonlyMap<string, number>;
  demandAfter: ReadonlyMap<string, number>;
  /** The municipality of each cell by cell code, and municipality names by code. */
  municipalities: ReadonlyMap<string, string>;
  municipalityNames: ReadonlyMap<string, { fi: string; sv: string | null }>;
  limitMinutes: number;
  maxTravelMinutes: number;
  unsuppressed: boolean;
}

/** Sums over the residents one action moves in one direction, before disclosure control. */
interface Tally {
  residents: number;
  aged75: number;
  /** Minutes changed × residents, over residents with a trip both before and after. */
  minuteResidents: number;
  finiteResidents: number;
  acrossLimit: number;
  unreachable: number;
}

const emptyTally = (): Tally => ({
  residents: 0,
  aged75: 0,
  minuteResidents: 0,
  finiteResidents: 0,
  acrossLimit: 0,
  unreachable: 0,
});

interface Draft {
  action: Omit<ScenarioAction, 'effects'>;
  classes: Set<string>;
  longer: Map<string, Tally>;
  shorter: Map<string, Tally>;
  /** Per class, per municipality: residents with a longer and with a shorter trip. */
  byMunicipality: Map<string, Map<string, { longer: number; shorter: number }>>;
}

/** One action per unit changed, in the order the unit was first changed, and one per channel shift. */
const draftActions = (input: ActionInput): { drafts: Draft[]; byUnit: Map<string, Draft> } => {
  const before = new Map(input.unitsBefore.map((u) => [u.code, u]));
  const after = new Map(input.unitsAfter.map((u) => [u.code, u]));
  const drafts: Draft[] = [];
  const byUnit = new Map<string, Draft>();
  const draft = (action: Draft['action'], classes: Iterable<string>): Draft => ({
    action,
    classes: new Set(classes),
    longer: new Map(),
    shorter: new Map(),
    byMunicipality: new Map(),
  });
  input.changes.forEach((change, index) => {
    if (change.kind === 'shiftChannel') {
      drafts.push(
        draft(
          {
            changeIndexes: [index],
            kinds: ['shiftChannel'],
            unitCode: null,
            unitName: null,
            statusAfter: null,
            shift: { serviceClass: change.serviceClass, channel: change.channel, share: change.share },
          },
          [change.serviceClass],
        ),
      );
      return;
    }
    const known = byUnit.get(change.unitCode);
    if (known) {
      known.action.changeIndexes.push(index);
      if (!known.action.kinds.includes(change.kind)) known.action.kinds.push(change.kind);
      if (change.kind === 'open') for (const code of change.serviceClasses) known.classes.add(code);
      return;
    }
    const was = before.get(change.unitCode);
    const is = after.get(change.unitCode);
    const classes = [
      ...(was?.serviceClasses ?? []),
      ...(is?.serviceClasses ?? []),
      ...(change.kind === 'open' ? change.serviceClasses : []),
    ];
    const created = draft(
      {
        changeIndexes: [index],
        kinds: [change.kind],
        unitCode: change.unitCode,
        unitName: is?.name ?? was?.name ?? (change.kind === 'open' ? change.name : null),
        statusAfter: is?.status ?? null,
        shift: null,
      },
      classes,
    );
    byUnit.set(change.unitCode, created);
    drafts.push(created);
  });
  return { drafts, byUnit };
};

const add = (tally: Tally, residents: number, aged75: number, from: number, to: number, limit: number) => {
  tally.residents += residents;
  tally.aged75 += aged75;
  if (Number.isFinite(from) && Number.isFinite(to)) {
    tally.minuteResidents += (to - from) * residents;
    tally.finiteResidents += residents;
  }
  if (from <= limit !== to <= limit) tally.acrossLimit += residents;
  if (Number.isFinite(from) && !Number.isFinite(to)) tally.unreachable += residents;
};

const tallyOf = (map: Map<string, Tally>, key: string): Tally => {
  let tally = map.get(key);
  if (!tally) {
    tally = emptyTally();
    map.set(key, tally);
  }
  return tally;
};

/**
 * Gives each cell whose trip changed to the action that explains it: a longer trip to the action on
 * the unit that was nearest before (closed, moved away or cut), a shorter one to the action on the unit
 * nearest after (opened or moved closer). Returns the residents no action explains.
 */
const attribute = (input: ActionInput, byUnit: Map<string, Draft>, code: string): number => {
  const before = input.before.get(code);
  const after = input.after.get(code);
  if (!before || !after) return 0;
  const { cells, limitMinutes } = input;
  let unexplained = 0;
  for (let c = 0; c < cells.codes.length; c++) {
    const residents = cells.total[c] as number;
    if (!(residents > 0)) continue;
    const from = before.minutes[c] as number;
    const to = after.minutes[c] as number;
    if (from === to || (Number.isNaN(from) && Number.isNaN(to))) continue;
    const longer = to > from;
    const unit = longer ? before.nearest[c] : after.nearest[c];
    const draft = unit === null || unit === undefined ? undefined : byUnit.get(unit);
    if (!draft?.classes.has(code)) {
      unexplained += residents;
      continue;
    }
    add(
      tallyOf(longer ? draft.longer : draft.shorter, code),
      residents,
      cells.aged75[c] as number,
      from,
      to,
      limitMinutes,
    );
    const municipality = input.municipalities.get(cells.codes[c] as string) ?? '';
    let perClass = draft.byMunicipality.get(code);
    if (!perClass) {
      perClass = new Map();
      draft.byMunicipality.set(code, perClass);
    }
    const row = perClass.get(municipality) ?? { longer: 0, shorter: 0 };
    if (longer) row.longer += residents;
    else row.shorter += residents;
    perClass.set(municipality, row);
  }
  return unexplained;
};

const round1 = (value: number) => Math.round(value * 10) / 10;

const disclosedShift = (tally: Tally | undefined, unsuppressed: boolean): AccessShift => {
  const t = tally ?? emptyTally();
  const counts = [t.residents, t.aged75, t.acrossLimit, t.unreachable].map((n) =>
    unsuppressed ? { value: Math.round(n), suppressed: false } : discloseCount(Math.round(n)),
  );
  // A withheld group shows nothing beside it: its times and parts would describe those few people.
  const hidden = counts[0]?.suppressed === true;
  return {
    residents: counts[0]?.value ?? null,
    aged75: hidden ? null : (counts[1]?.value ?? null),
    meanMinutes: hidden || t.finiteResidents === 0 ? null : round1(t.minuteResidents / t.finiteResidents),
    acrossLimit: hidden ? null : (counts[2]?.value ?? null),
    unreachable: hidden ? null : (counts[3]?.value ?? null),
    suppressed: counts.some((c) => c.suppressed),
  };
};

const disclosedMunicipalities = (
  rows: Map<string, { longer: number; shorter: number }> | undefined,
  input: ActionInput,
): MunicipalityShift[] =>
  [...(rows ?? new Map<string, { longer: number; shorter: number }>())]
    .map(([code, row]) => ({ code, longer: Math.round(row.longer), shorter: Math.round(row.shorter) }))
    .filter((row) => row.longer + row.shorter > 0)
    .sort((a, b) => b.longer + b.shorter - (a.longer + a.shorter) || a.code.localeCompare(b.code))
    .map((row) => {
      const longer = input.unsuppressed
        ? { value: row.longer, suppressed: false }
        : discloseCount(row.longer);
      const shorter = input.unsuppressed
        ? { value: row.shorter, suppressed: false }
        : discloseCount(row.shorter);
      const name = input.municipalityNames.get(row.code);
      return {
        code: row.code,
        name: name?.fi ?? row.code,
        nameSv: name?.sv ?? null,
        longer: longer.value,
        shorter: shorter.value,
        suppressed: longer.suppressed || shorter.suppressed,
      };
    });

const roundCapacity = (value: number | undefined) => (value === undefined ? null : Math.round(value));
const roundShare = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value * 1000) / 1000;

/** Load per capacity of one class at a unit, from the unit's totals (load is spread in capacity's shares). */
const utilisationOf = (unit: UnitResult | undefined): number | null => roundShare(unit?.utilisation);

/**
 * A scenario as a list of actions with their effects: for each unit changed and each channel shift,
 * per service class, the residents whose trip gets longer or shorter (with those aged 75+, the mean
 * change, those taken across the limit and those left with no reachable unit), where they live, and the
 * unit's capacity and load before and after. Pure: the caller computes the access and the unit results.
 */
export const scenarioActions = (input: ActionInput): ScenarioActions => {
  const { drafts, byUnit } = draftActions(input);
  const classes = [...new Set(drafts.flatMap((d) => [...d.classes]))].filter(
    (code) => input.before.has(code) && input.after.has(code),
  );
  const unexplained = classes.map((code) => ({ serviceClass: code, count: attribute(input, byUnit, code) }));
  const unitsBefore = new Map(input.unitsBefore.map((u) => [u.code, u]));
  const unitsAfter = new Map(input.unitsAfter.map((u) => [u.code, u]));
  const actions = drafts.map((draft): ScenarioAction => {
    const was = draft.action.unitCode === null ? undefined : unitsBefore.get(draft.action.unitCode);
    const is = draft.action.unitCode === null ? undefined : unitsAfter.get(draft.action.unitCode);
    const effects = [...draft.classes]
      .filter((code) => input.before.has(code) && input.after.has(code))
      .map(
        (code): ActionEffect => ({
          serviceClass: code,
          longer: disclosedShift(draft.longer.get(code), input.unsuppressed),
          shorter: disclosedShift(draft.shorter.get(code), input.unsuppressed),
          municipalities: disclosedMunicipalities(draft.byMunicipality.get(code), input),
          capacityBefore: roundCapacity(was?.capacity[code]),
          capacityAfter: is?.status === 'closed' ? 0 : roundCapacity(is?.capacity[code]),
          utilisationBefore: utilisationOf(was),
          utilisationAfter: is?.status === 'closed' ? null : utilisationOf(is),
          inPersonDemandBefore: roundCapacity(input.demandBefore.get(code)),
          inPersonDemandAfter: roundCapacity(input.demandAfter.get(code)),
        }),
      );
    return { ...draft.action, effects };
  });
  return {
    limitMinutes: input.limitMinutes,
    maxTravelMinutes: input.maxTravelMinutes,
    actions,
    unexplained: unexplained.map(({ serviceClass, count }) => {
      const disclosed = input.unsuppressed ? { value: Math.round(count) } : discloseCount(Math.round(count));
      return { serviceClass, residents: disclosed.value };
    }),
  };
};
