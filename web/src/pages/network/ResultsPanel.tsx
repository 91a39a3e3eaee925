import type { ScenarioResult } from '../../../../src/model/index.js';
import { type SortableColumn, SortableTable } from '../../components/SortableTable.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useFormats } from './format.js';
import { networkMessages } from './messages.js';
import { useTravelNote } from './TravelNote.js';

const groups = ['all', 'aged75', 'children'] as const;
type Group = (typeof groups)[number];

interface ResultsPanelProps {
  result: ScenarioResult;
  serviceClass: string;
  updating: boolean;
}

/** The chosen service's access and load under the working changes, and the whole network's cost. */
export const ResultsPanel = ({ result, serviceClass, updating }: ResultsPanelProps) => {
  const text = usePageMessages(networkMessages).results;
  const format = useFormats();
  const travelNote = useTravelNote();
  const figures = result.classes.find((c) => c.serviceClass === serviceClass);
  const minutes = (value: number | null | undefined) =>
    value === null || value === undefined ? text.none : text.minutes(format.minutes(value));
  const decayName = usePageMessages(networkMessages).controls.decayKinds[result.decay.kind];
  const share = (value: number | null) => (value === null ? text.none : text.percent(format.percent(value)));
  return (
    <div className="network-results" aria-busy={updating}>
      <p className="hint">
        {result.populationSource === 'forecast'
          ? text.populationForecast(String(result.targetYear))
          : result.populationSource === 'gridAgeGroups'
            ? text.populationGridGroups(String(result.populationYear))
            : result.populationYear === result.targetYear
              ? text.populationObserved(String(result.populationYear))
              : text.populationFallback(String(result.targetYear), String(result.populationYear))}
        . {travelNote(result.travel)}.{' '}
        {result.demandSource === 'forecastCellDemand' ? text.demandForecast : text.demandRates}.{' '}
        {text.decayNote(decayName, format.whole(result.decay.catchmentMinutes))}.{' '}
        {updating ? text.updating : text.evaluated(format.whole(result.evaluationMs))}
      </p>
      {figures && (
        <>
          <dl className="figures" id="network-figures">
            <div>
              <dt>{text.unitsOpen}</dt>
              <dd>{format.whole(figures.unitCount)}</dd>
            </div>
            <div>
              <dt>{text.mean}</dt>
              <dd>{minutes(figures.meanMinutes)}</dd>
            </div>
            <div>
              <dt>{text.median}</dt>
              <dd>{minutes(figures.medianMinutes)}</dd>
            </div>
            <div>
              <dt>{text.p90}</dt>
              <dd>{minutes(figures.p90Minutes)}</dd>
            </div>
            <div>
              <dt>{text.demand}</dt>
              <dd>{format.whole(figures.inPersonDemand)}</dd>
            </div>
            <div>
              <dt>{text.unserved}</dt>
              <dd>{format.whole(figures.unserved)}</dd>
            </div>
            <div>
              <dt>{text.unreachable(format.whole(result.maxTravelMinutes))}</dt>
              <dd>
                {format.whole(figures.unreachableDemand)}
                {figures.unreachableResidents > 0 &&
                  ` (${text.unreachableResidents(format.whole(figures.unreachableResidents))})`}
              </dd>
            </div>
            <div>
              <dt>{text.supplyRatio}</dt>
              <dd>{figures.supplyRatio === null ? text.none : format.decimal(figures.supplyRatio)}</dd>
            </div>
            <div>
              <dt>{text.cost}</dt>
              <dd>{text.euros(format.whole(result.costs.totalEuros))}</dd>
            </div>
            <div>
              <dt>{text.staff}</dt>
              <dd>{format.decimal(result.staffFte)}</dd>
            </div>
          </dl>
          <SortableTable<Group>
            id="network-shares"
            caption={text.sharesCaption}
            rows={groups}
            rowKey={(group) => group}
            columns={[
              { key: 'group', header: text.group, cell: (group) => text[group], rowHeader: true },
              ...figures.within.map(
                (w): SortableColumn<Group> => ({
                  key: String(w.minutes),
                  header: text.within(format.whole(w.minutes)),
                  cell: (group) => share(w[group]),
                  numeric: true,
                }),
              ),
            ]}
          />
        </>
      )}
    </div>
  );
};
