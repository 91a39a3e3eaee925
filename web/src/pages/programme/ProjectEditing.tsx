import { type FormEvent, useState } from 'react';
import { ProjectPhase, type ProjectView, RagStatus } from '../../../../src/model/index.js';
import { reasonOf } from '../../api/failure.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { fieldsOf, saveProject } from './api.js';
import { programmeMessages } from './messages.js';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'failed'; message: string };

/**
 * What the programme office changes most often, each saved as a new version of the project: a status
 * report, a milestone reached, the phase. Anything else comes in with the workbook import.
 */
export const ProjectEditing = ({
  project,
  onSaved,
}: {
  project: ProjectView;
  /** Called with the new version: the page reloads the programme, and this form with it. */
  onSaved: (version: number) => void;
}) => {
  const text = usePageMessages(programmeMessages);
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const today = new Date().toISOString().slice(0, 10);

  const save = async (change: (fields: ReturnType<typeof fieldsOf>) => ReturnType<typeof fieldsOf>) => {
    setOutcome({ kind: 'saving' });
    try {
      const saved = await saveProject(project, change(fieldsOf(project)));
      setOutcome({ kind: 'idle' });
      onSaved(saved.version);
    } catch (error) {
      setOutcome({ kind: 'failed', message: failureText(t, reasonOf(error)) });
    }
  };

  const addReport = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const report = {
      date: String(form.get('date') || today),
      status: RagStatus.parse(form.get('status')),
      text: String(form.get('text') ?? ''),
    };
    void save((fields) => ({ ...fields, statusReports: [...fields.statusReports, report] }));
  };

  const setPhase = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const phase = ProjectPhase.parse(new FormData(event.currentTarget).get('phase'));
    void save((fields) => ({ ...fields, phase }));
  };

  const open = project.milestones.filter((m) => m.done === null);
  return (
    <div className="project-editing">
      <form onSubmit={addReport} aria-labelledby="report-form-title">
        <h3 id="report-form-title">{text.edit.title}</h3>
        <label>
          {text.edit.date}
          <input type="date" name="date" defaultValue={today} required />
        </label>
        <label>
          {text.edit.status}
          <select name="status" defaultValue="green">
            {RagStatus.options.map((s) => (
              <option key={s} value={s}>
                {text.rag[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="wide">
          {text.edit.text}
          <textarea name="text" rows={3} maxLength={4000} />
        </label>
        <button type="submit" className="button button--primary" disabled={outcome.kind === 'saving'}>
          {text.edit.save}
        </button>
      </form>
      <form onSubmit={setPhase}>
        <label>
          {text.edit.phase}
          <select name="phase" defaultValue={project.phase}>
            {ProjectPhase.options.map((p) => (
              <option key={p} value={p}>
                {text.phase[p]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={outcome.kind === 'saving'}>
          {text.edit.savePhase}
        </button>
      </form>
      {open.length > 0 && (
        <ul className="milestone-actions">
          {open.map((m) => (
            <li key={`${m.title}-${m.due}`}>
              <button
                type="button"
                className="button-small"
                disabled={outcome.kind === 'saving'}
                onClick={() =>
                  void save((fields) => ({
                    ...fields,
                    milestones: fields.milestones.map((x) =>
                      x.title === m.title && x.due === m.due ? { ...x, done: today } : x,
                    ),
                  }))
                }
              >
                {text.edit.markDone(m.title)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {outcome.kind === 'failed' && (
        <p role="alert" className="status status--error">
          {outcome.message}
        </p>
      )}
    </div>
  );
};
