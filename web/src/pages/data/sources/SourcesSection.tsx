import { useRef, useState } from 'react';
import type { SourceFetch, SourceFetchList, SourceFetchRequest } from '../../../../../src/model/index.js';
import { RequestFailure } from '../../../api/failure.js';
import { sendJson } from '../../../api/send.js';
import { useApi } from '../../../api/useApi.js';
import { Loaded } from '../../../components/Loaded.js';
import { failureText } from '../../../i18n/failureText.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePageMessages } from '../../../i18n/usePageMessages.js';
import { Section } from '../Section.js';
import { sourceMessages } from './messages.js';
import { ReferenceIndicators } from './ReferenceIndicators.js';

type Dataset = SourceFetchRequest['dataset'];
const datasets: Dataset[] = ['population', 'projection', 'languages'];

type Run =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; fetch: SourceFetch }
  | { state: 'cancelled' }
  | { state: 'failed'; failure: unknown };

const sameSource = (a: SourceFetch, b: SourceFetch) => a.source === b.source && a.dataset === b.dataset;

/**
 * Why a fetch was refused, in the reader's language: a refusal the server described (a store whose
 * municipalities are not in the table, years it lacks) in this section's words, anything else by its code.
 */
const failedText = (
  text: (typeof sourceMessages)['fi'],
  t: Parameters<typeof failureText>[0],
  failure: unknown,
): string => {
  const details = failure instanceof RequestFailure ? failure.details : {};
  const said =
    details.refusal === 'municipalitiesNotInTable'
      ? text.notInTable(String(details.municipalities))
      : details.refusal === 'yearsNotInTable'
        ? text.yearsNotInTable(String(details.firstYear), String(details.lastYear))
        : details.refusal === 'noMunicipalities'
          ? text.noMunicipalities
          : failureText(t, failure);
  return text.failed(said);
};

/** Each source's last fetch: when, what changed, its licence and the attribution the licence asks for. */
const FetchTable = ({ fetches }: { fetches: SourceFetch[] }) => {
  const text = usePageMessages(sourceMessages);
  const { number, dateTime } = useI18n();
  if (fetches.length === 0) return <p>{text.none}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby="source-fetches-caption" tabIndex={0}>
      <table className="data-table" id="source-fetches">
        <caption id="source-fetches-caption">{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.source}</th>
            <th scope="col">{text.dataset}</th>
            <th scope="col">{text.fetchedAt}</th>
            <th scope="col">{text.changes}</th>
            <th scope="col">{text.licence}</th>
            <th scope="col">{text.attribution}</th>
          </tr>
        </thead>
        <tbody>
          {fetches.map((f) => (
            <tr key={`${f.source} ${f.dataset}`}>
              <th scope="row">
                <a href={f.url}>{f.source}</a>
              </th>
              <td>{f.dataset}</td>
              <td>{dateTime(f.fetchedAt)}</td>
              <td>
                {text.rows(number(f.rowsInserted), number(f.rowsUpdated))}.{' '}
                {text.unchanged(number(f.unchangedAnswers), number(f.queries))}.{' '}
                <span lang="en">{f.changes.join('; ')}</span>
              </td>
              <td>{f.licence}</td>
              <td className="attribution">{f.attribution}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

/** Starts a fetch of a Statistics Finland table; shows that it runs, and lets the user cancel it. */
const FetchForm = ({ onFetched }: { onFetched: (fetch: SourceFetch) => void }) => {
  const text = usePageMessages(sourceMessages);
  const { t, number } = useI18n();
  const [dataset, setDataset] = useState<Dataset>('population');
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setRun({ state: 'running' });
    try {
      const body: SourceFetchRequest = { source: 'statfin-pxweb', dataset };
      const fetch = await sendJson<SourceFetch>('POST', '/api/sources/fetch', { body, signal: abort.signal });
      // An answer that came as the user cancelled is still listed: the import was done.
      onFetched(fetch);
      if (!abort.signal.aborted) setRun({ state: 'done', fetch });
    } catch (error) {
      if (!abort.signal.aborted) setRun({ state: 'failed', failure: error });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  // Said at once: the request is abandoned here whenever its answer, if any, comes.
  const cancel = () => {
    controller.current?.abort();
    controller.current = null;
    setRun({ state: 'cancelled' });
  };

  return (
    <form
      className="source-fetch"
      aria-busy={run.state === 'running'}
      onSubmit={(e) => {
        e.preventDefault();
        if (run.state !== 'running') void start();
      }}
    >
      <h3>{text.fetchTitle}</h3>
      <label>
        {text.datasetChoice}{' '}
        <select
          value={dataset}
          disabled={run.state === 'running'}
          onChange={(e) => setDataset(e.target.value as Dataset)}
        >
          {datasets.map((d) => (
            <option key={d} value={d}>
              {text.datasets[d]}
            </option>
          ))}
        </select>
      </label>{' '}
      {run.state === 'running' ? (
        // Its own element, not the start button changed: a click on it must never submit the form.
        <button
          key="cancel"
          type="button"
          onClick={(e) => {
            e.preventDefault();
            cancel();
          }}
        >
          {text.cancel}
        </button>
      ) : (
        <button key="start" type="submit">
          {text.start}
        </button>
      )}
      <div role="status" className="source-fetch-status">
        {run.state === 'running' ? (
          <>
            {/* The server answers when the import is done: the bar runs without a measure until then. */}
            <progress aria-label={text.progressLabel} /> {text.running}
          </>
        ) : run.state === 'done' ? (
          text.done(number(run.fetch.cells))
        ) : run.state === 'cancelled' ? (
          text.cancelled
        ) : null}
      </div>
      {run.state === 'failed' ? (
        <p className="status status--error" role="alert">
          {failedText(text, t, run.failure)}
        </p>
      ) : null}
    </form>
  );
};

/** The Data page's open-data sources; users with the import permission may fetch from here. */
export const SourcesSection = ({ mayImport }: { mayImport: boolean }) => {
  const text = usePageMessages(sourceMessages);
  const list = useApi<SourceFetchList>('/api/sources');
  const [fetched, setFetched] = useState<SourceFetch[]>([]);
  return (
    <Section id="sources" title={text.title}>
      <p>{text.lead}</p>
      <Loaded state={list}>
        {(fetches) => (
          <FetchTable
            fetches={[...fetched, ...fetches.filter((f) => !fetched.some((n) => sameSource(f, n)))]}
          />
        )}
      </Loaded>
      <ReferenceIndicators />
      {mayImport ? (
        <FetchForm onFetched={(f) => setFetched((all) => [f, ...all.filter((o) => !sameSource(o, f))])} />
      ) : null}
    </Section>
  );
};
