import highsModule from 'highs';
import { withheldLowerBound } from './complementary-suppression.js';

// The package's declarations describe a CommonJS default export while its ES module build exports the
// loader itself as default, which is what Node loads here.
type Loader = (typeof highsModule)['default'];
const loadHighs = highsModule as unknown as Loader;
let solver: ReturnType<Loader> | undefined;

/** A relation the attacker knows: the total cell equals the sum of the part cells. */
export interface KnownRelation {
  total: number;
  parts: readonly number[];
}

export interface AttackResult {
  /** Withheld cells the attacker pinned to one whole number, with that number. */
  pinned: { cell: number; value: number }[];
  /** Each withheld cell's feasible range. */
  ranges: Map<number, { min: number; max: number }>;
}

/**
 * Plays the attacker against a published table: every published figure is known, every withheld one
 * (null) is an unknown ≥ `lowerBound` (one number for all, or one per cell: `attackerLowerBounds`), and
 * each relation (total = sum of parts) is an equation. For every
 * unknown the attacker solves two linear programmes, minimising and maximising it; if no more than one
 * whole number lies between the two, the cell is recovered. This covers solving the equations outright
 * as well as narrowing bounds, which is all a reader of the published tables can do.
 */
export const attackTable = async (
  published: readonly (number | null)[],
  relations: readonly KnownRelation[],
  lowerBound: number | readonly number[] = 0,
): Promise<AttackResult> => {
  solver ??= loadHighs();
  const highs = await solver;
  const unknowns = published.map((v, i) => (v === null ? i : -1)).filter((i) => i >= 0);
  const constraints: string[] = [];
  relations.forEach((r, k) => {
    const terms = new Map<number, number>();
    let constant = 0;
    const add = (cell: number, sign: number) => {
      const v = published[cell];
      if (v === null || v === undefined) terms.set(cell, (terms.get(cell) ?? 0) + sign);
      else constant += sign * v;
    };
    for (const p of r.parts) add(p, 1);
    add(r.total, -1);
    const used = [...terms].filter(([, c]) => c !== 0);
    if (used.length === 0) return;
    const lhs = used.map(([cell, c]) => `${c < 0 ? '-' : '+'} ${Math.abs(c)} x${cell}`).join(' ');
    constraints.push(` c${k}: ${lhs} = ${-constant}`);
  });
  const boundOf = (cell: number) => (typeof lowerBound === 'number' ? lowerBound : (lowerBound[cell] ?? 0));
  const bounds = unknowns.map((u) => ` x${u} >= ${boundOf(u)}`);
  const ranges = new Map<number, { min: number; max: number }>();
  const pinned: AttackResult['pinned'] = [];
  for (const u of unknowns) {
    const solve = (sense: 'Minimize' | 'Maximize') => {
      const lp = [
        sense,
        ` obj: x${u}`,
        'Subject To',
        ...(constraints.length ? constraints : [` c_none: x${u} >= ${boundOf(u)}`]),
        'Bounds',
        ...bounds,
        'End',
      ].join('\n');
      const result = highs.solve(lp, { presolve: 'on' });
      if (result.Status === 'Unbounded')
        return sense === 'Minimize' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      if (result.Status !== 'Optimal') throw new Error(`attack LP ${result.Status}`);
      return result.ObjectiveValue;
    };
    const min = solve('Minimize');
    const max = solve('Maximize');
    ranges.set(u, { min, max });
    if (Math.floor(max + 1e-6) <= Math.ceil(min - 1e-6)) pinned.push({ cell: u, value: Math.round(min) });
  }
  return { pinned, ranges };
};

/**
 * The bounds a realistic reader works with: zeros are always published, so every withheld count is at
 * least 1. The true zeros among the withheld cells (partners of last resort) get 0, which grants the
 * reader knowledge of which ones they are — stricter than reality (see `withheldLowerBound`).
 */
export const attackerLowerBounds = (values: readonly number[]): number[] => values.map(withheldLowerBound);
