import { type IndicatorPeriodType, isSmallCount } from '../model/index.js';
import {
  complementarySuppression,
  isProtectedInterval,
  type LinearGroup,
  type SuppressionTable,
} from './complementary-suppression.js';
import { attackerLowerBounds, attackTable } from './recovery-attack.js';
import { suppressionCube, type TableCell } from './suppression.js';

/**
 * Above this many withheld cells the linear-programme audit is skipped: it solves two programmes per
 * withheld cell. Grid-cell tables rely on `complementarySuppression` alone (elimination plus bound
 * propagation), whose intervals contain the exact ones, so what it passes may still be narrower in
 * exact terms; on the random tables of the tests it has not been.
 */
export const largestAuditedPattern = 300;

export interface AuditedSuppression {
  mask: boolean[];
  /** Whether the exact audit ran (false when the pattern was larger than `largestAuditedPattern`). */
  audited: boolean;
  /** Withheld cells still breaking the protection rule: every cell that could protect them is fixed. */
  exposed: number[];
}

/**
 * Complementary suppression checked by the attacker's own method: after the pattern is built, every
 * withheld cell is minimised and maximised by HiGHS subject to all published figures and the bounds
 * (`attackerLowerBounds`); a cell whose interval breaks the protection rule gets the smallest non-zero
 * published member of one of its groups withheld as well (a margin or zero only when nothing else will
 * do), the pattern is completed again, and the audit repeats until it passes.
 */
export const auditedSuppression = async (table: SuppressionTable): Promise<AuditedSuppression> => {
  const { values, groups } = table;
  const primary = values.map((v, i) => table.primary?.[i] ?? isSmallCount(v));
  let mask = complementarySuppression(table);
  for (;;) {
    if (mask.filter(Boolean).length > largestAuditedPattern) return { mask, audited: false, exposed: [] };
    const exposed = await exposedCells(values, groups, { mask, primary });
    if (exposed.length === 0) return { mask, audited: true, exposed };
    const withheld = [...mask];
    let added = false;
    for (const cell of exposed) {
      const partner = partnerFor(table, mask, cell);
      if (partner === undefined || withheld[partner]) continue;
      withheld[partner] = true;
      added = true;
    }
    if (!added) return { mask, audited: true, exposed };
    mask = complementarySuppression({ ...table, withheld });
  }
};

/** Withheld cells whose exact feasible interval breaks the protection rule. */
export const exposedCells = async (
  values: readonly number[],
  groups: readonly LinearGroup[],
  {
    mask,
    primary,
  }: {
    mask: readonly boolean[];
    primary: readonly boolean[];
  },
): Promise<number[]> => {
  const published = values.map((v, i) => (mask[i] ? null : v));
  const { ranges } = await attackTable(published, groups, attackerLowerBounds(values));
  return (
    [...ranges]
      // A withheld zero pinned to 0 tells of nobody (see `underProtected`).
      .filter(([cell, range]) => values[cell] !== 0 && !isProtectedInterval(range, primary[cell] ?? false))
      .map(([cell]) => cell)
  );
};

/**
 * The smallest non-zero published member of the groups of `cell`; when every member there is withheld
 * or published elsewhere, of the groups of those groups' members, and so on outwards a few rings. A
 * margin only when no ring within reach offers a cell of this table, as in `complementarySuppression`.
 */
const partnerFor = (table: SuppressionTable, mask: readonly boolean[], cell: number): number | undefined => {
  const seenGroups = new Set<number>();
  const seenCells = new Set<number>([cell]);
  let frontier = [cell];
  let marginPartner: number | undefined;
  for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
    let best: number | undefined;
    let bestKey: number[] | undefined;
    const next: number[] = [];
    table.groups.forEach((g, gi) => {
      if (seenGroups.has(gi)) return;
      const members = [...g.parts, g.total];
      if (!members.some((m) => frontier.includes(m))) return;
      seenGroups.add(gi);
      for (const m of members) {
        if (!seenCells.has(m)) {
          seenCells.add(m);
          next.push(m);
        }
        if (mask[m] || table.fixed?.[m]) continue;
        const v = table.values[m] ?? 0;
        const key = [v > 0 ? 0 : 1, table.margin?.[m] ? 1 : 0, v, m];
        if (!bestKey || compare(key, bestKey) < 0) {
          best = m;
          bestKey = key;
        }
      }
    });
    if (best !== undefined && !table.margin?.[best]) return best;
    marginPartner ??= best;
    frontier = next;
  }
  return marginPartner;
};

const compare = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/**
 * `suppressTable` with the exact audit on top, for callers that can wait for HiGHS (exports, reports).
 * The areas' totals over the breakdown keep the pattern their own request gives them (that request does
 * not run the audit), so the audit adds partners only among the breakdown's cells and the margins.
 */
export const auditedSuppressTable = async (
  cells: readonly TableCell[],
  type: IndicatorPeriodType,
): Promise<AuditedSuppression> => {
  const cube = suppressionCube(cells, type);
  const { values, groups, primary, fixed, margin } = cube;
  const result = await auditedSuppression({ values, groups, primary, fixed, margin });
  return { ...result, mask: cells.map((_, i) => result.mask[i] ?? false) };
};
