import 'maplibre-gl/dist/maplibre-gl.css';
import {
  type GeoJSONSource,
  type GeoJSONSourceSpecification,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import type { AreaFeatureCollection } from '../../../../src/model/index.js';
import { boundsOf, boundsOfCollections } from '../../map/bounds.js';
import { municipalityLine, outsideCounty } from '../../map/colours.js';
import { popupContent } from '../../map/popup.js';
import type { MapItemDescription } from '../../map/selection.js';

setWorkerUrl(workerUrl);

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
  // Texts are taken when the map is made (MapLibre reads its labels only then); the caller keys the map by language.
  const texts = useRef({ name, labels });
  const colouring = useRef({ fills, fallback });
  const callbacks = useRef({ onSelect, describe });
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    callbacks.current = { onSelect, describe };
  });

  // New figures recolour the map in place: making a new map would lose the view and the selection.
  useEffect(() => {
    colouring.current = { fills, fallback };
    const source = map?.getSource<GeoJSONSource>('areas');
    source?.setData(filledAreas(areas, fills, fallback));
  }, [map, areas, fills, fallback]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const bounds = boundsOfCollections(areas);
    let created: MapLibreMap;
    try {
      created = new MapLibreMap({
        container,
        style: choroplethStyle(filledAreas(areas, colouring.current.fills, colouring.current.fallback)),
        ...(bounds ? { bounds, fitBoundsOptions: { padding: 16 } } : { center: [25.5, 64.5], zoom: 4 }),
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        locale: {
          'Map.Title': texts.current.name,
          'NavigationControl.ZoomIn': texts.current.labels.zoomIn,
          'NavigationControl.ZoomOut': texts.current.labels.zoomOut,
          'Popup.Close': texts.current.labels.close,
        },
      });
    } catch {
      setFailed(true);
      return;
    }
    created.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    created.keyboard.disableRotation();
    created.touchZoomRotate.disableRotation();
    created.getCanvas().setAttribute('aria-describedby', describedBy);
    created.on('click', (event) => {
      const [feature] = created.queryRenderedFeatures(event.point, { layers: ['area-fill'] });
      const code = feature?.properties.code;
      callbacks.current.onSelect(
        code === undefined
          ? null
          : { code: String(code), fromTable: false, at: [event.lngLat.lng, event.lngLat.lat] },
      );
    });
    created.on('mouseenter', 'area-fill', () => {
      created.getCanvas().style.cursor = 'pointer';
    });
    created.on('mouseleave', 'area-fill', () => {
      created.getCanvas().style.cursor = '';
    });
    created.once('load', () => setMap(created));
    return () => {
      setMap(null);
      created.remove();
    };
  }, [areas, describedBy]);

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
