import { type ProgrammeLabels, programmeLabels, type ReportLanguage } from '../model/index.js';

/**
 * The words of the steering group's status pack in the reader's language. Course, traffic light, phase
 * and funding source are the programme's labels in the model, shared with the Programme page.
 */
export interface StatusPackTexts extends ProgrammeLabels {
  title: string;
  prepared(date: string): string;
  sheets: { portfolio: string; effects: string; milestones: string; risks: string; reports: string };
  columns: {
    code: string;
    project: string;
    owner: string;
    phase: string;
    start: string;
    end: string;
    course: string;
    rag: string;
    overdue: string;
    budget: string;
    spent: string;
    topRisk: string;
    indicator: string;
    baseline: string;
    expected: string;
    expectedBy: string;
    period: string;
    value: string;
    lower: string;
    upper: string;
    line: string;
    milestone: string;
    due: string;
    done: string;
    risk: string;
    likelihood: string;
    impact: string;
    score: string;
    mitigation: string;
    date: string;
    text: string;
    funding: string;
  };
  suppressedMark: string;
}

const fi: StatusPackTexts = {
  title: 'Muutosohjelman tilannekatsaus',
  prepared: (date) => `Laadittu ${date}`,
  sheets: {
    portfolio: 'Hankesalkku',
    effects: 'Vaikutukset',
    milestones: 'Virstanpylväät',
    risks: 'Riskit',
    reports: 'Tilanneraportit',
  },
  columns: {
    code: 'Tunnus',
    project: 'Hanke',
    owner: 'Omistaja',
    phase: 'Vaihe',
    start: 'Alkaa',
    end: 'Päättyy',
    course: 'Mittarien suunta',
    rag: 'Tilanne',
    overdue: 'Myöhässä olevat virstanpylväät',
    budget: 'Budjetti (€)',
    spent: 'Toteutunut (€)',
    topRisk: 'Suurin riski (1–25)',
    indicator: 'Indikaattori',
    baseline: 'Lähtötaso',
    expected: 'Odotettu arvo',
    expectedBy: 'Mennessä',
    period: 'Viimeisin kausi',
    value: 'Arvo',
    lower: 'Alaraja',
    upper: 'Yläraja',
    line: 'Odotettu nyt',
    milestone: 'Virstanpylväs',
    due: 'Määräpäivä',
    done: 'Valmis',
    risk: 'Riski',
    likelihood: 'Todennäköisyys',
    impact: 'Vaikutus',
    score: 'Pisteet',
    mitigation: 'Hallintakeino',
    date: 'Päivä',
    text: 'Teksti',
    funding: 'Rahoituslähde',
  },
  ...programmeLabels.fi,
  suppressedMark: '<5',
};

const sv: StatusPackTexts = {
  title: 'Lägesrapport för förändringsprogrammet',
  prepared: (date) => `Upprättad ${date}`,
  sheets: {
    portfolio: 'Projektportfölj',
    effects: 'Effekter',
    milestones: 'Milstolpar',
    risks: 'Risker',
    reports: 'Lägesrapporter',
  },
  columns: {
    code: 'Kod',
    project: 'Projekt',
    owner: 'Ägare',
    phase: 'Fas',
    start: 'Börjar',
    end: 'Slutar',
    course: 'Mätarnas riktning',
    rag: 'Läge',
    overdue: 'Försenade milstolpar',
    budget: 'Budget (€)',
    spent: 'Utfall (€)',
    topRisk: 'Största risk (1–25)',
    indicator: 'Indikator',
    baseline: 'Utgångsnivå',
    expected: 'Förväntat värde',
    expectedBy: 'Senast',
    period: 'Senaste period',
    value: 'Värde',
    lower: 'Nedre gräns',
    upper: 'Övre gräns',
    line: 'Förväntat nu',
    milestone: 'Milstolpe',
    due: 'Förfallodag',
    done: 'Klar',
    risk: 'Risk',
    likelihood: 'Sannolikhet',
    impact: 'Konsekvens',
    score: 'Poäng',
    mitigation: 'Åtgärd',
    date: 'Datum',
    text: 'Text',
    funding: 'Finansieringskälla',
  },
  ...programmeLabels.sv,
  suppressedMark: '<5',
};

const en: StatusPackTexts = {
  title: 'Reform programme status pack',
  prepared: (date) => `Prepared ${date}`,
  sheets: {
    portfolio: 'Portfolio',
    effects: 'Effects',
    milestones: 'Milestones',
    risks: 'Risks',
    reports: 'Status reports',
  },
  columns: {
    code: 'Code',
    project: 'Project',
    owner: 'Owner',
    phase: 'Phase',
    start: 'Start',
    end: 'End',
    course: 'Course by its measures',
    rag: 'Status',
    overdue: 'Overdue milestones',
    budget: 'Budget (€)',
    spent: 'Spent (€)',
    topRisk: 'Largest risk (1–25)',
    indicator: 'Indicator',
    baseline: 'Baseline',
    expected: 'Expected value',
    expectedBy: 'By',
    period: 'Latest period',
    value: 'Value',
    lower: 'Lower',
    upper: 'Upper',
    line: 'Expected now',
    milestone: 'Milestone',
    due: 'Due',
    done: 'Done',
    risk: 'Risk',
    likelihood: 'Likelihood',
    impact: 'Impact',
    score: 'Score',
    mitigation: 'Mitigation',
    date: 'Date',
    text: 'Text',
    funding: 'Funding source',
  },
  ...programmeLabels.en,
  suppressedMark: '<5',
};

export const statusPackTexts: Record<ReportLanguage, StatusPackTexts> = { fi, sv, en };

/** Dates as the reader writes them: 31.12.2026 in Finnish and Swedish, 31/12/2026 in English. */
export const packDate = (language: ReportLanguage, isoDate: string): string => {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return language === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
};
