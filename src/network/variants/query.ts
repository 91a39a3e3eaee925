import type { ContractionHierarchy } from '../graph/contraction.js';
import { UpwardSearch } from '../matrix/rphast.js';

/**
 * Point-to-point time over a contraction hierarchy: an upward search from the origin over the upward
 * arcs and one from the destination over the downward arcs meet at the highest node of the shortest
 * path. For checks and small queries; matrices go through the matrix module's sweeps.
 */
export const hierarchyDistance = (hierarchy: ContractionHierarchy, from: number, to: number): number => {
  const forward = new UpwardSearch(hierarchy.nodeCount);
  const backward = new UpwardSearch(hierarchy.nodeCount);
  forward.run(hierarchy.upward, from);
  backward.run(hierarchy.downward, to);
  let best = Number.POSITIVE_INFINITY;
  for (const v of forward.touched) {
    const total = (forward.label[v] as number) + (backward.label[v] as number);
    if (total < best) best = total;
  }
  return best;
};
