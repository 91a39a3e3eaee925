import type { PageMessages } from '../../i18n/usePageMessages.js';

interface EquityMessages {
  title: string;
  hint: string;
  limit: string;
  gini: string;
  palma: string;
  beyond: (minutes: string) => string;
  none: string;
  withheld: string;
  minutes: (value: string) => string;
  byAgeGroup: string;
  byMunicipality: string;
  group: string;
  ageGroup: string;
  municipality: string;
  residents: string;
  mean: string;
  median: string;
  p90: string;
  unreachable: string;
  loading: string;
}

const fi: EquityMessages = {
  title: 'Saavutettavuuden tasa-arvo',
  hint: 'Matka-aika lähimpään toimipisteeseen asukkaittain: Gini-kerroin (0 = kaikilla yhtä pitkä matka) ja Palman suhde (pisimmän matkan 10 %:n matka-aika jaettuna lyhimmän matkan 40 %:n matka-ajalla).',
  limit: 'Raja-aika (min)',
  gini: 'Gini-kerroin',
  palma: 'Palman suhde',
  beyond: (minutes) => `Asukkaita yli ${minutes} min päässä`,
  none: '–',
  withheld: '<5',
  minutes: (value) => `${value} min`,
  byAgeGroup: 'Matka-ajat ikäryhmittäin',
  byMunicipality: 'Matka-ajat kunnittain',
  group: 'Ryhmä',
  ageGroup: 'Ikäryhmä',
  municipality: 'Kunta',
  residents: 'Asukkaita',
  mean: 'Keskiarvo',
  median: 'Mediaani',
  p90: '90. persentiili',
  unreachable: 'Ei yhteyttä',
  loading: 'Lasketaan…',
};

const sv: EquityMessages = {
  title: 'Jämlik tillgänglighet',
  hint: 'Restid till närmaste verksamhetsställe per invånare: Gini-koefficient (0 = alla reser lika länge) och Palma-kvot (restiden för de 10 % med längst resa delad med restiden för de 40 % med kortast).',
  limit: 'Tidsgräns (min)',
  gini: 'Gini-koefficient',
  palma: 'Palma-kvot',
  beyond: (minutes) => `Invånare längre bort än ${minutes} min`,
  none: '–',
  withheld: '<5',
  minutes: (value) => `${value} min`,
  byAgeGroup: 'Restider per åldersgrupp',
  byMunicipality: 'Restider per kommun',
  group: 'Grupp',
  ageGroup: 'Åldersgrupp',
  municipality: 'Kommun',
  residents: 'Invånare',
  mean: 'Medelvärde',
  median: 'Median',
  p90: '90:e percentilen',
  unreachable: 'Ingen förbindelse',
  loading: 'Beräknar…',
};

const en: EquityMessages = {
  title: 'Equity of access',
  hint: 'Travel time to the nearest unit over residents: Gini coefficient (0 = everyone travels as long) and Palma ratio (the travel time of the 10 % with the longest trips over that of the 40 % with the shortest).',
  limit: 'Time limit (min)',
  gini: 'Gini coefficient',
  palma: 'Palma ratio',
  beyond: (minutes) => `Residents beyond ${minutes} min`,
  none: '–',
  withheld: '<5',
  minutes: (value) => `${value} min`,
  byAgeGroup: 'Travel times by age group',
  byMunicipality: 'Travel times by municipality',
  group: 'Group',
  ageGroup: 'Age group',
  municipality: 'Municipality',
  residents: 'Residents',
  mean: 'Mean',
  median: 'Median',
  p90: '90th percentile',
  unreachable: 'No connection',
  loading: 'Computing…',
};

export const equityMessages: PageMessages<EquityMessages> = { fi, sv, en };
