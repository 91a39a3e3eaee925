import type { CatalogueIndicator, IndicatorValue } from '../../../../src/model/index.js';
import { BarChart, DotChart, LineChart } from '../../charts/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { indicatorsMessages } from './messages.js';
import { Section } from './Section.js';
import { areaDotRows, categoryKey } from './values.js';

interface FormatProps {
  format(value: number): string;
  formatTick(value: number, step: number): string;
}

/** The county's figure over every period, with its interval as a band. */
export const Trend = ({
  indicator,
  values,
  compared = [],
  format,
  formatTick,
}: FormatProps & {
  indicator: CatalogueIndicator;
  values: readonly IndicatorValue[];
  /** Municipalities drawn beside the county, each a series of its own totals. */
  compared?: readonly (readonly IndicatorValue[])[];
}) => {
  const { language } = useI18n();
  const text = usePageMessages(indicatorsMessages);
  const totals = values.filter((value) => value.isTotal);
  const areaName = totals[0]?.areaName ?? totals[0]?.areaCode ?? '';
  const others = compared.flatMap((series) => {
    const first = series[0];
    return first
      ? [
          {
            id: first.areaCode,
            label: first.areaName ?? first.areaCode,
            points: series.map((value) => ({ x: value.period, value: value.value })),
          },
        ]
      : [];
  });
  return (
    <Section id="trend" title={text.trend.title}>
      <LineChart
        label={text.trend.label(indicator.title[language], areaName)}
        series={[
          {
            id: 'county',
            label: areaName,
            points: totals.map((value) => ({
              x: value.period,
              value: value.value,
              low: value.lower,
              high: value.upper,
            })),
          },
          ...others,
        ]}
        format={format}
        formatTick={formatTick}
        bandLabel={indicator.interval === 'none' ? undefined : text.trend.band}
      />
    </Section>
  );
};

/** Every area's figure in the chosen period as a dot with its interval, against the county's value. */
export const AreaComparison = ({
  indicator,
  values,
  period,
  countyValue,
  highlighted,
  format,
  formatTick,
}: FormatProps & {
  indicator: CatalogueIndicator;
  values: readonly IndicatorValue[];
  period: string;
  countyValue: number | null | undefined;
  highlighted: ReadonlySet<string>;
}) => {
  const { language } = useI18n();
  const text = usePageMessages(indicatorsMessages);
  const rows = areaDotRows(values, highlighted);
  return (
    <Section id="comparison" title={text.comparison.title}>
      <p className="hint">{text.comparison.lead}</p>
      <DotChart
        rows={rows}
        label={text.comparison.label(indicator.title[language], period)}
        valueLabel={text.comparison.value}
        intervalLabel={text.comparison.interval}
        reference={
          countyValue === null || countyValue === undefined
            ? undefined
            : { value: countyValue, label: text.comparison.county(format(countyValue)) }
        }
        format={format}
        formatTick={formatTick}
      />
    </Section>
  );
};

/** The county's figure split by the chosen breakdown, one bar per category with its interval. */
export const BreakdownChart = ({
  indicator,
  values,
  dimension,
  period,
  format,
  formatTick,
}: FormatProps & {
  indicator: CatalogueIndicator;
  values: readonly IndicatorValue[];
  dimension: string;
  period: string;
}) => {
  const { language } = useI18n();
  const text = usePageMessages(indicatorsMessages);
  const rows = values
    .filter((value) => !value.isTotal && value.period === period)
    .map((value) => ({
      key: categoryKey(value),
      label: categoryKey(value),
      values: [{ value: value.value, suppressed: value.suppressed, low: value.lower, high: value.upper }],
    }));
  return (
    <Section id="breakdown" title={text.breakdownChart.title(dimension)}>
      <BarChart
        rows={rows}
        series={[indicator.title[language]]}
        label={text.breakdownChart.label(indicator.title[language], dimension, period)}
        intervalLabel={text.comparison.interval}
        format={format}
        formatTick={formatTick}
      />
    </Section>
  );
};
