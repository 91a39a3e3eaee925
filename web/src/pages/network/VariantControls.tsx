import { type Dispatch, useEffect, useId } from 'react';
import type { NetworkVariant } from '../../../../src/model/index.js';
import { useFerries } from './api.js';
import { useFormats } from './format.js';
import type { NetworkMessages } from './messages.js';
import type { WorkspaceAction, WorkspaceState } from './workspace-state.js';

/** The variant in words: "winter, 1 ferry out", or the season with every link open. */
export const variantSummary = (variant: NetworkVariant, text: NetworkMessages['variant']): string => {
  const parts = [text.seasonWord[variant.season]];
  if (variant.ferriesOut.length > 0) parts.push(text.ferriesOut(variant.ferriesOut.length));
  if (variant.closedLinks.length > 0) parts.push(text.closedCount(variant.closedLinks.length));
  if (parts.length === 1) parts.push(text.allOpen);
  return parts.join(', ');
};

/** Escape ends picking a road on the map, wherever the focus is (on the map, most likely). */
const useEscapeEndsPicking = (picking: boolean, dispatch: Dispatch<WorkspaceAction>) => {
  useEffect(() => {
    if (!picking) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dispatch({ type: 'pickLink', on: false });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [picking, dispatch]);
};

/**
 * The road network's condition the working scenario is computed in: the season, ferries out of service
 * (checkboxes, from the network's ferry links) and closed roads or bridges, by link id typed or picked
 * on the map, each of which can be reopened. Offered only on a network of identified links; its state
 * stays in view.
 */
export const VariantControls = ({
  state,
  dispatch,
  messages,
}: {
  state: WorkspaceState;
  dispatch: Dispatch<WorkspaceAction>;
  messages: NetworkMessages;
}) => {
  const text = messages.variant;
  const format = useFormats();
  const id = useId();
  const ferries = useFerries(state.roadNetwork);
  const { variant, pickingLink } = state;
  useEscapeEndsPicking(pickingLink, dispatch);
  if (ferries === null) return null;
  return (
    <fieldset className="network-variant" aria-describedby={`${id}-hint`}>
      <legend>{text.legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        {ferries.identifiedLinks ? text.hint : text.unavailable}
      </p>
      {ferries.identifiedLinks && (
        <>
          <fieldset className="network-variant-season">
            <legend>{text.season}</legend>
            {(['summer', 'winter'] as const).map((season) => (
              <label key={season}>
                <input
                  type="radio"
                  name={`${id}-season`}
                  value={season}
                  checked={variant.season === season}
                  onChange={() => dispatch({ type: 'chooseSeason', season })}
                />
                {text.seasons[season]}
              </label>
            ))}
          </fieldset>
          <fieldset className="network-variant-ferries">
            <legend>{text.ferries}</legend>
            {ferries.ferries.length === 0 && <p className="hint">{text.noFerries}</p>}
            {ferries.ferries.map((ferry) => (
              <label key={ferry.linkId}>
                <input
                  type="checkbox"
                  value={ferry.linkId}
                  checked={variant.ferriesOut.includes(ferry.linkId)}
                  onChange={(event) =>
                    dispatch({ type: 'toggleFerry', linkId: ferry.linkId, out: event.target.checked })
                  }
                />
                {text.ferry(ferry.linkId, format.whole(ferry.lengthMetres))}
                {ferry.crossingMinutes !== null && text.crossing(format.minutes(ferry.crossingMinutes))}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-closed`}>{text.closed}</label>
            <input
              id={`${id}-closed`}
              type="text"
              aria-describedby={`${id}-closed-hint`}
              value={state.closedText}
              onChange={(event) => dispatch({ type: 'typeClosed', text: event.target.value })}
              onKeyDown={(event) => {
                if (event.key === 'Enter') dispatch({ type: 'applyClosed' });
              }}
            />
            <span className="hint" id={`${id}-closed-hint`}>
              {text.closedHint}
            </span>
            <button type="button" onClick={() => dispatch({ type: 'applyClosed' })}>
              {text.applyClosed}
            </button>
          </div>
          <p className="network-variant-pick">
            <button
              type="button"
              aria-pressed={pickingLink}
              onClick={() => dispatch({ type: 'pickLink', on: !pickingLink })}
            >
              {text.pickOnMap}
            </button>{' '}
            <span className="network-variant-picked">{state.linkStatus}</span>
          </p>
          {variant.closedLinks.length > 0 && (
            <div className="network-variant-closed">
              <p id={`${id}-closed-list`}>{text.closedList}</p>
              <ul aria-labelledby={`${id}-closed-list`}>
                {variant.closedLinks.map((linkId) => (
                  <li key={linkId}>
                    {linkId}{' '}
                    <button
                      type="button"
                      onClick={() => dispatch({ type: 'reopenLink', linkId, message: text.reopened(linkId) })}
                    >
                      {text.reopen(linkId)}
                    </button>
                  </li>
                ))}
              </ul>
              <p className="hint">{text.drawn}</p>
            </div>
          )}
        </>
      )}
      <p className="network-variant-state" role="status">
        {text.state(variantSummary(variant, text))}
      </p>
    </fieldset>
  );
};
