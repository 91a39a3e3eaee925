import { EventKind } from '../../../../src/model/index.js';
import type { ChainMessages } from './messages.js';

/** The event kinds that count, as checkboxes in a fieldset that names its error beside them. */
export const KindsField = ({
  id,
  legend,
  kinds,
  error,
  text,
  onChange,
}: {
  id: string;
  legend: string;
  kinds: readonly EventKind[];
  error: string | undefined;
  text: ChainMessages;
  onChange: (kinds: EventKind[]) => void;
}) => (
  <fieldset className="chain-kinds" aria-describedby={error ? `${id}-error` : undefined}>
    <legend>{legend}</legend>
    {EventKind.options.map((kind) => (
      <label key={kind}>
        <input
          type="checkbox"
          checked={kinds.includes(kind)}
          onChange={(ev) => onChange(ev.target.checked ? [...kinds, kind] : kinds.filter((k) => k !== kind))}
        />
        {text.edit.kindNames[kind]}
      </label>
    ))}
    {error && (
      <span id={`${id}-error`} className="chain-field-error">
        {error}
      </span>
    )}
  </fieldset>
);
