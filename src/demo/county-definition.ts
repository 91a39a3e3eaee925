/**
 * The fictional county: its names, its municipalities and where their centres lie. County code 99
 * and municipality codes 951–971 are not in Statistics Finland's 2025 classification, so demo data
 * do not collide with today's real areas.
 */

export type MunicipalityKind = 'centre' | 'suburb' | 'town' | 'rural';

export interface MunicipalityDefinition {
  code: string;
  nameFi: string;
  nameSv: string;
  kind: MunicipalityKind;
  /** Share of the county's residents in the first year of the population history. */
  residentShare: number;
  /** Where the municipal centre lies, from the county's centre. */
  radiusKm: number;
  bearingDegrees: number;
}

export const country = { code: 'SSS', nameFi: 'Koko maa', nameSv: 'Hela landet' } as const;

export const county = {
  code: '99',
  nameFi: 'Järvi-Pohjan hyvinvointialue',
  nameSv: 'Välfärdsområdet Järvi-Pohja',
} as const;

/**
 * The county lies in the inland lake district (ETRS-TM35FIN kilometres); the grid window is the
 * square the county's outline is drawn in.
 */
export const countyCentreKm = { east: 430, north: 6980 } as const;
export const gridWindow = { westKm: 330, southKm: 6880, width: 200, height: 200 } as const;
export const countyRadiusKm = 90;

/** The last full year, with which the population history and the event years end. */
export const lastFullYear = 2025;
export const firstPopulationYear = 2015;

export const municipalityDefinitions: readonly MunicipalityDefinition[] = [
  m('951', 'Järvilinna', 'Sjöborg', 'centre', 0.4, 0, 0),
  m('952', 'Koskela', 'Forsby', 'town', 0.09, 52, 155),
  m('953', 'Harjula', 'Åsby', 'town', 0.07, 50, 300),
  m('954', 'Saarijoki', 'Holmå', 'town', 0.05, 55, 30),
  m('955', 'Kivimäki', 'Stenbacka', 'suburb', 0.045, 24, 200),
  m('956', 'Lahdenperä', 'Vikstrand', 'suburb', 0.04, 24, 70),
  m('957', 'Mäntyranta', 'Tallstrand', 'rural', 0.035, 48, 230),
  m('958', 'Kuusivaara', 'Granberga', 'rural', 0.03, 45, 95),
  m('959', 'Ylänkö', 'Höglandet', 'rural', 0.03, 72, 183),
  m('960', 'Pohjalampi', 'Nordträsk', 'rural', 0.025, 70, 115),
  m('961', 'Riihivaara', 'Riberga', 'rural', 0.025, 72, 2),
  m('962', 'Salmela', 'Sundby', 'rural', 0.022, 42, 345),
  m('963', 'Koivuniemi', 'Björknäs', 'suburb', 0.02, 26, 300),
  m('964', 'Hirvilahti', 'Älgvik', 'rural', 0.018, 72, 140),
  m('965', 'Pitkäjärvi', 'Långsjö', 'rural', 0.016, 70, 52),
  m('966', 'Kaislaranta', 'Vasstrand', 'rural', 0.014, 70, 213),
  m('967', 'Sammalkoski', 'Mossfors', 'rural', 0.012, 72, 250),
  m('968', 'Korpimaa', 'Ödemarken', 'rural', 0.011, 72, 278),
  m('969', 'Ahvenjärvi', 'Abborrträsk', 'rural', 0.009, 70, 318),
  m('970', 'Haukiniemi', 'Gäddnäs', 'rural', 0.008, 70, 343),
];

/**
 * One merger, so that the area hierarchy has something to version: the two smallest municipalities
 * form a new one at the start of `year`.
 */
export const merger = {
  year: 2024,
  predecessors: ['969', '970'],
  successor: { code: '971', nameFi: 'Haukijärvi', nameSv: 'Gäddträsk' },
  /** The new municipality's centre is its larger predecessor's. */
  seatOf: '969',
} as const;

// Positional on purpose: each call is a row of the table above, its arguments read as columns.
function m(
  code: string,
  nameFi: string,
  nameSv: string,
  kind: MunicipalityKind,
  residentShare: number,
  radiusKm: number,
  bearingDegrees: number,
): MunicipalityDefinition {
  return { code, nameFi, nameSv, kind, residentShare, radiusKm, bearingDegrees };
}
