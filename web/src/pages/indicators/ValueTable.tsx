import type { IndicatorValue } from '../../../../src/model/index.js';
import { SuppressionNote } from '../../components/Count.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { Figure } from './Figure.js';
import { indicatorsMessages } from './messages.js';
import { categoryKey, type VersusCounty, versusCounty } from './values.js';

interface ValueTableProps {
  caption: string;
  values: readonly IndicatorValue[];
  countyValue: number | null | undefined;
  withCategory: boolean;
  format(value: number): string;
  formatCount(value: number): string;
  /** Codes of the areas that can be shown on the map; each gets a button. */
  mapped: ReadonlySet<string>;
  onShow(code: string): void;
}

const versusOrder: Record<VersusCounty, number> = { below: 0, within: 1, above: 2, unknown: 3 };

/** Every figure of the chosen period, sortable by any column; the map's text alternative. */
export const ValueTable = ({
  caption,
  values,
  countyValue,
  withCategory,
  format,
  formatCount,
  mapped,
  onShow,
}: ValueTableProps) => {
  const text = usePageMessages(indicatorsMessages);
  const t = text.table;
  const nameOf = (value: IndicatorValue) => value.areaName ?? value.areaCode;
  const columns: SortableColumn<IndicatorValue>[] = [
    { key: 'area', header: t.area, cell: nameOf, sortValue: nameOf, rowHeader: true },
    {
      key: 'map',
      header: t.map,
      cell: (value) =>
        mapped.has(value.areaCode) && value.isTotal ? (
          <button
            type="button"
            className="button-small"
            aria-label={t.showContext(nameOf(value))}
            onClick={() => onShow(value.areaCode)}
          >
            {t.show}
          </button>
        ) : null,
    },
    ...(withCategory
      ? [
          {
            key: 'category',
            header: t.category,
            cell: (value: IndicatorValue) => (value.isTotal ? t.total : categoryKey(value)),
            sortValue: (value: IndicatorValue) => (value.isTotal ? '' : categoryKey(value)),
          },
        ]
      : []),
    {
      key: 'value',
      header: t.value,
      cell: (value) => <Figure value={value.value} suppressed={value.suppressed} format={format} />,
      sortValue: (value) => value.value,
      numeric: true,
    },
    {
      key: 'interval',
      header: t.interval,
      cell: (value) =>
        value.lower === null || value.upper === null ? '' : `${format(value.lower)}–${format(value.upper)}`,
      sortValue: (value) => value.lower,
      numeric: true,
    },
    {
      key: 'numerator',
      header: t.numerator,
      cell: (value) => <Figure value={value.numerator} suppressed={value.suppressed} format={formatCount} />,
      sortValue: (value) => value.numerator,
      numeric: true,
    },
    {
      key: 'denominator',
      header: t.denominator,
      cell: (value) => <Figure value={value.denominator} suppressed={false} format={formatCount} />,
      sortValue: (value) => value.denominator,
      numeric: true,
    },
    ...(withCategory
      ? []
      : [
          {
            key: 'versus',
            header: t.versusCounty,
            cell: (value: IndicatorValue) => text.comparison.versus[versusCounty(value, countyValue)],
            sortValue: (value: IndicatorValue) => versusOrder[versusCounty(value, countyValue)],
          },
        ]),
  ];
  return (
    <>
      <SortableTable
        id="indicator-values"
        caption={caption}
        columns={columns}
        rows={values}
        rowKey={(value) => `${value.areaCode}|${categoryKey(value)}|${value.isTotal}`}
        numericFirst="ascending"
        sortLabel={t.sortBy}
        emptyText={text.noValues}
      />
      {values.some((value) => value.suppressed) ? <SuppressionNote /> : null}
    </>
  );
};
