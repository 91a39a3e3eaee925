import { type IndicatorDefinition, isChainIndicator } from '../../../../src/model/index.js';
import { combine } from '../../api/combine.js';
import { useStatus } from '../../api/endpoints.js';
import { Loaded } from '../../components/Loaded.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { PageHeading } from '../../layout/PageHeading.js';
import { useIndicatorList } from './api.js';
import { IndicatorExplorer } from './IndicatorExplorer.js';
import './indicators.css';
import { indicatorsMessages } from './messages.js';
import { ReferenceComparisonSection } from './reference/ReferenceComparisonSection.js';

/** One indicator at a time, as a chart, a table and a map, with the areas compared and cost standardised. */
export const IndicatorsPage = () => {
  const text = usePageMessages(indicatorsMessages);
  const indicators = useIndicatorList();
  const status = useStatus();
  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <p className="lead">{text.lead}</p>
      <Loaded state={combine(indicators, status)}>
        {([list, store]) =>
          list.length === 0 ? (
            <p>{text.noIndicators}</p>
          ) : (
            <IndicatorExplorer
              indicators={list.filter((d): d is IndicatorDefinition => !isChainIndicator(d))}
              years={[...store.years.events, ...store.years.costs]}
            />
          )
        }
      </Loaded>
      <ReferenceComparisonSection />
    </>
  );
};
