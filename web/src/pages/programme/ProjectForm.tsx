import { type FormEvent, useId, useState } from 'react';
import {
  cycleText,
  dependencyCycle,
  type ProjectFields,
  ProjectInput,
  ProjectPhase,
  type ProjectView,
  withProject,
} from '../../../../src/model/index.js';
import { reasonOf } from '../../api/failure.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { createProject, fieldsOf, saveProject } from './api.js';
import { FormList } from './FormList.js';
import { programmeMessages } from './messages.js';
import { EffectFields, FundingFields, MilestoneFields, RiskFields } from './ProjectFormItems.js';

const today = () => new Date().toISOString().slice(0, 10);

const blankProject = (): ProjectFields => {
  const year = Number(today().slice(0, 4));
  return {
    code: '',
    name: '',
    goal: '',
    owner: '',
    phase: 'preparation',
    start: today(),
    end: `${year + 2}-12-31`,
    funding: [],
    staff: { plannedPersonMonths: 0, usedPersonMonths: 0 },
    milestones: [],
    risks: [],
    dependsOn: [],
    statusReports: [],
    effects: [],
  };
};

/**
 * A project's every field, as one form: saved as a new version naming the version it was made on (a
 * stale edit is refused), or, without `project`, added as a new project. The schema and the dependency
 * cycle are checked here before the server checks them again.
 */
export const ProjectForm = ({
  project,
  projects,
  onSaved,
  onCancel,
}: {
  project?: ProjectView;
  /** The programme's projects: the ones this may depend on, and the set a cycle is looked for in. */
  projects: readonly ProjectView[];
  onSaved: (code: string, version: number) => void;
  onCancel?: () => void;
}) => {
  const text = usePageMessages(programmeMessages);
  const { t, language } = useI18n();
  const f = text.form;
  const [draft, setDraft] = useState<ProjectFields>(() => (project ? fieldsOf(project) : blankProject()));
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const indicatorList = useId();
  const set = (change: Partial<ProjectFields>) => setDraft((d) => ({ ...d, ...change }));

  const labels: Record<string, string> = {
    code: f.code,
    name: f.name,
    goal: text.goal,
    owner: text.owner,
    phase: text.edit.phase,
    start: f.start,
    end: f.end,
    funding: text.fundingTitle,
    staff: f.planned,
    milestones: text.milestones,
    risks: text.risks,
    dependsOn: f.dependsOn,
    effects: text.effects,
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const parsed = ProjectInput.safeParse(draft);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => {
        const [key, index] = i.path;
        const label = labels[String(key)] ?? String(key);
        return typeof index === 'number' ? `${label} ${index + 1}` : label;
      });
      setFailure(f.invalid([...new Set(fields)].join(', ')));
      return;
    }
    const cycle = dependencyCycle(withProject(projects, parsed.data));
    if (cycle) {
      setFailure(f.cycle(cycleText(cycle)));
      return;
    }
    setSaving(true);
    try {
      const saved = project ? await saveProject(project, parsed.data) : await createProject(parsed.data);
      onSaved(saved.code, saved.version);
    } catch (error) {
      setFailure(failureText(t, reasonOf(error)));
    } finally {
      setSaving(false);
    }
  };

  const others = projects.filter((p) => p.code !== draft.code);
  const indicators = new Map(
    projects.flatMap((p) => p.effectViews.map((e) => [e.indicatorId, e.title?.[language] ?? ''] as const)),
  );
  return (
    <form className="project-form" onSubmit={submit} noValidate>
      <fieldset className="form-grid">
        <legend>{f.basics}</legend>
        {project ? null : (
          <label>
            {f.code}
            <input
              value={draft.code}
              required
              maxLength={32}
              onChange={(e) => set({ code: e.target.value })}
            />
          </label>
        )}
        <label className="wide">
          {f.name}
          <input
            value={draft.name}
            required
            maxLength={300}
            onChange={(e) => set({ name: e.target.value })}
          />
        </label>
        <label className="wide">
          {text.goal}
          <textarea
            value={draft.goal}
            rows={2}
            maxLength={4000}
            onChange={(e) => set({ goal: e.target.value })}
          />
        </label>
        <label>
          {text.owner}
          <input value={draft.owner} maxLength={200} onChange={(e) => set({ owner: e.target.value })} />
        </label>
        <label>
          {text.edit.phase}
          <select value={draft.phase} onChange={(e) => set({ phase: ProjectPhase.parse(e.target.value) })}>
            {ProjectPhase.options.map((p) => (
              <option key={p} value={p}>
                {text.phase[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {f.start}
          <input type="date" value={draft.start} required onChange={(e) => set({ start: e.target.value })} />
        </label>
        <label>
          {f.end}
          <input type="date" value={draft.end} required onChange={(e) => set({ end: e.target.value })} />
        </label>
        <label>
          {f.planned}
          <input
            type="number"
            min={0}
            step="any"
            value={draft.staff.plannedPersonMonths}
            onChange={(e) =>
              set({ staff: { ...draft.staff, plannedPersonMonths: Number(e.target.value || 0) } })
            }
          />
        </label>
        <label>
          {f.used}
          <input
            type="number"
            min={0}
            step="any"
            value={draft.staff.usedPersonMonths}
            onChange={(e) =>
              set({ staff: { ...draft.staff, usedPersonMonths: Number(e.target.value || 0) } })
            }
          />
        </label>
      </fieldset>

      <fieldset className="form-checks">
        <legend>{f.dependsOn}</legend>
        {others.length === 0 && <p>{f.noOthers}</p>}
        {others.map((p) => (
          <label key={p.code}>
            <input
              type="checkbox"
              checked={draft.dependsOn.includes(p.code)}
              onChange={(e) =>
                set({
                  dependsOn: e.target.checked
                    ? [...draft.dependsOn, p.code]
                    : draft.dependsOn.filter((c) => c !== p.code),
                })
              }
            />
            {`${p.code} ${p.names?.[language] ?? p.name}`}
          </label>
        ))}
      </fieldset>

      <FormList
        legend={text.milestones}
        itemName={f.milestone}
        items={draft.milestones}
        blank={() => ({ title: '', due: draft.end, done: null })}
        onChange={(milestones) => set({ milestones })}
        render={(item, update) => <MilestoneFields item={item} update={update} />}
      />
      <FormList
        legend={text.risks}
        itemName={f.risk}
        items={draft.risks}
        blank={() => ({ title: '', likelihood: 3, impact: 3, mitigation: '', owner: '' })}
        onChange={(risks) => set({ risks })}
        render={(item, update) => <RiskFields item={item} update={update} />}
      />
      <FormList
        legend={text.fundingTitle}
        itemName={f.fundingLine}
        items={draft.funding}
        blank={() => ({ source: 'stateReformFunding' as const, budgetEuros: 0, spentEuros: 0 })}
        onChange={(funding) => set({ funding })}
        render={(item, update) => <FundingFields item={item} update={update} />}
      />
      <FormList
        legend={text.effects}
        itemName={f.effect}
        items={draft.effects}
        blank={() => ({
          indicatorId: '',
          scope: { level: 'county' as const, code: null },
          baselinePeriod: draft.start.slice(0, 4),
          baselineValue: 0,
          expectedValue: 0,
          expectedBy: draft.end.slice(0, 4),
          targetId: null,
        })}
        onChange={(effects) => set({ effects })}
        render={(item, update) => <EffectFields item={item} update={update} listId={indicatorList} />}
      />
      <datalist id={indicatorList}>
        {[...indicators].map(([id, title]) => (
          <option key={id} value={id}>
            {title}
          </option>
        ))}
      </datalist>

      {failure && (
        <p role="alert" className="status status--error">
          {failure}
        </p>
      )}
      <p className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {project ? f.save : f.create}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {f.cancel}
          </button>
        )}
      </p>
    </form>
  );
};
