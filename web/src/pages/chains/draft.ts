import { ChainDefinition, ChainId, type ChainStep, EventKind } from '../../../../src/model/index.js';

/** One step as the editor holds it: numbers and code lists as typed, so a half-typed value is kept. */
export interface StepDraft {
  /** Stable across reordering, for React and for the fields' ids; not saved. */
  key: number;
  code: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  /** Codes separated by commas or spaces. */
  serviceClasses: string;
  kinds: EventKind[];
  units: string;
  producers: string;
  maxDaysToNext: string;
}

/** The return rule as the editor holds it: which events are a return, and within how many days. */
export interface ReturnsDraft {
  withinDays: string;
  serviceClasses: string;
  kinds: EventKind[];
  units: string;
  producers: string;
}

export interface ChainDraft {
  /** The chain's id: typed for a new chain, fixed for an existing one. */
  id: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  steps: StepDraft[];
  washoutDays: string;
  ageFrom: string;
  ageTo: string;
  withinDaysOfEntry: string;
  returns: ReturnsDraft;
}

/** Why a field is refused, with what the words need; the page says it in the reader's language. */
export type FieldError =
  | { code: 'required' }
  | { code: 'wholeNumber'; min: number; max: number }
  | { code: 'stepCode' }
  | { code: 'chainId' }
  | { code: 'takenChainId' }
  | { code: 'duplicateStepCode' }
  | { code: 'unknownServiceClasses'; codes: string[] }
  | { code: 'noKind' }
  | { code: 'ageOrder' }
  | { code: 'stepCount'; min: number; max: number }
  | { code: 'refused' };

/** Field name → its error. Step fields are `steps.<key>.<field>`, so an error follows its step when moved. */
export type DraftErrors = Record<string, FieldError>;

export const minSteps = 2;
export const maxSteps = 8;
const maxDays = 3650;
/** The return rule's days, as the model allows them. */
export const returnDays = { min: 1, max: 365 } as const;

const codesOf = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');

export const stepDraft = (step: ChainStep, key: number): StepDraft => ({
  key,
  code: step.code,
  nameFi: step.nameFi,
  nameSv: step.nameSv,
  nameEn: step.nameEn,
  serviceClasses: step.serviceClasses.join(', '),
  kinds: [...step.kinds],
  units: step.units?.join(', ') ?? '',
  producers: step.producers?.join(', ') ?? '',
  maxDaysToNext: step.maxDaysToNext === undefined ? '' : String(step.maxDaysToNext),
});

export const draftOf = (chain: ChainDefinition): ChainDraft => ({
  id: chain.id,
  nameFi: chain.nameFi,
  nameSv: chain.nameSv,
  nameEn: chain.nameEn,
  steps: chain.steps.map((s, i) => stepDraft(s, i + 1)),
  washoutDays: String(chain.entry.washoutDays),
  ageFrom: String(chain.entry.ageFrom),
  ageTo: String(chain.entry.ageTo),
  withinDaysOfEntry: String(chain.end.withinDaysOfEntry),
  returns: {
    withinDays: String(chain.returns.withinDays),
    serviceClasses: chain.returns.serviceClasses.join(', '),
    kinds: [...chain.returns.kinds],
    units: chain.returns.units?.join(', ') ?? '',
    producers: chain.returns.producers?.join(', ') ?? '',
  },
});

const blankStepOf = (key: number): StepDraft => ({
  key,
  code: '',
  nameFi: '',
  nameSv: '',
  nameEn: '',
  serviceClasses: '',
  kinds: ['visit'],
  units: '',
  producers: '',
  maxDaysToNext: '',
});

/**
 * A chain to write from scratch: two blank steps, the entry and end rules of most shipped chains, and
 * returns within 30 days; the id, names, steps and the events that are a return are for the writer.
 */
export const blankDraft = (): ChainDraft => ({
  id: '',
  nameFi: '',
  nameSv: '',
  nameEn: '',
  steps: [blankStepOf(1), blankStepOf(2)],
  washoutDays: '90',
  ageFrom: '0',
  ageTo: '100',
  withinDaysOfEntry: '90',
  returns: { withinDays: '30', serviceClasses: '', kinds: ['visit'], units: '', producers: '' },
});

/** A copy of a chain to save under a new id: everything but the id, which the writer gives. */
export const copyDraft = (chain: ChainDefinition): ChainDraft => ({ ...draftOf(chain), id: '' });

/** A blank step to fill in, with a key no other step of the draft has. */
export const blankStep = (draft: ChainDraft): StepDraft =>
  blankStepOf(Math.max(0, ...draft.steps.map((s) => s.key)) + 1);

/** The steps with the one at `from` moved to `to` (both in range). */
export const moveStep = (steps: readonly StepDraft[], from: number, to: number): StepDraft[] => {
  const moved = [...steps];
  const [step] = moved.splice(from, 1);
  if (step === undefined || to < 0 || to > steps.length - 1) return [...steps];
  moved.splice(to, 0, step);
  return moved;
};

/**
 * Reads the draft into a definition, or says for each field what is wrong with it. `serviceClasses` is
 * the catalogue's codes (a step may not name a class the county does not have); without it any code
 * passes. `takenIds`, for a new chain, are the ids of the chains in force, which it may not have. The
 * model's schema checks the result again, so nothing it refuses is ever sent.
 */
export const readDraft = (
  draft: ChainDraft,
  serviceClasses?: ReadonlySet<string>,
  takenIds?: ReadonlySet<string>,
): { definition: ChainDefinition; errors: null } | { definition: null; errors: DraftErrors } => {
  const errors: DraftErrors = {};
  const text = (field: string, value: string) => {
    if (value.trim() === '') errors[field] = { code: 'required' };
    return value.trim();
  };
  const whole = (field: string, value: string, min: number, max: number): number => {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max)
      errors[field] = value.trim() === '' ? { code: 'required' } : { code: 'wholeNumber', min, max };
    return n;
  };
  const id = text('id', draft.id);
  if (id !== '' && !ChainId.safeParse(id).success) errors.id = { code: 'chainId' };
  else if (takenIds?.has(id)) errors.id = { code: 'takenChainId' };
  const classesOf = (field: string, value: string): string[] => {
    const classes = codesOf(value);
    if (classes.length === 0) errors[field] = { code: 'required' };
    const unknown = serviceClasses ? classes.filter((c) => !serviceClasses.has(c)) : [];
    if (unknown.length > 0) errors[field] = { code: 'unknownServiceClasses', codes: unknown };
    return classes;
  };
  const kindsOf = (field: string, kinds: readonly EventKind[]): EventKind[] => {
    if (kinds.length === 0) errors[field] = { code: 'noKind' };
    return EventKind.options.filter((k) => kinds.includes(k));
  };
  const n = draft.steps.length;
  if (n < minSteps || n > maxSteps) errors.steps = { code: 'stepCount', min: minSteps, max: maxSteps };
  const seen = new Set<string>();
  const steps = draft.steps.map((s, i): ChainStep => {
    const at = (field: string) => `steps.${s.key}.${field}`;
    const code = text(at('code'), s.code);
    if (code !== '' && !/^[a-z0-9-]{1,32}$/.test(code)) errors[at('code')] = { code: 'stepCode' };
    else if (code !== '' && seen.has(code)) errors[at('code')] = { code: 'duplicateStepCode' };
    seen.add(code);
    const classes = classesOf(at('serviceClasses'), s.serviceClasses);
    const kinds = kindsOf(at('kinds'), s.kinds);
    const units = codesOf(s.units);
    const producers = codesOf(s.producers);
    const last = i === n - 1;
    return {
      code,
      nameFi: text(at('nameFi'), s.nameFi),
      nameSv: text(at('nameSv'), s.nameSv),
      nameEn: text(at('nameEn'), s.nameEn),
      serviceClasses: classes,
      kinds,
      ...(units.length > 0 && { units }),
      ...(producers.length > 0 && { producers }),
      ...(!last && { maxDaysToNext: whole(at('maxDaysToNext'), s.maxDaysToNext, 0, maxDays) }),
    };
  });
  const ageFrom = whole('ageFrom', draft.ageFrom, 0, 100);
  const ageTo = whole('ageTo', draft.ageTo, 0, 100);
  if (errors.ageFrom === undefined && errors.ageTo === undefined && ageFrom > ageTo)
    errors.ageTo = { code: 'ageOrder' };
  const withinDaysOfEntry = whole('withinDaysOfEntry', draft.withinDaysOfEntry, 0, maxDays);
  const r = draft.returns;
  const returnUnits = codesOf(r.units);
  const returnProducers = codesOf(r.producers);
  const returns = {
    serviceClasses: classesOf('returns.serviceClasses', r.serviceClasses),
    kinds: kindsOf('returns.kinds', r.kinds),
    ...(returnUnits.length > 0 && { units: returnUnits }),
    ...(returnProducers.length > 0 && { producers: returnProducers }),
    withinDays: whole('returns.withinDays', r.withinDays, returnDays.min, returnDays.max),
  };
  const definition = {
    id,
    nameFi: text('nameFi', draft.nameFi),
    nameSv: text('nameSv', draft.nameSv),
    nameEn: text('nameEn', draft.nameEn),
    steps,
    entry: { washoutDays: whole('washoutDays', draft.washoutDays, 0, maxDays), ageFrom, ageTo },
    end: { withinDaysOfEntry },
    returns,
  };
  if (Object.keys(errors).length > 0) return { definition: null, errors };
  const parsed = ChainDefinition.safeParse(definition);
  // The checks above cover the schema; a refusal here is a bug in them, named on the whole form.
  if (!parsed.success) return { definition: null, errors: { form: { code: 'refused' } } };
  return { definition: parsed.data, errors: null };
};
