import type { IndicatorDefinition, LocalText, ServiceArea } from '../../model/index.js';
import { define, municipalLevels, text, unitPercent } from './define.js';

/**
 * Use of units against their capacity, where the units lie (not where the clients live): visits (or
 * care days) produced at units of the class over what the units could produce in the period.
 */
const utilisation = ({
  id,
  serviceArea,
  title,
  description,
  serviceClass,
  capacityUnit,
}: {
  id: string;
  serviceArea: ServiceArea;
  title: LocalText;
  description: LocalText;
  serviceClass: string;
  capacityUnit: 'visits' | 'places';
}): IndicatorDefinition =>
  define({
    id,
    title,
    description,
    serviceArea,
    kind: 'ratio',
    place: 'unit',
    unit: unitPercent,
    decimals: 1,
    direction: 'neutral',
    numerator: {
      source: 'events',
      aggregate: 'quantity',
      filter: { serviceClasses: [serviceClass], recorded: ['unit'] },
    },
    denominator: { source: 'capacity', serviceClasses: [serviceClass], capacityUnit },
    perN: 100,
    interval: 'none',
    periods: ['year', 'quarter', 'month', 'rolling12'],
    levels: [...municipalLevels],
    breakdowns: ['unit', 'producer'],
  });

export const capacityIndicators: IndicatorDefinition[] = [
  utilisation({
    id: 'hc-unit-utilisation',
    serviceArea: 'health',
    title: text(
      'Terveysasemien käyttöaste, % kapasiteetista',
      'Hälsostationernas beläggningsgrad, % av kapaciteten',
      'Health-centre utilisation, % of capacity',
    ),
    description: text(
      'Terveysasemille kirjatut vastaanottokäynnit suhteessa toimipisteiden käyntikapasiteettiin jakson aikana.',
      'Mottagningsbesök vid hälsostationerna i förhållande till verksamhetsställenas besökskapacitet under perioden.',
      'Reception visits recorded at health centres against the units’ visit capacity in the period.',
    ),
    serviceClass: 'HC',
    capacityUnit: 'visits',
  }),
  utilisation({
    id: 'oral-health-unit-utilisation',
    serviceArea: 'health',
    title: text(
      'Hammashoitoloiden käyttöaste, % kapasiteetista',
      'Tandklinikernas beläggningsgrad, % av kapaciteten',
      'Oral health unit utilisation, % of capacity',
    ),
    description: text(
      'Suun terveydenhuollon käynnit suhteessa toimipisteiden käyntikapasiteettiin jakson aikana.',
      'Besök inom munhälsovården i förhållande till verksamhetsställenas besökskapacitet under perioden.',
      'Oral health visits against the units’ visit capacity in the period.',
    ),
    serviceClass: 'OH',
    capacityUnit: 'visits',
  }),
  utilisation({
    id: 'round-the-clock-care-occupancy',
    serviceArea: 'elderly',
    title: text(
      'Ympärivuorokautisen hoivan paikkojen käyttöaste, %',
      'Beläggningsgrad för platser inom heldygnsomsorg, %',
      'Occupancy of 24-hour care places, %',
    ),
    description: text(
      'Hoitopäivät suhteessa paikkamäärään kerrottuna jakson päivillä, joina yksikkö oli toiminnassa.',
      'Vårddygn i förhållande till antalet platser gånger de dagar under perioden då enheten var i drift.',
      'Care days against places times the days in the period the unit was open.',
    ),
    serviceClass: 'ELD',
    capacityUnit: 'places',
  }),
  utilisation({
    id: 'substance-abuse-care-occupancy',
    serviceArea: 'social',
    title: text(
      'Päihdehuollon laitos- ja asumispaikkojen käyttöaste, %',
      'Beläggningsgrad för platser inom missbrukarvårdens institutions- och boendetjänster, %',
      'Occupancy of substance abuse residential places, %',
    ),
    description: text(
      'Hoitopäivät suhteessa paikkamäärään kerrottuna jakson päivillä, joina yksikkö oli toiminnassa.',
      'Vårddygn i förhållande till antalet platser gånger de dagar under perioden då enheten var i drift.',
      'Care days against places times the days in the period the unit was open.',
    ),
    serviceClass: 'SAB',
    capacityUnit: 'places',
  }),
];
