import { normaliseHeader } from '../importers/index.js';
import type { FundingSource, ProjectPhase } from '../model/index.js';

/** The workbook's sheets and the names a programme office gives them in Finnish, Swedish and English. */
export const sheetNames = {
  projects: ['projects', 'hankkeet', 'projektit', 'projekt', 'hankesalkku'],
  milestones: ['milestones', 'virstanpylvaat', 'milstolpar'],
  risks: ['risks', 'riskit', 'risker'],
} as const;
export type SheetKind = keyof typeof sheetNames;

/** Each sheet's fields, with the headers that mean them (normalised as the importers normalise them). */
export const sheetColumns = {
  projects: {
    code: ['code', 'project_code', 'project_id', 'tunnus', 'hanketunnus', 'hanke_id', 'kod', 'projektkod'],
    name: ['name', 'project', 'nimi', 'hanke', 'hankkeen_nimi', 'namn', 'projektnamn'],
    goal: ['goal', 'objective', 'tavoite', 'mal', 'malsattning'],
    owner: ['owner', 'omistaja', 'vastuuhenkilo', 'hankeomistaja', 'agare', 'ansvarig'],
    phase: ['phase', 'vaihe', 'fas'],
    start: ['start', 'start_date', 'alkaa', 'alkupaiva', 'aloitus', 'startdatum', 'borjar'],
    end: ['end', 'end_date', 'paattyy', 'loppupaiva', 'slut', 'slutdatum', 'slutar'],
    fundingSource: ['funding_source', 'rahoituslahde', 'rahoitus', 'finansieringskalla', 'finansiering'],
    budget: ['budget', 'budget_eur', 'budjetti', 'budjetti_eur', 'budget_euro'],
    spent: ['spent', 'spent_eur', 'toteutunut', 'kaytetty', 'toteutunut_eur', 'forbrukat', 'utfall'],
    plannedPersonMonths: [
      'planned_person_months',
      'htkk_suunniteltu',
      'henkilotyokuukaudet_suunniteltu',
      'planerade_personmanader',
    ],
    usedPersonMonths: [
      'used_person_months',
      'htkk_toteutunut',
      'henkilotyokuukaudet_toteutunut',
      'forbrukade_personmanader',
    ],
    dependsOn: ['depends_on', 'dependencies', 'riippuvuudet', 'riippuu', 'beroenden', 'beror_pa'],
  },
  milestones: {
    project: ['project', 'project_code', 'code', 'hanke', 'hanketunnus', 'tunnus', 'projekt', 'kod'],
    title: ['milestone', 'title', 'virstanpylvas', 'nimi', 'milstolpe', 'namn'],
    due: [
      'due',
      'due_date',
      'maarapaiva',
      'erapaiva',
      'tavoitepaiva',
      'deadline',
      'fardigt_senast',
      'forfallodag',
    ],
    done: ['done', 'completed', 'valmis', 'valmistunut', 'klar', 'slutford'],
  },
  risks: {
    project: ['project', 'project_code', 'code', 'hanke', 'hanketunnus', 'tunnus', 'projekt', 'kod'],
    title: ['risk', 'title', 'riski', 'nimi', 'namn'],
    likelihood: ['likelihood', 'probability', 'todennakoisyys', 'sannolikhet'],
    impact: ['impact', 'vaikutus', 'konsekvens', 'paverkan'],
    mitigation: ['mitigation', 'hallintakeino', 'hallintakeinot', 'toimenpiteet', 'atgard', 'atgarder'],
    owner: ['owner', 'omistaja', 'vastuuhenkilo', 'agare', 'ansvarig'],
  },
} as const;

/** Columns a sheet cannot do without: a sheet missing one refuses the file. */
export const requiredColumns: { [K in SheetKind]: readonly (keyof (typeof sheetColumns)[K])[] } = {
  projects: ['code', 'name', 'phase', 'start', 'end'],
  milestones: ['project', 'title', 'due'],
  risks: ['project', 'title', 'likelihood', 'impact'],
};

const word = (aliases: Record<string, string[]>) =>
  new Map(Object.entries(aliases).flatMap(([value, names]) => names.map((n) => [normaliseHeader(n), value])));

export const phaseWords = word({
  preparation: ['preparation', 'esivalmistelu', 'valmistelu', 'förberedelse'],
  planning: ['planning', 'suunnittelu', 'planering'],
  implementation: ['implementation', 'toteutus', 'käynnissä', 'genomförande'],
  closing: ['closing', 'päättäminen', 'loppuvaihe', 'avslutning'],
  closed: ['closed', 'päättynyt', 'valmis', 'avslutad'],
}) as ReadonlyMap<string, ProjectPhase>;

export const fundingWords = word({
  stateReformFunding: [
    'state reform funding',
    'state',
    'RRP',
    'valtion rahoitus',
    'valtionavustus',
    'valtion uudistusrahoitus',
    'kestävän kasvun ohjelma',
    'statlig finansiering',
    'statsunderstöd',
  ],
  county: [
    'county',
    'own',
    'oma',
    'oma rahoitus',
    'hyvinvointialue',
    'egen',
    'egen finansiering',
    'välfärdsområdet',
  ],
  eu: ['EU', 'EU-rahoitus', 'EU-finansiering', 'EU funding'],
  other: ['other', 'muu', 'annan', 'övrig'],
}) as ReadonlyMap<string, FundingSource>;
