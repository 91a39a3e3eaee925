import type { ReferenceIndicatorList } from '../../../../../src/model/index.js';
import { useApi } from '../../../api/useApi.js';
import { Loaded } from '../../../components/Loaded.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePageMessages } from '../../../i18n/usePageMessages.js';
import { referenceTitle } from '../../indicators/reference/title.js';
import { sourceMessages } from './messages.js';

/** THL's indicators the store holds reference values of, each named in the reader's language. */
export const ReferenceIndicators = () => {
  const text = usePageMessages(sourceMessages);
  const { language } = useI18n();
  const list = useApi<ReferenceIndicatorList>('/api/reference-values');
  return (
    <Loaded state={list}>
      {(indicators) =>
        indicators.length === 0 ? null : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
          <section className="table-scroll" aria-labelledby="reference-indicators-caption" tabIndex={0}>
            <table className="data-table" id="reference-indicators">
              <caption id="reference-indicators-caption">{text.referenceCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.indicatorId}</th>
                  <th scope="col">{text.indicatorTitle}</th>
                  <th scope="col">{text.years}</th>
                  <th scope="col">{text.source}</th>
                </tr>
              </thead>
              <tbody>
                {indicators.map((i) => {
                  const title = referenceTitle(i.indicatorTitles, language, '');
                  return (
                    <tr key={`${i.referenceSource} ${i.indicatorId}`}>
                      <th scope="row">{i.indicatorId}</th>
                      <td lang={title.lang}>{title.text}</td>
                      <td>{i.years.length > 0 ? `${i.years[0]}–${i.years[i.years.length - 1]}` : ''}</td>
                      <td>{i.referenceSource}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        )
      }
    </Loaded>
  );
};
