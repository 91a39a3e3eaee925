import type { ChainList, LocalText } from '../../../../src/model/index.js';
import { combine } from '../../api/combine.js';
import { useStatus } from '../../api/endpoints.js';
import { useApi } from '../../api/useApi.js';
import { Loaded } from '../../components/Loaded.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { useIndicatorList } from './api.js';
import { IndicatorExplorer } from './IndicatorExplorer.js';
import './indicators.css';
import { indicatorsMessages } from './messages.js';
import { ReferenceComparisonSection } from './reference/ReferenceComparisonSection.js';

/**
 * One indicator at a time, as a chart, a table and a map, with the areas compared and cost standardised:
 * the built-in indicators by service area, then each service chain's measures under the chain's name.
 */
export const IndicatorsPage = () => {
  const text = usePageMessages(indicatorsMessages);
  const indicators = useIndicatorList();
  const status = useStatus();
  const chains = useApi<ChainList>('/api/chains');
  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <p className="lead">{text.lead}</p>
      <Loaded state={combine(indicators, status, chains)}>
        {([list, store, chainList]) =>
          list.length === 0 ? (
            <p>{text.noIndicators}</p>
          ) : (
            <IndicatorExplorer
              indicators={list}
              chainNames={
                new Map<string, LocalText>(
                  chainList.map(({ definition: c }) => [c.id, { fi: c.nameFi, sv: c.nameSv, en: c.nameEn }]),
                )
              }
              years={[...store.years.events, ...store.years.costs]}
            />
          )
        }
      </Loaded>
      <ReferenceComparisonSection />
    </>
  );
};
