import type { IndicatorResult, MonitoringSetItemView } from '../../../../../src/model/index.js';
import { printableArea } from '../../../../../src/model/index.js';
import type { ApiState } from '../../../api/useApi.js';
import { DotChart, decimalFormat } from '../../../charts/index.js';
import { SuppressionNote } from '../../../components/Count.js';
import { Loaded } from '../../../components/Loaded.js';
import { SortableTable } from '../../../components/SortableTable.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePageMessages } from '../../../i18n/usePageMessages.js';
import { Figure } from '../../indicators/Figure.js';
import { areaDotRows } from '../../indicators/values.js';
import { overviewMessages } from '../messages.js';
import { StatusBadge } from '../StatusBadge.js';
import { Commentary } from './Commentary.js';
import { reportMessages } from './messages.js';

/** The chart is drawn at the printable width, so that on paper its 12 px labels print at 9 pt. */
const chartWidthPx = Math.floor(printableArea().widthPx);

export const indicatorHeadingId = (indicatorId: string) => `report-${indicatorId}`;

/**
 * One indicator on a page of its own: its figure against the target, every municipality as a dot with
 * its interval across the page's width, the same figures as a table, and the commentary beneath.
 */
export const IndicatorPage = ({
  item,
  year,
  result,
  comment,
  onComment,
  chartRowHeight,
}: {
  item: MonitoringSetItemView;
  year: number;
  result: ApiState<IndicatorResult>;
  comment: string;
  onComment(value: string): void;
  /** Each municipality's row in the chart: shorter on paper when the section would not fit its page. */
  chartRowHeight: number;
}) => {
  const { language } = useI18n();
  const text = usePageMessages(overviewMessages);
  const words = usePageMessages(reportMessages);
  const title = item.title?.[language] ?? item.indicatorId;
  const format = decimalFormat(language, item.decimals ?? 1);
  const headingId = indicatorHeadingId(item.indicatorId);
  const caption = `${title}, ${text.report.areas}, ${year}`;
  return (
    <section
      className="report-part report-section report-indicator"
      aria-labelledby={headingId}
      data-indicator={item.indicatorId}
    >
      <h2 id={headingId}>{title}</h2>
      <p className="report-meta">
        <span>{item.unit?.[language]}</span>
        <span>
          {words.countyFigure} <Figure value={item.value} suppressed={item.suppressed} format={format} />
        </span>
        <span>
          {words.target} {item.target ? format(item.target.targetValue) : text.noTarget}
        </span>
        <StatusBadge status={item.assessment.status} hasTarget={item.target !== null} />
      </p>
      <Loaded state={result}>
        {(data) => {
          const values = data.values.filter((value) => value.isTotal);
          return (
            <div className="report-figures" data-loaded="true" data-chart-rows={values.length}>
              <DotChart
                rows={areaDotRows(values)}
                label={caption}
                valueLabel={text.tile.value}
                intervalLabel={text.tile.intervalLabel}
                reference={
                  // The set's own figure is the county's only when the item is scoped to the county.
                  item.value === null || item.scope.level !== 'county'
                    ? undefined
                    : { value: item.value, label: text.report.countyValue(format(item.value)) }
                }
                format={format}
                width={chartWidthPx}
                rowHeight={chartRowHeight}
              />
              <SortableTable
                id={`report-table-${item.indicatorId}`}
                caption={caption}
                rows={values}
                rowKey={(value) => value.areaCode}
                className="report-table"
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
