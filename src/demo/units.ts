import type { Channel, ServiceLanguage } from '../model/index.js';
import type { Geography } from './geography.js';
import { Random } from './random.js';

export interface DemoUnit {
  code: string;
  name: string;
  serviceClasses: string[];
  producerCode: string;
  municipalityCode: string;
  /** EPSG:3067 metres. */
  x: number;
  y: number;
  capacityUnit: 'visits' | 'places';
  validFrom: string;
  validTo: string | undefined;
  channels: Channel[];
  /** The languages the unit serves in. */
  languages: ServiceLanguage[];
  /** A unit that serves the whole county remotely: distance does not matter for it. */
  virtual: boolean;
  /** Pull relative to other units at the same distance: size, reputation, opening hours. */
  attractiveness: number;
}

interface UnitDefinition {
  code: string;
  name: string;
  classes: string;
  producer: string;
  municipality: string;
  /** From the municipal centre, km east and north. */
  offsetKm: [number, number];
  places?: boolean;
  channels?: Channel[];
  /** Finnish only unless said. */
  languages?: ServiceLanguage[];
  validFrom?: string;
  validTo?: string;
  virtual?: boolean;
  attractiveness?: number;
}

const all: Channel[] = ['inPerson', 'remote', 'digital'];
const onSite: Channel[] = ['inPerson'];
const finnish: ServiceLanguage[] = ['fi'];
/** Harjula (Åsby) and Salmela (Sundby) have a Swedish-speaking minority; their units serve in both. */
const bilingual: ServiceLanguage[] = ['fi', 'sv'];

/**
 * The service network: a central hospital and most specialised services in the regional centre,
 * sote centres in the towns, small health stations in the countryside (Korpimaa has none), and
 * companies and associations beside the county's own units. Two stations close when their
 * municipalities merge and one new sote centre replaces them.
 */
const definitions: readonly UnitDefinition[] = [
  u('TP001', 'Järvilinnan keskussairaala', 'SPC,EMC,REH', 'JPHVA', '951', [1.2, -0.8], {
    channels: ['inPerson', 'remote'],
    languages: bilingual,
  }),
  u('TP002', 'Keskustan sote-keskus', 'HC,MCC,CFS,ASW', 'JPHVA', '951', [0.2, 0.3], {
    attractiveness: 1.4,
    languages: bilingual,
  }),
  u('TP003', 'Pohjoisen sote-keskus', 'HC,MCC,OH', 'JPHVA', '951', [0.5, 4.5]),
  u('TP004', 'Eteläisen sote-keskus', 'HC,MCC,SSH', 'JPHVA', '951', [-0.8, -4.2]),
  u('TP005', 'Järvilinnan hammashoitola', 'OH', 'JPHVA', '951', [-0.4, 0.9], { channels: onSite }),
  u('TP006', 'Opiskeluterveydenhuolto Kampus', 'SSH', 'JPHVA', '951', [2.1, 1.6]),
  u('TP007', 'Mielenterveys- ja päihdekeskus', 'MHS,ASW', 'JPHVA', '951', [0.9, -0.2]),
  u('TP008', 'Digiklinikka', 'HC,MHS', 'JPHVA', '951', [0.3, 0.1], {
    channels: ['remote', 'digital'],
    languages: ['fi', 'sv', 'other'],
    virtual: true,
  }),
  u('TP009', 'Kotihoito Järvilinna', 'HMC', 'JPHVA', '951', [-1.5, 1.2], {
    channels: ['inPerson', 'remote'],
  }),
  u('TP010', 'Palvelukeskus Kuusikko', 'ELD', 'JPHVA', '951', [-2.2, -1.4], { places: true }),
  u('TP011', 'Hoivakoti Aamurusko Järvilinna', 'ELD', 'AAMURUSKO', '951', [3.1, -2.5], { places: true }),
  u('TP012', 'Hammaslääkäriasema Hymy Järvilinna', 'OH', 'HYMY', '951', [0.1, -0.4], {
    channels: onSite,
    attractiveness: 0.6,
  }),
  u('TP013', 'Kotihoito Apuri', 'HMC', 'APURI', '951', [1.8, 2.9], {
    channels: onSite,
    attractiveness: 0.35,
  }),
  u('TP014', 'Kuntoutus Nordica Järvilinna', 'REH', 'NORDICA', '951', [2.6, 0.4], {
    channels: onSite,
    languages: ['fi', 'sv', 'other'],
    attractiveness: 0.12,
  }),
  u('TP015', 'Mielenterveysseuran Kohtaamispaikka', 'MHS', 'MIELI', '951', [-0.6, -0.3], {
    attractiveness: 0.3,
  }),
  u('TP016', 'Selkeä-koti', 'SAB', 'SELKEA', '951', [4.2, 3.3], { places: true }),
  u('TP017', 'Tukikoti Kaarna', 'DIS', 'TUKI', '951', [-3.1, 2.2], { places: true }),
  u('TP018', 'Asumisyksikkö Lehmus', 'DIS', 'JPHVA', '951', [2.4, -3.6], { places: true }),
  u('TP019', 'Koskelan sote-keskus', 'HC,OH,MCC,SSH,CFS,ASW,REH', 'JPHVA', '952', [0.3, 0.2]),
  u('TP020', 'Koskelan päivystys', 'EMC', 'JPHVA', '952', [0.6, -0.3], { channels: onSite }),
  u('TP021', 'Kotihoito Koskela', 'HMC', 'JPHVA', '952', [-0.4, 0.5], { channels: ['inPerson', 'remote'] }),
  u('TP022', 'Hoivakoti Aamurusko Koskela', 'ELD', 'AAMURUSKO', '952', [1.1, 0.9], { places: true }),
  u('TP023', 'Harjulan sote-keskus', 'HC,OH,MCC,SSH,CFS,ASW,MHS', 'JPHVA', '953', [0.1, -0.2], {
    languages: bilingual,
  }),
  u('TP024', 'Kotihoito Harjula', 'HMC', 'JPHVA', '953', [-0.5, 0.4], {
    channels: ['inPerson', 'remote'],
    languages: bilingual,
  }),
  u('TP025', 'Palvelukoti Harjunrinne', 'ELD', 'JPHVA', '953', [0.8, 0.7], {
    places: true,
    languages: bilingual,
  }),
  u('TP026', 'Hammaslääkäriasema Hymy Harjula', 'OH', 'HYMY', '953', [0.2, 0.3], {
    channels: onSite,
    attractiveness: 0.5,
  }),
  u('TP027', 'Fysio Liike Harjula', 'REH', 'LIIKE', '953', [-0.3, -0.6], { channels: onSite }),
  u('TP028', 'Saarijoen sote-keskus', 'HC,OH,MCC,SSH,CFS,HMC', 'JPHVA', '954', [0.2, 0.1]),
  u('TP029', 'Palvelukoti Saarenhovi', 'ELD', 'JPHVA', '954', [-0.7, 0.5], { places: true }),
  u('TP030', 'Tukikoti Saarijoki', 'DIS', 'TUKI', '954', [0.9, -0.4], { places: true }),
  u('TP031', 'Kivimäen terveysasema', 'HC,MCC,OH,SSH', 'JPHVA', '955', [0.1, 0.2]),
  u('TP032', 'Lahdenperän terveysasema', 'HC,MCC,OH,SSH', 'JPHVA', '956', [-0.2, 0.1]),
  u('TP033', 'Mäntyrannan sote-asema', 'HC,MCC,OH,HMC', 'JPHVA', '957', [0.1, -0.1]),
  u('TP034', 'Palvelukoti Kuusela', 'ELD', 'JPHVA', '957', [0.6, 0.4], { places: true }),
  u('TP035', 'Kuusivaaran sote-asema', 'HC,MCC,OH,HMC', 'JPHVA', '958', [0.2, 0.1]),
  u('TP036', 'Ylängön sote-asema', 'HC,MCC,HMC', 'JPHVA', '959', [-0.1, 0.2]),
  u('TP037', 'Pohjalammen sote-asema', 'HC,MCC,OH,HMC', 'JPHVA', '960', [0.1, 0.1]),
  u('TP038', 'Riihivaaran sote-asema', 'HC,MCC,HMC', 'JPHVA', '961', [0.2, -0.2]),
  u('TP039', 'Salmelan terveysasema', 'HC,MCC,OH', 'JPHVA', '962', [-0.1, -0.1], { languages: bilingual }),
  u('TP040', 'Koivuniemen terveysasema', 'HC,MCC', 'JPHVA', '963', [0.1, 0.2]),
  u('TP041', 'Hirvilahden terveysasema', 'HC,MCC,OH', 'KAISLIKKO', '964', [0.2, 0.1]),
  u('TP042', 'Pitkäjärven sote-asema', 'HC,MCC,HMC', 'JPHVA', '965', [-0.2, 0.1]),
  u('TP043', 'Kaislarannan sote-asema', 'HC,MCC,HMC', 'JPHVA', '966', [0.1, 0.1]),
  u('TP044', 'Sammalkosken terveysasema', 'HC,MCC', 'JPHVA', '967', [0.2, -0.1]),
  u('TP045', 'Ahvenjärven terveysasema', 'HC,MCC,HMC', 'JPHVA', '969', [0.1, 0.2], { validTo: '2023-12-31' }),
  u('TP046', 'Haukiniemen terveysasema', 'HC,MCC', 'JPHVA', '970', [-0.1, 0.1], { validTo: '2023-12-31' }),
  u('TP047', 'Haukijärven sote-keskus', 'HC,MCC,OH,HMC', 'JPHVA', '971', [0.4, -0.3], {
    validFrom: '2024-01-01',
  }),
];

/** Opening dates of the long-standing units: all before any year the demo covers. */
const openingDates = ['1987-09-01', '1994-01-01', '1999-03-15', '2003-08-01', '2006-01-01', '2009-10-01'];

export const demoUnits = (seed: number, geography: Geography): DemoUnit[] => {
  const random = Random.of(seed, 901);
  return definitions.map((definition) => {
    const municipality = geography.municipalities.find((m) => m.code === definition.municipality);
    if (!municipality)
      throw new Error(`unit ${definition.code} is in unknown municipality ${definition.municipality}`);
    const opened = openingDates[random.int(openingDates.length)] ?? '2000-01-01';
    return {
      code: definition.code,
      name: definition.name,
      serviceClasses: definition.classes.split(','),
      producerCode: definition.producer,
      municipalityCode: definition.municipality,
      x: Math.round(municipality.seat.x + definition.offsetKm[0] * 1000),
      y: Math.round(municipality.seat.y + definition.offsetKm[1] * 1000),
      capacityUnit: definition.places ? 'places' : 'visits',
      validFrom: definition.validFrom ?? opened,
      validTo: definition.validTo,
      channels: definition.channels ?? all,
      languages: definition.languages ?? finnish,
      virtual: definition.virtual ?? false,
      attractiveness: definition.attractiveness ?? 1,
    };
  });
};

/** Units open all through a year; the demo opens and closes units only at the turn of a year. */
export const isOpenAllYear = (unit: DemoUnit, year: number): boolean =>
  unit.validFrom <= `${year}-01-01` && (unit.validTo === undefined || unit.validTo >= `${year}-12-31`);

// Positional on purpose: each call is a row of the table above, its arguments read as columns.
function u(
  code: string,
  name: string,
  classes: string,
  producer: string,
  municipality: string,
  offsetKm: [number, number],
  options: Partial<UnitDefinition> = {},
): UnitDefinition {
  return { code, name, classes, producer, municipality, offsetKm, ...options };
}
