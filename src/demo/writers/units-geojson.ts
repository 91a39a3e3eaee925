import { toWgs84 } from '../../model/index.js';
import type { DemoUnit } from '../units.js';

const finnishChannel = { inPerson: 'vastaanotto', remote: 'etä', digital: 'digi' } as const;
const finnishLanguage = {
  fi: 'suomi',
  sv: 'ruotsi',
  se: 'pohjoissaame',
  smn: 'inarinsaame',
  sms: 'koltansaame',
  other: 'muu',
} as const;

/**
 * The unit register as WGS84 points, the way a web map or an open data portal hands them out;
 * lists (service classes, channels) are comma-separated, as in a GIS attribute table.
 */
export const unitsGeojson = (units: readonly DemoUnit[], capacities: readonly number[]): string => {
  const features = units.map((unit, i) => {
    const { lon, lat } = toWgs84(unit.x, unit.y);
    return {
      type: 'Feature',
      properties: {
        koodi: unit.code,
        nimi: unit.name,
        palveluluokat: unit.serviceClasses.join(','),
        tuottaja: unit.producerCode,
        kunta: unit.municipalityCode,
        kapasiteetti: capacities[i] ?? 0,
        kapasiteettiyksikko: unit.capacityUnit === 'places' ? 'paikat' : 'käynnit',
        voimassa_alkaen: unit.validFrom,
        voimassa_asti: unit.validTo ?? null,
        kanavat: unit.channels.map((channel) => finnishChannel[channel]).join(','),
        kielet: unit.languages.map((language) => finnishLanguage[language]).join(', '),
      },
      geometry: { type: 'Point', coordinates: [round(lon, 6), round(lat, 6)] },
    };
  });
  return `${JSON.stringify({ type: 'FeatureCollection', name: 'toimipisteet', features }, null, 1)}\n`;
};

/** Six decimals of a degree are about ten centimetres: more would be noise. */
const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));
