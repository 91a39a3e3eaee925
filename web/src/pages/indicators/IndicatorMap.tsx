import {
  type GeoJSONSource,
  type GeoJSONSourceSpecification,
  Popup,
  type StyleSpecification,
} from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import type { AreaFeatureCollection } from '../../../../src/model/index.js';
import { boundsOf, boundsOfCollections } from '../../map/bounds.js';
import { municipalityLine, outsideCounty } from '../../map/colours.js';
import { popupContent } from '../../map/popup.js';
import type { MapItemDescription } from '../../map/selection.js';
import { useMapLibre } from '../../map/useMapLibre.js';

export interface AreaSelection {
  code: string;
  fromTable: boolean;
  at?: [number, number];
}

export interface IndicatorMapProps {
  areas: AreaFeatureCollection;
  /** The fill colour of each area by code; areas not in it are drawn in `fallback`. */
  fills: ReadonlyMap<string, string>;
  fallback: string;
  selection: AreaSelection | null;
  onSelect(selection: AreaSelection | null): void;
  describe(code: string): MapItemDescription | undefined;
  name: string;
  describedBy: string;
  labels: { zoomIn: string; zoomOut: string; close: string };
  unavailable: string;
}

type SourceData = Exclude<GeoJSONSourceSpecification['data'], string>;

/** The boundaries with each area's fill colour as a property, which the fill layer reads. */
const filledAreas = (
  areas: AreaFeatureCollection,
  fills: ReadonlyMap<string, string>,
  fallback: string,
): SourceData =>
  ({
    ...areas,
    features: areas.features.map((feature) => ({
      ...feature,
      properties: { code: feature.properties.code, fill: fills.get(feature.properties.code) ?? fallback },
    })),
  }) as SourceData;

const choroplethStyle = (data: SourceData): StyleSpecification => ({
  version: 8,
  sources: {
    areas: { type: 'geojson', data, promoteId: 'code' },
  },
  layers: [
    { id: 'outside', type: 'background', paint: { 'background-color': outsideCounty } },
    { id: 'area-fill', type: 'fill', source: 'areas', paint: { 'fill-color': ['get', 'fill'] } },
    {
      id: 'area-line',
      type: 'line',
      source: 'areas',
      paint: {
        'line-color': [
          'case',
          ['boolean', ['feature-state', 'selected'], false],
          '#111111',
          municipalityLine,
        ],
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3.5, 1],
      },
    },
  ],
});

/**
 * The indicator by area as a choropleth, drawn from the county's own boundaries with no tiles or fonts
 * from elsewhere (as the Data page's map). The table beside it is its text alternative.
 */
export const IndicatorMap = ({
  areas,
  fills,
  fallback,
  selection,
  onSelect,
  describe,
  name,
  describedBy,
  labels,
  unavailable,
}: IndicatorMapProps) => {
  const containerRef = useRef<HTMLDivElement>(null);
  const colouring = useRef({ fills, fallback });
  const callbacks = useRef({ onSelect, describe });
  useEffect(() => {
    callbacks.current = { onSelect, describe };
  });
  // New boundaries make a new map; new figures only recolour it (below), keeping the view and selection.
  const style = useMemo(
    () => choroplethStyle(filledAreas(areas, colouring.current.fills, colouring.current.fallback)),
    [areas],
  );
  // Texts are taken when the map is made (MapLibre reads its labels only then); the caller keys the map by language.
  const { map, failed } = useMapLibre(containerRef, {
    style,
    bounds: boundsOfCollections(areas),
    padding: 16,
    locale: {
      'Map.Title': name,
      'NavigationControl.ZoomIn': labels.zoomIn,
      'NavigationControl.ZoomOut': labels.zoomOut,
      'Popup.Close': labels.close,
    },
    describedBy,
    interactiveLayers: ['area-fill'],
    onClick: (event, created) => {
      const [feature] = created.queryRenderedFeatures(event.point, { layers: ['area-fill'] });
      const code = feature?.properties.code;
      callbacks.current.onSelect(
        code === undefined
          ? null
          : { code: String(code), fromTable: false, at: [event.lngLat.lng, event.lngLat.lat] },
      );
    },
  });

  useEffect(() => {
    colouring.current = { fills, fallback };
    const source = map?.getSource<GeoJSONSource>('areas');
    source?.setData(filledAreas(areas, fills, fallback));
  }, [map, areas, fills, fallback]);

  useEffect(() => {
    if (!map || !selection) return;
    const description = callbacks.current.describe(selection.code);
    const feature = areas.features.find((candidate) => candidate.properties.code === selection.code);
    const box = feature ? boundsOf([feature]) : undefined;
    if (!description || !box) return;
    const target = { source: 'areas', id: selection.code };
    map.setFeatureState(target, { selected: true });
    if (selection.fromTable) map.fitBounds(box, { padding: 48, maxZoom: 10 });
    const popup = new Popup({ closeOnClick: false, focusAfterOpen: false, maxWidth: '18rem' })
      .setLngLat(selection.at ?? [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2])
      .setDOMContent(popupContent(description))
      .addTo(map);
    const onClose = () => callbacks.current.onSelect(null);
    popup.on('close', onClose);
    return () => {
      popup.off('close', onClose);
      popup.remove();
      map.removeFeatureState(target, 'selected');
    };
  }, [map, selection, areas]);

  if (failed) return <p className="status status--error">{unavailable}</p>;
  return <div ref={containerRef} className="county-map indicator-map" aria-busy={map === null} />;
};
