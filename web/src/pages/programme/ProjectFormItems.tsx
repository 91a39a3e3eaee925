import {
  type ExpectedEffect,
  type FundingLine,
  FundingSource,
  type Milestone,
  type ProjectRisk,
} from '../../../../src/model/index.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { programmeMessages } from './messages.js';

type Edit<T> = { item: T; update: (next: T) => void };

/** A number typed into a field: empty is 0 (the schema says whether it is allowed). */
const numberOf = (value: string): number => (value.trim() === '' ? 0 : Number(value));

export const MilestoneFields = ({ item, update }: Edit<Milestone>) => {
  const text = usePageMessages(programmeMessages);
  return (
    <>
      <label>
        {text.form.title}
        <input value={item.title} required onChange={(e) => update({ ...item, title: e.target.value })} />
      </label>
      <label>
        {text.columns.due}
        <input
          type="date"
          value={item.due}
          required
          onChange={(e) => update({ ...item, due: e.target.value })}
        />
      </label>
      <label>
        {text.columns.done}
        <input
          type="date"
          value={item.done ?? ''}
          onChange={(e) => update({ ...item, done: e.target.value || null })}
        />
      </label>
    </>
  );
};

const levels = [1, 2, 3, 4, 5].map((n) => (
  <option key={n} value={n}>
    {n}
  </option>
));

export const RiskFields = ({ item, update }: Edit<ProjectRisk>) => {
  const text = usePageMessages(programmeMessages);
  return (
    <>
      <label className="wide">
        {text.form.title}
        <input value={item.title} required onChange={(e) => update({ ...item, title: e.target.value })} />
      </label>
      <label>
        {text.form.likelihood}
        <select
          value={item.likelihood}
          onChange={(e) => update({ ...item, likelihood: Number(e.target.value) })}
        >
          {levels}
        </select>
      </label>
      <label>
        {text.form.impact}
        <select value={item.impact} onChange={(e) => update({ ...item, impact: Number(e.target.value) })}>
          {levels}
        </select>
      </label>
      <label className="wide">
        {text.columns.mitigation}
        <input value={item.mitigation} onChange={(e) => update({ ...item, mitigation: e.target.value })} />
      </label>
      <label>
        {text.columns.owner}
        <input value={item.owner} onChange={(e) => update({ ...item, owner: e.target.value })} />
      </label>
    </>
  );
};

export const FundingFields = ({ item, update }: Edit<FundingLine>) => {
  const text = usePageMessages(programmeMessages);
  return (
    <>
      <label>
        {text.columns.source}
        <select
          value={item.source}
          onChange={(e) => update({ ...item, source: FundingSource.parse(e.target.value) })}
        >
          {FundingSource.options.map((s) => (
            <option key={s} value={s}>
              {text.funding[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text.form.budget}
        <input
          type="number"
          min={0}
          step="any"
          value={item.budgetEuros}
          onChange={(e) => update({ ...item, budgetEuros: numberOf(e.target.value) })}
        />
      </label>
      <label>
        {text.form.spent}
        <input
          type="number"
          min={0}
          step="any"
          value={item.spentEuros}
          onChange={(e) => update({ ...item, spentEuros: numberOf(e.target.value) })}
        />
      </label>
    </>
  );
};

export const EffectFields = ({ item, update, listId }: Edit<ExpectedEffect> & { listId: string }) => {
  const text = usePageMessages(programmeMessages);
  const number = (label: string, value: number, set: (n: number) => void) => (
    <label>
      {label}
      <input type="number" step="any" value={value} onChange={(e) => set(numberOf(e.target.value))} />
    </label>
  );
  const period = (label: string, value: string, set: (p: string) => void) => (
    <label>
      {label}
      <input value={value} required inputMode="numeric" onChange={(e) => set(e.target.value)} />
    </label>
  );
  return (
    <>
      <label className="wide">
        {text.form.indicator}
        <input
          value={item.indicatorId}
          list={listId}
          required
          onChange={(e) => update({ ...item, indicatorId: e.target.value })}
        />
      </label>
      {period(text.form.baselinePeriod, item.baselinePeriod, (baselinePeriod) =>
        update({ ...item, baselinePeriod }),
      )}
      {number(text.form.baselineValue, item.baselineValue, (baselineValue) =>
        update({ ...item, baselineValue }),
      )}
      {number(text.form.expectedValue, item.expectedValue, (expectedValue) =>
        update({ ...item, expectedValue }),
      )}
      {period(text.form.expectedBy, item.expectedBy, (expectedBy) => update({ ...item, expectedBy }))}
    </>
  );
};
