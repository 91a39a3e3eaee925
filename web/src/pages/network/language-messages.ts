import type { MunicipalityLanguageStatus } from '../../../../src/model/index.js';
import type { PageMessages } from '../../i18n/usePageMessages.js';

interface LanguageMessages {
  title: string;
  hint: string;
  limit: string;
  language: { fi: string; sv: string };
  speakers: (language: string) => string;
  units: string;
  residents: string;
  mean: string;
  median: string;
  beyond: (minutes: string) => string;
  unreachable: string;
  municipality: string;
  status: string;
  statuses: Record<MunicipalityLanguageStatus, string>;
  byMunicipality: (language: string) => string;
  noFigures: string;
  figuresYear: (year: string) => string;
  none: string;
  withheld: string;
  minutes: (value: string) => string;
  loading: string;
}

const fi: LanguageMessages = {
  title: 'Palvelu omalla kielellä',
  hint: 'Matka-aika lähimpään toimipisteeseen, joka palvelee asukkaan kielellä. Kunnan suomen- ja ruotsinkieliset on jaettu sen väestöruutuihin asukasluvun mukaan. Kunta on kielilain mukaan kaksikielinen, jos vähemmistön kieltä puhuu vähintään 8 % asukkaista tai 3 000 asukasta.',
  limit: 'Raja-aika (min)',
  language: { fi: 'suomi', sv: 'ruotsi' },
  speakers: (language) => `Kieli: ${language}`,
  units: 'Toimipisteitä',
  residents: 'Puhujia',
  mean: 'Keskiarvo',
  median: 'Mediaani',
  beyond: (minutes) => `Yli ${minutes} min päässä`,
  unreachable: 'Ei yhteyttä',
  municipality: 'Kunta',
  status: 'Kielellinen asema',
  statuses: {
    finnish: 'suomenkielinen',
    swedish: 'ruotsinkielinen',
    bilingualFinnish: 'kaksikielinen, enemmistö suomenkielinen',
    bilingualSwedish: 'kaksikielinen, enemmistö ruotsinkielinen',
  },
  byMunicipality: (language) => `Matka-ajat kunnittain, kieli: ${language}`,
  noFigures: 'Väestöä kielen mukaan ei ole tuotu.',
  figuresYear: (year) => `Väestö kielen mukaan vuodelta ${year}.`,
  none: '–',
  withheld: '<5',
  minutes: (value) => `${value} min`,
  loading: 'Lasketaan…',
};

const sv: LanguageMessages = {
  title: 'Service på det egna språket',
  hint: 'Restid till närmaste verksamhetsställe som betjänar på invånarens språk. Kommunens finsk- och svenskspråkiga är fördelade på dess rutor efter invånarantal. Enligt språklagen är en kommun tvåspråkig om minst 8 % av invånarna eller 3 000 invånare talar minoritetsspråket.',
  limit: 'Tidsgräns (min)',
  language: { fi: 'finska', sv: 'svenska' },
  speakers: (language) => `Språk: ${language}`,
  units: 'Verksamhetsställen',
  residents: 'Talare',
  mean: 'Medelvärde',
  median: 'Median',
  beyond: (minutes) => `Längre bort än ${minutes} min`,
  unreachable: 'Ingen förbindelse',
  municipality: 'Kommun',
  status: 'Språklig status',
  statuses: {
    finnish: 'finskspråkig',
    swedish: 'svenskspråkig',
    bilingualFinnish: 'tvåspråkig, finskspråkig majoritet',
    bilingualSwedish: 'tvåspråkig, svenskspråkig majoritet',
  },
  byMunicipality: (language) => `Restider per kommun, språk: ${language}`,
  noFigures: 'Ingen befolkning efter språk har importerats.',
  figuresYear: (year) => `Befolkning efter språk år ${year}.`,
  none: '–',
  withheld: '<5',
  minutes: (value) => `${value} min`,
  loading: 'Beräknar…',
};

const en: LanguageMessages = {
  title: "Service in one's own language",
  hint: "Travel time to the nearest unit serving in the resident's language. A municipality's Finnish and Swedish speakers are spread over its grid cells by residents. By the Language Act a municipality is bilingual when at least 8 % of its residents, or 3,000 of them, speak the minority language.",
  limit: 'Time limit (min)',
  language: { fi: 'Finnish', sv: 'Swedish' },
  speakers: (language) => `Language: ${language}`,
  units: 'Units',
  residents: 'Speakers',
  mean: 'Mean',
  median: 'Median',
  beyond: (minutes) => `Beyond ${minutes} min`,
  unreachable: 'No connection',
  municipality: 'Municipality',
  status: 'Language status',
  statuses: {
    finnish: 'Finnish-speaking',
    swedish: 'Swedish-speaking',
    bilingualFinnish: 'bilingual, Finnish-speaking majority',
    bilingualSwedish: 'bilingual, Swedish-speaking majority',
  },
  byMunicipality: (language) => `Travel times by municipality, language: ${language}`,
  noFigures: 'No population by language has been imported.',
  figuresYear: (year) => `Population by language of ${year}.`,
  none: '–',
  withheld: '<5',
  minutes: (value) => `${value} min`,
  loading: 'Computing…',
};

export const languageMessages: PageMessages<LanguageMessages> = { fi, sv, en };
