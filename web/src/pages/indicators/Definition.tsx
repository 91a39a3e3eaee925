import {
  type CatalogueIndicator,
  type IndicatorDefinition,
  type IndicatorMetadata,
  isChainIndicator,
  type LocalText,
} from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localeOf } from '../../i18n/languages.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { followLink } from '../../routing/navigation.js';
import { type IndicatorsMessages, indicatorsMessages } from './messages.js';

/** How a figure was computed, in words: its standardisation and, when it has one, its interval. */
export const methodText = (
  indicator: Pick<IndicatorDefinition, 'interval'>,
  metadata: IndicatorMetadata,
  { text, percent }: { text: IndicatorsMessages; percent: Intl.NumberFormat },
): string =>
  `${text.definition.standardisation[metadata.standardisation]}${
    indicator.interval !== 'none' ? `; ${text.definition.interval(percent.format(metadata.confidence))}` : ''
  }`;

/** What the figure means: the description, its unit and good direction, and how it was computed. */
export const Definition = ({
  indicator,
  metadata,
  chainName,
}: {
  indicator: CatalogueIndicator;
  metadata: IndicatorMetadata | undefined;
  /** A chain measure's chain, named; its page is linked. */
  chainName?: LocalText | undefined;
}) => {
  const { language } = useI18n();
  const text = usePageMessages(indicatorsMessages);
  const percent = new Intl.NumberFormat(localeOf[language], { style: 'percent' });
  return (
    <section className="page-section indicator-definition" aria-labelledby="definition-title">
      <h2 id="definition-title">{indicator.title[language]}</h2>
      <p>{indicator.description[language]}</p>
      <dl className="definition-list">
        <div>
          <dt>{text.definition.unit}</dt>
          <dd>{indicator.unit[language]}</dd>
        </div>
        <div>
          <dt>{text.definition.direction}</dt>
          <dd>{text.directions[indicator.direction]}</dd>
        </div>
        {isChainIndicator(indicator) ? (
          <div>
            <dt>{text.definition.chain}</dt>
            <dd>
              <a href={`/chains?chain=${encodeURIComponent(indicator.chainId)}`} onClick={followLink}>
                {chainName?.[language] ?? indicator.chainId}
              </a>
            </dd>
          </div>
        ) : indicator.sotkanetId !== undefined ? (
          <div>
            <dt>{text.definition.sotkanet}</dt>
            <dd>{indicator.sotkanetId}</dd>
          </div>
        ) : null}
        {metadata ? (
          <div>
            <dt>{text.definition.title}</dt>
            <dd>{methodText(indicator, metadata, { text, percent })}</dd>
          </div>
        ) : null}
      </dl>
      {metadata && metadata.notes.length > 0 ? (
        <ul className="notes">
          {metadata.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
};
