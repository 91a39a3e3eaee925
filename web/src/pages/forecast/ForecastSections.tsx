import type { ForecastDemand, ForecastSeries, ServiceClass } from '../../../../src/model/index.js';
import type { ApiState } from '../../api/useApi.js';
import { Loaded } from '../../components/Loaded.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { Section } from '../data/Section.js';
import type { AreaChoice } from './api.js';
import { DemandPanel } from './DemandPanel.js';
import { forecastMessages } from './messages.js';
import { PopulationLines } from './PopulationLines.js';
import { PyramidSection } from './PyramidSection.js';

interface ForecastSectionsProps {
  series: ForecastSeries;
  variant: string;
  area: AreaChoice;
  areaName: string;
  years: readonly number[];
  year: number;
  demand: ApiState<ForecastDemand>;
  serviceClasses: readonly ServiceClass[];
  municipalityName(code: string): string;
  still: boolean;
}

/** The pyramid, the lines and the demand table for the chosen area, variant and year. */
export const ForecastSections = (props: ForecastSectionsProps) => {
  const messages = usePageMessages(forecastMessages);
  const { series, areaName, year } = props;
  return (
    <>
      <Section id="pyramid" title={messages.pyramid.title}>
        <PyramidSection
          variant={props.variant}
          area={props.area}
          areaName={areaName}
          years={props.years}
          year={year}
          baseYear={series.baseYear}
          still={props.still}
        />
      </Section>
      <Section id="lines" title={messages.lines.title}>
        <PopulationLines series={series} areaName={areaName} year={year} />
      </Section>
      <Section id="demand" title={messages.gap.title}>
        <Loaded state={props.demand}>
          {(table) => (
            <DemandPanel
              demand={table}
              serviceClasses={props.serviceClasses}
              areaName={areaName}
              municipalityName={props.municipalityName}
            />
          )}
        </Loaded>
      </Section>
    </>
  );
};
