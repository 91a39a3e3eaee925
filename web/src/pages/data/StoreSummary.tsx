import type { StoreStatus } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { yearSpan } from './names.js';

/** Record counts by kind and the years covered, as small figures at the top of the page. */
export const StoreSummary = ({ status }: { status: StoreStatus }) => {
  const { t, number } = useI18n();
  const countLabels: Record<string, string> = t.data.summary.counts;
  const years = (list: number[]) => yearSpan(list) || t.data.summary.none;
  return (
    <dl className="stats">
      {Object.entries(status.counts).map(([kind, count]) => (
        <div key={kind} className="stats__item">
          <dt>{countLabels[kind] ?? kind}</dt>
          <dd>{number(count)}</dd>
        </div>
      ))}
      <div className="stats__item">
        <dt>{t.data.summary.populationYears}</dt>
        <dd>{years(status.years.population)}</dd>
      </div>
      <div className="stats__item">
        <dt>{t.data.summary.eventYears}</dt>
        <dd>{years(status.years.events)}</dd>
      </div>
      <div className="stats__item">
        <dt>{t.data.summary.costYears}</dt>
        <dd>{years(status.years.costs)}</dd>
      </div>
    </dl>
  );
};
