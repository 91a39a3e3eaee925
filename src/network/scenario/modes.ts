import {
  type ScenarioChange,
  type TransitChoice,
  TravelMode,
  type TravelModeComparison,
} from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { modeFigures } from '../access/index.js';
import { type EvaluatorSpec, evaluatorFor } from './service.js';
import { transitUnavailable } from './transit-travel.js';

export interface ModeRequest {
  spec: Omit<EvaluatorSpec, 'mode'> & { transit?: TransitChoice | undefined };
  serviceClass: string;
  changes: readonly ScenarioChange[];
  thresholds: readonly number[];
}

/**
 * Access to one service class under the changes by every mode, one after another (each mode's
 * evaluator is kept for later requests). Undefined when the store has no such class. A mode that
 * cannot be computed here (public transport without a timetable) is listed with the reason.
 */
export const compareModes = async (
  store: Store,
  { spec, serviceClass, changes, thresholds }: ModeRequest,
): Promise<TravelModeComparison | undefined> => {
  const modes: TravelModeComparison['modes'] = [];
  let maxTravelMinutes = 0;
  for (const mode of TravelMode.options) {
    let evaluator: Awaited<ReturnType<typeof evaluatorFor>>;
    try {
      evaluator = await evaluatorFor(store, { ...spec, mode });
    } catch (error) {
      const unavailable = transitUnavailable(error);
      if (!unavailable) throw error;
      modes.push({
        mode,
        unavailable,
        within: thresholds.map((minutes) => ({ minutes, share: null })),
        medianMinutes: null,
        unreachableShare: null,
        travel: null,
      });
      continue;
    }
    if (!evaluator.data.classes.some((c) => c.serviceClass.code === serviceClass)) return undefined;
    maxTravelMinutes = evaluator.maxTravelMinutes;
    const { minutes, travel } = await evaluator.access(changes, serviceClass);
    modes.push({
      mode,
      unavailable: null,
      ...modeFigures(minutes, evaluator.data.cells.total, thresholds),
      travel,
    });
  }
  return { serviceClass, thresholds: [...thresholds], maxTravelMinutes, modes };
};
