import type {
  EventFilter,
  IndicatorDefinition,
  LocalText,
  RecordedField,
  ServiceArea,
} from '../../model/index.js';
import { define, everyLevel, everyPeriod, municipalLevels, text, unitPercent } from './define.js';

/** A share of contacts (summed visits) made remotely or digitally, as a percentage (Wilson interval). */
const channelShare = ({
  id,
  serviceArea,
  title,
  description,
  filter,
  channels,
}: {
  id: string;
  serviceArea: ServiceArea | 'all';
  title: LocalText;
  description: LocalText;
  filter: EventFilter;
  channels: EventFilter['channels'];
}): IndicatorDefinition =>
  define({
    id,
    title,
    description,
    serviceArea,
    kind: 'share',
    unit: unitPercent,
    decimals: 1,
    direction: 'higherIsBetter',
    numerator: { source: 'events', aggregate: 'quantity', filter: { ...filter, kinds: ['visit'], channels } },
    denominator: { source: 'events', aggregate: 'quantity', filter: { ...filter, kinds: ['visit'] } },
    perN: 100,
    interval: 'wilson',
    periods: everyPeriod,
    levels: [...everyLevel],
    breakdowns: ['ageBand', 'sex', 'serviceClass', 'producer'],
  });

const fieldNames: Record<RecordedField, [string, string, string]> = {
  gridCell: ['asuinruutu', 'bostadsruta', 'home grid cell'],
  unit: ['toimipiste', 'verksamhetsställe', 'unit'],
  producer: ['tuottaja', 'producent', 'producer'],
  clientKey: ['asiakasavain', 'klientnyckel', 'client key'],
};

/** Data completeness: the share of events on which a field was recorded. */
const completeness = (field: RecordedField): IndicatorDefinition => {
  const [fi, sv, en] = fieldNames[field];
  return define({
    id: `completeness-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    title: text(
      `Tietojen kattavuus: tapahtumat, joilla on ${fi}, %`,
      `Datatäckning: händelser med ${sv}, %`,
      `Data completeness: events with a ${en}, %`,
    ),
    description: text(
      `Niiden palvelutapahtumien osuus, joihin on kirjattu ${fi}.`,
      `Andelen servicehändelser där ${sv} har registrerats.`,
      `The share of service events on which the ${en} was recorded.`,
    ),
    serviceArea: 'all',
    kind: 'share',
    unit: unitPercent,
    decimals: 1,
    direction: 'higherIsBetter',
    numerator: { source: 'events', aggregate: 'count', filter: { recorded: [field] } },
    denominator: { source: 'events', aggregate: 'count' },
    perN: 100,
    interval: 'wilson',
    periods: everyPeriod,
    levels: [...municipalLevels],
    breakdowns: ['serviceClass', 'producer', 'channel'],
  });
};

export const shareIndicators: IndicatorDefinition[] = [
  channelShare({
    id: 'remote-digital-share',
    serviceArea: 'all',
    title: text(
      'Etä- ja digitaalisten asiointien osuus kaikista käynneistä, %',
      'Andel distans- och digitala kontakter av alla besök, %',
      'Remote and digital contacts, % of all visits',
    ),
    description: text(
      'Etä- ja digitaalisten yhteydenottojen osuus kaikista käynneistä kaikissa palveluissa.',
      'Andelen distans- och digitala kontakter av alla besök inom alla tjänster.',
      'Remote and digital contacts as a share of all visits, across services.',
    ),
    filter: {},
    channels: ['remote', 'digital'],
  }),
  channelShare({
    id: 'hc-digital-share',
    serviceArea: 'health',
    title: text(
      'Digitaalisten asiointien osuus terveysaseman käynneistä, %',
      'Andel digitala kontakter av hälsostationens besök, %',
      'Digital contacts, % of health-centre visits',
    ),
    description: text(
      'Digitaalisten asiointien osuus terveysaseman vastaanoton käynneistä.',
      'Andelen digitala kontakter av besöken vid hälsostationens mottagning.',
      'Digital contacts as a share of health-centre reception visits.',
    ),
    filter: { serviceClasses: ['HC'] },
    channels: ['digital'],
  }),
  channelShare({
    id: 'mental-health-remote-share',
    serviceArea: 'health',
    title: text(
      'Etä- ja digitaalisten asiointien osuus mielenterveys- ja päihdekäynneistä, %',
      'Andel distans- och digitala kontakter av besöken inom mentalvård och missbrukarvård, %',
      'Remote and digital contacts, % of mental health and substance abuse visits',
    ),
    description: text(
      'Etä- ja digitaalisten asiointien osuus mielenterveys- ja päihdepalvelujen avokäynneistä.',
      'Andelen distans- och digitala kontakter av öppenvårdsbesöken inom mentalvård och missbrukarvård.',
      'Remote and digital contacts as a share of mental health and substance abuse outpatient visits.',
    ),
    filter: { serviceClasses: ['MHS'] },
    channels: ['remote', 'digital'],
  }),
  channelShare({
    id: 'social-work-remote-share',
    serviceArea: 'social',
    title: text(
      'Etä- ja digitaalisten asiointien osuus sosiaalityön käynneistä, %',
      'Andel distans- och digitala kontakter av besöken inom socialt arbete, %',
      'Remote and digital contacts, % of social work visits',
    ),
    description: text(
      'Etä- ja digitaalisten asiointien osuus aikuissosiaalityön ja lapsiperheiden sosiaalityön käynneistä.',
      'Andelen distans- och digitala kontakter av besöken inom socialt arbete för vuxna och barnfamiljer.',
      'Remote and digital contacts as a share of adult and child-and-family social work visits.',
    ),
    filter: { serviceClasses: ['ASW', 'CFS'] },
    channels: ['remote', 'digital'],
  }),
  channelShare({
    id: 'home-care-remote-share',
    serviceArea: 'elderly',
    title: text(
      'Etäkotihoidon osuus kotihoidon käynneistä, %',
      'Andel distanshemvård av hemvårdsbesöken, %',
      'Remote home care, % of home care visits',
    ),
    description: text(
      'Etäyhteydellä tehtyjen kotihoidon käyntien osuus kaikista kotihoidon käynneistä.',
      'Andelen hemvårdsbesök på distans av alla hemvårdsbesök.',
      'Home care visits made remotely as a share of all home care visits.',
    ),
    filter: { serviceClasses: ['HMC'] },
    channels: ['remote', 'digital'],
  }),
  completeness('gridCell'),
  completeness('clientKey'),
  completeness('unit'),
  completeness('producer'),
];
