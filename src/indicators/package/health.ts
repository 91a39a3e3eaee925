import { define } from './define.js';

const allPeriods = ['year', 'quarter', 'month', 'rolling12'] as const;
const allLevels = ['county', 'municipality', 'gridCell'] as const;

export const healthIndicators = [
  define({
    id: 'hc-visits-per-1000',
    title: {
      fi: 'Terveysaseman vastaanottokäynnit / 1 000 asukasta',
      sv: 'Mottagningsbesök vid hälsostation / 1 000 invånare',
      en: 'Health-centre visits per 1 000 residents',
    },
    description: {
      fi: 'Terveysaseman vastaanoton käynnit kaikissa kanavissa tuhatta asukasta kohden.',
      sv: 'Besök vid hälsostationens mottagning i alla kanaler per tusen invånare.',
      en: 'Health-centre reception contacts in every channel per thousand residents.',
    },
    serviceArea: 'health',
    kind: 'rate',
    unit: { fi: '/ 1 000 as.', sv: '/ 1 000 inv.', en: 'per 1 000 residents' },
    decimals: 1,
    direction: 'neutral',
    numerator: { source: 'events', aggregate: 'quantity', filter: { serviceClasses: ['HC'] } },
    denominator: { source: 'population' },
    perN: 1000,
    interval: 'poisson',
    periods: [...allPeriods],
    levels: [...allLevels],
    breakdowns: ['ageBand', 'sex', 'channel', 'producer', 'unit'],
  }),
];
