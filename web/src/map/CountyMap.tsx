import { Popup } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import type { AreaFeatureCollection, UnitFeatureCollection } from '../../../src/model/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { boundsOf, boundsOfCollections, centreOf } from './bounds.js';
import { popupContent } from './popup.js';
import type { MapItemDescription, MapSelection } from './selection.js';
import { countyMapStyle, interactiveLayers } from './style.js';
import { useMapLibre } from './useMapLibre.js';

export interface CountyMapProps {
  municipalities: AreaFeatureCollection;
  units: UnitFeatureCollection;
  selection: MapSelection | null;
  onSelect(selection: MapSelection | null): void;
  describe(selection: MapSelection): MapItemDescription | undefined;
  /** The id of the text that tells how to use the map and where its content is as text. */
  describedBy: string;
}

export const CountyMap = ({
  municipalities,
  units,
  selection,
  onSelect,
  describe,
  describedBy,
}: CountyMapProps) => {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onSelect, describe });
  useEffect(() => {
    callbacks.current = { onSelect, describe };
  });
  const style = useMemo(() => countyMapStyle(municipalities, units), [municipalities, units]);
  const { map, failed } = useMapLibre(containerRef, {
    style,
    bounds: boundsOfCollections(municipalities, units),
    padding: 24,
    locale: {
      'Map.Title': t.data.map.name,
      'NavigationControl.ZoomIn': t.data.map.zoomIn,
      'NavigationControl.ZoomOut': t.data.map.zoomOut,
      'Popup.Close': t.data.map.closePopup,
    },
    describedBy,
    interactiveLayers: Object.values(interactiveLayers),
    onClick: (event, created) => {
      const [feature] = created.queryRenderedFeatures(event.point, {
        layers: [interactiveLayers.unit, interactiveLayers.municipality],
      });
      const code = feature?.properties.code;
      callbacks.current.onSelect(
        feature && code !== undefined
          ? {
              kind: feature.layer.id === interactiveLayers.unit ? 'unit' : 'municipality',
              code: String(code),
              fromTable: false,
              at: [event.lngLat.lng, event.lngLat.lat],
            }
          : null,
      );
    },
  });

  useEffect(() => {
    if (!map || !selection) return;
    const description = callbacks.current.describe(selection);
    const source = selection.kind === 'unit' ? 'units' : 'municipalities';
    const collection = selection.kind === 'unit' ? units : municipalities;
    const feature = collection.features.find((candidate) => candidate.properties.code === selection.code);
    const box = feature ? boundsOf([feature]) : undefined;
    if (!description || !box) return;

    const target = { source, id: selection.code };
    map.setFeatureState(target, { selected: true });
    if (selection.fromTable) {
      if (selection.kind === 'unit') map.easeTo({ center: centreOf(box), zoom: Math.max(map.getZoom(), 9) });
      else map.fitBounds(box, { padding: 48, maxZoom: 10 });
    }
    const popup = new Popup({ closeOnClick: false, focusAfterOpen: false, maxWidth: '18rem' })
      .setLngLat(selection.kind === 'municipality' && selection.at ? selection.at : centreOf(box))
      .setDOMContent(popupContent(description))
      .addTo(map);
    const onClose = () => callbacks.current.onSelect(null);
    popup.on('close', onClose);
    return () => {
      popup.off('close', onClose);
      popup.remove();
      map.removeFeatureState(target, 'selected');
    };
  }, [map, selection, municipalities, units]);

  if (failed) return <p className="status status--error">{t.data.map.unavailable}</p>;
  // Busy until the first frame is drawn, so that assistive technology (and tests) know when it is complete.
  return <div ref={containerRef} className="county-map" aria-busy={map === null} />;
};
