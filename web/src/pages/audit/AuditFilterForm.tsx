import { type FormEvent, useId, useState } from 'react';
import { AuditOutcome } from '../../../../src/model/index.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { type AuditFilters, badDays } from './filters.js';
import { auditMessages } from './messages.js';

interface AuditFilterFormProps {
  filters: AuditFilters;
  onApply(filters: AuditFilters): void;
}

/** The filters are applied together on submit, not at each keystroke, so that the log is read once. */
export const AuditFilterForm = ({ filters, onApply }: AuditFilterFormProps) => {
  const messages = usePageMessages(auditMessages);
  const text = messages.filters;
  const id = useId();
  const [draft, setDraft] = useState(filters);
  const [shownBad, setShownBad] = useState<('from' | 'to')[]>([]);
  const set = (name: keyof AuditFilters) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bad = badDays(draft);
    setShownBad(bad);
    if (bad.length === 0) onApply(draft);
    else document.getElementById(`${id}-${bad[0]}`)?.focus();
  };
  const textField = (name: 'user' | 'action' | 'from' | 'to', hint: string) => {
    const invalid = shownBad.includes(name as 'from' | 'to');
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{text[name]}</label>
        <input
          id={`${id}-${name}`}
          name={name}
          type="text"
          value={draft[name]}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-${name}-hint`}
          onChange={(event) => set(name)(event.target.value)}
        />
        <span className={invalid ? 'hint status--error' : 'hint'} id={`${id}-${name}-hint`}>
          {invalid ? text.badDay : hint}
        </span>
      </div>
    );
  };

  return (
    <form className="card audit-filters" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{text.title}</h2>
      <div className="audit-filters__fields">
        {textField('user', text.userHint)}
        {textField('from', text.dayHint)}
        {textField('to', text.dayHint)}
        {textField('action', text.actionHint)}
        <div className="field">
          <label htmlFor={`${id}-outcome`}>{text.outcome}</label>
          <select
            id={`${id}-outcome`}
            name="outcome"
            value={draft.outcome}
            onChange={(event) => set('outcome')(event.target.value)}
          >
            <option value="">{text.anyOutcome}</option>
            {AuditOutcome.options.map((outcome) => (
              <option key={outcome} value={outcome}>
                {messages.outcomes[outcome]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="audit-filters__buttons">
        <button type="submit" className="button button--primary">
          {text.apply}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onApply({ user: '', from: '', to: '', action: '', outcome: '' })}
        >
          {text.clear}
        </button>
      </div>
    </form>
  );
};
