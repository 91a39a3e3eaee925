import { useState } from 'react';
import type { ForecastDemand, ServiceClass } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { serviceClassName } from '../data/names.js';
import { DemandTable } from './DemandTable.js';
import { forecastMessages } from './messages.js';
import { ToggleButton } from './ToggleButton.js';
import { UnitGapTable } from './UnitGapTable.js';

interface DemandPanelProps {
  demand: ForecastDemand;
  serviceClasses: readonly ServiceClass[];
  areaName: string;
  municipalityName(code: string): string;
}

/** The demand table by service class, what its figures mean, and the same by unit on request. */
export const DemandPanel = ({ demand, serviceClasses, areaName, municipalityName }: DemandPanelProps) => {
  const messages = usePageMessages(forecastMessages);
  const text = messages.gap;
  const { language } = useI18n();
  const [unitsShown, setUnitsShown] = useState(false);
  if (demand.rows.length === 0) return <p className="status">{messages.empty}</p>;
  const classes = new Map(serviceClasses.map((serviceClass) => [serviceClass.code, serviceClass]));
  const className = (code: string) => {
    const serviceClass = classes.get(code);
    return serviceClass ? serviceClassName(serviceClass, language) : code;
  };
  const year = String(demand.year);
  return (
    <>
      <DemandTable
        rows={demand.rows}
        serviceClasses={serviceClasses}
        caption={text.caption(areaName, year)}
      />
      <p className="table-note">{text.note}</p>
      {demand.units.length > 0 ? (
        <>
          <div className="forecast-toolbar">
            <ToggleButton
              expanded={unitsShown}
              controls="unit-gaps"
              showLabel={text.byUnit.show}
              hideLabel={text.byUnit.hide}
              onToggle={() => setUnitsShown(!unitsShown)}
            />
          </div>
          <div id="unit-gaps" hidden={!unitsShown}>
            {unitsShown ? (
              <UnitGapTable
                rows={demand.units}
                caption={text.byUnit.caption(areaName, year)}
                serviceClassName={className}
                municipalityName={municipalityName}
              />
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
};
