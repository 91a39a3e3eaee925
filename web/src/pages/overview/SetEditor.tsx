import { useId, useState } from 'react';
import type { CatalogueIndicator, LocalText, MonitoringSet } from '../../../../src/model/index.js';
import { useFailureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { deleteTarget, saveMonitoringSet } from './api.js';
import {
  type DraftItem,
  type DraftSet,
  draftOf,
  droppedTargetIds,
  move,
  newTarget,
  updateOf,
} from './editing.js';
import { overviewMessages } from './messages.js';
import { setDescription, setName } from './setTexts.js';

interface SetEditorProps {
  set: MonitoringSet;
  /** Titles of the set's own indicators, known before the full list has arrived. */
  titles: ReadonlyMap<string, LocalText>;
  indicators: readonly CatalogueIndicator[];
  defaultYear: number;
  onSaved(): void;
  onCancel(): void;
}

/** The county edits its monitoring set here: which indicators, in which order, with which targets. */
export const SetEditor = ({ set, titles, indicators, defaultYear, onSaved, onCancel }: SetEditorProps) => {
  const { language } = useI18n();
  const failureText = useFailureText();
  const text = usePageMessages(overviewMessages).editor;
  const plain = (value: number) => String(value).replace('.', language === 'en' ? '.' : ',');
  // A shipped set is edited in the reader's language; sent back unchanged, it stays shipped in all three.
  const [draft, setDraft] = useState<DraftSet>(() => ({
    ...draftOf(set, plain),
    name: setName(set, language),
    description: setDescription(set, language),
  }));
  const [adding, setAdding] = useState('');
  const [state, setState] = useState<
    { kind: 'idle' | 'saving' } | { kind: 'invalid'; ids: string[] } | { kind: 'failed'; failure: unknown }
  >({ kind: 'idle' });
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  const titleOf = (id: string) => (titles.get(id) ?? byId.get(id)?.title)?.[language] ?? id;
  const available = indicators.filter(
    (indicator) => !draft.items.some((item) => item.indicatorId === indicator.id),
  );

  const setItems = (items: DraftItem[]) => setDraft((current) => ({ ...current, items }));
  const changeItem = (index: number, change: Partial<DraftItem>) =>
    setItems(draft.items.map((item, i) => (i === index ? { ...item, ...change } : item)));

  const save = async () => {
    const update = updateOf(draft, set.version);
    if ('invalid' in update) {
      setState({ kind: 'invalid', ids: update.invalid });
      return;
    }
    setState({ kind: 'saving' });
    try {
      await saveMonitoringSet(set.id, update);
      for (const id of droppedTargetIds(set, draft)) await deleteTarget(id);
      onSaved();
    } catch (error) {
      setState({ kind: 'failed', failure: error });
    }
  };

  return (
    <form
      className="set-editor"
      aria-labelledby="set-editor-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="set-editor-title">{text.title}</h2>
      <label className="field field--wide">
        <span>{text.name}</span>
        <input
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          required
        />
      </label>
      <label className="field field--wide">
        <span>{text.description}</span>
        <textarea
          rows={2}
          value={draft.description}
          onChange={(event) => setDraft({ ...draft, description: event.target.value })}
        />
      </label>
      <h3>{text.items}</h3>
      <ol className="set-editor__items">
        {draft.items.map((item, index) => (
          <EditorItem
            key={`${item.indicatorId}-${item.scope.level}-${item.scope.code ?? ''}`}
            item={item}
            title={titleOf(item.indicatorId)}
            first={index === 0}
            last={index === draft.items.length - 1}
            onMove={(by) => setItems(move(draft.items, index, index + by))}
            onRemove={() => setItems(draft.items.filter((_, i) => i !== index))}
            onChange={(change) => changeItem(index, change)}
            newTarget={() => newTarget(byId.get(item.indicatorId), defaultYear)}
          />
        ))}
      </ol>
      <div className="set-editor__add">
        <label className="field field--wide">
          <span>{text.add}</span>
          <select id="set-editor-add" value={adding} onChange={(event) => setAdding(event.target.value)}>
            <option value="" />
            {available.map((indicator) => (
              <option key={indicator.id} value={indicator.id}>
                {indicator.title[language]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          disabled={adding === ''}
          onClick={() => {
            setItems([
              ...draft.items,
              { indicatorId: adding, scope: { level: 'county', code: null }, target: null },
            ]);
            setAdding('');
          }}
        >
          {text.addButton}
        </button>
      </div>
      <div className="set-editor__actions">
        <button type="submit" className="button button--primary" disabled={state.kind === 'saving'}>
          {state.kind === 'saving' ? text.saving : text.save}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {text.cancel}
        </button>
      </div>
      <p
        role="alert"
        className={
          state.kind === 'invalid' || state.kind === 'failed' ? 'status status--error' : 'visually-hidden'
        }
      >
        {state.kind === 'invalid' && text.failed(state.ids.map(titleOf).join(', '))}
        {state.kind === 'failed' && text.failed(failureText(state.failure))}
      </p>
    </form>
  );
};

interface EditorItemProps {
  item: DraftItem;
  title: string;
  first: boolean;
  last: boolean;
  onMove(by: number): void;
  onRemove(): void;
  onChange(change: Partial<DraftItem>): void;
  newTarget(): NonNullable<DraftItem['target']>;
}

const EditorItem = ({ item, title, first, last, onMove, onRemove, onChange, newTarget }: EditorItemProps) => {
  const text = usePageMessages(overviewMessages).editor;
  const id = useId();
  const target = item.target;
  const setTarget = (change: Partial<NonNullable<DraftItem['target']>>) =>
    target && onChange({ target: { ...target, ...change } });
  return (
    <li className="set-editor__item">
      <div className="set-editor__row">
        <strong id={`${id}-title`}>{title}</strong>
        <span className="set-editor__buttons">
          <button
            type="button"
            className="button-small"
            disabled={first}
            aria-label={text.upContext(title)}
            onClick={() => onMove(-1)}
          >
            {text.up}
          </button>
          <button
            type="button"
            className="button-small"
            disabled={last}
            aria-label={text.downContext(title)}
            onClick={() => onMove(1)}
          >
            {text.down}
          </button>
          <button
            type="button"
            className="button-small"
            aria-label={text.removeContext(title)}
            onClick={onRemove}
          >
            {text.remove}
          </button>
        </span>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={target !== null}
          onChange={(event) => onChange({ target: event.target.checked ? newTarget() : null })}
          aria-describedby={`${id}-title`}
        />
        {text.hasTarget}
      </label>
      {target ? (
        <fieldset className="set-editor__target" aria-labelledby={`${id}-title`}>
          <label className="field">
            <span>{text.targetValue}</span>
            <input
              inputMode="decimal"
              value={target.targetValue}
              required
              onChange={(event) => setTarget({ targetValue: event.target.value })}
            />
          </label>
          <label className="field">
            <span>{text.tolerance}</span>
            <input
              inputMode="decimal"
              value={target.tolerance}
              onChange={(event) => setTarget({ tolerance: event.target.value })}
            />
          </label>
          <label className="field">
            <span>{text.targetPeriod}</span>
            <input
              value={target.period}
              pattern="\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?"
              onChange={(event) => setTarget({ period: event.target.value })}
            />
          </label>
          <label className="field">
            <span>{text.direction}</span>
            <select
              value={target.direction}
              onChange={(event) => setTarget({ direction: event.target.value as typeof target.direction })}
            >
              <option value="higherIsBetter">{text.directions.higherIsBetter}</option>
              <option value="lowerIsBetter">{text.directions.lowerIsBetter}</option>
            </select>
          </label>
        </fieldset>
      ) : null}
    </li>
  );
};
