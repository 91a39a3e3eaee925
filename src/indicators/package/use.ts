import type {
  EventFilter,
  IndicatorDefinition,
  IndicatorDirection,
  LocalText,
  ServiceArea,
} from '../../model/index.js';
import {
  calendarPeriods,
  define,
  eventBreakdowns,
  everyLevel,
  everyPeriod,
  text,
  unitPer1000,
} from './define.js';

interface AgeRange {
  ageFrom?: number;
  ageTo?: number;
  /** "residents", "residents aged 75+" … in three languages. */
  who: [string, string, string];
}

const everyone: AgeRange = { who: ['asukasta', 'invånare', 'residents'] };
const aged = (
  ageFrom: number,
  ageTo: number | undefined,
  { fi, sv, en }: { fi: string; sv: string; en: string },
): AgeRange => ({
  ageFrom,
  ...(ageTo !== undefined && { ageTo }),
  who: [fi, sv, en],
});

interface RateOptions {
  id: string;
  serviceArea: ServiceArea;
  title: [string, string, string];
  filter: EventFilter;
  ages: AgeRange;
  direction?: IndicatorDirection;
}

/** Visits or care days (summed quantity) per 1 000 residents of the age group the service is for. */
const ratePer1000 = ({
  id,
  serviceArea,
  title,
  filter,
  ages,
  direction = 'neutral',
}: RateOptions): IndicatorDefinition =>
  define({
    id,
    title: text(...(title.map((t, i) => `${t} / 1 000 ${ages.who[i]}`) as [string, string, string])),
    description: text(
      `${title[0]} (kaikki kanavat) tuhatta ${ages.who[0]} kohden jakson aikana.`,
      `${title[1]} (alla kanaler) per tusen ${ages.who[1]} under perioden.`,
      `${title[2]} (every channel) per thousand ${ages.who[2]} in the period.`,
    ),
    serviceArea,
    kind: 'rate',
    unit: unitPer1000(...ages.who),
    decimals: 1,
    direction,
    numerator: { source: 'events', aggregate: 'quantity', filter },
    denominator: {
      source: 'population',
      ...(ages.ageFrom !== undefined && { ageFrom: ages.ageFrom }),
      ...(ages.ageTo !== undefined && { ageTo: ages.ageTo }),
    },
    perN: 1000,
    interval: 'poisson',
    periods: everyPeriod,
    levels: [...everyLevel],
    breakdowns: eventBreakdowns,
  });

interface ClientsOptions {
  id: string;
  serviceArea: ServiceArea;
  title: LocalText;
  description: LocalText;
  filter: EventFilter;
  ages: AgeRange;
  perN: number;
  unit: LocalText;
  /** THL's Sotkanet indicator for the same figure, and how its definition differs (see index.ts). */
  sotkanet?: { id: number; note: LocalText };
}

/** Distinct clients per `perN` residents of the age group. */
const clientsPer = ({
  id,
  serviceArea,
  title,
  description,
  filter,
  ages,
  perN,
  unit,
  sotkanet,
}: ClientsOptions): IndicatorDefinition =>
  define({
    id,
    ...(sotkanet && { sotkanetId: sotkanet.id, sotkanetNote: sotkanet.note }),
    title,
    description,
    serviceArea,
    kind: 'rate',
    unit,
    decimals: perN === 100 ? 1 : 1,
    direction: 'neutral',
    numerator: { source: 'events', aggregate: 'clients', filter: { ...filter, recorded: ['clientKey'] } },
    denominator: {
      source: 'population',
      ...(ages.ageFrom !== undefined && { ageFrom: ages.ageFrom }),
      ...(ages.ageTo !== undefined && { ageTo: ages.ageTo }),
    },
    perN,
    interval: 'poisson',
    periods: calendarPeriods,
    levels: [...everyLevel],
    breakdowns: ['ageBand', 'sex', 'producer'],
  });

const children = aged(0, 17, { fi: '0–17-vuotiasta', sv: '0–17-åringar', en: 'residents aged 0–17' });
const adults = aged(18, undefined, { fi: 'täysi-ikäistä', sv: 'vuxna', en: 'residents aged 18+' });
const over75 = aged(75, undefined, {
  fi: '75 vuotta täyttänyttä',
  sv: '75 år fyllda',
  en: 'residents aged 75+',
});

export const useIndicators: IndicatorDefinition[] = [
  ratePer1000({
    id: 'hc-visits-per-1000',
    serviceArea: 'health',
    title: [
      'Terveysaseman vastaanoton käynnit',
      'Besök vid hälsostationens mottagning',
      'Health-centre visits',
    ],
    filter: { serviceClasses: ['HC'] },
    ages: everyone,
  }),
  ratePer1000({
    id: 'oral-health-visits-per-1000',
    serviceArea: 'health',
    title: ['Suun terveydenhuollon käynnit', 'Besök inom munhälsovården', 'Oral health care visits'],
    filter: { serviceClasses: ['OH'] },
    ages: everyone,
  }),
  ratePer1000({
    id: 'child-clinic-visits-per-1000',
    serviceArea: 'health',
    title: ['Lastenneuvolakäynnit', 'Besök på barnrådgivningen', 'Child clinic visits'],
    filter: { serviceClasses: ['MCC'] },
    ages: aged(0, 6, { fi: '0–6-vuotiasta', sv: '0–6-åringar', en: 'children aged 0–6' }),
  }),
  ratePer1000({
    id: 'school-student-health-visits-per-1000',
    serviceArea: 'health',
    title: [
      'Koulu- ja opiskeluterveydenhuollon käynnit',
      'Besök inom skol- och studerandehälsovården',
      'School and student health care visits',
    ],
    filter: { serviceClasses: ['SSH'] },
    ages: aged(7, 29, { fi: '7–29-vuotiasta', sv: '7–29-åringar', en: 'residents aged 7–29' }),
  }),
  ratePer1000({
    id: 'mental-health-visits-per-1000',
    serviceArea: 'health',
    title: [
      'Mielenterveys- ja päihdepalvelujen avokäynnit',
      'Öppenvårdsbesök inom mentalvård och missbrukarvård',
      'Mental health and substance abuse outpatient visits',
    ],
    filter: { serviceClasses: ['MHS'] },
    ages: aged(13, undefined, { fi: '13 vuotta täyttänyttä', sv: '13 år fyllda', en: 'residents aged 13+' }),
  }),
  ratePer1000({
    id: 'specialised-care-visits-per-1000',
    serviceArea: 'health',
    title: [
      'Somaattisen erikoissairaanhoidon käynnit',
      'Besök inom specialiserad somatisk vård',
      'Specialised somatic care visits',
    ],
    filter: { serviceClasses: ['SPC'] },
    ages: everyone,
  }),
  ratePer1000({
    id: 'emergency-visits-per-1000',
    serviceArea: 'health',
    title: ['Päivystyskäynnit', 'Jourbesök', 'Emergency visits'],
    filter: { serviceClasses: ['EMC'] },
    ages: everyone,
    direction: 'lowerIsBetter',
  }),
  ratePer1000({
    id: 'rehabilitation-visits-per-1000',
    serviceArea: 'health',
    title: ['Kuntoutuskäynnit', 'Rehabiliteringsbesök', 'Rehabilitation visits'],
    filter: { serviceClasses: ['REH'] },
    ages: everyone,
  }),
  ratePer1000({
    id: 'home-care-visits-per-1000-75',
    serviceArea: 'elderly',
    title: ['Kotihoidon käynnit', 'Hemvårdsbesök', 'Home care visits'],
    filter: { serviceClasses: ['HMC'], ageFrom: 75 },
    ages: over75,
  }),
  ratePer1000({
    id: 'round-the-clock-care-days-per-1000-75',
    serviceArea: 'elderly',
    title: [
      'Ympärivuorokautisen hoivan hoitopäivät',
      'Vårddygn inom heldygnsomsorg',
      'Care days in 24-hour care',
    ],
    filter: { serviceClasses: ['ELD'], ageFrom: 75 },
    ages: over75,
  }),
  ratePer1000({
    id: 'child-family-social-work-visits-per-1000',
    serviceArea: 'social',
    title: [
      'Lapsiperheiden sosiaalityön ja lastensuojelun käynnit',
      'Besök inom socialt arbete för barnfamiljer och barnskydd',
      'Child and family social work contacts',
    ],
    filter: { serviceClasses: ['CFS'] },
    ages: children,
  }),
  ratePer1000({
    id: 'substance-abuse-care-days-per-1000',
    serviceArea: 'social',
    title: [
      'Päihdehuollon laitos- ja asumispalvelujen hoitopäivät',
      'Vårddygn inom missbrukarvårdens institutions- och boendetjänster',
      'Care days in substance abuse residential care',
    ],
    filter: { serviceClasses: ['SAB'] },
    ages: adults,
  }),
  ratePer1000({
    id: 'disability-services-care-days-per-1000',
    serviceArea: 'social',
    title: [
      'Vammaispalvelujen hoitopäivät',
      'Vårddygn inom handikappservice',
      'Care days in disability services',
    ],
    filter: { serviceClasses: ['DIS'] },
    ages: everyone,
  }),
  clientsPer({
    id: 'child-welfare-clients-per-1000',
    serviceArea: 'social',
    title: text(
      'Lapsiperheiden sosiaalityön ja lastensuojelun asiakkaat / 1 000 0–17-vuotiasta',
      'Klienter inom socialt arbete för barnfamiljer och barnskydd / 1 000 0–17-åringar',
      'Child and family social work clients per 1 000 residents aged 0–17',
    ),
    description: text(
      'Eri asiakkaat (asiakasavaimet), joilla oli jakson aikana lapsiperheiden sosiaalityön tai lastensuojelun käynti.',
      'Olika klienter (klientnycklar) med ett besök inom socialt arbete för barnfamiljer eller barnskydd under perioden.',
      'Distinct clients (client keys) with a child and family social work contact in the period.',
    ),
    filter: { serviceClasses: ['CFS'] },
    ages: children,
    perN: 1000,
    unit: unitPer1000(...children.who),
  }),
  clientsPer({
    id: 'substance-abuse-clients-per-1000',
    serviceArea: 'social',
    title: text(
      'Päihdehuollon laitos- ja asumispalvelujen asiakkaat / 1 000 täysi-ikäistä',
      'Klienter inom missbrukarvårdens institutions- och boendetjänster / 1 000 vuxna',
      'Substance abuse residential care clients per 1 000 residents aged 18+',
    ),
    description: text(
      'Eri asiakkaat, joilla oli jakson aikana päihdehuollon laitos- tai asumispalvelun hoitopäiviä.',
      'Olika klienter med vårddygn inom missbrukarvårdens institutions- eller boendetjänster under perioden.',
      'Distinct clients with care days in substance abuse residential care in the period.',
    ),
    filter: { serviceClasses: ['SAB'] },
    ages: adults,
    perN: 1000,
    unit: unitPer1000(...adults.who),
  }),
  clientsPer({
    id: 'adult-social-work-clients-per-1000',
    serviceArea: 'social',
    title: text(
      'Aikuissosiaalityön asiakkaat / 1 000 täysi-ikäistä',
      'Klienter inom socialt arbete för vuxna / 1 000 vuxna',
      'Adult social work clients per 1 000 residents aged 18+',
    ),
    description: text(
      'Eri asiakkaat, joilla oli jakson aikana aikuissosiaalityön käynti.',
      'Olika klienter med ett besök inom socialt arbete för vuxna under perioden.',
      'Distinct clients with an adult social work contact in the period.',
    ),
    filter: { serviceClasses: ['ASW'] },
    ages: adults,
    perN: 1000,
    unit: unitPer1000(...adults.who),
  }),
  clientsPer({
    id: 'home-care-clients-75-percent',
    serviceArea: 'elderly',
    title: text(
      'Kotihoidon asiakkaat, % 75 vuotta täyttäneistä',
      'Klienter inom hemvården, % av 75 år fyllda',
      'Home care clients, % of residents aged 75+',
    ),
    description: text(
      'Eri 75 vuotta täyttäneet asiakkaat, joilla oli jakson aikana kotihoidon käynti, prosenttia vastaavanikäisestä väestöstä.',
      'Olika klienter 75 år och äldre med ett hemvårdsbesök under perioden, i procent av befolkningen i samma ålder.',
      'Distinct clients aged 75+ with a home care visit in the period, as a percentage of residents of that age.',
    ),
    filter: { serviceClasses: ['HMC'], ageFrom: 75 },
    ages: over75,
    perN: 100,
    unit: text('% 75 v. täyttäneistä', '% av 75 år fyllda', '% of residents 75+'),
    sotkanet: {
      id: 5513,
      note: text(
        'THL:n luku (Sotkanet 5513) rajaa kotihoidon asiakkaat omien rekisteritietojensa mukaan; Soteatlas laskee eri asiakkaat, joilla oli kotihoidon käynti jakson aikana. Nimittäjä, 75 vuotta täyttäneet asukkaat, on sama.',
        'THL:s tal (Sotkanet 5513) avgränsar hemvårdens klienter enligt sina egna registeruppgifter; Soteatlas räknar olika klienter med ett hemvårdsbesök under perioden. Nämnaren, invånare 75 år och äldre, är densamma.',
        "THL's figure (Sotkanet 5513) counts home care clients as its own register defines them; Soteatlas counts distinct clients with a home care visit in the period. The denominator, residents aged 75+, is the same.",
      ),
    },
  }),
  clientsPer({
    id: 'round-the-clock-care-clients-75-percent',
    serviceArea: 'elderly',
    title: text(
      'Ympärivuorokautisen hoivan asiakkaat, % 75 vuotta täyttäneistä',
      'Klienter inom heldygnsomsorg, % av 75 år fyllda',
      '24-hour care clients, % of residents aged 75+',
    ),
    description: text(
      'Eri 75 vuotta täyttäneet asiakkaat, joilla oli jakson aikana ympärivuorokautisen hoivan hoitopäiviä, prosenttia vastaavanikäisestä väestöstä.',
      'Olika klienter 75 år och äldre med vårddygn inom heldygnsomsorg under perioden, i procent av befolkningen i samma ålder.',
      'Distinct clients aged 75+ with care days in 24-hour care in the period, as a percentage of residents of that age.',
    ),
    filter: { serviceClasses: ['ELD'], ageFrom: 75 },
    ages: over75,
    perN: 100,
    unit: text('% 75 v. täyttäneistä', '% av 75 år fyllda', '% of residents 75+'),
  }),
  define({
    id: 'living-at-home-75-percent',
    title: text(
      'Kotona asuvat 75 vuotta täyttäneet, % vastaavanikäisestä väestöstä',
      'Hemmaboende 75 år fyllda, % av befolkningen i samma ålder',
      'Residents aged 75+ living at home, % of residents of that age',
    ),
    description: text(
      '100 % miinus ympärivuorokautisen hoivan 75 vuotta täyttäneiden asiakkaiden osuus vastaavanikäisestä väestöstä.',
      '100 % minus andelen klienter 75 år och äldre inom heldygnsomsorg av befolkningen i samma ålder.',
      '100 % less the share of residents aged 75+ who were clients of 24-hour care in the period.',
    ),
    serviceArea: 'elderly',
    kind: 'share',
    complement: true,
    unit: text('%', '%', '%'),
    decimals: 1,
    direction: 'higherIsBetter',
    numerator: {
      source: 'events',
      aggregate: 'clients',
      filter: { serviceClasses: ['ELD'], ageFrom: 75, recorded: ['clientKey'] },
    },
    denominator: { source: 'population', ageFrom: 75 },
    perN: 100,
    interval: 'wilson',
    periods: ['year'],
    levels: [...everyLevel],
    breakdowns: ['ageBand', 'sex'],
  }),
];
