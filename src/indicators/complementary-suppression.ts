import { isSmallCount } from '../model/index.js';

/** A published total and the published cells that sum to it. */
export interface LinearGroup {
  total: number;
  parts: readonly number[];
}

export interface SuppressionTable {
  /** Each cell's figure (the count that is protected); cells are referred to by index. */
  values: readonly number[];
  /** Every published relation: a total equals the sum of its parts (rows, columns, hierarchy levels). */
  groups: readonly LinearGroup[];
  /** Cells withheld on their own; by default those with small counts. */
  primary?: readonly boolean[];
  /**
   * Cells that are published elsewhere (the margins another request serves without this table's
   * pattern): never chosen as complementary partners, since withholding them here would hide nothing.
   * They are still withheld when primary.
   */
  fixed?: readonly boolean[];
  /**
   * Margins: withheld as partners only when no other member of a group can be (a margin withheld here is
   * withheld by its own table too, which faces the same group).
   */
  margin?: readonly boolean[];
  /**
   * Cells to withhold besides the primary ones, without making them primary: partners an outside audit
   * (the linear-programme attack) has added. Complementary suppression starts from these.
   */
  withheld?: readonly boolean[];
}

/**
 * Primary and complementary suppression over a table of linked totals. Returns which cells to withhold.
 *
 * 1. Primary: small counts (1–4), or whatever `primary` says.
 * 2. Complementary, to a fixed point: a group (a total with its parts) with exactly one withheld member
 *    would give it away by subtraction, so the next smallest member is withheld too — the smallest
 *    non-zero one, since a withheld zero is pinned by the bounds (no count is below zero); parts
 *    before the total; margins only when
 *    nothing else will do; never a `fixed` cell, which is published elsewhere anyway. Withholding a cell
 *    re-examines every group it belongs to, across all dimensions and hierarchy levels.
 * 3. The rule above cannot see combinations of equations: a withheld cell may still be solvable from
 *    several groups together (a "bridge" between two otherwise protected patterns). The withheld cells'
 *    system of group equations is therefore reduced (Gauss–Jordan, per connected component); any cell
 *    it determines gets one more partner withheld, and steps 2–3 repeat until no cell is determined.
 *
 * 4. Bounds: a reader also knows that no count is negative and, as zeros are published, that a withheld
 *    count is at least 1. Row (1, 1, 50) with total 52 and both 1s withheld gives each 1 exactly: the
 *    two sum to 2 and neither is below 1. `feasibleIntervals` narrows every withheld cell by those
 *    bounds through all groups; a cell whose interval breaks the protection rule (`protectionWidth`)
 *    gets a partner too, and steps 2–4 repeat.
 *
 * The mask only grows, so this ends. It is a heuristic, not a minimal-loss optimum (which is NP-hard).
 * Propagated intervals contain the exact ones, so a pattern can pass here and still be too narrow in
 * exact terms; `auditedSuppression` (src/indicators/suppression-audit.ts) checks with linear
 * programmes and adds partners until the exact intervals pass too.
 */
export const complementarySuppression = (table: SuppressionTable): boolean[] => {
  const { values, groups } = table;
  const primary = values.map((v, i) => table.primary?.[i] ?? isSmallCount(v));
  const mask = primary.map((p, i) => p || (table.withheld?.[i] ?? false));
  const groupsOf: number[][] = values.map(() => []);
  groups.forEach((g, gi) => {
    for (const cell of membersOf(g)) groupsOf[cell]?.push(gi);
  });

  const candidateIn = (g: LinearGroup): number | undefined => {
    let best: number | undefined;
    let bestKey: number[] | undefined;
    for (const cell of membersOf(g)) {
      if (mask[cell] || table.fixed?.[cell]) continue;
      const key = candidateKey(values, cell, { margin: table.margin, isTotal: cell === g.total });
      if (!bestKey || compareKeys(key, bestKey) < 0) {
        best = cell;
        bestKey = key;
      }
    }
    return best;
  };

  /**
   * The best partner in the groups of `cell`; failing that (every other member withheld, zero or fixed),
   * in the groups of those groups' members, and so on outwards. A margin is taken only when no ring
   * within reach offers a cell of this table: the margins are the figures every request publishes (a
   * chain's county totals per step), and withholding one for a cell its own breakdown can protect
   * hides a large figure for nothing.
   */
  const nearestPartner = (cell: number): number | undefined => {
    const seenGroups = new Set<number>();
    const seenCells = new Set<number>([cell]);
    let frontier = [cell];
    let marginPartner: number | undefined;
    for (let depth = 0; depth < partnerSearchDepth && frontier.length > 0; depth++) {
      const options: number[] = [];
      const next: number[] = [];
      for (const c of frontier)
        for (const gi of groupsOf[c] ?? []) {
          if (seenGroups.has(gi)) continue;
          seenGroups.add(gi);
          const g = groups[gi] as LinearGroup;
          const option = candidateIn(g);
          if (option !== undefined) options.push(option);
          for (const member of membersOf(g))
            if (!seenCells.has(member)) {
              seenCells.add(member);
              next.push(member);
            }
        }
      const best = options.sort((a, b) =>
        compareKeys(
          candidateKey(values, a, { margin: table.margin }),
          candidateKey(values, b, { margin: table.margin }),
        ),
      )[0];
      if (best !== undefined && !table.margin?.[best]) return best;
      marginPartner ??= best;
      frontier = next;
    }
    return marginPartner;
  };

  const withhold = (cell: number, queue: number[]) => {
    mask[cell] = true;
    for (const gi of groupsOf[cell] ?? []) queue.push(gi);
  };

  const fixedPoint = (queue: number[]) => {
    while (queue.length > 0) {
      const gi = queue.pop() as number;
      const g = groups[gi];
      if (!g) continue;
      const withheld = membersOf(g).filter((c) => mask[c]).length;
      if (withheld !== 1) continue;
      const partner = candidateIn(g);
      if (partner !== undefined) withhold(partner, queue);
    }
  };

  fixedPoint(groups.map((_, gi) => gi));
  for (;;) {
    const determined = [
      ...new Set([
        ...determinedCells(mask, groups, groupsOf),
        ...underProtected(values, groups, { mask, primary }),
      ]),
    ];
    if (determined.length === 0) break;
    // One more partner per determined cell in a round: a few more cells withheld than strictly needed,
    // in exchange for few rounds of elimination on large tables.
    let progressed = false;
    const queue: number[] = [];
    for (const cell of determined) {
      const partner = nearestPartner(cell);
      if (partner === undefined) continue;
      withhold(partner, queue);
      progressed = true;
    }
    fixedPoint(queue);
    // Every group of every determined cell is already wholly withheld: nothing left to withhold there.
    if (!progressed) break;
  }
  return mask;
};

const membersOf = (g: LinearGroup): number[] => [...g.parts, g.total];

/** How many rings of groups around a determined cell are searched for a partner. */
const partnerSearchDepth = 3;

/**
 * Components of withheld cells larger than this are not reduced: elimination there costs more than a
 * request may take (cubic in the component). The one-withheld-per-group rule and bound propagation
 * (linear per round) still hold for them, so a cell pinned by one group and the bounds is still caught;
 * one fixed only by a combination of many groups in such a component is not (large grid-cell tables).
 */
export const largestEliminatedComponent = 400;

/**
 * Partners in order of preference: non-zero before zero (a withheld zero is easily pinned by the bounds,
 * as no count is below zero), cells of this table before margins, smaller before larger, parts before
 * totals.
 */
const candidateKey = (
  values: readonly number[],
  cell: number,
  { margin, isTotal = false }: { margin: readonly boolean[] | undefined; isTotal?: boolean },
): number[] => {
  const v = values[cell] ?? 0;
  return [v > 0 ? 0 : 1, margin?.[cell] ? 1 : 0, v, isTotal ? 1 : 0, cell];
};

const compareKeys = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/**
 * The withheld cells whose value the published figures fix exactly: unknowns of the linear system
 * "each group's withheld parts minus its withheld total equals a published number". A cell is fixed
 * when, in the reduced row-echelon form, its pivot row has no other unknown.
 */
export const determinedCells = (
  mask: readonly boolean[],
  groups: readonly LinearGroup[],
  groupsOf?: readonly (readonly number[])[],
): number[] => {
  const byCell =
    groupsOf ??
    (() => {
      const lists: number[][] = mask.map(() => []);
      groups.forEach((g, gi) => {
        for (const cell of membersOf(g)) lists[cell]?.push(gi);
      });
      return lists;
    })();
  const seenGroup = new Set<number>();
  const seenCell = new Set<number>();
  const determined: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seenCell.has(start)) continue;
    // One connected component of withheld cells linked by shared groups.
    const equations: Map<number, number>[] = [];
    const before = seenCell.size;
    const stack = [start];
    seenCell.add(start);
    while (stack.length > 0) {
      const cell = stack.pop() as number;
      for (const gi of byCell[cell] ?? []) {
        if (seenGroup.has(gi)) continue;
        seenGroup.add(gi);
        const g = groups[gi] as LinearGroup;
        const row = new Map<number, number>();
        for (const part of g.parts) if (mask[part]) row.set(part, (row.get(part) ?? 0) + 1);
        if (mask[g.total]) row.set(g.total, (row.get(g.total) ?? 0) - 1);
        for (const [c, coefficient] of row) {
          if (coefficient === 0) row.delete(c);
          else if (!seenCell.has(c)) {
            seenCell.add(c);
            stack.push(c);
          }
        }
        if (row.size > 0) equations.push(row);
      }
    }
    if (seenCell.size - before <= largestEliminatedComponent) determined.push(...fixedUnknowns(equations));
  }
  return determined.sort((a, b) => a - b);
};

const epsilon = 1e-9;

/** Gauss–Jordan over sparse rows; returns the unknowns whose reduced row mentions no other unknown. */
const fixedUnknowns = (equations: Map<number, number>[]): number[] => {
  const pivots = new Map<number, Map<number, number>>();
  for (const equation of equations) {
    const row = new Map(equation);
    for (const [column, pivotRow] of pivots) {
      const factor = row.get(column);
      if (factor !== undefined) subtract(row, pivotRow, factor);
    }
    let pivot: number | undefined;
    let largest = 0;
    for (const [column, coefficient] of row) {
      if (Math.abs(coefficient) > largest + epsilon) {
        largest = Math.abs(coefficient);
        pivot = column;
      }
    }
    if (pivot === undefined) continue;
    const scale = row.get(pivot) as number;
    for (const [column, coefficient] of row) row.set(column, coefficient / scale);
    for (const other of pivots.values()) {
      const factor = other.get(pivot);
      if (factor !== undefined) subtract(other, row, factor);
    }
    pivots.set(pivot, row);
  }
  const fixed: number[] = [];
  for (const [column, row] of pivots) if (row.size === 1) fixed.push(column);
  return fixed;
};

const subtract = (row: Map<number, number>, pivotRow: ReadonlyMap<number, number>, factor: number) => {
  for (const [column, coefficient] of pivotRow) {
    const next = (row.get(column) ?? 0) - factor * coefficient;
    if (Math.abs(next) < epsilon) row.delete(column);
    else row.set(column, next);
  }
};

/**
 * The protection rule a withheld cell's feasible interval must meet: the interval a reader can work out
 * from every published figure, every published relation and the bounds (a withheld count is at least 1,
 * a withheld zero at least 0) must hold at least `protectionWidth(primary) + 1` whole numbers.
 *
 * - Any withheld count: width 1, i.e. not pinned to a single number (a withheld zero may be: it
 *   describes nobody). A complementary cell is usually not
 *   sensitive itself, but one that is pinned can be subtracted back out of its groups.
 * - A primary cell (a count of 1–4): width 2, i.e. at least three whole numbers. The handbook practice
 *   for tables (Hundepool et al., Statistical Disclosure Control, on protection intervals and
 *   "protection levels") is that suppression has done its job only when the interval an intruder can
 *   compute around a sensitive cell is wide enough, with the width set by the data owner; Statistics
 *   Finland's and THL's guidance sets the threshold (counts under 5) and requires that withheld figures
 *   cannot be worked back from totals, but names no width for counts. Two neighbouring values ("1 or 2")
 *   is nearly a recovered count, so a small count must be left at least three-way ambiguous. A stricter
 *   rule, the upper end reaching 5 (so that a reader cannot even tell the cell is small), cannot be met
 *   when a total published by another request has only small parts (e.g. 4 + 1 + 1 = 6), which is why it
 *   is not the rule.
 */
export const protectionWidth = (primary: boolean): number => (primary ? 2 : 1);

/** Whether a withheld cell's feasible interval meets the protection rule (with a rounding allowance). */
export const isProtectedInterval = (interval: { min: number; max: number }, primary: boolean): boolean =>
  interval.max - interval.min >= protectionWidth(primary) - 1e-6;

/**
 * The lower bound a reader may assume for a withheld cell: 1 for a count (zeros are published, so a
 * withheld figure is not zero), 0 for a withheld zero. Zeros are withheld only as a last resort, so a
 * real reader would assume 1 for every withheld cell and be wrong about those; granting the reader the
 * true zeros makes the check stricter, not looser.
 */
export const withheldLowerBound = (value: number): number => (value > 0 ? 1 : 0);

/** Rounds of bound propagation; each round is linear in the table, and the intervals are sound at any round. */
const propagationRounds = 60;

/**
 * Each withheld cell's feasible interval as far as interval propagation finds it: every group's equation
 * bounds each withheld member by the others' bounds, repeated until nothing narrows. The true (linear
 * programme) interval lies inside this one, so a cell this finds too narrow is too narrow; the converse
 * does not hold in general, which is what the recovery attack test checks with HiGHS. Published cells
 * have their own value as both ends.
 */
export const feasibleIntervals = (
  values: readonly number[],
  groups: readonly LinearGroup[],
  mask: readonly boolean[],
): { min: number[]; max: number[] } => {
  const min = values.map((v, i) => (mask[i] ? withheldLowerBound(v) : v));
  const max = values.map((v, i) => (mask[i] ? Number.POSITIVE_INFINITY : v));
  const live = groups.filter((g) => mask[g.total] || g.parts.some((c) => mask[c]));
  for (let round = 0; round < propagationRounds; round++) {
    let changed = false;
    const narrow = (cell: number, lo: number, hi: number) => {
      if (lo > (min[cell] as number) + 1e-9) {
        min[cell] = lo;
        changed = true;
      }
      if (hi < (max[cell] as number) - 1e-9) {
        max[cell] = hi;
        changed = true;
      }
    };
    for (const g of live) {
      let partsMin = 0;
      let partsMax = 0;
      for (const c of g.parts) {
        partsMin += min[c] as number;
        partsMax += max[c] as number;
      }
      const totalMin = min[g.total] as number;
      const totalMax = max[g.total] as number;
      if (mask[g.total]) narrow(g.total, partsMin, partsMax);
      for (const c of g.parts) {
        if (!mask[c]) continue;
        const othersMin = partsMin - (min[c] as number);
        // The others' maximum is infinite when any other part is unbounded.
        const othersMax = Number.isFinite(partsMax) ? partsMax - (max[c] as number) : othersMaxOf(g, c, max);
        narrow(c, totalMin - othersMax, totalMax - othersMin);
      }
    }
    if (!changed) break;
  }
  return { min, max };
};

const othersMaxOf = (g: LinearGroup, cell: number, max: readonly number[]): number => {
  let sum = 0;
  for (const c of g.parts) if (c !== cell) sum += max[c] as number;
  return sum;
};

/** Withheld cells whose propagated interval breaks the protection rule. */
export const underProtected = (
  values: readonly number[],
  groups: readonly LinearGroup[],
  {
    mask,
    primary,
  }: {
    mask: readonly boolean[];
    primary: readonly boolean[];
  },
): number[] => {
  const { min, max } = feasibleIntervals(values, groups, mask);
  const cells: number[] = [];
  mask.forEach((m, i) => {
    // A withheld zero pinned to 0 tells of nobody; what it might give away about its neighbours shows in
    // their own intervals.
    if (
      m &&
      (values[i] ?? 0) !== 0 &&
      !isProtectedInterval({ min: min[i] as number, max: max[i] as number }, primary[i] ?? false)
    )
      cells.push(i);
  });
  return cells;
};
