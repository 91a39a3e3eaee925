import { type FormEvent, useState } from 'react';
import {
  ActionState,
  FindingSeverity,
  type FindingView,
  InspectionKind,
  type InspectionView,
} from '../../../../src/model/index.js';
import { reasonOf } from '../../api/failure.js';
import { Loaded } from '../../components/Loaded.js';
import { failureText } from '../../i18n/failureText.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { createInspection, saveFindingState, saveInspection, useFindings, useInspections } from './api.js';
import type { ProducersMessages } from './messages.js';

type Report = (outcome: { saved: string } | { failed: string }) => void;

/** One of the producer's units, as the register names it. */
export interface UnitChoice {
  code: string;
  name: string;
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The unit of an inspection: one of the producer's, or none for the producer as a whole. */
const UnitSelect = ({
  units,
  current,
  text,
}: {
  units: readonly UnitChoice[];
  current: string | null;
  text: ProducersMessages;
}) => {
  // The unit it has is offered even before the register that names the producer's units has arrived.
  const choices =
    current === null || units.some((u) => u.code === current)
      ? units
      : [...units, { code: current, name: current }];
  return (
    <label>
      {text.supervise.unit}
      <select name="unitCode" defaultValue={current ?? ''}>
        <option value="">{text.supervise.noUnit}</option>
        {choices.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name} ({u.code})
          </option>
        ))}
      </select>
    </label>
  );
};

/**
 * One finding: its text, severity and deadline, and its corrective action's state, the day it was done
 * and a note; a save is a new version.
 */
const FindingForm = ({
  finding,
  text,
  report,
}: {
  finding: FindingView;
  text: ProducersMessages;
  report: Report;
}) => {
  const { t, date, number } = useI18n();
  const [state, setState] = useState(finding.actionState);
  const [saving, setSaving] = useState(false);
  const id = `finding-${finding.findingId}`;
  const s = text.supervise;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const note = field(form, 'actionNote');
    setSaving(true);
    try {
      const saved = await saveFindingState(finding, {
        actionState: state,
        actionDoneOn: state === 'done' ? field(form, 'actionDoneOn') : null,
        actionNote: note === '' ? null : note,
        description: field(form, 'description'),
        severity: FindingSeverity.parse(field(form, 'severity')),
        actionDeadline: field(form, 'actionDeadline'),
      });
      report({ saved: s.saved(saved.findingId, saved.version) });
    } catch (error) {
      report({ failed: failureText(t, reasonOf(error)) });
      setSaving(false);
    }
  };

  return (
    <form className="finding-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>
        {finding.findingId}: {finding.description}
      </h4>
      <p>
        {date(finding.inspectionDate)},{' '}
        {finding.unitCode === null ? s.noUnit : `${s.unit} ${finding.unitCode}`},{' '}
        {s.severities[finding.severity]}, {text.deadline} {date(finding.actionDeadline)}; {s.version}{' '}
        {number(finding.version)}
      </p>
      <label>
        {s.findingText}
        <input name="description" defaultValue={finding.description} required maxLength={500} />
      </label>
      <label>
        {s.severityLabel}
        <select name="severity" defaultValue={finding.severity}>
          {FindingSeverity.options.map((v) => (
            <option key={v} value={v}>
              {s.severities[v]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {s.deadline}
        <input type="date" name="actionDeadline" defaultValue={finding.actionDeadline} required />
      </label>
      <label>
        {text.supervise.state}
        <select
          name="actionState"
          value={state}
          onChange={(e) => setState(ActionState.parse(e.currentTarget.value))}
        >
          {ActionState.options.map((s) => (
            <option key={s} value={s}>
              {{ open: text.open, inProgress: text.inProgress, done: text.done }[s]}
            </option>
          ))}
        </select>
      </label>
      {state === 'done' && (
        <label>
          {text.supervise.doneOn}
          <input type="date" name="actionDoneOn" defaultValue={finding.actionDoneOn ?? ''} required />
        </label>
      )}
      <label>
        {text.supervise.note}
        <input name="actionNote" defaultValue={finding.actionNote ?? ''} maxLength={500} />
      </label>
      <button type="submit" className="button button--primary" disabled={saving}>
        {text.supervise.saveState(finding.findingId)}
      </button>
    </form>
  );
};

/**
 * An inspection's date, kind and unit as corrected; a save is a new version, and its findings follow.
 * The unit is one of the producer's own, or none for an inspection of the producer as a whole.
 */
const InspectionDetailsForm = ({
  inspection,
  units,
  text,
  report,
}: {
  inspection: InspectionView;
  units: readonly UnitChoice[];
  text: ProducersMessages;
  report: Report;
}) => {
  const { t, number } = useI18n();
  const [saving, setSaving] = useState(false);
  const s = text.supervise;
  const id = `inspection-${inspection.inspectionId}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaving(true);
    try {
      const unitCode = field(form, 'unitCode');
      const saved = await saveInspection(inspection, {
        inspectionDate: field(form, 'inspectionDate'),
        kind: InspectionKind.parse(field(form, 'kind')),
        unitCode: unitCode === '' ? null : unitCode,
      });
      report({ saved: s.inspectionSaved(saved.inspectionId, saved.version) });
    } catch (error) {
      report({ failed: failureText(t, reasonOf(error)) });
      setSaving(false);
    }
  };

  return (
    <form className="inspection-details-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>
        {s.editInspection(inspection.inspectionId)} ({s.version} {number(inspection.version)})
      </h4>
      <label>
        {s.inspectionDate}
        <input type="date" name="inspectionDate" defaultValue={inspection.inspectionDate} required />
      </label>
      <label>
        {s.kind}
        <select name="kind" defaultValue={inspection.kind}>
          {InspectionKind.options.map((k) => (
            <option key={k} value={k}>
              {s.kinds[k]}
            </option>
          ))}
        </select>
      </label>
      <UnitSelect units={units} current={inspection.unitCode} text={text} />
      <button type="submit" className="button button--primary" disabled={saving}>
        {s.saveInspection(inspection.inspectionId)}
      </button>
    </form>
  );
};

/**
 * A new supervision event, at one of the producer's units or of the producer as a whole, and, when
 * given, one finding with the deadline of its corrective action.
 */
const InspectionForm = ({
  producerCode,
  units,
  text,
  report,
}: {
  producerCode: string;
  units: readonly UnitChoice[];
  text: ProducersMessages;
  report: Report;
}) => {
  const { t } = useI18n();
  const [saving, setSaving] = useState(false);
  const s = text.supervise;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const inspectionId = field(form, 'inspectionId');
    const findingId = field(form, 'findingId');
    const unitCode = field(form, 'unitCode');
    setSaving(true);
    try {
      await createInspection({
        inspectionId,
        producerCode,
        unitCode: unitCode === '' ? null : unitCode,
        inspectionDate: field(form, 'inspectionDate'),
        kind: InspectionKind.parse(field(form, 'kind')),
        findings:
          findingId === ''
            ? []
            : [
                {
                  findingId,
                  severity: FindingSeverity.parse(field(form, 'severity')),
                  description: field(form, 'description'),
                  actionDeadline: field(form, 'actionDeadline'),
                },
              ],
      });
      formElement.reset();
      report({ saved: s.added(inspectionId) });
    } catch (error) {
      report({ failed: failureText(t, reasonOf(error)) });
    }
    setSaving(false);
  };

  return (
    <form className="inspection-form" onSubmit={submit} aria-labelledby="new-inspection-title">
      <h3 id="new-inspection-title">{s.newInspection}</h3>
      <label>
        {s.inspectionId}
        <input name="inspectionId" required maxLength={50} />
      </label>
      <label>
        {s.inspectionDate}
        <input type="date" name="inspectionDate" required />
      </label>
      <label>
        {s.kind}
        <select name="kind" defaultValue="planned">
          {InspectionKind.options.map((k) => (
            <option key={k} value={k}>
              {s.kinds[k]}
            </option>
          ))}
        </select>
      </label>
      <UnitSelect units={units} current={null} text={text} />
      <label>
        {s.findingId}
        <input name="findingId" maxLength={50} />
      </label>
      <label>
        {s.severityLabel}
        <select name="severity" defaultValue="minor">
          {FindingSeverity.options.map((v) => (
            <option key={v} value={v}>
              {s.severities[v]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {s.findingText}
        <input name="description" maxLength={500} />
      </label>
      <label>
        {s.deadline}
        <input type="date" name="actionDeadline" />
      </label>
      <button type="submit" className="button button--primary" disabled={saving}>
        {s.add}
      </button>
    </form>
  );
};

/**
 * For those who record supervision: each finding's corrective action to move on or mark done, and a
 * form for a new inspection. The page reloads the scorecard and the register after a save, so their
 * overdue flags follow; the message of the last save is kept here, outside what is reloaded.
 */
export const SupervisionSection = ({
  producerCode,
  units,
  reload,
  onSaved,
  text,
}: {
  producerCode: string;
  /** The producer's units, which an inspection may be moved between. */
  units: readonly UnitChoice[];
  reload: number;
  onSaved: () => void;
  text: ProducersMessages;
}) => {
  const findings = useFindings(producerCode, reload);
  const inspections = useInspections(producerCode, reload);
  const [outcome, setOutcome] = useState<{ saved: string } | { failed: string } | null>(null);
  const report: Report = (next) => {
    setOutcome(next);
    if ('saved' in next) onSaved();
  };
  return (
    <section aria-labelledby="supervise-heading" className="supervision">
      <h2 id="supervise-heading">{text.supervise.heading}</h2>
      <p role="status" aria-live="polite">
        {outcome !== null && 'saved' in outcome ? outcome.saved : ''}
      </p>
      {outcome !== null && 'failed' in outcome && <p role="alert">{outcome.failed}</p>}
      <h3>{text.supervise.findings}</h3>
      <Loaded state={findings}>
        {(list) =>
          list.length === 0 ? (
            <p>{text.supervise.noFindings}</p>
          ) : (
            list.map((f) => (
              <FindingForm key={`${f.findingId}-${f.version}`} finding={f} text={text} report={report} />
            ))
          )
        }
      </Loaded>
      <h3>{text.supervise.inspections}</h3>
      <Loaded state={inspections}>
        {(list) =>
          list.map((i) => (
            <InspectionDetailsForm
              key={`${i.inspectionId}-${i.version}`}
              inspection={i}
              units={units}
              text={text}
              report={report}
            />
          ))
        }
      </Loaded>
      <InspectionForm producerCode={producerCode} units={units} text={text} report={report} />
    </section>
  );
};
