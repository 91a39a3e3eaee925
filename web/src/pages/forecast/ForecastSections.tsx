import type { AreaLevel, ForecastDemand, ForecastSeries, ServiceClass } from '../../../../src/model/index.js';
import type { ApiState } from '../../api/useApi.js';
import { Loaded } from '../../components/Loaded.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { Section } from '../data/Section.js';
import type { AreaChoice } from './api.js';
import { BasisPanel } from './BasisPanel.js';
import { Busy } from './Busy.js';
import { DemandPanel } from './DemandPanel.js';
import { forecastMessages } from './messages.js';
import { PopulationLines } from './PopulationLines.js';
import { PyramidSection } from './PyramidSection.js';
import { useKept } from './useKept.js';

interface ForecastSectionsProps {
  series: ForecastSeries;
  variant: string;
  area: AreaChoice;
  areaName(level: AreaLevel, code: string): string;
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
  // Playing the years asks for each year's demand: the last table stays (dimmed) until the next has come.
  const demand = useKept(props.demand);
  return (
    <>
      <Section id="pyramid" title={messages.pyramid.title}>
        <PyramidSection
          variant={props.variant}
          area={props.area}
          areaName={areaName}
          year={year}
          baseYear={series.baseYear}
          still={props.still}
        />
      </Section>
      <Section id="lines" title={messages.lines.title}>
        <PopulationLines series={series} areaName={areaName(series.areaLevel, series.areaCode)} year={year} />
      </Section>
      <Section id="basis" title={messages.basis.title}>
        <BasisPanel basis={series.basis} />
      </Section>
      <Section id="demand" title={messages.gap.title}>
        <Loaded state={demand.state}>
          {(table) => (
            <Busy busy={demand.busy}>
              <DemandPanel
                demand={table}
                serviceClasses={props.serviceClasses}
                areaName={areaName(table.areaLevel, table.areaCode)}
                municipalityName={props.municipalityName}
              />
            </Busy>
          )}
        </Loaded>
      </Section>
    </>
  );
};
