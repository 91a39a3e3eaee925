import { ChainDefinition, type ChainStep, EventKind } from '../../../../src/model/index.js';

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

export interface ChainDraft {
  base: ChainDefinition;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  steps: StepDraft[];
  washoutDays: string;
  ageFrom: string;
  ageTo: string;
  withinDaysOfEntry: string;
}

/** Why a field is refused, with what the words need; the page says it in the reader's language. */
export type FieldError =
  | { code: 'required' }
  | { code: 'wholeNumber'; min: number; max: number }
  | { code: 'stepCode' }
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
  base: chain,
  nameFi: chain.nameFi,
  nameSv: chain.nameSv,
  nameEn: chain.nameEn,
  steps: chain.steps.map((s, i) => stepDraft(s, i + 1)),
  washoutDays: String(chain.entry.washoutDays),
  ageFrom: String(chain.entry.ageFrom),
  ageTo: String(chain.entry.ageTo),
  withinDaysOfEntry: String(chain.end.withinDaysOfEntry),
});

/** A blank step to fill in, with a key no other step of the draft has. */
export const blankStep = (draft: ChainDraft): StepDraft => ({
  key: Math.max(0, ...draft.steps.map((s) => s.key)) + 1,
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
 * passes. The model's schema checks the result again, so nothing it refuses is ever sent.
 */
export const readDraft = (
  draft: ChainDraft,
  serviceClasses?: ReadonlySet<string>,
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
  const n = draft.steps.length;
  if (n < minSteps || n > maxSteps) errors.steps = { code: 'stepCount', min: minSteps, max: maxSteps };
  const seen = new Set<string>();
  const steps = draft.steps.map((s, i): ChainStep => {
    const at = (field: string) => `steps.${s.key}.${field}`;
    const code = text(at('code'), s.code);
    if (code !== '' && !/^[a-z0-9-]{1,32}$/.test(code)) errors[at('code')] = { code: 'stepCode' };
    else if (code !== '' && seen.has(code)) errors[at('code')] = { code: 'duplicateStepCode' };
    seen.add(code);
    const classes = codesOf(s.serviceClasses);
    if (classes.length === 0) errors[at('serviceClasses')] = { code: 'required' };
    const unknown = serviceClasses ? classes.filter((c) => !serviceClasses.has(c)) : [];
    if (unknown.length > 0) errors[at('serviceClasses')] = { code: 'unknownServiceClasses', codes: unknown };
    if (s.kinds.length === 0) errors[at('kinds')] = { code: 'noKind' };
    const units = codesOf(s.units);
    const producers = codesOf(s.producers);
    const last = i === n - 1;
    return {
      code,
      nameFi: text(at('nameFi'), s.nameFi),
      nameSv: text(at('nameSv'), s.nameSv),
      nameEn: text(at('nameEn'), s.nameEn),
      serviceClasses: classes,
      kinds: EventKind.options.filter((k) => s.kinds.includes(k)),
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
  const definition = {
    ...draft.base,
    nameFi: text('nameFi', draft.nameFi),
    nameSv: text('nameSv', draft.nameSv),
    nameEn: text('nameEn', draft.nameEn),
    steps,
    entry: { washoutDays: whole('washoutDays', draft.washoutDays, 0, maxDays), ageFrom, ageTo },
    end: { withinDaysOfEntry },
  };
  if (Object.keys(errors).length > 0) return { definition: null, errors };
  const parsed = ChainDefinition.safeParse(definition);
  // The checks above cover the schema; a refusal here is a bug in them, named on the whole form.
  if (!parsed.success) return { definition: null, errors: { form: { code: 'refused' } } };
  return { definition: parsed.data, errors: null };
};
