import type {
  IndicatorDefinition,
  IndicatorMeasureInput,
  LocalText,
  ServiceArea,
} from '../../model/index.js';
import { define, municipalLevels, text, unitEuroPerResident } from './define.js';

/**
 * Net operating cost per resident (nettokäyttökustannukset, €/asukas) as in THL's sote-tietopaketit, and
 * the needs-standardised cost index: the cost per resident against the county's, after need.
 */
const netCost = ({
  id,
  title,
  numerator,
  denominator = { source: 'population' },
  unit = unitEuroPerResident,
  sotkanet,
}: {
  id: string;
  title: [string, string, string];
  numerator: IndicatorMeasureInput;
  denominator?: IndicatorMeasureInput;
  unit?: typeof unitEuroPerResident;
  /** THL's Sotkanet indicator for the same figure, and how its definition differs (see index.ts). */
  sotkanet?: { id: number; note: LocalText };
}): IndicatorDefinition =>
  define({
    id,
    ...(sotkanet && { sotkanetId: sotkanet.id, sotkanetNote: sotkanet.note }),
    title: text(...title),
    description: text(
      `${title[0]}: nettokäyttökustannukset jaettuna asukasmäärällä vuoden lopussa.`,
      `${title[1]}: nettodriftskostnader delat med invånarantalet vid årets slut.`,
      `${title[2]}: net operating cost divided by the residents at the end of the year.`,
    ),
    serviceArea:
      numerator.source === 'netCost' && numerator.serviceAreas?.length === 1
        ? (numerator.serviceAreas[0] as ServiceArea)
        : 'all',
    kind: 'rate',
    unit,
    decimals: 0,
    direction: 'lowerIsBetter',
    numerator,
    denominator,
    interval: 'none',
    periods: ['year'],
    levels: [...municipalLevels],
    breakdowns: ['serviceClass'],
  });

const index = (
  id: string,
  title: [string, string, string],
  serviceAreas?: ServiceArea[],
): IndicatorDefinition =>
  define({
    id,
    title: text(...title),
    description: text(
      'Asukaskohtaiset nettokäyttökustannukset suhteessa hyvinvointialueen keskiarvoon jaettuna alueen palvelutarpeella (100 = alueen taso tarve huomioiden).',
      'Nettodriftskostnader per invånare i förhållande till välfärdsområdets medeltal, delat med områdets servicebehov (100 = områdets nivå med behovet beaktat).',
      'Net operating cost per resident against the county average, divided by the area’s need (100 = the county’s level once need is accounted for).',
    ),
    serviceArea: serviceAreas?.length === 1 ? (serviceAreas[0] as ServiceArea) : 'all',
    kind: 'standardisedCostIndex',
    unit: text('indeksi', 'index', 'index'),
    decimals: 1,
    direction: 'lowerIsBetter',
    numerator: { source: 'netCost', ...(serviceAreas && { serviceAreas }) },
    denominator: { source: 'population' },
    perN: 100,
    interval: 'none',
    periods: ['year'],
    levels: [...municipalLevels],
  });

export const costIndicators: IndicatorDefinition[] = [
  netCost({
    id: 'net-cost-per-resident',
    title: [
      'Sosiaali- ja terveystoiminnan nettokäyttökustannukset, €/asukas',
      'Nettodriftskostnader för social- och hälsovård, €/invånare',
      'Net operating cost of social and health care, € per resident',
    ],
    numerator: { source: 'netCost' },
  }),
  netCost({
    id: 'net-cost-health-per-resident',
    title: [
      'Terveydenhuollon nettokäyttökustannukset, €/asukas',
      'Nettodriftskostnader för hälso- och sjukvård, €/invånare',
      'Net operating cost of health care, € per resident',
    ],
    numerator: { source: 'netCost', serviceAreas: ['health'] },
  }),
  netCost({
    id: 'net-cost-social-per-resident',
    title: [
      'Sosiaalihuollon nettokäyttökustannukset, €/asukas',
      'Nettodriftskostnader för socialvård, €/invånare',
      'Net operating cost of social care, € per resident',
    ],
    numerator: { source: 'netCost', serviceAreas: ['social'] },
  }),
  netCost({
    id: 'net-cost-elderly-per-resident-75',
    title: [
      'Ikääntyneiden palvelujen nettokäyttökustannukset, €/75 vuotta täyttänyt',
      'Nettodriftskostnader för äldreomsorg, €/75 år fyllda',
      'Net operating cost of elderly care, € per resident aged 75+',
    ],
    numerator: { source: 'netCost', serviceAreas: ['elderly'] },
    denominator: { source: 'population', ageFrom: 75 },
    unit: text('€ / 75 v. täyttänyt', '€ / 75 år fyllda', '€ per resident 75+'),
  }),
  netCost({
    id: 'net-cost-primary-health-per-resident',
    title: [
      'Perusterveydenhuollon avohoidon nettokäyttökustannukset, €/asukas',
      'Nettodriftskostnader för primärvårdens öppenvård, €/invånare',
      'Net operating cost of primary outpatient health care, € per resident',
    ],
    numerator: { source: 'netCost', serviceClasses: ['HC', 'OH', 'MCC', 'SSH'] },
  }),
  netCost({
    id: 'net-cost-specialised-per-resident',
    title: [
      'Erikoissairaanhoidon ja päivystyksen nettokäyttökustannukset, €/asukas',
      'Nettodriftskostnader för specialiserad sjukvård och jour, €/invånare',
      'Net operating cost of specialised and emergency care, € per resident',
    ],
    numerator: { source: 'netCost', serviceClasses: ['SPC', 'EMC'] },
    sotkanet: {
      id: 1071,
      note: text(
        'THL:n luku (Sotkanet 1071) on kuntien talouden erikoissairaanhoidon tehtäväluokan nettokustannus asukasta kohden, ja siihen kuuluu myös psykiatrinen erikoissairaanhoito. Soteatlas laskee somaattisen erikoissairaanhoidon (SPC) ja päivystyksen (EMC) nettokäyttökustannukset asukasta kohden: psykiatria ei sisälly lukuun, terveyskeskusten päivystys sisältyy.',
        'THL:s tal (Sotkanet 1071) är nettokostnaden per invånare för uppgiftsklassen specialiserad sjukvård i kommunernas ekonomi och omfattar också psykiatrisk specialiserad sjukvård. Soteatlas räknar nettodriftskostnaderna för specialiserad somatisk vård (SPC) och jour (EMC) per invånare: psykiatrin ingår inte, jouren vid hälsovårdscentralerna ingår.',
        "THL's figure (Sotkanet 1071) is the net cost per resident of the specialised health care function in municipal accounts and includes psychiatric specialised care. Soteatlas counts the net operating cost of specialised somatic care (SPC) and emergency care (EMC) per resident: psychiatry is not in it, health-centre emergency clinics are.",
      ),
    },
  }),
  netCost({
    id: 'net-cost-child-family-per-child',
    title: [
      'Lapsiperheiden palvelujen ja lastensuojelun nettokäyttökustannukset, €/0–17-vuotias',
      'Nettodriftskostnader för barnfamiljetjänster och barnskydd, €/0–17-åring',
      'Net operating cost of child and family social work, € per resident aged 0–17',
    ],
    numerator: { source: 'netCost', serviceClasses: ['CFS'] },
    denominator: { source: 'population', ageTo: 17 },
    unit: text('€ / 0–17-v.', '€ / 0–17-åring', '€ per resident 0–17'),
  }),
  netCost({
    id: 'net-cost-mental-substance-per-resident',
    title: [
      'Mielenterveys- ja päihdepalvelujen nettokäyttökustannukset, €/asukas',
      'Nettodriftskostnader för mentalvårds- och missbrukartjänster, €/invånare',
      'Net operating cost of mental health and substance abuse services, € per resident',
    ],
    numerator: { source: 'netCost', serviceClasses: ['MHS', 'SAB'] },
  }),
  index('needs-standardised-cost-index', [
    'Tarvevakioidut sosiaali- ja terveystoiminnan menot, indeksi',
    'Behovsstandardiserade utgifter för social- och hälsovård, index',
    'Needs-standardised social and health care cost, index',
  ]),
  index(
    'needs-standardised-cost-index-health',
    [
      'Tarvevakioidut terveydenhuollon menot, indeksi',
      'Behovsstandardiserade utgifter för hälso- och sjukvård, index',
      'Needs-standardised health care cost, index',
    ],
    ['health'],
  ),
  index(
    'needs-standardised-cost-index-social',
    [
      'Tarvevakioidut sosiaalihuollon menot, indeksi',
      'Behovsstandardiserade utgifter för socialvård, index',
      'Needs-standardised social care cost, index',
    ],
    ['social'],
  ),
  index(
    'needs-standardised-cost-index-elderly',
    [
      'Tarvevakioidut ikääntyneiden palvelujen menot, indeksi',
      'Behovsstandardiserade utgifter för äldreomsorg, index',
      'Needs-standardised elderly care cost, index',
    ],
    ['elderly'],
  ),
];
