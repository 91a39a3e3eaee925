import {
  type CatalogueIndicator,
  isChainIndicator,
  type MonitoringSetItemView,
} from '../../../../../src/model/index.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { localeOf } from '../../../i18n/languages.js';
import { usePageMessages } from '../../../i18n/usePageMessages.js';
import { methodText } from '../../indicators/Definition.js';
import { indicatorsMessages } from '../../indicators/messages.js';
import { reportMessages } from './messages.js';
import { type ReportResults, resultOf } from './useReportResults.js';

export const definitionsHeadingId = 'report-definitions-title';

/**
 * The last part: what each reported indicator measures, in its unit and good direction, and how it
 * was computed (standardisation, interval), in the words of the Indicators page. The engine's notes
 * on method are written in English only: the report leaves them to the Indicators page, so that it
 * speaks one language.
 */
export const ReportDefinitions = ({
  items,
  catalogue,
  results,
}: {
  items: readonly MonitoringSetItemView[];
  catalogue: readonly CatalogueIndicator[];
  results: ReportResults;
}) => {
  const { language } = useI18n();
  const text = usePageMessages(indicatorsMessages);
  const words = usePageMessages(reportMessages);
  const percent = new Intl.NumberFormat(localeOf[language], { style: 'percent' });
  const byId = new Map(catalogue.map((indicator) => [indicator.id, indicator]));
  return (
    <section className="report-part report-definitions" aria-labelledby={definitionsHeadingId}>
      <h2 id={definitionsHeadingId}>{words.definitions}</h2>
      <p className="report-meta">{words.definitionsLead}</p>
      {items.map((item) => {
        const indicator = byId.get(item.indicatorId);
        if (!indicator) return null;
        const result = resultOf(results, indicator.id);
        const metadata = result.status === 'ready' ? result.data.metadata : undefined;
        return (
          <article key={`${item.position}-${indicator.id}`} className="report-definition">
            <h3>{indicator.title[language]}</h3>
            <p>{indicator.description[language]}</p>
            <dl>
              <dt>{text.definition.unit}</dt>
              <dd>{indicator.unit[language]}</dd>
              <dt>{text.definition.direction}</dt>
              <dd>{text.directions[indicator.direction]}</dd>
              {metadata ? (
                <>
                  <dt>{text.definition.title}</dt>
                  <dd>{methodText(indicator, metadata, { text, percent })}</dd>
                </>
              ) : null}
              {!isChainIndicator(indicator) && indicator.sotkanetId !== undefined ? (
                <>
                  <dt>{text.definition.sotkanet}</dt>
                  <dd>{indicator.sotkanetId}</dd>
                </>
              ) : null}
            </dl>
          </article>
        );
      })}
    </section>
  );
};
