import { type FormEvent, useEffect, useId, useState } from 'react';
import type { Scenario } from '../../../../src/model/index.js';
import { useFailureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useCan } from '../../session/SessionProvider.js';
import { networkMessages } from './messages.js';

interface ScenarioManagerProps {
  scenarios: Scenario[];
  /** The saved scenario the working changes came from, if any. */
  current: Scenario | null;
  onSave(name: string, asNew: boolean): Promise<void>;
  onLoad(scenario: Scenario): void;
  onDelete(scenario: Scenario): Promise<void>;
  onCompare(ids: string[]): void;
}

/** Save the working changes, open or delete saved scenarios, and choose which to compare. */
export const ScenarioManager = ({
  scenarios,
  current,
  onSave,
  onLoad,
  onDelete,
  onCompare,
}: ScenarioManagerProps) => {
  const text = usePageMessages(networkMessages).scenarios;
  const { dateTime } = useI18n();
  const failureText = useFailureText();
  const mayEdit = useCan('editScenarios');
  const id = useId();
  const [name, setName] = useState(current?.name ?? '');
  const [chosen, setChosen] = useState<string[]>(['base']);
  const [message, setMessage] = useState('');
  // A scenario just saved or opened is one the planner will want to compare.
  useEffect(() => {
    if (current)
      setChosen((previous) => (previous.includes(current.id) ? previous : [...previous, current.id]));
  }, [current]);

  const save = (asNew: boolean) => async (event?: FormEvent) => {
    event?.preventDefault();
    if (name.trim() === '') return;
    try {
      await onSave(name.trim(), asNew);
    } catch (error) {
      setMessage(text.failed(failureText(error)));
    }
  };
  const toggle = (scenarioId: string) =>
    setChosen((previous) =>
      previous.includes(scenarioId) ? previous.filter((c) => c !== scenarioId) : [...previous, scenarioId],
    );

  return (
    <>
      {mayEdit && (
        <form className="inline-form" onSubmit={save(true)}>
          <label htmlFor={`${id}-name`}>{text.name}</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit">{text.save}</button>
          {current && (
            <button type="button" onClick={() => void save(false)()}>
              {text.update}
            </button>
          )}
        </form>
      )}
      {message !== '' && (
        <p className="status status--error" role="alert">
          {message}
        </p>
      )}
      <fieldset className="scenario-choice">
        <legend>{text.compareLegend}</legend>
        <ul className="scenario-list" id="network-scenarios">
          <li>
            <input
              id={`${id}-base`}
              type="checkbox"
              checked={chosen.includes('base')}
              onChange={() => toggle('base')}
            />
            <label htmlFor={`${id}-base`}>{text.base}</label>
          </li>
          {scenarios.map((scenario) => (
            <li key={scenario.id}>
              <input
                id={`${id}-${scenario.id}`}
                type="checkbox"
                checked={chosen.includes(scenario.id)}
                onChange={() => toggle(scenario.id)}
              />
              <label htmlFor={`${id}-${scenario.id}`}>
                {scenario.name}{' '}
                <span className="muted">
                  ({text.version(String(scenario.version))}, {dateTime(scenario.updatedAt)}
                  {scenario.roadNetwork &&
                    `, ${text.roadNetwork(scenario.roadNetwork.name, String(scenario.roadNetwork.revision))}`}
                  )
                </span>
              </label>{' '}
              <button
                type="button"
                className="button-small"
                aria-label={text.loadContext(scenario.name)}
                onClick={() => {
                  setName(scenario.name);
                  onLoad(scenario);
                }}
              >
                {text.load}
              </button>
              {mayEdit && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button-small"
                    aria-label={text.removeContext(scenario.name)}
                    onClick={() => {
                      setChosen((previous) => previous.filter((c) => c !== scenario.id));
                      void onDelete(scenario);
                    }}
                  >
                    {text.remove}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
        {scenarios.length === 0 && <p>{text.none}</p>}
        <p className="hint" id={`${id}-hint`}>
          {text.compareHint}
        </p>
        <button
          type="button"
          id="network-compare"
          aria-describedby={`${id}-hint`}
          disabled={chosen.length < 2}
          onClick={() => onCompare(chosen)}
        >
          {text.compare}
        </button>
      </fieldset>
    </>
  );
};
