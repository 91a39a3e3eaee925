import type { IndicatorDefinition, IndicatorMetadata, IndicatorValue } from '../model/index.js';
import type { ReportData } from './report-data.js';

const text = (fi: string, sv: string, en: string) => ({ fi, sv, en });

/** Two indicators, one municipality withheld: a report small enough to check by eye. */
const visits = {
  id: 'primary-care-visits',
  title: text('Perusterveydenhuollon käynnit', 'Besök inom primärvården', 'Primary care visits'),
  description: text(
    'Käynnit 1 000 asukasta kohden',
    'Besök per 1 000 invånare',
    'Visits per 1,000 residents',
  ),
  serviceArea: 'health',
  kind: 'rate',
  unit: text('käyntiä / 1 000 asukasta', 'besök / 1 000 invånare', 'visits per 1,000 residents'),
  decimals: 1,
  direction: 'neutral',
  numerator: { source: 'events', aggregate: 'quantity', filter: {} },
  denominator: { source: 'population', ageFrom: 0, ageTo: 100 },
  perN: 1000,
  interval: 'poisson',
  periods: ['year', 'month'],
  levels: ['county', 'municipality'],
  breakdowns: [],
  sotkanetId: 1552,
} as unknown as IndicatorDefinition;

const remote = {
  ...visits,
  id: 'remote-share',
  title: text('Etäasioinnin osuus', 'Andel distanskontakter', 'Share of remote contacts'),
  description: text(
    'Etäkäyntien osuus käynneistä',
    'Distansbesökens andel',
    'Remote contacts as a share of all',
  ),
  kind: 'share',
  unit: text('%', '%', '%'),
  decimals: 1,
  direction: 'higherIsBetter',
  interval: 'wilson',
  perN: 100,
  sotkanetId: undefined,
} as unknown as IndicatorDefinition;

const value = (
  areaCode: string,
  areaName: string,
  numerator: number | null,
  denominator: number,
  v: number | null,
  lower: number | null,
  upper: number | null,
): IndicatorValue => ({
  period: '2024',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  areaCode,
  areaName,
  breakdown: {},
  isTotal: true,
  numerator,
  denominator,
  value: v,
  lower,
  upper,
  suppressed: v === null,
});

const metadata: IndicatorMetadata = {
  standardisation: 'none',
  suppression: 'primaryAndComplementary',
  confidence: 0.95,
  notes: [],
};

export const testReport: ReportData = {
  county: 'Testialue',
  setName: 'Ylimmän johdon seurantamittaristo',
  period: '2024',
  language: 'fi',
  preparedOn: '2025-03-01',
  items: [
    {
      indicator: visits,
      target: { value: 2500.5, status: 'near', variance: 120.5 },
      county: value('01', 'Testialue', 50_000, 19_762, 2530.1, 2508.0, 2552.4),
      areas: [
        value('001', 'Isokunta', 40_000, 15_000, 2666.7, 2640.6, 2692.9),
        value('002', 'Pikkukunta', null, 12, null, null, null),
      ],
      metadata,
    },
    {
      indicator: remote,
      target: null,
      county: value('01', 'Testialue', 9000, 50_000, 18, 17.7, 18.3),
      areas: [value('001', 'Isokunta', 7000, 40_000, 17.5, 17.1, 17.9)],
      metadata: { ...metadata, notes: ['Etäkäynnit sisältävät puhelut.'] },
    },
  ],
};
