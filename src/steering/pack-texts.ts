import type { ReportLanguage } from '../model/index.js';

/** The words of a producer's steering-meeting pack in the reader's language. */
export interface ScorecardPackTexts {
  title: string;
  withheld: string;
  yes: string;
  no: string;
  none: string;
  sheets: {
    summary: string;
    volumes: string;
    billing: string;
    costs: string;
    quality: string;
    waiting: string;
    supervision: string;
    complaints: string;
  };
  summary: {
    producer: string;
    code: string;
    kind: string;
    businessId: string;
    period: string;
    asOf: string;
    flags: string;
    invoiced: string;
    expected: string;
    matched: string;
    difference: string;
    completeness: string;
  };
  columns: {
    contract: string;
    serviceClass: string;
    pricingBasis: string;
    volume: string;
    floor: string;
    ceiling: string;
    status: string;
    invoice: string;
    month: string;
    unit: string;
    invoicedQuantity: string;
    eventQuantity: string;
    price: string;
    invoiced: string;
    expected: string;
    difference: string;
    producerCost: string;
    ownCost: string;
    ratio: string;
    measure: string;
    direction: string;
    target: string;
    value: string;
    lower: string;
    upper: string;
    events: string;
    met: string;
    limitDays: string;
    median: string;
    withinLimit: string;
    finding: string;
    inspected: string;
    severity: string;
    deadline: string;
    state: string;
    quarter: string;
    objections: string;
    complaints: string;
  };
  directions: { atLeast: string; atMost: string };
  statuses: Record<string, string>;
  flags: Record<string, string>;
  kinds: Record<string, string>;
  measures: Record<string, string>;
  severities: Record<string, string>;
  states: { open: string; inProgress: string; done: string; overdue: string };
  bases: Record<string, string>;
}

const fi: ScorecardPackTexts = {
  title: 'Tuottajan tuloskortti',
  withheld: '<5',
  yes: 'Kyllä',
  no: 'Ei',
  none: 'Ei huomioita',
  sheets: {
    summary: 'Yhteenveto',
    volumes: 'Volyymit',
    billing: 'Laskutuserot',
    costs: 'Kustannukset',
    quality: 'Laatuvaatimukset',
    waiting: 'Odotusajat',
    supervision: 'Valvonta',
    complaints: 'Muistutukset',
  },
  summary: {
    producer: 'Tuottaja',
    code: 'Koodi',
    kind: 'Tyyppi',
    businessId: 'Y-tunnus',
    period: 'Kausi',
    asOf: 'Tiedot päivältä',
    flags: 'Huomiot',
    invoiced: 'Laskutettu, €',
    expected: 'Tapahtumat × hinta, €',
    matched: 'Täsmää, €',
    difference: 'Erotus, €',
    completeness: 'Tietojen täydellisyys',
  },
  columns: {
    contract: 'Sopimus',
    serviceClass: 'Palveluluokka',
    pricingBasis: 'Hinnoitteluperuste',
    volume: 'Määrä',
    floor: 'Vähintään',
    ceiling: 'Enintään',
    status: 'Tila',
    invoice: 'Lasku',
    month: 'Kuukausi',
    unit: 'Toimipiste',
    invoicedQuantity: 'Laskutettu määrä',
    eventQuantity: 'Tapahtumia',
    price: 'Sopimushinta, €',
    invoiced: 'Laskutettu, €',
    expected: 'Tapahtumat × hinta, €',
    difference: 'Erotus, €',
    producerCost: 'Tuottaja €/yksikkö',
    ownCost: 'Oma tuotanto €/yksikkö',
    ratio: 'Suhde',
    measure: 'Mittari',
    direction: 'Suunta',
    target: 'Tavoite',
    value: 'Arvo',
    lower: 'Alaraja',
    upper: 'Yläraja',
    events: 'Tapahtumia',
    met: 'Täyttyy',
    limitDays: 'Hoitotakuu, vrk',
    median: 'Mediaani, vrk',
    withinLimit: 'Hoitotakuun rajassa',
    finding: 'Havainto',
    inspected: 'Tarkastettu',
    severity: 'Vakavuus',
    deadline: 'Määräaika',
    state: 'Tila',
    quarter: 'Neljännes',
    objections: 'Muistutuksia',
    complaints: 'Kanteluita',
  },
  directions: { atLeast: 'vähintään', atMost: 'enintään' },
  statuses: {
    within: 'Rajoissa',
    overCeiling: 'Yli enimmäismäärän',
    underFloor: 'Alle vähimmäismäärän',
    matched: 'Täsmää',
    overBilled: 'Laskutettu liikaa',
    underBilled: 'Laskutettu liian vähän',
    noPrice: 'Ei sopimushintaa',
    noEvents: 'Ei tapahtumia',
  },
  flags: {
    overCeiling: 'Ylittää enimmäismäärän',
    underFloor: 'Alittaa vähimmäismäärän',
    billingDifference: 'Laskutuksessa eroja',
    overdueAction: 'Korjaava toimenpide myöhässä',
    optionDue: 'Optiosta päätettävä pian',
    requirementMissed: 'Laatuvaatimus ei täyty',
  },
  kinds: { own: 'Oma tuotanto', purchased: 'Ostopalvelu', voucher: 'Palveluseteli', ngo: 'Järjestö' },
  measures: {
    waitingWithinLimitShare: 'Hoitotakuun rajassa, osuus',
    medianWaitingDays: 'Odotusajan mediaani',
    dataCompleteness: 'Tietojen täydellisyys',
    complaintsPer10000: 'Muistutukset ja kantelut / 10 000',
  },
  severities: { minor: 'Vähäinen', significant: 'Merkittävä', serious: 'Vakava' },
  states: { open: 'Avoin', inProgress: 'Työn alla', done: 'Korjattu', overdue: 'Myöhässä' },
  bases: { visit: 'käynti', careDay: 'hoitopäivä', episode: 'hoitojakso' },
};

const sv: ScorecardPackTexts = {
  title: 'Producentens resultatkort',
  withheld: '<5',
  yes: 'Ja',
  no: 'Nej',
  none: 'Inga anmärkningar',
  sheets: {
    summary: 'Sammanfattning',
    volumes: 'Volymer',
    billing: 'Faktureringsdifferenser',
    costs: 'Kostnader',
    quality: 'Kvalitetskrav',
    waiting: 'Väntetider',
    supervision: 'Tillsyn',
    complaints: 'Anmärkningar',
  },
  summary: {
    producer: 'Producent',
    code: 'Kod',
    kind: 'Typ',
    businessId: 'FO-nummer',
    period: 'Period',
    asOf: 'Uppgifter per',
    flags: 'Anmärkningar',
    invoiced: 'Fakturerat, €',
    expected: 'Händelser × pris, €',
    matched: 'Stämmer, €',
    difference: 'Differens, €',
    completeness: 'Uppgifternas fullständighet',
  },
  columns: {
    contract: 'Avtal',
    serviceClass: 'Tjänsteklass',
    pricingBasis: 'Prissättningsgrund',
    volume: 'Volym',
    floor: 'Minst',
    ceiling: 'Högst',
    status: 'Status',
    invoice: 'Faktura',
    month: 'Månad',
    unit: 'Verksamhetsställe',
    invoicedQuantity: 'Fakturerad mängd',
    eventQuantity: 'Händelser',
    price: 'Avtalspris, €',
    invoiced: 'Fakturerat, €',
    expected: 'Händelser × pris, €',
    difference: 'Differens, €',
    producerCost: 'Producent €/enhet',
    ownCost: 'Egen produktion €/enhet',
    ratio: 'Förhållande',
    measure: 'Mätare',
    direction: 'Riktning',
    target: 'Mål',
    value: 'Värde',
    lower: 'Nedre gräns',
    upper: 'Övre gräns',
    events: 'Händelser',
    met: 'Uppfylls',
    limitDays: 'Vårdgaranti, dygn',
    median: 'Median, dygn',
    withinLimit: 'Inom vårdgarantin',
    finding: 'Iakttagelse',
    inspected: 'Inspekterat',
    severity: 'Allvarlighet',
    deadline: 'Tidsfrist',
    state: 'Status',
    quarter: 'Kvartal',
    objections: 'Anmärkningar',
    complaints: 'Klagomål',
  },
  directions: { atLeast: 'minst', atMost: 'högst' },
  statuses: {
    within: 'Inom gränserna',
    overCeiling: 'Över maximivolymen',
    underFloor: 'Under minimivolymen',
    matched: 'Stämmer',
    overBilled: 'Fakturerat för mycket',
    underBilled: 'Fakturerat för lite',
    noPrice: 'Inget avtalspris',
    noEvents: 'Inga händelser',
  },
  flags: {
    overCeiling: 'Överskrider maximivolymen',
    underFloor: 'Underskrider minimivolymen',
    billingDifference: 'Differenser i faktureringen',
    overdueAction: 'Korrigerande åtgärd försenad',
    optionDue: 'Beslut om option snart',
    requirementMissed: 'Kvalitetskrav uppfylls inte',
  },
  kinds: { own: 'Egen produktion', purchased: 'Köpt tjänst', voucher: 'Servicesedel', ngo: 'Organisation' },
  measures: {
    waitingWithinLimitShare: 'Inom vårdgarantin, andel',
    medianWaitingDays: 'Väntetidens median',
    dataCompleteness: 'Uppgifternas fullständighet',
    complaintsPer10000: 'Anmärkningar och klagomål / 10 000',
  },
  severities: { minor: 'Lindrig', significant: 'Betydande', serious: 'Allvarlig' },
  states: { open: 'Öppen', inProgress: 'Pågår', done: 'Åtgärdad', overdue: 'Försenad' },
  bases: { visit: 'besök', careDay: 'vårddygn', episode: 'vårdperiod' },
};

const en: ScorecardPackTexts = {
  title: 'Producer scorecard',
  withheld: '<5',
  yes: 'Yes',
  no: 'No',
  none: 'No flags',
  sheets: {
    summary: 'Summary',
    volumes: 'Volumes',
    billing: 'Billing differences',
    costs: 'Costs',
    quality: 'Quality requirements',
    waiting: 'Waiting times',
    supervision: 'Supervision',
    complaints: 'Complaints',
  },
  summary: {
    producer: 'Producer',
    code: 'Code',
    kind: 'Kind',
    businessId: 'Business id',
    period: 'Period',
    asOf: 'Data as of',
    flags: 'Flags',
    invoiced: 'Invoiced, €',
    expected: 'Events × price, €',
    matched: 'Matched, €',
    difference: 'Difference, €',
    completeness: 'Data completeness',
  },
  columns: {
    contract: 'Contract',
    serviceClass: 'Service class',
    pricingBasis: 'Pricing basis',
    volume: 'Volume',
    floor: 'Floor',
    ceiling: 'Ceiling',
    status: 'Status',
    invoice: 'Invoice',
    month: 'Month',
    unit: 'Unit',
    invoicedQuantity: 'Quantity billed',
    eventQuantity: 'Events',
    price: 'Contract price, €',
    invoiced: 'Invoiced, €',
    expected: 'Events × price, €',
    difference: 'Difference, €',
    producerCost: 'Producer €/unit',
    ownCost: 'Own production €/unit',
    ratio: 'Ratio',
    measure: 'Measure',
    direction: 'Direction',
    target: 'Target',
    value: 'Value',
    lower: 'Lower',
    upper: 'Upper',
    events: 'Events',
    met: 'Met',
    limitDays: 'Care guarantee, days',
    median: 'Median, days',
    withinLimit: 'Within the care guarantee',
    finding: 'Finding',
    inspected: 'Inspected',
    severity: 'Severity',
    deadline: 'Deadline',
    state: 'State',
    quarter: 'Quarter',
    objections: 'Objections',
    complaints: 'Complaints',
  },
  directions: { atLeast: 'at least', atMost: 'at most' },
  statuses: {
    within: 'Within bounds',
    overCeiling: 'Over the ceiling',
    underFloor: 'Under the floor',
    matched: 'Matched',
    overBilled: 'Over-billed',
    underBilled: 'Under-billed',
    noPrice: 'No contract price',
    noEvents: 'No events',
  },
  flags: {
    overCeiling: 'Over its volume ceiling',
    underFloor: 'Under its volume floor',
    billingDifference: 'Billing differences',
    overdueAction: 'Corrective action overdue',
    optionDue: 'Option to decide soon',
    requirementMissed: 'Quality requirement not met',
  },
  kinds: { own: 'Own production', purchased: 'Purchased', voucher: 'Service voucher', ngo: 'NGO' },
  measures: {
    waitingWithinLimitShare: 'Within the care guarantee, share',
    medianWaitingDays: 'Median waiting days',
    dataCompleteness: 'Data completeness',
    complaintsPer10000: 'Objections and complaints / 10,000',
  },
  severities: { minor: 'Minor', significant: 'Significant', serious: 'Serious' },
  states: { open: 'Open', inProgress: 'In progress', done: 'Done', overdue: 'Overdue' },
  bases: { visit: 'visit', careDay: 'care day', episode: 'episode' },
};

export const scorecardPackTexts: Record<ReportLanguage, ScorecardPackTexts> = { fi, sv, en };
