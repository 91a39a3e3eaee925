import type {
  DecayChoice,
  DecayKind,
  NetworkVariant,
  Scenario,
  ScenarioChange,
  ScenarioComparison,
  TravelMode,
} from '../../../../src/model/index.js';

/** Everything the planner's workspace remembers between renders; the server's data stays in hooks. */
export interface WorkspaceState {
  serviceClass: string;
  /** The working changes, evaluated live. */
  changes: ScenarioChange[];
  targetYear: number | undefined;
  /** The year field as typed; the target year follows it when it is a year. */
  yearText: string;
  decayKind: DecayKind;
  catchment: number;
  /** The catchment field as typed; the catchment follows it when it is 1–180 minutes. */
  catchmentText: string;
  selectedUnit: string | null;
  /** Picking a new place for the selected unit on the map. */
  picking: boolean;
  /** Picking the place of a new unit, as against a new place for the selected one. */
  pickingNew: boolean;
  pickedNew: { x: number; y: number } | null;
  /** Picking a road on the map to close it in the variant. */
  pickingLink: boolean;
  /** What the last pick on the map closed, or why it closed nothing; shown beside the variant. */
  linkStatus: string;
  showDifference: boolean;
  /** The saved scenario the working changes came from or were saved as. */
  current: Scenario | null;
  comparison: ScenarioComparison | null;
  /** The road network travel times are computed on; undefined: the county's active one. */
  roadNetwork: string | undefined;
  /** How residents travel to the units: car, public transport, walking or cycling. */
  mode: TravelMode;
  /** For car: the season and the links out of use (ferries out of service, closed roads or bridges). */
  variant: NetworkVariant;
  /** The closed link ids as typed; the variant takes them when applied. */
  closedText: string;
  /** Read out by screen readers after each action. */
  announcement: string;
}

export type WorkspaceAction =
  | { type: 'chooseClass'; serviceClass: string }
  | { type: 'chooseDecay'; kind: DecayKind }
  | { type: 'chooseNetwork'; name: string | undefined }
  | { type: 'chooseMode'; mode: TravelMode }
  | { type: 'chooseSeason'; season: NetworkVariant['season'] }
  | { type: 'toggleFerry'; linkId: string; out: boolean }
  | { type: 'typeClosed'; text: string }
  | { type: 'applyClosed' }
  | { type: 'pickLink'; on: boolean }
  | { type: 'closeLink'; linkId: string; message: string }
  | { type: 'reopenLink'; linkId: string; message: string }
  | { type: 'linkNotClosed'; message: string }
  | { type: 'typeCatchment'; text: string }
  | { type: 'typeYear'; text: string }
  | { type: 'edit'; changes: ScenarioChange[]; message: string }
  | { type: 'selectUnit'; code: string | null }
  | { type: 'pickMove'; on: boolean }
  | { type: 'pickNew'; on: boolean }
  | { type: 'placeNew'; at: { x: number; y: number }; message: string }
  | { type: 'moveSelected'; changes: ScenarioChange[]; message: string }
  | { type: 'showDifference'; on: boolean }
  | { type: 'saved'; scenario: Scenario; message: string }
  | { type: 'loaded'; scenario: Scenario }
  | { type: 'deleted'; id: string }
  | { type: 'compared'; comparison: ScenarioComparison; message: string }
  | { type: 'announce'; message: string };

/** Summer with nothing closed: the road network as it is. */
export const noVariant: NetworkVariant = { season: 'summer', closedLinks: [], ferriesOut: [] };

/** Link ids as typed: separated by commas, semicolons or white space, each once. */
export const linkIdsOf = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  ),
];

export const initialWorkspace = (serviceClass: string): WorkspaceState => ({
  serviceClass,
  changes: [],
  targetYear: undefined,
  yearText: '',
  decayKind: 'gaussian',
  catchment: 30,
  catchmentText: '30',
  selectedUnit: null,
  picking: false,
  pickingNew: false,
  pickedNew: null,
  pickingLink: false,
  linkStatus: '',
  showDifference: false,
  current: null,
  comparison: null,
  roadNetwork: undefined,
  mode: 'car',
  variant: noVariant,
  closedText: '',
  announcement: '',
});

const validCatchment = (minutes: number) => Number.isFinite(minutes) && minutes > 0 && minutes <= 180;
const validYear = (year: number) => Number.isInteger(year) && year >= 1900 && year <= 2100;

export const workspaceReducer = (state: WorkspaceState, action: WorkspaceAction): WorkspaceState => {
  switch (action.type) {
    case 'chooseClass':
      return { ...state, serviceClass: action.serviceClass, selectedUnit: null };
    case 'chooseDecay':
      return { ...state, decayKind: action.kind };
    case 'chooseNetwork':
      // Link ids belong to a network: another network keeps only the season.
      return {
        ...state,
        roadNetwork: action.name,
        variant: { ...noVariant, season: state.variant.season },
        closedText: '',
        pickingLink: false,
        linkStatus: '',
      };
    case 'chooseSeason':
      return { ...state, variant: { ...state.variant, season: action.season } };
    case 'toggleFerry': {
      const others = state.variant.ferriesOut.filter((id) => id !== action.linkId);
      return {
        ...state,
        variant: { ...state.variant, ferriesOut: action.out ? [...others, action.linkId] : others },
      };
    }
    case 'typeClosed':
      return { ...state, closedText: action.text };
    case 'applyClosed':
      return { ...state, variant: { ...state.variant, closedLinks: linkIdsOf(state.closedText) } };
    case 'pickLink':
      return { ...state, pickingLink: action.on, ...(action.on && { picking: false, pickingNew: false }) };
    case 'closeLink':
      return {
        ...withClosed(state, [...new Set([...state.variant.closedLinks, action.linkId])]),
        linkStatus: action.message,
        announcement: action.message,
      };
    case 'reopenLink':
      return {
        ...withClosed(
          state,
          state.variant.closedLinks.filter((id) => id !== action.linkId),
        ),
        linkStatus: action.message,
        announcement: action.message,
      };
    case 'linkNotClosed':
      return { ...state, linkStatus: action.message, announcement: action.message };
    case 'chooseMode':
      return { ...state, mode: action.mode };
    case 'typeCatchment': {
      const minutes = Number(action.text);
      return { ...state, catchmentText: action.text, ...(validCatchment(minutes) && { catchment: minutes }) };
    }
    case 'typeYear': {
      const year = Number(action.text);
      return { ...state, yearText: action.text, ...(validYear(year) && { targetYear: year }) };
    }
    case 'edit':
      return { ...state, changes: action.changes, announcement: action.message };
    case 'selectUnit':
      return { ...state, selectedUnit: action.code, picking: false };
    case 'pickMove':
      return { ...state, picking: action.on, ...(action.on && { pickingNew: false, pickingLink: false }) };
    case 'pickNew':
      return { ...state, pickingNew: action.on, ...(action.on && { picking: false, pickingLink: false }) };
    case 'placeNew':
      return { ...state, pickedNew: action.at, pickingNew: false, announcement: action.message };
    case 'moveSelected':
      return { ...state, picking: false, changes: action.changes, announcement: action.message };
    case 'showDifference':
      return { ...state, showDifference: action.on };
    case 'saved':
      return { ...state, current: action.scenario, announcement: action.message };
    case 'loaded':
      return loadScenario(state, action.scenario);
    case 'deleted':
      return state.current?.id === action.id ? { ...state, current: null } : state;
    case 'compared':
      return { ...state, comparison: action.comparison, announcement: action.message };
    case 'announce':
      return { ...state, announcement: action.message };
  }
};

/** The variant with these links closed, and the text field showing them, as if typed and applied. */
const withClosed = (state: WorkspaceState, closedLinks: string[]): WorkspaceState => ({
  ...state,
  variant: { ...state.variant, closedLinks },
  closedText: closedLinks.join(', '),
});

/** A saved scenario's changes, year, decay and road network become the working ones. */
const loadScenario = (state: WorkspaceState, scenario: Scenario): WorkspaceState => ({
  ...state,
  current: scenario,
  changes: scenario.changes,
  targetYear: scenario.targetYear,
  yearText: String(scenario.targetYear),
  decayKind: scenario.decay.kind,
  catchment: scenario.decay.catchmentMinutes,
  catchmentText: String(scenario.decay.catchmentMinutes),
  roadNetwork: scenario.roadNetwork?.name,
  mode: scenario.mode,
  variant: scenario.variant ?? noVariant,
  closedText: (scenario.variant?.closedLinks ?? []).join(', '),
  announcement: scenario.name,
});

export const decayOf = ({
  decayKind,
  catchment,
}: Pick<WorkspaceState, 'decayKind' | 'catchment'>): DecayChoice => ({
  kind: decayKind,
  catchmentMinutes: catchment,
});
