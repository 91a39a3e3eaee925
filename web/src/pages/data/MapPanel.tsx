import { lazy, Suspense } from 'react';
import type {
  AreaFeatureCollection,
  ProducerKind,
  UnitFeatureCollection,
} from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { MapLegend } from '../../map/MapLegend.js';
import type { MapItemDescription, MapSelection } from '../../map/selection.js';

// MapLibre is most of the app's weight; only this page loads it.
const CountyMap = lazy(() =>
  import('../../map/CountyMap.js').then((module) => ({ default: module.CountyMap })),
);

interface MapPanelProps {
  municipalities: AreaFeatureCollection;
  units: UnitFeatureCollection;
  unitCounts: Partial<Record<ProducerKind, number>>;
  selection: MapSelection | null;
  onSelect(selection: MapSelection | null): void;
  describe(selection: MapSelection): MapItemDescription | undefined;
}

export const MapPanel = ({
  municipalities,
  units,
  unitCounts,
  selection,
  onSelect,
  describe,
}: MapPanelProps) => {
  const { t, language } = useI18n();
  const selected = selection ? describe(selection) : undefined;
  return (
    <>
      <p id="map-help" className="hint">
        {t.data.map.help} {t.data.map.textAlternative}
      </p>
      <div className="map-layout">
        <div className="map-frame">
          <Suspense
            fallback={
              <p className="status" role="status">
                {t.status.loading}
              </p>
            }
          >
            {/* Keyed by language: MapLibre takes its control labels only when it is created. */}
            <CountyMap
              key={language}
              municipalities={municipalities}
              units={units}
              selection={selection}
              onSelect={onSelect}
              describe={describe}
              describedBy="map-help"
            />
          </Suspense>
        </div>
        <MapLegend unitCounts={unitCounts} />
      </div>
      <p className="visually-hidden" role="status">
        {selected ? t.data.map.selected(`${selected.title}, ${selected.detail}`) : ''}
      </p>
    </>
  );
};
