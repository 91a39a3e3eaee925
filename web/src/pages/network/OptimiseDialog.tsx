import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { OptimisationJob, OptimisationRequest, ScenarioChange } from '../../../../src/model/index.js';
import { useFailureText } from '../../i18n/failureText.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import {
  cancelOptimisation,
  readOptimisation,
  startOptimisation,
  type WorkingScenario,
  workingFields,
} from './api.js';
import { useFormats } from './format.js';
import { networkMessages } from './messages.js';
import { useTravelNote } from './TravelNote.js';

type LocationModel = OptimisationRequest['model'];

const models: LocationModel[] = [
  'p-median',
  'max-covering',
  'set-covering',
  'p-center',
  'capacitated-p-median',
  'minimax-regret',
  'capacitated-covering',
];

/** The models that take a longest travel for every resident as a hard constraint. */
const limited = (model: LocationModel) =>
  model === 'p-median' || model === 'p-center' || model === 'capacitated-p-median';

interface OptimiseDialogProps {
  serviceClass: string;
  serviceClassName: string;
  openUnits: number;
  /** The working scenario the run starts from: its changes, year, road network and variant. */
  working: WorkingScenario;
  onApply(changes: ScenarioChange[]): void;
}

/**
 * Suggests where the units of one service should be: a run on the server with a progress bar that can
 * be cancelled, whose proposal becomes ordinary changes the planner can inspect and undo.
 */
export const OptimiseDialog = ({
  serviceClass,
  serviceClassName,
  openUnits,
  working,
  onApply,
}: OptimiseDialogProps) => {
  const travelNote = useTravelNote();
  const text = usePageMessages(networkMessages).optimise;
  const format = useFormats();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [model, setModel] = useState<LocationModel>('p-median');
  const [p, setP] = useState(String(Math.max(1, openUnits)));
  const [cover, setCover] = useState('20');
  const [maxTravel, setMaxTravel] = useState('');
  const [candidates, setCandidates] = useState('30');
  const [job, setJob] = useState<OptimisationJob | null>(null);
  const failureText = useFailureText();
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => setP(String(Math.max(1, openUnits))), [openUnits]);

  // Poll the run while it is running; stop when it ends or the dialog goes.
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setTimeout(() => {
      readOptimisation(job.id)
        .then(setJob)
        .catch((error: unknown) => setFailure(error));
    }, 250);
    return () => clearTimeout(timer);
  }, [job]);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      setJob(
        await startOptimisation({
          serviceClass,
          model,
          p: Math.max(1, Math.round(Number(p))),
          coverMinutes: Math.max(1, Number(cover)),
          ...(limited(model) &&
            maxTravel.trim() !== '' &&
            Number(maxTravel) > 0 && {
              maxTravelMinutes: Number(maxTravel),
            }),
          candidateSites: Math.max(0, Math.round(Number(candidates))),
          ...workingFields(working, { mode: false }),
        }),
      );
    } catch (error) {
      setFailure(error);
    }
  };
  const cancel = async () => {
    if (job) setJob(await cancelOptimisation(job.id));
  };
  const close = () => {
    if (job?.status === 'running') void cancel();
    dialogRef.current?.close();
  };

  const running = job?.status === 'running';
  const result = job?.result ?? null;
  return (
    <>
      <button type="button" id="network-optimise" onClick={() => dialogRef.current?.showModal()}>
        {text.open}
      </button>
      <dialog
        ref={dialogRef}
        className="optimise-dialog"
        aria-labelledby={`${id}-title`}
        onClose={() => running && void cancel()}
      >
        <h2 id={`${id}-title`}>
          {text.title}: {serviceClassName}
        </h2>
        <form onSubmit={start} className="optimise-form">
          <label htmlFor={`${id}-model`}>{text.model}</label>
          <select
            id={`${id}-model`}
            value={model}
            onChange={(event) => setModel(event.target.value as LocationModel)}
          >
            {models.map((m) => (
              <option key={m} value={m}>
                {text.models[m]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-p`}>{text.p}</label>
          <input
            id={`${id}-p`}
            type="number"
            min={1}
            value={p}
            onChange={(event) => setP(event.target.value)}
          />
          <label htmlFor={`${id}-cover`}>{text.cover}</label>
          <input
            id={`${id}-cover`}
            type="number"
            min={1}
            value={cover}
            onChange={(event) => setCover(event.target.value)}
          />
          {limited(model) && (
            <>
              <label htmlFor={`${id}-max-travel`}>{text.maxTravel}</label>
              <input
                id={`${id}-max-travel`}
                type="number"
                min={1}
                value={maxTravel}
                onChange={(event) => setMaxTravel(event.target.value)}
              />
            </>
          )}
          <label htmlFor={`${id}-candidates`}>{text.candidates}</label>
          <input
            id={`${id}-candidates`}
            type="number"
            min={0}
            max={200}
            value={candidates}
            onChange={(event) => setCandidates(event.target.value)}
          />
          <div className="unit-actions__row">
            <button type="submit" disabled={running}>
              {text.start}
            </button>
            <button type="button" disabled={!running} onClick={() => void cancel()}>
              {text.cancel}
            </button>
            <button type="button" onClick={close}>
              {text.closeDialog}
            </button>
          </div>
        </form>
        {job && (
          <div className="optimise-progress">
            <label htmlFor={`${id}-progress`}>{text.progress}</label>
            <progress id={`${id}-progress`} max={1} value={job.progress} />
            <p role="status">
              {job.status === 'running' && text.running(format.whole(job.progress * 100))}
              {job.status === 'cancelled' && text.cancelled}
              {job.status === 'failed' && text.failed(failureText(job.failure ?? 'internal'))}
            </p>
          </div>
        )}
        {failure !== null && (
          <p className="status status--error" role="alert">
            {text.failed(failureText(failure))}
          </p>
        )}
        {result && result.objective === null && (
          <p className="status status--error" role="alert">
            {result.status === 'infeasible' ? text.infeasible : text.unknown}
            {result.beyondReach !== undefined && result.beyondReach.length > 0 && (
              <> {text.beyondReach(result.beyondReach.slice(0, 10).join(', '))}</>
            )}
          </p>
        )}
        {result && result.objective !== null && (
          <div className="optimise-result">
            <p>
              {text.result(
                format.whole(result.keep.length),
                format.whole(result.close.length),
                format.whole(result.open.length),
              )}{' '}
              {result.meanMinutes !== null && text.mean(format.minutes(result.meanMinutes))}{' '}
              {result.gap !== null && text.gap(format.decimal(result.gap * 100))} {travelNote(result.travel)}.
            </p>
            {result.exact !== undefined && <p>{result.exact ? text.exact : text.notExact}</p>}
            {result.scenarios && result.maxRegret !== undefined && (
              <>
                <p>{text.maxRegret(format.whole(result.maxRegret))}</p>
                <ul>
                  {result.scenarios.map((s) => (
                    <li key={s.name}>{text.regret(s.name, format.whole(s.cost), format.whole(s.best))}</li>
                  ))}
                </ul>
              </>
            )}
            {result.covered !== undefined && result.loads && (
              <>
                <p>{text.covered(format.whole(result.covered))}</p>
                <ul>
                  {result.loads.map((l) => (
                    <li key={l.site}>{text.load(l.site, format.whole(l.load), format.whole(l.capacity))}</li>
                  ))}
                </ul>
              </>
            )}
            <button
              type="button"
              onClick={() => {
                onApply(result.changes);
                dialogRef.current?.close();
              }}
            >
              {text.apply}
            </button>
          </div>
        )}
      </dialog>
    </>
  );
};
