/** The assignment state the repair works on (the assigner's, see `capacitated-assigner.ts`). */
export interface AssignmentState {
  readonly n: number;
  readonly m: number;
  readonly cost: Float64Array;
  readonly demands: Float64Array;
  readonly capacities: Float64Array;
  readonly assignment: Int32Array;
  readonly load: Float64Array;
}

/**
 * Repairs an assignment that puts more demand on some open sites than they hold: steepest descent on the
 * total overload (the demand above capacity, summed over sites) by shifting one demand to another open
 * site or swapping two demands between sites, ties broken by the smaller increase in cost. Every move
 * lowers the overload, so the descent ends; true when it reaches none. Works in place on the assigner.
 */
export const repairOverload = (
  assigner: AssignmentState,
  sites: Int32Array,
  stop: () => boolean,
): boolean => {
  const { n, m, cost, demands, load, capacities, assignment } = assigner;
  const over = (k: number, change: number) =>
    Math.max(0, (load[k] as number) + change - (capacities[k] as number) - 1e-9);
  const members: number[] = [];
  for (let round = 0; ; round++) {
    if ((round & 7) === 7 && stop()) return false;
    let worst = 0;
    for (const k of sites) worst = Math.max(worst, over(k, 0));
    if (worst === 0) return true;
    let bestDelta = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    let move: { i: number; b: number; j: number } | null = null;
    const consider = (delta: number, costDelta: number, i: number, b: number, j: number) => {
      // Only moves that lower the overload count; among those, the largest drop, then the cheapest.
      if (delta >= -1e-9) return;
      if (delta < bestDelta - 1e-9 || (delta <= bestDelta + 1e-9 && costDelta < bestCost)) {
        bestDelta = delta;
        bestCost = costDelta;
        move = { i, b, j };
      }
    };
    for (const a of sites) {
      const before = over(a, 0);
      if (before === 0) continue;
      members.length = 0;
      for (let i = 0; i < n; i++) if (assignment[i] === a) members.push(i);
      for (const i of members) {
        const qi = demands[i] as number;
        const ci = cost[i * m + a] as number;
        const relief = over(a, -qi) - before;
        for (const b of sites) {
          if (b === a) continue;
          // Shift i to b.
          consider(relief + over(b, qi) - over(b, 0), (cost[i * m + b] as number) - ci, i, b, -1);
        }
        // Swap i with a smaller demand j elsewhere.
        for (let j = 0; j < n; j++) {
          const b = assignment[j] as number;
          const qj = demands[j] as number;
          if (b === a || qj >= qi) continue;
          const delta = over(a, qj - qi) - before + over(b, qi - qj) - over(b, 0);
          if (delta > bestDelta + 1e-9) continue;
          consider(
            delta,
            (cost[i * m + b] as number) - ci + (cost[j * m + a] as number) - (cost[j * m + b] as number),
            i,
            b,
            j,
          );
        }
      }
    }
    if (move === null) return false;
    const { i, b, j } = move as { i: number; b: number; j: number };
    const a = assignment[i] as number;
    const qi = demands[i] as number;
    assignment[i] = b;
    load[a] = (load[a] as number) - qi;
    load[b] = (load[b] as number) + qi;
    if (j >= 0) {
      const qj = demands[j] as number;
      assignment[j] = a;
      load[b] = (load[b] as number) - qj;
      load[a] = (load[a] as number) + qj;
    }
  }
};
