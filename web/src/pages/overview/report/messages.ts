import type { PageMessages } from '../../../i18n/usePageMessages.js';

/** The printed report's own words: its cover, contents, running head and definitions. */
const fi = {
  kind: 'Johdon raportti',
  preparedFor: (reader: string) => `Vastaanottaja: ${reader}`,
  disclosure: {
    title: 'Tietosuoja',
    suppressed:
      'Luvut, jotka koskevat alle viittä henkilöä, on suojattu ja merkitty <5, samoin luvut, joista suojatun luvun voisi päätellä. Suojattu luku ei ole nolla.',
    unsuppressed:
      'Raportissa on suojaamattomia pieniä lukuja (alle viisi henkilöä). Se on vain sisäiseen käyttöön, eikä sitä saa julkaista.',
  },
  contents: 'Sisällys',
  page: 'Sivu',
  definitions: 'Määritelmät',
  definitionsLead: 'Mitä kukin indikaattori mittaa ja miten se on laskettu.',
  countyFigure: 'Hyvinvointialue',
  target: 'Tavoite',
  noComment: 'Kommentti',
  runningHead: (county: string, set: string, period: string) => `${county} · ${set} · ${period}`,
};

export type ReportMessages = typeof fi;

const sv: ReportMessages = {
  kind: 'Ledningens rapport',
  preparedFor: (reader: string) => `Mottagare: ${reader}`,
  disclosure: {
    title: 'Dataskydd',
    suppressed:
      'Tal som gäller färre än fem personer är skyddade och märkta <5, liksom tal som ett skyddat tal kunde härledas ur. Ett skyddat tal är inte noll.',
    unsuppressed:
      'Rapporten innehåller oskyddade små tal (färre än fem personer). Den är endast för internt bruk och får inte publiceras.',
  },
  contents: 'Innehåll',
  page: 'Sida',
  definitions: 'Definitioner',
  definitionsLead: 'Vad varje indikator mäter och hur den har räknats ut.',
  countyFigure: 'Välfärdsområdet',
  target: 'Mål',
  noComment: 'Kommentar',
  runningHead: (county: string, set: string, period: string) => `${county} · ${set} · ${period}`,
};

const en: ReportMessages = {
  kind: 'Management report',
  preparedFor: (reader: string) => `Prepared for: ${reader}`,
  disclosure: {
    title: 'Disclosure control',
    suppressed:
      'Figures about fewer than five people are withheld and marked <5, as are figures from which a withheld one could be worked out. A withheld figure is not zero.',
    unsuppressed:
      'This report contains unsuppressed small numbers (fewer than five people). It is for internal use only and must not be published.',
  },
  contents: 'Contents',
  page: 'Page',
  definitions: 'Definitions',
  definitionsLead: 'What each indicator measures and how it is computed.',
  countyFigure: 'County',
  target: 'Target',
  noComment: 'Commentary',
  runningHead: (county: string, set: string, period: string) => `${county} · ${set} · ${period}`,
};

export const reportMessages: PageMessages<ReportMessages> = { fi, sv, en };
