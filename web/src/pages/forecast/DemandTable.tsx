import { useState } from 'react';
import type { ForecastDemandRow, ServiceClass } from '../../../../src/model/index.js';
import { Count } from '../../components/Count.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localeOf } from '../../i18n/languages.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { serviceClassName } from '../data/names.js';
import { GapMarker } from './GapMarker.js';
import { gapStatus } from './gapStatus.js';
import { forecastMessages } from './messages.js';
import { SortHeader } from './SortHeader.js';
import { nextOrder, type SortOrder, sortRows } from './sorting.js';

type SortKey = 'name' | 'demand' | 'capacity' | 'gap' | 'fte';

interface DemandTableProps {
  rows: readonly ForecastDemandRow[];
  serviceClasses: readonly ServiceClass[];
  caption: string;
}

/** Demand against capacity by service class, sortable by any column; largest shortfall first at the start. */
export const DemandTable = ({ rows, serviceClasses, caption }: DemandTableProps) => {
  const text = usePageMessages(forecastMessages).gap;
  const { language } = useI18n();
  const [order, setOrder] = useState<SortOrder<SortKey>>({ key: 'gap', direction: 'descending' });
  const classes = new Map(serviceClasses.map((serviceClass) => [serviceClass.code, serviceClass]));
  const nameOf = (code: string) => {
    const serviceClass = classes.get(code);
    return serviceClass ? serviceClassName(serviceClass, language) : code;
  };
  const sortValue = (row: ForecastDemandRow, key: SortKey) =>
    key === 'name' ? nameOf(row.serviceClass) : row[key];
  const collator = new Intl.Collator(localeOf[language]);
  const sorted = sortRows(rows, order, sortValue, collator.compare);
  // Volumes are projected to fractions of a visit; they are shown whole, staff to a tenth.
  const whole = (value: number | null) => <Count value={value === null ? null : Math.round(value)} />;
  const tenths = (value: number | null) => (
    <Count value={value === null ? null : Math.round(value * 10) / 10} />
  );
  const header = (key: SortKey, label: string, numeric = true) => (
    <SortHeader
      label={label}
      numeric={numeric}
      direction={order.key === key ? order.direction : undefined}
      onSort={() => setOrder(nextOrder(order, key, numeric ? 'descending' : 'ascending'))}
    />
  );
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby="demand-caption" tabIndex={0}>
      <table id="demand-table" className="data-table">
        <caption id="demand-caption">{caption}</caption>
        <thead>
          <tr>
            {header('name', text.serviceClass, false)}
            <th scope="col">{text.unit}</th>
            {header('demand', text.demand)}
            {header('capacity', text.capacity)}
            {header('gap', text.gap)}
            <th scope="col">{text.status}</th>
            {header('fte', text.fte)}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.serviceClass}>
              <th scope="row">{nameOf(row.serviceClass)}</th>
              <td>{text.units[row.eventKind as keyof typeof text.units] ?? row.eventKind}</td>
              <td className="num">{whole(row.demand)}</td>
              <td className="num">{whole(row.capacity)}</td>
              <td className="num">{whole(row.gap)}</td>
              <td>
                <GapMarker status={gapStatus(row.gap, row.demand)} />
              </td>
              <td className="num">{tenths(row.fte)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
