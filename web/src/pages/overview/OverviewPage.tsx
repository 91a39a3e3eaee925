import { useState } from 'react';
import type { MonitoringSetSummary } from '../../../../src/model/index.js';
import { combine } from '../../api/combine.js';
import { Loaded } from '../../components/Loaded.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { followLink } from '../../routing/navigation.js';
import { useIndicatorList } from '../indicators/api.js';
import { useQueryParams } from '../indicators/query.js';
import { reportDownloadPath, useMonitoringSet, useMonitoringSets, useMonitoringSetView } from './api.js';
import { overviewMessages } from './messages.js';
import './overview.css';
import { ReportPage } from './ReportPage.js';
import { SetEditor } from './SetEditor.js';
import { TileGrid } from './TileGrid.js';

/** The print-friendly report lives under the overview, so that it needs no menu entry of its own. */
export const reportPath = '/overview/report';

export const OverviewPage = () => {
  if (window.location.pathname.replace(/\/+$/, '') === reportPath) return <ReportPage />;
  return <Overview />;
};

const Overview = () => {
  const text = usePageMessages(overviewMessages);
  const [reload, setReload] = useState(0);
  const sets = useMonitoringSets(reload);
  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <p className="lead">{text.lead}</p>
      <Loaded state={sets}>
        {(list) =>
          list.length === 0 ? (
            <p>{text.noSets}</p>
          ) : (
            <SetOverview sets={list} reload={reload} onSaved={() => setReload((n) => n + 1)} />
          )
        }
      </Loaded>
    </>
  );
};

interface SetOverviewProps {
  sets: readonly MonitoringSetSummary[];
  reload: number;
  onSaved(): void;
}

const SetOverview = ({ sets, reload, onSaved }: SetOverviewProps) => {
  const { language } = useI18n();
  const text = usePageMessages(overviewMessages);
  const [params, update] = useQueryParams();
  const [editing, setEditing] = useState(false);
  const chosen = sets.find((set) => String(set.id) === params.get('set')) ?? sets[0];
  const view = useMonitoringSetView(chosen?.id, undefined, reload);
  if (!chosen) return null;
  const year = view.status === 'ready' ? String(view.data.toYear) : undefined;
  const reportQuery = new URLSearchParams({ set: String(chosen.id), ...(year && { period: year }) });
  return (
    <>
      <div className="overview-bar">
        <label className="field field--wide">
          <span>{text.set}</span>
          <select
            id="monitoring-set"
            value={chosen.id}
            onChange={(event) => update({ set: event.target.value })}
          >
            {sets.map((set) => (
              <option key={set.id} value={set.id}>
                {set.name}
              </option>
            ))}
          </select>
        </label>
        <div className="overview-actions">
          <button
            type="button"
            className="button"
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {text.actions.edit}
          </button>
          <a className="button" href={`${reportPath}?${reportQuery.toString()}`} onClick={followLink}>
            {text.actions.report}
          </a>
          <a className="button" href={reportDownloadPath('pdf', chosen.name, year, language)} download>
            {text.actions.pdf}
          </a>
          <a className="button" href={reportDownloadPath('xlsx', chosen.name, year, language)} download>
            {text.actions.xlsx}
          </a>
        </div>
      </div>
      {chosen.description ? <p className="hint">{chosen.description}</p> : null}
      {editing ? (
        <Editor
          setId={chosen.id}
          reload={reload}
          defaultYear={(view.status === 'ready' ? view.data.toYear : new Date().getFullYear()) + 1}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved();
          }}
        />
      ) : null}
      <Loaded state={view}>{(data) => <TileGrid view={data} />}</Loaded>
    </>
  );
};

const Editor = ({
  setId,
  reload,
  defaultYear,
  onDone,
}: {
  setId: number;
  reload: number;
  defaultYear: number;
  onDone(saved: boolean): void;
}) => {
  const set = useMonitoringSet(setId, reload);
  const indicators = useIndicatorList();
  return (
    <Loaded state={combine(set, indicators)}>
      {([stored, list]) => (
        <SetEditor
          set={stored}
          indicators={list}
          defaultYear={defaultYear}
          onSaved={() => onDone(true)}
          onCancel={() => onDone(false)}
        />
      )}
    </Loaded>
  );
};
