import type { AccessLayer } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { producerKindColour, producerKinds } from '../../map/colours.js';
import { networkMessages } from './messages.js';
import {
  closedLinkColour,
  differenceBins,
  residentsByBin,
  residentsByDifference,
  travelBins,
  unreachableColour,
} from './travel-bins.js';

/**
 * What the colours mean, with the residents in each travel-time class: the map's figures as text; and
 * the line of closed roads while the network variant closes any.
 */
export const TravelLegend = ({
  cells,
  difference,
  closedRoads,
}: {
  cells: AccessLayer;
  difference: boolean;
  closedRoads: boolean;
}) => {
  const messages = usePageMessages(networkMessages);
  const text = messages.map;
  const { t, number } = useI18n();
  const residents = residentsByBin(cells.features.map((f) => f.properties));
  const changed = residentsByDifference(cells.features.map((f) => f.properties));
  const differenceLabel = (from: number, to: number) => {
    if (to <= -0.5)
      return Number.isFinite(from) ? text.nearer(number(-to), number(-from)) : text.nearerOver(number(-to));
    if (from >= 0.5)
      return Number.isFinite(to) ? text.farther(number(from), number(to)) : text.fartherOver(number(from));
    return text.unchanged;
  };
  return (
    <div className="map-legend">
      <h3 id="network-legend-title">{text.legend}</h3>
      {difference ? (
        <>
          <p id="network-legend-times">{text.difference}</p>
          <ul aria-labelledby="network-legend-times">
            {differenceBins.map((bin, i) => (
              <li key={bin.from}>
                <span
                  className="swatch swatch--area"
                  style={{ background: bin.colour, borderColor: '#5b7083' }}
                  aria-hidden="true"
                />
                {differenceLabel(bin.from, bin.to)}: {text.residents(number(changed[i] ?? 0))}
              </li>
            ))}
            <li>
              <span
                className="swatch swatch--area"
                style={{ background: unreachableColour, borderColor: '#5b7083' }}
                aria-hidden="true"
              />
              {text.noFigure}: {text.residents(number(changed[differenceBins.length] ?? 0))}
            </li>
          </ul>
        </>
      ) : (
        <>
          <p id="network-legend-times">{text.travelTime}</p>
          <ul aria-labelledby="network-legend-times">
            {travelBins.map((bin, i) => (
              <li key={bin.from}>
                <span
                  className="swatch swatch--area"
                  style={{ background: bin.colour, borderColor: '#5b7083' }}
                  aria-hidden="true"
                />
                {Number.isFinite(bin.to)
                  ? text.minutesRange(number(bin.from), number(bin.to))
                  : text.minutesOver(number(bin.from))}
                {': '}
                {text.residents(number(residents[i] ?? 0))}
              </li>
            ))}
            <li>
              <span
                className="swatch swatch--area"
                style={{ background: unreachableColour, borderColor: '#5b7083' }}
                aria-hidden="true"
              />
              {text.unreachable}: {text.residents(number(residents[travelBins.length] ?? 0))}
            </li>
          </ul>
        </>
      )}
      {cells.features.some((f) => f.properties.populationSuppressed) && <p>{text.withheldNote}</p>}
      <p id="network-legend-units">{text.units}</p>
      <ul aria-labelledby="network-legend-units">
        {producerKinds.map((kind) => (
          <li key={kind}>
            <span
              className="swatch swatch--unit"
              style={{ background: producerKindColour[kind] }}
              aria-hidden="true"
            />
            {t.kinds.producer[kind]}
          </li>
        ))}
        <li>
          <span className="swatch swatch--unit swatch--closed" aria-hidden="true" />
          {text.closedUnit}
        </li>
        <li>
          <span className="swatch swatch--unit swatch--changed" aria-hidden="true" />
          {text.changedUnit}
        </li>
      </ul>
      {closedRoads && (
        <p className="network-closed-legend">
          <span className="swatch swatch--road" style={{ background: closedLinkColour }} aria-hidden="true" />
          {messages.variant.drawn}
        </p>
      )}
    </div>
  );
};
