import type { ReactNode } from 'react';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { programmeMessages } from './messages.js';

/**
 * A list of a project's items (milestones, risks, funding lines, effects) as the project form edits it:
 * each item a group named by its number, with a button to remove it, and a button to add a blank one.
 */
export const FormList = <T,>({
  legend,
  itemName,
  items,
  blank,
  onChange,
  render,
}: {
  legend: string;
  /** What one item is called ("Milestone"): its group is "Milestone 2", its buttons name it. */
  itemName: string;
  items: readonly T[];
  blank: () => T;
  onChange: (items: T[]) => void;
  render: (item: T, update: (next: T) => void) => ReactNode;
}) => {
  const text = usePageMessages(programmeMessages);
  return (
    <fieldset className="form-list">
      <legend>{legend}</legend>
      {items.map((item, i) => {
        const name = text.form.item(itemName, i + 1);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no key of their own; the place is the item
          <fieldset key={i} className="form-list__item">
            <legend>{name}</legend>
            {render(item, (next) => onChange(items.map((x, j) => (j === i ? next : x))))}
            <button
              type="button"
              className="button-small"
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              {text.form.remove(name)}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button-small" onClick={() => onChange([...items, blank()])}>
        {`${text.form.add}: ${itemName.toLowerCase()}`}
      </button>
    </fieldset>
  );
};
