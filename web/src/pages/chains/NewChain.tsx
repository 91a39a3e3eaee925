import { useId, useState } from 'react';
import type { StoredChain } from '../../../../src/model/index.js';
import { createChainDefinition } from './api.js';
import { ChainEditor } from './ChainEditor.js';
import { blankDraft, copyDraft } from './draft.js';
import type { ChainMessages } from './messages.js';

/**
 * A new chain: written from scratch or copied from a chain in force (a shipped one or the county's own),
 * under an id of its own; it is saved as version 1. Choosing another start makes the form afresh.
 */
export const NewChain = ({
  list,
  text,
  nameOf,
  onCreated,
}: {
  list: readonly StoredChain[];
  text: ChainMessages;
  nameOf: (chain: StoredChain) => string;
  onCreated: (created: StoredChain) => void;
}) => {
  const id = useId();
  const c = text.create;
  const [from, setFrom] = useState('');
  const source = list.find((chain) => chain.definition.id === from);
  const takenIds = new Set(list.map((chain) => chain.definition.id));
  return (
    <details className="chain-new-details">
      <summary>{c.open}</summary>
      <p className="chain-new-start">
        <label htmlFor={`${id}-from`}>{c.startFrom}</label>
        <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
          <option value="">{c.blank}</option>
          {list.map((chain) => (
            <option key={chain.definition.id} value={chain.definition.id}>
              {c.copyOf(nameOf(chain))}
            </option>
          ))}
        </select>
      </p>
      <ChainEditor
        key={from}
        initial={source ? copyDraft(source.definition) : blankDraft()}
        title={c.title}
        submit={c.save}
        takenIds={takenIds}
        text={text}
        save={(definition) => createChainDefinition(definition, source?.definition.id)}
        onSaved={onCreated}
      />
    </details>
  );
};
