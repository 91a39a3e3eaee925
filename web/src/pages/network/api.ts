import { useCallback, useEffect, useState } from 'react';
import type {
  AccessLayer,
  DecayChoice,
  FerryList,
  NearestRoadLink,
  NetworkVariant,
  OptimisationJob,
  RoadLinkShapes,
  RoadNetworkSummary,
  Scenario,
  ScenarioChange,
  ScenarioComparison,
  ScenarioInput,
  ScenarioResult,
  TravelMode,
} from '../../../../src/model/index.js';
import { roadLinksPerRequest, variantKey } from '../../../../src/model/index.js';
import { type FailureReason, getJson, reasonOf } from '../../api/failure.js';
import { sendJson } from '../../api/send.js';

export interface LiveState<T> {
  /** The latest answer; kept while a newer request is on its way, so that the view does not flicker. */
  data: T | null;
  updating: boolean;
  error: FailureReason | null;
}

/**
 * POSTs `body` whenever it changes (compared as JSON) and keeps the answer to the latest one only. A
 * short pause first lets a burst of edits make one request.
 */
export const useLivePost = <T>(path: string, body: unknown | null, delayMs = 60): LiveState<T> => {
  const key = body === null ? null : JSON.stringify(body);
  const [state, setState] = useState<LiveState<T>>({ data: null, updating: key !== null, error: null });
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, updating: true }));
    const timer = setTimeout(() => {
      sendJson<T>('POST', path, { body: JSON.parse(key), signal: controller.signal })
        .then((data) => {
          if (!controller.signal.aborted) setState({ data, updating: false, error: null });
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted)
            setState((previous) => ({ ...previous, updating: false, error: reasonOf(error) }));
        });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [path, key, delayMs]);
  return state;
};

export interface WorkingScenario {
  targetYear?: number;
  changes: ScenarioChange[];
  decay?: DecayChoice;
  /** Default: the county's active road network. */
  roadNetwork?: string;
  /** Default: by car. */
  mode?: TravelMode;
  /** For car: the season and the links out of use. Default: summer, nothing closed. */
  variant?: NetworkVariant;
}

/**
 * What every request for the working scenario's figures carries: its changes, year, road network and
 * network variant, and its mode where the route takes one (not language access, the side-by-side modes
 * or an optimisation). Defaults are left out, so that the server's defaults hold.
 */
export const workingFields = (working: WorkingScenario, { mode = true }: { mode?: boolean } = {}) => ({
  changes: working.changes,
  ...(working.targetYear !== undefined && { targetYear: working.targetYear }),
  ...(working.roadNetwork !== undefined && { roadNetwork: working.roadNetwork }),
  ...(mode && working.mode !== undefined && working.mode !== 'car' && { mode: working.mode }),
  ...(working.variant !== undefined && variantKey(working.variant) !== '' && { variant: working.variant }),
});

export const useEvaluation = (working: WorkingScenario) =>
  useLivePost<ScenarioResult>('/api/network/evaluate', {
    name: 'working',
    ...workingFields(working),
    ...(working.decay !== undefined && { decay: working.decay }),
  } satisfies Partial<ScenarioInput>);

export const useAccessLayer = (serviceClass: string | null, working: WorkingScenario, difference: boolean) =>
  useLivePost<AccessLayer>(
    '/api/network/access.geojson',
    serviceClass === null
      ? null
      : {
          serviceClass,
          ...workingFields(working),
          ...(difference && { referenceChanges: [] }),
        },
  );

/** The saved scenarios, with a way to read them again after a save or delete. */
export const useScenarios = () => {
  const [scenarios, setScenarios] = useState<Scenario[] | null>(null);
  const [error, setError] = useState<FailureReason | null>(null);
  const reload = useCallback(() => {
    getJson<Scenario[]>('/api/network/scenarios')
      .then((answer) => {
        setScenarios(answer);
        setError(null);
      })
      .catch((failure: unknown) => setError(reasonOf(failure)));
  }, []);
  useEffect(reload, [reload]);
  return { scenarios, error, reload };
};

/** The ferries of a road network (default the active one) and whether it can take a variant at all. */
export const useFerries = (roadNetwork: string | undefined) => {
  const [ferries, setFerries] = useState<FerryList | null>(null);
  useEffect(() => {
    let current = true;
    const query = roadNetwork === undefined ? '' : `?network=${encodeURIComponent(roadNetwork)}`;
    getJson<FerryList>(`/api/network/roads/ferries${query}`)
      .then((answer) => {
        if (current) setFerries(answer);
      })
      .catch(() => {
        if (current) setFerries(null);
      });
    return () => {
      current = false;
    };
  }, [roadNetwork]);
  return ferries;
};

const networkQuery = (roadNetwork: string | undefined) =>
  roadNetwork === undefined ? '' : `network=${encodeURIComponent(roadNetwork)}&`;

/** The road link nearest a point on the map (WGS84), to close it; a notFound failure when none is near. */
export const nearestRoadLink = (roadNetwork: string | undefined, lon: number, lat: number) =>
  getJson<NearestRoadLink>(
    `/api/network/roads/links/nearest?${networkQuery(roadNetwork)}lon=${lon}&lat=${lat}`,
  );

const noLinks: RoadLinkShapes['links'] = [];

/** The lines of the links named, to draw them on the map; none while the list is empty or unanswered. */
export const useLinkShapes = (roadNetwork: string | undefined, linkIds: readonly string[]) => {
  const [links, setLinks] = useState(noLinks);
  // The route takes so many ids at a time; a longer typed list draws its first ones.
  const ids = linkIds.slice(0, roadLinksPerRequest).join(',');
  useEffect(() => {
    if (ids === '') {
      setLinks(noLinks);
      return;
    }
    const controller = new AbortController();
    getJson<RoadLinkShapes>(
      `/api/network/roads/links?${networkQuery(roadNetwork)}ids=${encodeURIComponent(ids)}`,
      controller.signal,
    )
      .then((answer) => setLinks(answer.links))
      .catch(() => {
        if (!controller.signal.aborted) setLinks(noLinks);
      });
    return () => controller.abort();
  }, [roadNetwork, ids]);
  return links;
};

/** The road networks in the store, the active one marked, with a way to read them again after a choice. */
export const useRoadNetworks = () => {
  const [networks, setNetworks] = useState<RoadNetworkSummary[]>([]);
  const reload = useCallback(() => {
    fetch('/api/network/roads', { headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (response.ok) setNetworks((await response.json()) as RoadNetworkSummary[]);
      })
      .catch(() => setNetworks([]));
  }, []);
  useEffect(reload, [reload]);
  return { networks, reload };
};

export const makeNetworkActive = (name: string) =>
  sendJson<RoadNetworkSummary>('PUT', '/api/network/roads/active', { body: { name } });

export const saveScenario = (input: ScenarioInput, id?: string) =>
  id === undefined
    ? sendJson<Scenario>('POST', '/api/network/scenarios', { body: input })
    : sendJson<Scenario>('PUT', `/api/network/scenarios/${encodeURIComponent(id)}`, { body: input });

export const removeScenario = (id: string) =>
  sendJson<{ deleted: true }>('DELETE', `/api/network/scenarios/${encodeURIComponent(id)}`);

export const compareScenarios = (ids: string[]): Promise<ScenarioComparison> =>
  getJson<ScenarioComparison>(`/api/network/compare?ids=${ids.map(encodeURIComponent).join(',')}`);

export const startOptimisation = (body: object) =>
  sendJson<OptimisationJob>('POST', '/api/network/optimisations', { body });

export const readOptimisation = (id: string): Promise<OptimisationJob> =>
  getJson<OptimisationJob>(`/api/network/optimisations/${encodeURIComponent(id)}`);

export const cancelOptimisation = (id: string) =>
  sendJson<OptimisationJob>('DELETE', `/api/network/optimisations/${encodeURIComponent(id)}`);
