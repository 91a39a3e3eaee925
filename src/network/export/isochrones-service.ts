import type { ScenarioChange } from '../../model/index.js';
import { applyChanges } from '../scenario/apply.js';
import type { Evaluator } from '../scenario/evaluate.js';
import { type Isochrone, isochrones } from './isochrones.js';

/**
 * The isochrones of the units that offer a class in person under the changes (or of those asked for),
 * from each unit's travel-time column over the populated cells. Undefined for a class the data lacks.
 */
export const isochronesOf = async (
  evaluator: Evaluator,
  input: {
    serviceClass: string;
    changes: readonly ScenarioChange[];
    bands: readonly number[];
    units?: readonly string[] | undefined;
    unsuppressed: boolean;
  },
): Promise<Isochrone[] | undefined> => {
  const { data } = evaluator;
  if (!data.classes.some((c) => c.serviceClass.code === input.serviceClass)) return undefined;
  const wanted = input.units && new Set(input.units);
  const units = applyChanges(data.units, input.changes, data.classes).units.filter(
    (u) =>
      u.open &&
      u.inPerson &&
      u.serviceClasses.includes(input.serviceClass) &&
      (!wanted || wanted.has(u.code)),
  );
  const columns = await evaluator.columns(units.map((u) => ({ x: u.x, y: u.y })));
  return isochrones({
    cells: data.cells,
    units,
    columns,
    bands: input.bands,
    unsuppressed: input.unsuppressed,
  });
};
