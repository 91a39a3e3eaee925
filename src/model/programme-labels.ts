import type { CourseStatus, FundingSource, ProjectPhase, RagStatus } from './programme.js';
import type { ReportLanguage } from './report.js';

/**
 * The programme's words for course, traffic light, phase and funding source in Finnish, Swedish and
 * English: one list for the Programme page and the steering group's status pack alike.
 */
export interface ProgrammeLabels {
  course: Record<CourseStatus, string>;
  rag: Record<RagStatus, string>;
  phase: Record<ProjectPhase, string>;
  funding: Record<FundingSource, string>;
}

export const programmeLabels: Record<ReportLanguage, ProgrammeLabels> = {
  fi: {
    course: {
      onCourse: 'Tavoitteen suunnassa',
      uncertain: 'Epävarma',
      offCourse: 'Jäljessä',
      unknown: 'Ei tietoa',
    },
    rag: { green: 'Vihreä', amber: 'Keltainen', red: 'Punainen' },
    phase: {
      preparation: 'Valmistelu',
      planning: 'Suunnittelu',
      implementation: 'Toteutus',
      closing: 'Päättäminen',
      closed: 'Päättynyt',
    },
    funding: { stateReformFunding: 'Valtion rahoitus', county: 'Hyvinvointialue', eu: 'EU', other: 'Muu' },
  },
  sv: {
    course: { onCourse: 'På rätt väg', uncertain: 'Osäkert', offCourse: 'Efter', unknown: 'Uppgift saknas' },
    rag: { green: 'Grön', amber: 'Gul', red: 'Röd' },
    phase: {
      preparation: 'Förberedelse',
      planning: 'Planering',
      implementation: 'Genomförande',
      closing: 'Avslutning',
      closed: 'Avslutad',
    },
    funding: {
      stateReformFunding: 'Statlig finansiering',
      county: 'Välfärdsområdet',
      eu: 'EU',
      other: 'Annan',
    },
  },
  en: {
    course: { onCourse: 'On course', uncertain: 'Uncertain', offCourse: 'Off course', unknown: 'Unknown' },
    rag: { green: 'Green', amber: 'Amber', red: 'Red' },
    phase: {
      preparation: 'Preparation',
      planning: 'Planning',
      implementation: 'Implementation',
      closing: 'Closing',
      closed: 'Closed',
    },
    funding: { stateReformFunding: 'State reform funding', county: 'County', eu: 'EU', other: 'Other' },
  },
};
