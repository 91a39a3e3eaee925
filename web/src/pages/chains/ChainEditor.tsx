import { type FormEvent, useEffect, useId, useState } from 'react';
import type { ChainDefinition, ServiceClass, StoredChain } from '../../../../src/model/index.js';
import { reasonOf } from '../../api/failure.js';
import { useApi } from '../../api/useApi.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import {
  blankStep,
  type ChainDraft,
  type DraftErrors,
  type FieldError,
  maxSteps,
  moveStep,
  type ReturnsDraft,
  readDraft,
  type StepDraft,
} from './draft.js';
import { Field } from './Field.js';
import { KindsField } from './KindsField.js';
import type { ChainMessages } from './messages.js';
import { moveButtonId, StepFields, type StepMove } from './StepFields.js';

export const errorText = (text: ChainMessages, error: FieldError): string => {
  const words = text.edit.errors;
  switch (error.code) {
    case 'wholeNumber':
    case 'stepCount':
      return words[error.code](error.min, error.max);
    case 'unknownServiceClasses':
      return words.unknownServiceClasses(error.codes.join(', '));
    default:
      return words[error.code]();
  }
};

const nameIn = (step: StepDraft, language: string) =>
  (language === 'sv' ? step.nameSv : language === 'en' ? step.nameEn : step.nameFi).trim();

const movedName = (steps: readonly StepDraft[], key: number, language: string) => {
  const step = steps.find((s) => s.key === key);
  return step ? nameIn(step, language) || step.code : '';
};

/**
 * Edits a chain's definition: its names, its steps (added, removed, moved), the events of each step and
 * the days allowed to the next, the entry, end and return rules. A save is a new version naming the
 * version it was made on; the page keeps the confirmation, since this form is made afresh for the new
 * version. For a new chain (`takenIds` given) the form asks for its id too, one no chain in force has.
 */
export const ChainEditor = ({
  initial,
  title,
  submit: submitLabel,
  takenIds,
  text,
  save,
  onSaved,
}: {
  initial: ChainDraft;
  title: string;
  submit: string;
  /** For a new chain: the ids of the chains in force, which it may not take. */
  takenIds?: ReadonlySet<string>;
  text: ChainMessages;
  save: (definition: ChainDefinition) => Promise<StoredChain>;
  onSaved: (saved: StoredChain) => void;
}) => {
  const { t, language } = useI18n();
  const formId = useId();
  const e = text.edit;
  const classes = useApi<ServiceClass[]>('/api/service-classes');
  const known = classes.status === 'ready' ? new Set(classes.data.map((c) => c.code)) : undefined;
  const [draft, setDraft] = useState<ChainDraft>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [moved, setMoved] = useState<{ key: number; move: StepMove; position: number } | null>(null);

  const read = readDraft(draft, known, takenIds);
  const errors: DraftErrors = read.errors ?? {};
  const errorOf = (field: string) => {
    const error = errors[field];
    return error && (attempted || touched.has(field)) ? errorText(text, error) : undefined;
  };
  const change = (next: ChainDraft, fields: string[]) => {
    setDraft(next);
    setTouched((before) => new Set([...before, ...fields]));
  };

  // Focus follows a moved step: its same button, or the other one where the step reached an end.
  useEffect(() => {
    if (!moved) return;
    const same = document.getElementById(moveButtonId(formId, moved.key, moved.move));
    const other = document.getElementById(
      moveButtonId(formId, moved.key, moved.move === 'up' ? 'down' : 'up'),
    );
    ((same as HTMLButtonElement | null)?.disabled ? other : same)?.focus();
  }, [moved, formId]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    setFailure(null);
    if (!read.definition) {
      setFailure(e.invalid);
      return;
    }
    setSaving(true);
    try {
      onSaved(await save(read.definition));
    } catch (error) {
      setFailure(failureText(t, reasonOf(error)));
      setSaving(false);
    }
  };

  const chainField = (
    name: 'id' | 'nameFi' | 'nameSv' | 'nameEn' | 'washoutDays' | 'ageFrom' | 'ageTo' | 'withinDaysOfEntry',
    label: string,
    hint?: string,
  ) => (
    <Field
      id={`${formId}-${name}`}
      label={label}
      hint={hint}
      value={draft[name]}
      error={errorOf(name)}
      {...(name === 'id'
        ? { className: 'chain-field--wide', autoComplete: 'off', spellCheck: false }
        : name.startsWith('name')
          ? { className: 'chain-field--wide' }
          : { inputMode: 'numeric' })}
      onChange={(ev) => change({ ...draft, [name]: ev.target.value }, [name])}
    />
  );
  const returnsField = (
    name: 'withinDays' | 'serviceClasses' | 'units' | 'producers',
    label: string,
    hint?: string,
  ) => (
    <Field
      id={`${formId}-returns-${name}`}
      label={label}
      hint={hint}
      value={draft.returns[name]}
      error={errorOf(`returns.${name}`)}
      {...(name === 'withinDays' ? { inputMode: 'numeric' } : { className: 'chain-field--wide' })}
      onChange={(ev) => changeReturns({ [name]: ev.target.value })}
    />
  );
  const changeReturns = (next: Partial<ReturnsDraft>) =>
    change(
      { ...draft, returns: { ...draft.returns, ...next } },
      Object.keys(next).map((f) => `returns.${f}`),
    );
  const stepsError = errors.steps ? errorText(text, errors.steps) : undefined;
  const titleOf = (step: StepDraft, i: number) => {
    const name = nameIn(step, language);
    return name === '' ? e.step(i + 1) : `${e.step(i + 1)}: ${name}`;
  };
  return (
    <form className="chain-editor" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`}>{title}</h3>
      <fieldset className="chain-edit-group">
        <legend className="visually-hidden">{title}</legend>
        {takenIds && chainField('id', e.id, e.idHint)}
        {chainField('nameFi', e.nameFi)}
        {chainField('nameSv', e.nameSv)}
        {chainField('nameEn', e.nameEn)}
      </fieldset>
      <fieldset
        className="chain-steps-edit"
        aria-describedby={stepsError ? `${formId}-steps-error` : undefined}
      >
        <legend>{e.steps}</legend>
        {draft.steps.map((step, i) => (
          <StepFields
            key={step.key}
            formId={formId}
            step={step}
            index={i}
            count={draft.steps.length}
            title={titleOf(step, i)}
            text={text}
            errorOf={errorOf}
            onChange={(next) =>
              change(
                { ...draft, steps: draft.steps.map((s) => (s.key === step.key ? next : s)) },
                (Object.keys(next) as (keyof StepDraft)[])
                  .filter((f) => next[f] !== step[f])
                  .map((f) => `steps.${step.key}.${f}`),
              )
            }
            onMove={(move) => {
              const to = move === 'up' ? i - 1 : i + 1;
              change({ ...draft, steps: moveStep(draft.steps, i, to) }, ['steps']);
              setMoved({ key: step.key, move, position: to + 1 });
            }}
            onRemove={() => {
              change({ ...draft, steps: draft.steps.filter((s) => s.key !== step.key) }, ['steps']);
              setMoved(null);
            }}
          />
        ))}
        {stepsError && (attempted || touched.has('steps')) && (
          <p id={`${formId}-steps-error`} className="chain-field-error">
            {stepsError}
          </p>
        )}
        {draft.steps.length < maxSteps && (
          <button
            type="button"
            className="button-small"
            onClick={() => {
              const step = blankStep(draft);
              change({ ...draft, steps: [...draft.steps, step] }, ['steps']);
            }}
          >
            {e.add}
          </button>
        )}
        <p role="status" className="visually-hidden">
          {moved && e.moved(movedName(draft.steps, moved.key, language), moved.position)}
        </p>
      </fieldset>
      <fieldset className="chain-edit-group">
        <legend>{e.entry}</legend>
        {chainField('washoutDays', e.washoutDays)}
        {chainField('ageFrom', e.ageFrom)}
        {chainField('ageTo', e.ageTo)}
      </fieldset>
      <fieldset className="chain-edit-group">
        <legend>{e.end}</legend>
        {chainField('withinDaysOfEntry', e.withinDaysOfEntry)}
      </fieldset>
      <fieldset className="chain-edit-group">
        <legend>{e.returnRule}</legend>
        {returnsField('withinDays', e.returnWithinDays)}
        {returnsField('serviceClasses', e.returnServiceClasses, e.serviceClassesHint)}
        <KindsField
          id={`${formId}-returns-kinds`}
          legend={e.returnKinds}
          kinds={draft.returns.kinds}
          error={errorOf('returns.kinds')}
          text={text}
          onChange={(kinds) => changeReturns({ kinds })}
        />
        {returnsField('units', e.units, e.codesHint)}
        {returnsField('producers', e.producers, e.codesHint)}
      </fieldset>
      {failure && (
        <p role="alert" className="status status--error">
          {failure}
        </p>
      )}
      <p className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {submitLabel}
        </button>
      </p>
    </form>
  );
};
