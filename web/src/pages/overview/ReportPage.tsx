import type {
  MonitoringSetItemView,
  MonitoringSetSummary,
  MonitoringSetView,
} from '../../../../src/model/index.js';
import { useAreas } from '../../api/endpoints.js';
import { decimalFormat } from '../../charts/index.js';
import { Loaded } from '../../components/Loaded.js';
import { SortableTable } from '../../components/SortableTable.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useScopeText } from '../../layout/useScopeText.js';
import { AppLink } from '../../routing/AppLink.js';
import { useSession } from '../../session/SessionProvider.js';
import { areaName } from '../data/names.js';
import { useIndicatorList } from '../indicators/api.js';
import { Figure } from '../indicators/Figure.js';
import { useQueryParams } from '../indicators/query.js';
import { reportDownloadPath, useMonitoringSets, useMonitoringSetView } from './api.js';
import { overviewMessages } from './messages.js';
import { Commentary } from './report/Commentary.js';
import { IndicatorPage, indicatorHeadingId } from './report/IndicatorPage.js';
import { reportMessages } from './report/messages.js';
import { type ContentsEntry, ReportContents } from './report/ReportContents.js';
import { ReportCover } from './report/ReportCover.js';
import { definitionsHeadingId, ReportDefinitions } from './report/ReportDefinitions.js';
import { chartRowHeightPx, usePrintLayout } from './report/usePrintLayout.js';
import { allSettled, resultOf, useReportResults } from './report/useReportResults.js';
import { StatusBadge } from './StatusBadge.js';
import { setName } from './setTexts.js';
import './report/report.css';

/**
 * The management report as one printable page: a cover, the contents, the set's figures against
 * targets, each chosen indicator by municipality on a page of its own with a commentary field, and the
 * definitions. The server prints this same page to PDF; everything it needs (set, year, chosen
 * indicators, commentary) is in the URL, and the page says when it is complete with .report-ready.
 */
export const ReportPage = () => {
  const [params] = useQueryParams();
  const sets = useMonitoringSets();
  return (
    <Loaded state={sets}>
      {(list) => {
        const wanted = params.get('set');
        const set =
          list.find((candidate) => String(candidate.id) === wanted || candidate.name === wanted) ?? list[0];
        return set ? <Report set={set} /> : null;
      }}
    </Loaded>
  );
};

const Report = ({ set }: { set: MonitoringSetSummary }) => {
  const { language } = useI18n();
  const { report: text, actions } = usePageMessages(overviewMessages);
  const [params] = useQueryParams();
  const period = params.get('period');
  const year = period && /^\d{4}$/.test(period) ? Number(period) : undefined;
  const view = useMonitoringSetView(set.id, year);
  const chosen = params.get('ids')?.split(',').filter(Boolean);
  return (
    <div className="report-page">
      <p className="report-actions">
        <AppLink page="overview">{text.back}</AppLink>{' '}
        <button type="button" className="button" onClick={() => window.print()}>
          {text.print}
        </button>{' '}
        <a
          className="button"
          download
          href={reportDownloadPath('pdf', {
            setName: set.name,
            year: period ?? undefined,
            language,
            pdfChoices: {
              ids: chosen,
              comments: Object.fromEntries(
                [...params].flatMap(([name, value]) =>
                  name.startsWith('c.') && value ? [[name.slice(2), value]] : [],
                ),
              ),
            },
          })}
        >
          {actions.pdf}
        </a>{' '}
        <a
          className="button"
          download
          href={reportDownloadPath('xlsx', { setName: set.name, year: period ?? undefined, language })}
        >
          {actions.xlsx}
        </a>
      </p>
      <Loaded state={view}>
        {(data) => (
          <ReportBody
            view={data}
            items={data.items.filter((item) => !chosen || chosen.includes(item.indicatorId))}
          />
        )}
      </Loaded>
    </div>
  );
};

/** The reader in words: their name and roles, as the session bar shows them. */
const useReader = (): { reader: string; known: boolean; suppressed: boolean } => {
  const { t } = useI18n();
  const { session, known, can } = useSession();
  const scopeText = useScopeText();
  const roles = [...session.roles.map((role) => t.session.roles[role]), ...scopeText(session)].join(', ');
  return {
    reader: session.user ? `${session.user.name} (${roles})` : roles,
    known,
    suppressed: !can('viewUnsuppressed'),
  };
};

const ReportBody = ({
  view,
  items,
}: {
  view: MonitoringSetView;
  items: readonly MonitoringSetItemView[];
}) => {
  const { language } = useI18n();
  const { report: text } = usePageMessages(overviewMessages);
  const words = usePageMessages(reportMessages);
  const [params, update] = useQueryParams();
  const ids = items.map((item) => item.indicatorId);
  const results = useReportResults(ids, view.toYear);
  const catalogue = useIndicatorList();
  const counties = useAreas('county', view.toYear);
  const reader = useReader();
  const county =
    counties.status === 'ready' && counties.data.areas[0] ? areaName(counties.data.areas[0], language) : null;
  const title = setName(view, language);
  const settled =
    allSettled(results, ids) &&
    reader.known &&
    catalogue.status !== 'loading' &&
    counties.status !== 'loading';
  const { pages, chartRows } = usePrintLayout({
    settled,
    runningTexts: settled
      ? {
          'running-head': words.runningHead(county ?? '', title, String(view.toYear)),
          'page-label': words.page,
        }
      : null,
  });
  // Cover and contents come first: the summary is the third part.
  const entries: ContentsEntry[] = [
    { target: 'report-summary-title', title: text.summary },
    ...items.map((item) => ({
      target: indicatorHeadingId(item.indicatorId),
      title: item.title?.[language] ?? item.indicatorId,
    })),
    { target: definitionsHeadingId, title: words.definitions },
  ].map((entry, i) => ({ ...entry, page: pages?.[i + 2] }));
  return (
    <article className="report">
      <ReportCover
        facts={{
          county,
          setName: title,
          period: String(view.toYear),
          preparedOn: new Date().toISOString().slice(0, 10),
          reader: reader.reader,
          suppressed: reader.suppressed,
        }}
      />
      <ReportContents entries={entries} />
      <section aria-labelledby="report-summary-title" className="report-part report-section">
        <h2 id="report-summary-title">{text.summary}</h2>
        <SummaryTable items={view.items} />
        <Commentary
          id="general"
          label={text.general}
          value={params.get('c.general') ?? ''}
          onChange={(value) => update({ 'c.general': value })}
        />
      </section>
      {items.map((item) => (
        <IndicatorPage
          key={`${item.position}-${item.indicatorId}`}
          item={item}
          year={view.toYear}
          result={resultOf(results, item.indicatorId)}
          comment={params.get(`c.${item.indicatorId}`) ?? ''}
          onComment={(value) => update({ [`c.${item.indicatorId}`]: value })}
          chartRowHeight={chartRows[item.indicatorId] ?? chartRowHeightPx}
        />
      ))}
      {catalogue.status === 'ready' ? (
        <ReportDefinitions items={items} catalogue={catalogue.data} results={results} />
      ) : null}
      <ReadyMark count={items.length} language={language} paginated={pages !== null} />
    </article>
  );
};

/**
 * Tells a printer how many indicator sections to wait for (the page is complete when each has its
 * figures, or its error, drawn) and, once it is laid out for print, that the contents know their pages.
 */
const ReadyMark = ({
  count,
  language,
  paginated,
}: {
  count: number;
  language: string;
  paginated: boolean;
}) => (
  <span
    className="report-ready"
    data-sections={count}
    data-language={language}
    data-paginated={paginated}
    hidden
  />
);

const SummaryTable = ({ items }: { items: readonly MonitoringSetItemView[] }) => {
  const { language } = useI18n();
  const text = usePageMessages(overviewMessages);
  return (
    <SortableTable<MonitoringSetItemView>
      id="report-summary"
      caption={text.report.summary}
      rows={[...items]}
      rowKey={(item) => `${item.position}-${item.indicatorId}`}
      className="report-table"
      columns={[
        {
          key: 'indicators',
          header: text.report.indicators,
          cell: (item) => item.title?.[language] ?? item.indicatorId,
          rowHeader: true,
        },
        {
          key: 'value',
          header: text.tile.value,
          cell: (item) => (
            <Figure
              value={item.value}
              suppressed={item.suppressed}
              format={decimalFormat(language, item.decimals ?? 1)}
            />
          ),
          numeric: true,
        },
        {
          key: 'target',
          header: text.tile.target,
          cell: (item) =>
            item.target
              ? decimalFormat(language, item.decimals ?? 1)(item.target.targetValue)
              : text.noTarget,
          numeric: true,
        },
        {
          key: 'status',
          header: text.report.status,
          cell: (item) => <StatusBadge status={item.assessment.status} hasTarget={item.target !== null} />,
        },
      ]}
    />
  );
};
