import { useState } from 'react';
import type { MonitoringSetSummary, MonitoringSetView } from '../../../../src/model/index.js';
import { Loaded } from '../../components/Loaded.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { followLink } from '../../routing/navigation.js';
import { useCan } from '../../session/SessionProvider.js';
import { useIndicatorList } from '../indicators/api.js';
import { useQueryParams } from '../indicators/query.js';
import { reportDownloadPath, useMonitoringSets, useMonitoringSetView } from './api.js';
import { overviewMessages } from './messages.js';
import { setDescription, setName } from './setTexts.js';
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
  const [saves, setSaves] = useState(0);
  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <p className="lead">{text.lead}</p>
      <p className="visually-hidden" role="status">
        {saves > 0 ? text.editor.saved : ''}
      </p>
      {/* Remounted after each save, so that the set and its figures are fetched again. */}
      <Sets key={saves} onSaved={() => setSaves((n) => n + 1)} />
    </>
  );
};

const Sets = ({ onSaved }: { onSaved(): void }) => {
  const text = usePageMessages(overviewMessages);
  const sets = useMonitoringSets();
  return (
    <Loaded state={sets}>
      {(list) => (list.length === 0 ? <p>{text.noSets}</p> : <SetOverview sets={list} onSaved={onSaved} />)}
    </Loaded>
  );
};

interface SetOverviewProps {
  sets: readonly MonitoringSetSummary[];
  onSaved(): void;
}

const SetOverview = ({ sets, onSaved }: SetOverviewProps) => {
  const { language } = useI18n();
  const text = usePageMessages(overviewMessages);
  const [params, update] = useQueryParams();
  const mayEdit = useCan('editTargets');
  const [editing, setEditing] = useState(false);
  const chosen = sets.find((set) => String(set.id) === params.get('set')) ?? sets[0];
  const view = useMonitoringSetView(chosen?.id);
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
                {setName(set, language)}
              </option>
            ))}
          </select>
        </label>
        <div className="overview-actions">
          {mayEdit && (
            <button
              type="button"
              className="button"
              aria-expanded={editing}
              disabled={view.status !== 'ready'}
              onClick={() => setEditing(!editing)}
            >
              {text.actions.edit}
            </button>
          )}
          <a className="button" href={`${reportPath}?${reportQuery.toString()}`} onClick={followLink}>
            {text.actions.report}
          </a>
          <a
            className="button"
            href={reportDownloadPath('pdf', { setName: chosen.name, year, language })}
            download
          >
            {text.actions.pdf}
          </a>
          <a
            className="button"
            href={reportDownloadPath('xlsx', { setName: chosen.name, year, language })}
            download
          >
            {text.actions.xlsx}
          </a>
        </div>
      </div>
      {setDescription(chosen, language) ? <p className="hint">{setDescription(chosen, language)}</p> : null}
      <Loaded state={view}>
        {(data) => (
          <>
            {editing && mayEdit ? (
              <Editor
                set={data}
                defaultYear={data.toYear + 1}
                onDone={(saved) => (saved ? onSaved() : setEditing(false))}
              />
            ) : null}
            <TileGrid view={data} />
          </>
        )}
      </Loaded>
    </>
  );
};

/** The editor names each item as the set's view does; the list of all indicators is only for adding. */
const Editor = ({
  set,
  defaultYear,
  onDone,
}: {
  set: MonitoringSetView;
  defaultYear: number;
  onDone(saved: boolean): void;
}) => {
  const indicators = useIndicatorList();
  return (
    <SetEditor
      set={set}
      titles={
        new Map(set.items.flatMap((item) => (item.title ? [[item.indicatorId, item.title] as const] : [])))
      }
      indicators={indicators.status === 'ready' ? indicators.data : []}
      defaultYear={defaultYear}
      onSaved={() => onDone(true)}
      onCancel={() => onDone(false)}
    />
  );
};
