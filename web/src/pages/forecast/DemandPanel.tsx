import type { ForecastDemand, ServiceClass } from '../../../../src/model/index.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { DemandTable } from './DemandTable.js';
import { forecastMessages } from './messages.js';

interface DemandPanelProps {
  demand: ForecastDemand;
  serviceClasses: readonly ServiceClass[];
  caption: string;
}

/** The demand table and what its figures mean. */
export const DemandPanel = ({ demand, serviceClasses, caption }: DemandPanelProps) => {
  const text = usePageMessages(forecastMessages);
  if (demand.rows.length === 0) return <p className="status">{text.empty}</p>;
  return (
    <>
      <DemandTable rows={demand.rows} serviceClasses={serviceClasses} caption={caption} />
      <p className="table-note">{text.gap.note}</p>
    </>
  );
};
