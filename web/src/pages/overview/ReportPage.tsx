import type { MonitoringSetItemView, MonitoringSetSummary } from '../../../../src/model/index.js';
import { DotChart, decimalFormat } from '../../charts/index.js';
import { SuppressionNote } from '../../components/Count.js';
import { Loaded } from '../../components/Loaded.js';
import { SortableTable } from '../../components/SortableTable.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { AppLink } from '../../routing/AppLink.js';
import { useIndicatorResult } from '../indicators/api.js';
import { Figure } from '../indicators/Figure.js';
import { useQueryParams } from '../indicators/query.js';
import { reportDownloadPath, useMonitoringSets, useMonitoringSetView } from './api.js';
import { overviewMessages } from './messages.js';
import { StatusBadge } from './StatusBadge.js';
import { setName } from './setTexts.js';

/**
 * The management report as one printable page: the set's figures against targets, then each chosen
 * indicator by municipality, with a commentary field for each. The server prints this same page to PDF;
 * everything it needs (set, year, chosen indicators, commentary) is in the URL, and the page says when
 * it is complete with data-report-ready.
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
  const { language, date } = useI18n();
  const { report: text, actions } = usePageMessages(overviewMessages);
  const [params, update] = useQueryParams();
  const period = params.get('period');
  const year = period && /^\d{4}$/.test(period) ? Number(period) : undefined;
  const view = useMonitoringSetView(set.id, year);
  const chosen = params.get('ids')?.split(',').filter(Boolean);
  const today = new Date().toISOString().slice(0, 10);
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
        {(data) => {
          const items = data.items.filter((item) => !chosen || chosen.includes(item.indicatorId));
          return (
            <>
              <PageHeading>{text.title(setName(data, language))}</PageHeading>
              <p className="report-meta">
                {text.period(String(data.toYear))} · {text.prepared(date(today))}
              </p>
              <section aria-labelledby="report-summary-title" className="report-section">
                <h2 id="report-summary-title">{text.summary}</h2>
                <SummaryTable items={data.items} />
                <Commentary
                  id="general"
                  label={text.general}
                  value={params.get('c.general') ?? ''}
                  onChange={(value) => update({ 'c.general': value })}
                />
              </section>
              <h2 className="report-heading">{text.chosen}</h2>
              {items.map((item) => (
                <IndicatorReport
                  key={`${item.position}-${item.indicatorId}`}
                  item={item}
                  year={data.toYear}
                  comment={params.get(`c.${item.indicatorId}`) ?? ''}
                  onComment={(value) => update({ [`c.${item.indicatorId}`]: value })}
                />
              ))}
              <ReadyMark count={items.length} language={language} />
            </>
          );
        }}
      </Loaded>
    </div>
  );
};

/**
 * Tells a printer how many indicator sections to wait for: the page is complete when each of them has
 * its figures (or its error) drawn.
 */
const ReadyMark = ({ count, language }: { count: number; language: string }) => (
  <span className="report-ready" data-sections={count} data-language={language} hidden />
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

const Commentary = ({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
}) => (
  <div className="report-commentary">
    <label htmlFor={`comment-${id}`}>{label}</label>
    <textarea
      id={`comment-${id}`}
      rows={3}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
    {/* A textarea prints cut to its box; the printed page shows the whole text instead. */}
    <p className="report-commentary__print">{value}</p>
  </div>
);

const IndicatorReport = ({
  item,
  year,
  comment,
  onComment,
}: {
  item: MonitoringSetItemView;
  year: number;
  comment: string;
  onComment(value: string): void;
}) => {
  const { language } = useI18n();
  const text = usePageMessages(overviewMessages);
  const result = useIndicatorResult(item.indicatorId, {
    level: 'municipality',
    period: 'year',
    fromYear: year,
    toYear: year,
  });
  const title = item.title?.[language] ?? item.indicatorId;
  const format = decimalFormat(language, item.decimals ?? 1);
  const headingId = `report-${item.indicatorId}`;
  return (
    <section
      className="report-section report-indicator"
      aria-labelledby={headingId}
      data-indicator={item.indicatorId}
    >
      <h3 id={headingId}>{title}</h3>
      <p className="report-meta">
        {item.unit?.[language]} ·{' '}
        <StatusBadge status={item.assessment.status} hasTarget={item.target !== null} />
      </p>
      <Loaded state={result}>
        {(data) => {
          const values = data.values.filter((value) => value.isTotal);
          return (
            <div className="report-figures" data-loaded="true">
              <DotChart
                rows={[...values]
                  .sort(
                    (a, b) => (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY),
                  )
                  .map((value) => ({
                    key: value.areaCode,
                    label: value.areaName ?? value.areaCode,
                    value: value.value,
                    low: value.lower,
                    high: value.upper,
                    suppressed: value.suppressed,
                  }))}
                label={`${title}, ${text.report.areas}, ${year}`}
                valueLabel={text.tile.value}
                intervalLabel={text.tile.intervalLabel}
                reference={
                  // The set's own figure is the county's only when the item is scoped to the county.
                  item.value === null || item.scope.level !== 'county'
                    ? undefined
                    : { value: item.value, label: text.report.countyValue(format(item.value)) }
                }
                format={format}
                width={560}
              />
              <SortableTable
                id={`report-table-${item.indicatorId}`}
                caption={`${title}, ${text.report.areas}, ${year}`}
                rows={values}
                rowKey={(value) => value.areaCode}
                columns={[
                  {
                    key: 'areas',
                    header: text.report.areas,
                    cell: (value) => value.areaName ?? value.areaCode,
                    rowHeader: true,
                  },
                  {
                    key: 'value',
                    header: text.tile.value,
                    cell: (value) => (
                      <Figure value={value.value} suppressed={value.suppressed} format={format} />
                    ),
                    numeric: true,
                  },
                  {
                    key: 'intervalLabel',
                    header: text.tile.intervalLabel,
                    cell: (value) =>
                      value.lower !== null && value.upper !== null
                        ? `${format(value.lower)}–${format(value.upper)}`
                        : '',
                    numeric: true,
                  },
                ]}
              />
              {values.some((value) => value.suppressed) ? <SuppressionNote /> : null}
            </div>
          );
        }}
      </Loaded>
      <Commentary
        id={item.indicatorId}
        label={text.report.commentaryFor(title)}
        value={comment}
        onChange={onComment}
      />
    </section>
  );
};
