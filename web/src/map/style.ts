import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { AreaFeatureCollection, UnitFeatureCollection } from '../../../src/model/index.js';
import {
  municipalityFill,
  municipalityLine,
  municipalitySelectedFill,
  outsideCounty,
  producerKindColour,
  unknownProducerColour,
} from './colours.js';

const isSelected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

const colourByProducerKind: ExpressionSpecification = [
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
];

/**
 * The county map's style. It has no tile, glyph or sprite URLs at all: everything is drawn from the
 * county's own GeoJSON with fill, line and circle layers, so the map works offline and sends nothing
 * to third parties. Without glyphs there can be no text layers; names are in popups and in the tables.
 */
export const countyMapStyle = (
  municipalities: AreaFeatureCollection,
  units: UnitFeatureCollection,
): StyleSpecification => ({
  version: 8,
  sources: {
    // promoteId lets feature state (the selection) address features by their code.
    municipalities: { type: 'geojson', data: municipalities, promoteId: 'code' },
    units: { type: 'geojson', data: units, promoteId: 'code' },
  },
  layers: [
    { id: 'outside', type: 'background', paint: { 'background-color': outsideCounty } },
    {
      id: 'municipality-fill',
      type: 'fill',
      source: 'municipalities',
      paint: { 'fill-color': ['case', isSelected, municipalitySelectedFill, municipalityFill] },
    },
    {
      id: 'municipality-line',
      type: 'line',
      source: 'municipalities',
      paint: { 'line-color': municipalityLine, 'line-width': ['case', isSelected, 3, 1] },
    },
    {
      id: 'units',
      type: 'circle',
      source: 'units',
      paint: {
        'circle-color': colourByProducerKind,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 5, 12, 10],
        'circle-stroke-color': ['case', isSelected, '#111111', '#ffffff'],
        'circle-stroke-width': ['case', isSelected, 3, 1.5],
      },
    },
  ],
});

export const interactiveLayers = { unit: 'units', municipality: 'municipality-fill' } as const;
