import type { Dispatch } from 'react';
import type { DecayKind, ServiceClass } from '../../../../src/model/index.js';
import type { NetworkMessages } from './messages.js';
import type { WorkspaceAction, WorkspaceState } from './workspace-state.js';

interface NetworkControlsProps {
  state: WorkspaceState;
  dispatch: Dispatch<WorkspaceAction>;
  serviceClasses: readonly ServiceClass[];
  className: (code: string) => string;
  /** The evaluated target year, shown until the planner types one. */
  resultYear: number | undefined;
  messages: NetworkMessages;
}

/** Service class, distance decay, catchment and target year of the working scenario. */
export const NetworkControls = ({
  state,
  dispatch,
  serviceClasses,
  className,
  resultYear,
  messages,
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
    </fieldset>
  </form>
);
