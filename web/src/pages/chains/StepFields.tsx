import type { StepDraft } from './draft.js';
import { Field } from './Field.js';
import { KindsField } from './KindsField.js';
import type { ChainMessages } from './messages.js';

export type StepMove = 'up' | 'down';

/** The id of a step's move button, so that focus can follow the step it moved. */
export const moveButtonId = (formId: string, key: number, move: StepMove) => `${formId}-s${key}-${move}`;

/**
 * One step of the chain being edited: its code and names, the events that count as the step, and the
 * time allowed to the next one (not on the last step). Moving and removing are buttons, so a keyboard
 * does all of it.
 */
export const StepFields = ({
  formId,
  step,
  index,
  count,
  title,
  text,
  errorOf,
  onChange,
  onMove,
  onRemove,
}: {
  formId: string;
  step: StepDraft;
  index: number;
  count: number;
  /** "Step 2: Surgery", as the legend and the buttons name it. */
  title: string;
  text: ChainMessages;
  errorOf: (field: string) => string | undefined;
  onChange: (next: StepDraft) => void;
  onMove: (move: StepMove) => void;
  onRemove: () => void;
}) => {
  const e = text.edit;
  const id = (field: string) => `${formId}-s${step.key}-${field}`;
  const field = (name: keyof StepDraft) => `steps.${step.key}.${name}`;
  const textField = (name: 'code' | 'nameFi' | 'nameSv' | 'nameEn', label: string) => (
    <Field
      id={id(name)}
      label={label}
      value={step[name]}
      error={errorOf(field(name))}
      onChange={(ev) => onChange({ ...step, [name]: ev.target.value })}
    />
  );
  const codesField = (name: 'serviceClasses' | 'units' | 'producers', label: string, hint: string) => (
    <Field
      id={id(name)}
      label={label}
      hint={hint}
      className="chain-field--wide"
      value={step[name]}
      error={errorOf(field(name))}
      onChange={(ev) => onChange({ ...step, [name]: ev.target.value })}
    />
  );
  return (
    <fieldset className="chain-step-edit">
      <legend>{title}</legend>
      {textField('code', e.code)}
      {textField('nameFi', e.nameFi)}
      {textField('nameSv', e.nameSv)}
      {textField('nameEn', e.nameEn)}
      {codesField('serviceClasses', e.serviceClasses, e.serviceClassesHint)}
      <KindsField
        id={id('kinds')}
        legend={e.kinds}
        kinds={step.kinds}
        error={errorOf(field('kinds'))}
        text={text}
        onChange={(kinds) => onChange({ ...step, kinds })}
      />
      {codesField('units', e.units, e.codesHint)}
      {codesField('producers', e.producers, e.codesHint)}
      {index < count - 1 && (
        <Field
          id={id('maxDaysToNext')}
          label={e.maxDaysToNext}
          inputMode="numeric"
          value={step.maxDaysToNext}
          error={errorOf(field('maxDaysToNext'))}
          onChange={(ev) => onChange({ ...step, maxDaysToNext: ev.target.value })}
        />
      )}
      <div className="chain-step-actions">
        <button
          type="button"
          className="button-small"
          id={moveButtonId(formId, step.key, 'up')}
          disabled={index === 0}
          onClick={() => onMove('up')}
        >
          {e.moveUp(title)}
        </button>
        <button
          type="button"
          className="button-small"
          id={moveButtonId(formId, step.key, 'down')}
          disabled={index === count - 1}
          onClick={() => onMove('down')}
        >
          {e.moveDown(title)}
        </button>
        <button type="button" className="button-small" onClick={onRemove}>
          {e.remove(title)}
        </button>
      </div>
    </fieldset>
  );
};
