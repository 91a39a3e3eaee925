import type { ProducerKind } from '../../../src/model/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { municipalityFill, municipalityLine, producerKindColour, producerKinds } from './colours.js';

/** What the colours mean, with how many units of each kind the map shows. */
export const MapLegend = ({ unitCounts }: { unitCounts: Partial<Record<ProducerKind, number>> }) => {
  const { t, number } = useI18n();
  return (
    <div className="map-legend">
      <h3 id="map-legend-title">{t.data.map.legend}</h3>
      <p>{t.data.map.legendUnits}</p>
      <ul aria-labelledby="map-legend-title">
        {producerKinds.map((kind) => (
          <li key={kind}>
            <span
              className="swatch swatch--unit"
              style={{ background: producerKindColour[kind] }}
              aria-hidden="true"
            />
            {t.kinds.producer[kind]} ({number(unitCounts[kind] ?? 0)})
          </li>
        ))}
        <li>
          <span
            className="swatch swatch--area"
            style={{ background: municipalityFill, borderColor: municipalityLine }}
            aria-hidden="true"
          />
          {t.data.map.municipalityFill}
        </li>
      </ul>
    </div>
  );
};
