import type { PageMessages } from '../../../i18n/usePageMessages.js';

const fi = {
  title: 'Hyvinvointialue muiden rinnalla (THL)',
  lead: 'THL:n Sotkanetissa julkaisema luku hyvinvointialueelle, kaikille 22 järjestäjälle (21 hyvinvointialuetta ja Helsinki), koko maalle ja alueen kunnille.',
  indicator: 'Sotkanet-indikaattori',
  year: 'Vuosi',
  none: 'Vertailuarvoja ei ole tuotu. Hae ne komennolla soteatlas fetch sotkanet.',
  demo: 'DEMO: keksityt luvut esittelyaineistoa varten, eivät THL:n lukuja.',
  chartLabel: (title: string, year: number) => `${title}, järjestäjät suuruusjärjestyksessä ${year}`,
  organisersTable: 'Järjestäjät suuruusjärjestyksessä',
  rank: 'Sija',
  area: 'Alue',
  value: 'Arvo',
  ownMark: '(oma alue)',
  country: 'Koko maa',
  withheld: 'ei julkaistu',
  municipalitiesTitle: 'Alueen kunnat koko maan kuntien jakaumassa',
  distribution: (min: string, median: string, max: string, n: number) =>
    `Koko maan ${n} kuntaa: pienin ${min}, mediaani ${median}, suurin ${max}.`,
  percentile: 'Persentiili kuntien joukossa',
  ownVsThl: 'Oma luku ja THL:n luku',
  own: 'Alueen oma laskenta',
  thl: 'THL (Sotkanet)',
  difference: 'Ero',
  explanations: {
    dataCutOff:
      'Aineiston poimintahetki eroaa: THL:n rekisterit suljetaan eri aikaan kuin alueen omat järjestelmät.',
    suppression: 'Pieniä lukuja on jätetty julkaisematta tietosuojan vuoksi.',
    definition: 'Määritelmä eroaa THL:n indikaattorista.',
    noReference: 'THL ei ole julkaissut lukua tälle alueelle ja vuodelle.',
    noOwnValue: 'Alueen omista tiedoista ei saada lukua tälle vuodelle.',
  },
  noBuiltIn:
    'Yksikään sisäänrakennettu indikaattori ei vastaa tätä Sotkanet-indikaattoria, joten omaa lukua ei lasketa rinnalle.',
};

type Messages = typeof fi;

const sv: Messages = {
  title: 'Välfärdsområdet bredvid de andra (THL)',
  lead: 'Det tal THL publicerat i Sotkanet för välfärdsområdet, alla 22 organisatörer (21 välfärdsområden och Helsingfors), hela landet och områdets kommuner.',
  indicator: 'Sotkanet-indikator',
  year: 'År',
  none: 'Inga referensvärden har importerats. Hämta dem med kommandot soteatlas fetch sotkanet.',
  demo: 'DEMO: påhittade tal för demonstrationsmaterialet, inte THL:s tal.',
  chartLabel: (title: string, year: number) => `${title}, organisatörerna i storleksordning ${year}`,
  organisersTable: 'Organisatörerna i storleksordning',
  rank: 'Plats',
  area: 'Område',
  value: 'Värde',
  ownMark: '(eget område)',
  country: 'Hela landet',
  withheld: 'inte publicerat',
  municipalitiesTitle: 'Områdets kommuner i fördelningen över landets kommuner',
  distribution: (min: string, median: string, max: string, n: number) =>
    `Landets ${n} kommuner: minst ${min}, median ${median}, störst ${max}.`,
  percentile: 'Percentil bland kommunerna',
  ownVsThl: 'Eget tal och THL:s tal',
  own: 'Områdets egen beräkning',
  thl: 'THL (Sotkanet)',
  difference: 'Skillnad',
  explanations: {
    dataCutOff:
      'Uttagstidpunkten skiljer sig: THL:s register stängs vid en annan tid än områdets egna system.',
    suppression: 'Små tal har lämnats opublicerade av dataskyddsskäl.',
    definition: 'Definitionen skiljer sig från THL:s indikator.',
    noReference: 'THL har inte publicerat något tal för området och året.',
    noOwnValue: 'Områdets egna uppgifter ger inget tal för året.',
  },
  noBuiltIn:
    'Ingen inbyggd indikator motsvarar denna Sotkanet-indikator, så inget eget tal beräknas bredvid.',
};

const en: Messages = {
  title: 'The county beside the others (THL)',
  lead: "THL's figure published in Sotkanet for the county, all 22 organisers (21 wellbeing services counties and Helsinki), the whole country and the county's municipalities.",
  indicator: 'Sotkanet indicator',
  year: 'Year',
  none: 'No reference values have been imported. Fetch them with soteatlas fetch sotkanet.',
  demo: "DEMO: made-up figures for the demonstration data, not THL's figures.",
  chartLabel: (title: string, year: number) => `${title}, organisers ranked, ${year}`,
  organisersTable: 'Organisers ranked',
  rank: 'Rank',
  area: 'Area',
  value: 'Value',
  ownMark: '(own area)',
  country: 'Whole country',
  withheld: 'not published',
  municipalitiesTitle: "The county's municipalities in the distribution of all municipalities",
  distribution: (min: string, median: string, max: string, n: number) =>
    `Finland's ${n} municipalities: lowest ${min}, median ${median}, highest ${max}.`,
  percentile: 'Percentile among municipalities',
  ownVsThl: "Own figure and THL's figure",
  own: "The county's own computation",
  thl: 'THL (Sotkanet)',
  difference: 'Difference',
  explanations: {
    dataCutOff:
      "The data cut-off differs: THL's registers close at another time than the county's own systems.",
    suppression: 'Small counts have been withheld to protect privacy.',
    definition: "The definition differs from THL's indicator.",
    noReference: 'THL has published no figure for this area and year.',
    noOwnValue: "The county's own data give no figure for this year.",
  },
  noBuiltIn:
    'No built-in indicator corresponds to this Sotkanet indicator, so no own figure is computed beside it.',
};

export const referenceMessages: PageMessages<Messages> = { fi, sv, en };
