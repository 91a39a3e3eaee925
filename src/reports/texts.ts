import type {
  IndicatorDirection,
  IndicatorPeriodType,
  ReportLanguage,
  Standardisation,
} from '../model/index.js';

export type { ReportLanguage };

export type TargetStatusWord = 'onTarget' | 'near' | 'off' | 'unknown' | 'noTarget';

/** The words of an exported report in the reader's language; the web report page has its own. */
export interface ReportTexts {
  summarySheet: string;
  definitionsSheet: string;
  /** As the printed report's running head: whose, which set, which period. */
  reportTitle(county: string | null, setName: string, period: string): string;
  generated(date: string): string;
  columns: {
    indicator: string;
    unit: string;
    period: string;
    value: string;
    lower: string;
    upper: string;
    target: string;
    status: string;
    variance: string;
    areaCode: string;
    area: string;
    numerator: string;
    denominator: string;
    note: string;
    id: string;
    title: string;
    description: string;
    decimals: string;
    direction: string;
    interval: string;
    periods: string;
    sotkanet: string;
    reference: string;
    standardisation: string;
    notes: string;
  };
  status: Record<TargetStatusWord, string>;
  directions: Record<IndicatorDirection, string>;
  periodTypes: Record<IndicatorPeriodType, string>;
  standardisation: Record<Standardisation, string>;
  intervals: { poisson: string; wilson: string; none: string };
  suppressedMark: string;
  suppressedNote: string;
  referenceAttribution: string;
  notAvailable: string;
  county: string;
}

const titleOf = (county: string | null, setName: string, period: string): string =>
  [county, setName, period].filter(Boolean).join(' · ');

const fi: ReportTexts = {
  summarySheet: 'Yhteenveto',
  definitionsSheet: 'Määritelmät',
  reportTitle: titleOf,
  generated: (date) => `Laadittu ${date}`,
  columns: {
    indicator: 'Indikaattori',
    unit: 'Yksikkö',
    period: 'Ajanjakso',
    value: 'Arvo',
    lower: 'Luottamusväli, alaraja',
    upper: 'Luottamusväli, yläraja',
    target: 'Tavoite',
    status: 'Tila',
    variance: 'Ero tavoitteesta',
    areaCode: 'Aluekoodi',
    area: 'Alue',
    numerator: 'Osoittaja',
    denominator: 'Nimittäjä',
    note: 'Huomautus',
    id: 'Tunnus',
    title: 'Nimi',
    description: 'Kuvaus',
    decimals: 'Desimaalit',
    direction: 'Suunta',
    interval: 'Luottamusväli',
    periods: 'Ajanjaksot',
    sotkanet: 'Sotkanet-tunnus',
    reference: 'THL:n luku (Sotkanet)',
    standardisation: 'Vakiointi',
    notes: 'Huomautukset',
  },
  status: {
    onTarget: 'Tavoitteessa',
    near: 'Lähellä tavoitetta',
    off: 'Poikkeaa tavoitteesta',
    unknown: 'Ei arvioitavissa',
    noTarget: 'Ei tavoitetta',
  },
  directions: {
    higherIsBetter: 'Suurempi on parempi',
    lowerIsBetter: 'Pienempi on parempi',
    neutral: 'Ei suuntaa',
  },
  periodTypes: { year: 'Vuosi', quarter: 'Neljännes', month: 'Kuukausi', rolling12: 'Liukuva 12 kk' },
  standardisation: {
    none: 'Vakioimaton',
    needCoefficient: 'Tarvevakioitu (THL:n tarvekertoimet)',
    indirectAgeSexCounty: 'Epäsuora ikä- ja sukupuolivakiointi hyvinvointialueeseen',
  },
  intervals: { poisson: 'Tarkka Poisson, 95 %', wilson: 'Wilson, 95 %', none: 'Ei väliä' },
  suppressedMark: '<5',
  suppressedNote:
    '<5 = suojattu: luku koskee alle viittä henkilöä, tai siitä voisi päätellä sellaisen luvun; pienet luvut on suojattu, jottei ketään voi tunnistaa. Suojattu arvo ei ole nolla.',
  referenceAttribution: 'Lähde: THL, Sotkanet.fi, CC BY 4.0',
  notAvailable: '–',
  county: 'Hyvinvointialue',
};

const sv: ReportTexts = {
  summarySheet: 'Sammanfattning',
  definitionsSheet: 'Definitioner',
  reportTitle: titleOf,
  generated: (date) => `Upprättad ${date}`,
  columns: {
    indicator: 'Indikator',
    unit: 'Enhet',
    period: 'Period',
    value: 'Värde',
    lower: 'Konfidensintervall, nedre',
    upper: 'Konfidensintervall, övre',
    target: 'Mål',
    status: 'Läge',
    variance: 'Avvikelse från målet',
    areaCode: 'Områdeskod',
    area: 'Område',
    numerator: 'Täljare',
    denominator: 'Nämnare',
    note: 'Anmärkning',
    id: 'Kod',
    title: 'Namn',
    description: 'Beskrivning',
    decimals: 'Decimaler',
    direction: 'Riktning',
    interval: 'Konfidensintervall',
    periods: 'Perioder',
    sotkanet: 'Sotkanet-kod',
    reference: 'THL:s tal (Sotkanet)',
    standardisation: 'Standardisering',
    notes: 'Anmärkningar',
  },
  status: {
    onTarget: 'Enligt målet',
    near: 'Nära målet',
    off: 'Avviker från målet',
    unknown: 'Kan inte bedömas',
    noTarget: 'Inget mål',
  },
  directions: {
    higherIsBetter: 'Större är bättre',
    lowerIsBetter: 'Mindre är bättre',
    neutral: 'Ingen riktning',
  },
  periodTypes: { year: 'År', quarter: 'Kvartal', month: 'Månad', rolling12: 'Rullande 12 mån' },
  standardisation: {
    none: 'Ostandardiserad',
    needCoefficient: 'Behovsstandardiserad (THL:s behovskoefficienter)',
    indirectAgeSexCounty: 'Indirekt ålders- och könsstandardisering mot välfärdsområdet',
  },
  intervals: { poisson: 'Exakt Poisson, 95 %', wilson: 'Wilson, 95 %', none: 'Inget intervall' },
  suppressedMark: '<5',
  suppressedNote:
    '<5 = skyddat: talet gäller färre än fem personer, eller ett sådant tal kunde härledas ur det; små tal är skyddade så att ingen kan identifieras. Ett skyddat värde är inte noll.',
  referenceAttribution: 'Källa: THL, Sotkanet.fi, CC BY 4.0',
  notAvailable: '–',
  county: 'Välfärdsområdet',
};

const en: ReportTexts = {
  summarySheet: 'Summary',
  definitionsSheet: 'Definitions',
  reportTitle: titleOf,
  generated: (date) => `Prepared ${date}`,
  columns: {
    indicator: 'Indicator',
    unit: 'Unit',
    period: 'Period',
    value: 'Value',
    lower: 'Confidence interval, low',
    upper: 'Confidence interval, high',
    target: 'Target',
    status: 'Status',
    variance: 'Variance from target',
    areaCode: 'Area code',
    area: 'Area',
    numerator: 'Numerator',
    denominator: 'Denominator',
    note: 'Note',
    id: 'Id',
    title: 'Title',
    description: 'Description',
    decimals: 'Decimals',
    direction: 'Direction',
    interval: 'Confidence interval',
    periods: 'Periods',
    sotkanet: 'Sotkanet id',
    reference: 'THL figure (Sotkanet)',
    standardisation: 'Standardisation',
    notes: 'Notes',
  },
  status: {
    onTarget: 'On target',
    near: 'Near target',
    off: 'Off target',
    unknown: 'Cannot be assessed',
    noTarget: 'No target',
  },
  directions: {
    higherIsBetter: 'Higher is better',
    lowerIsBetter: 'Lower is better',
    neutral: 'No direction',
  },
  periodTypes: { year: 'Year', quarter: 'Quarter', month: 'Month', rolling12: 'Rolling 12 months' },
  standardisation: {
    none: 'Not standardised',
    needCoefficient: "Needs-standardised (THL's need coefficients)",
    indirectAgeSexCounty: 'Indirect age-sex standardisation against the county',
  },
  intervals: { poisson: 'Exact Poisson, 95 %', wilson: 'Wilson, 95 %', none: 'No interval' },
  suppressedMark: '<5',
  suppressedNote:
    '<5 = hidden: the figure is about fewer than five people, or such a figure could be worked out from it; small numbers are hidden so that no one can be identified. A hidden value is not zero.',
  referenceAttribution: 'Source: THL, Sotkanet.fi, CC BY 4.0',
  notAvailable: '–',
  county: 'County',
};

export const reportTexts: Record<ReportLanguage, ReportTexts> = { fi, sv, en };

/** As the web app: Finland's Swedish, and British English as Finnish public bodies write it. */
export const reportLocale: Record<ReportLanguage, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** "1.3.2025" in Finnish, "01/03/2025" in English; the date is read as that calendar day everywhere. */
export const reportDate = (language: ReportLanguage, isoDate: string): string =>
  new Intl.DateTimeFormat(reportLocale[language], {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
