import type { ExpressionSpecification, GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { AccessLayer, RoadLinkShape, UnitResult } from '../../../../src/model/index.js';
import { boundsOfCollections } from '../../map/bounds.js';
import { outsideCounty, producerKindColour, unknownProducerColour } from '../../map/colours.js';
import { useMapLibre } from '../../map/useMapLibre.js';
import { closedLinkColour, differenceBins, travelBins, unreachableColour } from './travel-bins.js';

export interface NetworkMapProps {
  cells: AccessLayer;
  units: UnitResult[];
  selectedUnit: string | null;
  onSelectUnit(code: string | null): void;
  /** While set, a click on the map gives a location (lon, lat) instead of selecting. */
  picking: boolean;
  /** Colour cells by the change of travel time from the reference network instead of the time itself. */
  difference: boolean;
  onPick(lon: number, lat: number): void;
  /** The roads and bridges the network variant closes, drawn over the cells. */
  closedLinks: readonly RoadLinkShape[];
  name: string;
  describedBy: string;
  labels: { zoomIn: string; zoomOut: string };
  unavailable: string;
}

const minutesColour: ExpressionSpecification = [
  'case',
  ['==', ['get', 'minutes'], null],
  unreachableColour,
  [
    'step',
    ['get', 'minutes'],
    travelBins[0]?.colour ?? unreachableColour,
    ...travelBins.slice(1).flatMap((bin) => [bin.from, bin.colour]),
  ],
];

const differenceColour: ExpressionSpecification = [
  'case',
  ['==', ['get', 'differenceMinutes'], null],
  unreachableColour,
  [
    'step',
    ['get', 'differenceMinutes'],
    differenceBins[0]?.colour ?? unreachableColour,
    ...differenceBins.slice(1).flatMap((bin) => [bin.from, bin.colour]),
  ],
];

const unitColour: ExpressionSpecification = [
  'case',
  ['==', ['get', 'status'], 'closed'],
  '#ffffff',
  [
    'match',
    ['get', 'producerKind'],
    'own',
    producerKindColour.own,
    'purchased',
    producerKindColour.purchased,
    'voucher',
    producerKindColour.voucher,
    'ngo',
    producerKindColour.ngo,
    unknownProducerColour,
  ],
];

const unitPoints = (units: UnitResult[], selected: string | null) => ({
  type: 'FeatureCollection' as const,
  features: units.map((unit) => ({
    type: 'Feature' as const,
    id: unit.code,
    geometry: { type: 'Point' as const, coordinates: [unit.lon, unit.lat] },
    properties: {
      code: unit.code,
      status: unit.status,
      producerKind: unit.producerKind ?? 'unknown',
      selected: unit.code === selected,
    },
  })),
});

const closedLinkLines = (links: readonly RoadLinkShape[]) => ({
  type: 'FeatureCollection' as const,
  features: links.map((link) => ({
    type: 'Feature' as const,
    geometry: link.geometry,
    properties: { linkId: link.linkId },
  })),
});

const mapStyle = (
  cells: AccessLayer,
  units: UnitResult[],
  selected: string | null,
  closedLinks: readonly RoadLinkShape[],
): StyleSpecification => ({
  version: 8,
  sources: {
    cells: { type: 'geojson', data: cells, promoteId: 'code' },
    closedLinks: { type: 'geojson', data: closedLinkLines(closedLinks) },
    units: { type: 'geojson', data: unitPoints(units, selected), promoteId: 'code' },
  },
  layers: [
    { id: 'outside', type: 'background', paint: { 'background-color': outsideCounty } },
    {
      id: 'cells',
      type: 'fill',
      source: 'cells',
      paint: { 'fill-color': minutesColour, 'fill-opacity': 0.85 },
    },
    {
      id: 'closed-links-casing',
      type: 'line',
      source: 'closedLinks',
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 9 },
    },
    {
      id: 'closed-links',
      type: 'line',
      source: 'closedLinks',
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': closedLinkColour, 'line-width': 5 },
    },
    {
      id: 'units',
      type: 'circle',
      source: 'units',
      paint: {
        'circle-color': unitColour,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 5, 12, 10],
        'circle-stroke-color': [
          'case',
          ['get', 'selected'],
          '#d6006f',
          ['==', ['get', 'status'], 'closed'],
          '#5f6368',
          ['==', ['get', 'status'], 'unchanged'],
          '#ffffff',
          '#111111',
        ],
        'circle-stroke-width': [
          'case',
          ['get', 'selected'],
          4,
          ['==', ['get', 'status'], 'unchanged'],
          1.5,
          3,
        ],
      },
    },
  ],
});

/**
 * Grid cells coloured by travel time and the units of the chosen service on top, drawn from the API's
 * GeoJSON with no tiles or fonts from elsewhere. The map is made once; new results replace its data.
 */
export const NetworkMap = ({
  cells,
  units,
  selectedUnit,
  onSelectUnit,
  picking,
  difference,
  onPick,
  closedLinks,
  name,
  describedBy,
  labels,
  unavailable,
}: NetworkMapProps) => {
  const containerRef = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onSelectUnit, onPick, picking });
  useEffect(() => {
    callbacks.current = { onSelectUnit, onPick, picking };
  });
  // Made once from the first results; later results replace the sources' data (below).
  const [initial] = useState(() => ({
    style: mapStyle(cells, units, selectedUnit, closedLinks),
    bounds: boundsOfCollections(cells),
  }));
  const { map, failed } = useMapLibre(containerRef, {
    style: initial.style,
    bounds: initial.bounds,
    padding: 16,
    locale: {
      'Map.Title': name,
      'NavigationControl.ZoomIn': labels.zoomIn,
      'NavigationControl.ZoomOut': labels.zoomOut,
    },
    describedBy,
    interactiveLayers: ['units'],
    restingCursor: () => (callbacks.current.picking ? 'crosshair' : ''),
    onClick: (event, created) => {
      if (callbacks.current.picking) {
        callbacks.current.onPick(event.lngLat.lng, event.lngLat.lat);
        return;
      }
      // A little slack around the point, so that small circles are easy to hit.
      const { x, y } = event.point;
      const [feature] = created.queryRenderedFeatures(
        [
          [x - 6, y - 6],
          [x + 6, y + 6],
        ],
        { layers: ['units'] },
      );
      const code = feature?.properties.code;
      callbacks.current.onSelectUnit(code === undefined ? null : String(code));
    },
  });

  useEffect(() => {
    (map?.getSource('cells') as GeoJSONSource | undefined)?.setData(cells);
  }, [map, cells]);

  useEffect(() => {
    (map?.getSource('units') as GeoJSONSource | undefined)?.setData(unitPoints(units, selectedUnit));
  }, [map, units, selectedUnit]);

  useEffect(() => {
    (map?.getSource('closedLinks') as GeoJSONSource | undefined)?.setData(closedLinkLines(closedLinks));
  }, [map, closedLinks]);

  useEffect(() => {
    if (map) map.getCanvas().style.cursor = picking ? 'crosshair' : '';
  }, [map, picking]);

  useEffect(() => {
    map?.setPaintProperty('cells', 'fill-color', difference ? differenceColour : minutesColour);
  }, [map, difference]);

  if (failed) return <p className="status status--error">{unavailable}</p>;
  return <div ref={containerRef} className="county-map network-map" aria-busy={map === null} />;
};
