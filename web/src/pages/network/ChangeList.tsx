import { type FormEvent, useEffect, useId, useState } from 'react';
import type { ScenarioChange } from '../../../../src/model/index.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { type Formats, useFormats } from './format.js';
import { type NetworkMessages, networkMessages } from './messages.js';

interface ChangeListProps {
  changes: ScenarioChange[];
  unitName(code: string): string;
  className(code: string): string;
  serviceClass: string;
  shift: number;
  onShift(share: number): void;
  onRemove(index: number): void;
  onClear(): void;
}

export const describeChange = (
  change: ScenarioChange,
  {
    text,
    unitName,
    className,
    format,
  }: {
    text: NetworkMessages['changes'];
    unitName: (code: string) => string;
    className: (code: string) => string;
    format: Formats;
  },
): string => {
  switch (change.kind) {
    case 'close':
      return text.close(unitName(change.unitCode));
    case 'open':
      return text.open(change.name);
    case 'move':
      return text.move(unitName(change.unitCode));
    case 'capacity':
      return text.capacity(unitName(change.unitCode), format.whole(change.capacityPerYear));
    case 'hours':
      return text.hours(unitName(change.unitCode), format.whole(change.hoursPerWeek));
    case 'shiftChannel':
      return text.shift(className(change.serviceClass), format.whole(change.share * 100));
  }
};

/** The working changes in order, each removable, and the share of visits moved to remote channels. */
export const ChangeList = ({
  changes,
  unitName,
  className,
  serviceClass,
  shift,
  onShift,
  onRemove,
  onClear,
}: ChangeListProps) => {
  const messages = usePageMessages(networkMessages);
  const text = messages.changes;
  const format = useFormats();
  const id = useId();
  const [share, setShare] = useState(String(Math.round(shift * 100)));
  useEffect(() => setShare(String(Math.round(shift * 100))), [shift]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(share.replace(',', '.'));
    if (Number.isFinite(value) && value >= 0 && value <= 100) onShift(value / 100);
  };
  return (
    <>
      {changes.length === 0 ? (
        <p id="network-no-changes">{text.none}</p>
      ) : (
        <>
          <ol className="change-list" id="network-changes">
            {changes.map((change, index) => {
              const description = describeChange(change, { text, unitName, className, format });
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: changes are an ordered list without ids
                <li key={index}>
                  <span>{description}</span>{' '}
                  <button
                    type="button"
                    className="button-small"
                    aria-label={text.removeContext(description)}
                    onClick={() => onRemove(index)}
                  >
                    {text.remove}
                  </button>
                </li>
              );
            })}
          </ol>
          <button type="button" className="button-small" onClick={onClear}>
            {text.clear}
          </button>
        </>
      )}
      <form className="inline-form" onSubmit={submit}>
        <fieldset>
          <legend>{messages.shift.title}</legend>
          <label htmlFor={`${id}-share`}>{messages.shift.share(className(serviceClass))}</label>
          <input
            id={`${id}-share`}
            type="number"
            min={0}
            max={100}
            step={5}
            value={share}
            onChange={(event) => setShare(event.target.value)}
          />
          <button type="submit">{messages.shift.apply}</button>
        </fieldset>
      </form>
    </>
  );
};
