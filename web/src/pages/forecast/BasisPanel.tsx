import type { ForecastBasis, ForecastBasisCaution } from '../../../../src/model/index.js';
import { formatNumber } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localeOf } from '../../i18n/languages.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { forecastMessages } from './messages.js';

interface BasisPanelProps {
  /** Undefined for an official (imported) projection, whose assumptions are not ours to tell. */
  basis: ForecastBasis | undefined;
}

/**
 * What the chosen projection's rates rest on: the years of history, each rate's source, and warnings
 * when the history is short or missing. The warnings come first, as a list under their own heading.
 */
export const BasisPanel = ({ basis }: BasisPanelProps) => {
  const text = usePageMessages(forecastMessages).basis;
  const { language } = useI18n();
  if (!basis) return <p>{text.official}</p>;
  const number = (value: number) => formatNumber(language, value);
  const percent = (share: number) =>
    new Intl.NumberFormat(localeOf[language], {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(share);
  const base = String(basis.baseYear);
  const caution = (code: ForecastBasisCaution) =>
    code === 'noHistory'
      ? text.cautions.noHistory(base)
      : code === 'shortHistory'
        ? text.cautions.shortHistory(number(basis.historyYears), number(basis.fullHistoryYears))
        : text.cautions.improvementDefault(number(basis.historyYears), number(basis.trendYears));
  const { mortality, fertility, migration } = basis;
  return (
    <>
      <p>{text.lead}</p>
      {basis.cautions.length > 0 ? (
        <div className="forecast-basis__warnings" role="note" aria-labelledby="basis-warnings-title">
          <h3 id="basis-warnings-title">{text.warnings}</h3>
          <ul>
            {basis.cautions.map((code) => (
              <li key={code} data-caution={code}>
                {caution(code)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="forecast-basis">
        <dt>{text.history}</dt>
        <dd data-basis="history">
          {basis.historyYears > 0 && basis.firstYear !== null
            ? text.historyYears(number(basis.historyYears), String(basis.firstYear), base)
            : text.noHistory(base)}
        </dd>
        <dt>{text.mortality}</dt>
        <dd data-basis="mortality">{text.sources[mortality.source]}</dd>
        <dt>{text.improvement}</dt>
        <dd data-basis="improvement">
          {text.improvementSources[mortality.improvementSource]}:{' '}
          {text.improvementRates(percent(mortality.improvementBelow85), percent(mortality.improvementAt95))}
        </dd>
        <dt>{text.fertility}</dt>
        <dd data-basis="fertility">
          {text.sources[fertility.source]}
          {fertility.source === 'estimated' ? `, ${text.fertilityYears(number(fertility.years))}` : ''}
        </dd>
        <dt>{text.migration}</dt>
        <dd data-basis="migration">
          {text.sources[migration.source]}
          {migration.halfLifeYears === null ? '' : `, ${text.halfLife(number(migration.halfLifeYears))}`}
        </dd>
      </dl>
    </>
  );
};
