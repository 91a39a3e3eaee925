import type { Dispatch } from 'react';
import {
  type DecayKind,
  type RoadNetworkSummary,
  type ServiceClass,
  TravelMode,
} from '../../../../src/model/index.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useCan } from '../../session/SessionProvider.js';
import type { NetworkMessages } from './messages.js';
import { modeMessages } from './mode-messages.js';
import { VariantControls } from './VariantControls.js';
import type { WorkspaceAction, WorkspaceState } from './workspace-state.js';

interface NetworkControlsProps {
  state: WorkspaceState;
  dispatch: Dispatch<WorkspaceAction>;
  serviceClasses: readonly ServiceClass[];
  className: (code: string) => string;
  /** The evaluated target year, shown until the planner types one. */
  resultYear: number | undefined;
  messages: NetworkMessages;
  roadNetworks: readonly RoadNetworkSummary[];
  onMakeActive: (name: string) => void;
}

/**
 * Service class, distance decay, catchment, target year, road network and the network's condition
 * (season, links out of use) of the working scenario.
 */
export const NetworkControls = ({
  state,
  dispatch,
  serviceClasses,
  className,
  resultYear,
  messages,
  roadNetworks,
  onMakeActive,
}: NetworkControlsProps) => (
  <form className="network-controls" onSubmit={(event) => event.preventDefault()}>
    <fieldset>
      <legend>{messages.controls.legend}</legend>
      <div className="field">
        <label htmlFor="network-class">{messages.controls.serviceClass}</label>
        <select
          id="network-class"
          value={state.serviceClass}
          onChange={(event) => dispatch({ type: 'chooseClass', serviceClass: event.target.value })}
        >
          {serviceClasses.map((c) => (
            <option key={c.code} value={c.code}>
              {className(c.code)}
            </option>
          ))}
        </select>
      </div>
      <ModeChoice state={state} dispatch={dispatch} />
      <div className="field">
        <label htmlFor="network-decay">{messages.controls.decay}</label>
        <select
          id="network-decay"
          value={state.decayKind}
          onChange={(event) => dispatch({ type: 'chooseDecay', kind: event.target.value as DecayKind })}
        >
          {(['gaussian', 'stepwise', 'binary'] as const).map((kind) => (
            <option key={kind} value={kind}>
              {messages.controls.decayKinds[kind]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="network-catchment">{messages.controls.catchment}</label>
        <input
          id="network-catchment"
          type="number"
          min={1}
          max={180}
          value={state.catchmentText}
          onChange={(event) => dispatch({ type: 'typeCatchment', text: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="network-year">{messages.controls.targetYear}</label>
        <input
          id="network-year"
          type="number"
          min={1900}
          max={2100}
          value={state.yearText === '' ? (resultYear ?? '') : state.yearText}
          onChange={(event) => dispatch({ type: 'typeYear', text: event.target.value })}
        />
      </div>
      <RoadNetworkChoice
        state={state}
        dispatch={dispatch}
        messages={messages}
        roadNetworks={roadNetworks}
        onMakeActive={onMakeActive}
      />
    </fieldset>
    <VariantControls state={state} dispatch={dispatch} messages={messages} />
  </form>
);

/**
 * Which road network the working scenario is evaluated on: the county's active one unless another is
 * chosen, and a way to make the chosen one the county's active network.
 */
const RoadNetworkChoice = ({
  state,
  dispatch,
  messages,
  roadNetworks,
  onMakeActive,
}: Pick<NetworkControlsProps, 'state' | 'dispatch' | 'messages' | 'roadNetworks' | 'onMakeActive'>) => {
  const text = messages.controls;
  const mayEdit = useCan('editScenarios');
  if (roadNetworks.length === 0) return null;
  const chosen = roadNetworks.find((n) => n.name === state.roadNetwork);
  return (
    <div className="field">
      <label htmlFor="network-roads">{text.roadNetwork}</label>
      <select
        id="network-roads"
        value={state.roadNetwork ?? ''}
        onChange={(event) =>
          dispatch({
            type: 'chooseNetwork',
            name: event.target.value === '' ? undefined : event.target.value,
          })
        }
      >
        <option value="">
          {text.activeNetwork(roadNetworks.find((n) => n.active)?.name ?? text.noActiveNetwork)}
        </option>
        {roadNetworks
          .filter((n) => !n.active)
          .map((n) => (
            <option key={n.name} value={n.name}>
              {text.networkOption(n.name, String(n.revision))}
            </option>
          ))}
      </select>
      {chosen && !chosen.active && mayEdit && (
        <button type="button" id="network-make-active" onClick={() => onMakeActive(chosen.name)}>
          {text.makeActive}
        </button>
      )}
    </div>
  );
};

/** How residents travel to the units in the working scenario's results and map. */
const ModeChoice = ({ state, dispatch }: Pick<NetworkControlsProps, 'state' | 'dispatch'>) => {
  const text = usePageMessages(modeMessages);
  return (
    <div className="field">
      <label htmlFor="network-mode">{text.choice}</label>
      <select
        id="network-mode"
        value={state.mode}
        onChange={(event) => dispatch({ type: 'chooseMode', mode: TravelMode.parse(event.target.value) })}
      >
        {TravelMode.options.map((mode) => (
          <option key={mode} value={mode}>
            {text.modes[mode]}
          </option>
        ))}
      </select>
    </div>
  );
};
