import { type IndicatorPeriodType, isSmallCount } from '../model/index.js';
import { complementarySuppression, type LinearGroup } from './complementary-suppression.js';

/** One computed cell of an indicator table, before disclosure control. */
export interface TableCell {
  period: string;
  areaCode: string;
  parentCode: string | null;
  /** The breakdown categories joined, or "*" for the area's total over the breakdown. */
  category: string;
  /** The protected count (the numerator). */
  count: number;
  /** A second protected count (a share's denominator of events), withheld by the same mask. */
  secondary?: number;
}

export const totalCategory = '*';

/** The calendar period a month or quarter key sums into; undefined for years and rolling periods. */
const periodParent = (type: IndicatorPeriodType, key: string): string | undefined => {
  if (type === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    if (m) return `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}`;
  }
  if (type === 'month' || type === 'quarter') {
    const q = /^(\d{4})-Q\d$/.exec(key);
    if (q) return q[1];
  }
  return undefined;
};

/**
 * Which cells of an indicator table to withhold. Anyone can ask for the same indicator at the parent
 * level (the county is the sum of its municipalities, a municipality of its grid cells), for a longer
 * period (a year is the sum of its quarters, a quarter of its months) and without the breakdown (the
 * area's total), so the table is protected as a cube with all those margins published: every combination
 * of area node (area or parent), period node (period, quarter, year) and category (or total) is a cell,
 * and each margin is a linear group. The margins themselves are not returned, only taken into account.
 */
export const suppressTable = (cells: readonly TableCell[], type: IndicatorPeriodType): boolean[] => {
  const cube = suppressionCube(cells, type);
  return cells.map((_, i) => cube.mask[i] ?? false);
};

/** The whole cube behind `suppressTable`: the cells first (same indices), then the margins. */
export interface SuppressionCube {
  /** Period, area node and category of each cell, joined. */
  keys: string[];
  values: number[];
  groups: LinearGroup[];
  mask: boolean[];
  /** What the pattern was built from: primary cells, cells another request publishes, and margins. */
  primary: boolean[];
  fixed: boolean[];
  margin: boolean[];
}

export const suppressionCube = (cells: readonly TableCell[], type: IndicatorPeriodType): SuppressionCube => {
  if (cells.length === 0)
    return { keys: [], values: [], groups: [], mask: [], primary: [], fixed: [], margin: [] };
  const leafIndex = new Map<string, number>();
  const key = (p: string, a: string, c: string) => `${p}\u0000${a}\u0000${c}`;
  cells.forEach((cell, i) => {
    leafIndex.set(key(cell.period, cell.areaCode, cell.category), i);
  });

  const categories = [...new Set(cells.map((c) => c.category).filter((c) => c !== totalCategory))];
  const withTotal = categories.length > 0 ? [...categories, totalCategory] : [totalCategory];

  // Area nodes per period: the leaves and their parents (parent codes marked so they cannot clash).
  const areasOf = new Map<string, Map<string, string | null>>();
  for (const cell of cells) {
    const areas = areasOf.get(cell.period) ?? new Map<string, string | null>();
    areasOf.set(cell.period, areas);
    areas.set(cell.areaCode, cell.parentCode === null ? null : `^${cell.parentCode}`);
  }
  const periodChildren = new Map<string, string[]>();
  const addPeriodChild = (parent: string, child: string) => {
    const list = periodChildren.get(parent) ?? [];
    if (!list.includes(child)) list.push(child);
    periodChildren.set(parent, list);
  };
  const leafPeriods = [...areasOf.keys()];
  for (const p of leafPeriods) {
    const q = periodParent(type, p);
    if (q === undefined) continue;
    addPeriodChild(q, p);
    const y = periodParent(type, q);
    if (y !== undefined) addPeriodChild(y, q);
  }
  const leafAreasOf = (p: string): Map<string, string | null> => {
    const known = areasOf.get(p);
    if (known) return known;
    const union = new Map<string, string | null>();
    for (const child of periodChildren.get(p) ?? [])
      for (const [a, parent] of leafAreasOf(child)) union.set(a, parent);
    areasOf.set(p, union);
    return union;
  };
  const allPeriods = [...leafPeriods, ...periodChildren.keys()];

  // Values of every node of the cube, leaves from the cells and margins as sums.
  const values: number[] = [];
  const secondary: number[] = [];
  const primary: boolean[] = [];
  const index = new Map<string, number>();
  const parentsOf = (p: string): string[] => [
    ...new Set([...leafAreasOf(p).values()].filter((x): x is string => x !== null)),
  ];
  // The parents' own parent: whatever the parents sum to (the county's country, the municipalities'
  // county), so that a parent withheld by its own request is withheld here too.
  const root = '^^';
  const childAreas = (p: string, parentNode: string): string[] =>
    parentNode === root
      ? parentsOf(p)
      : [...leafAreasOf(p)].filter(([, parent]) => parent === parentNode).map(([a]) => a);
  const nodeValue = (p: string, a: string, c: string): [number, number, boolean] => {
    const k = key(p, a, c);
    const existing = index.get(k);
    if (existing !== undefined)
      return [values[existing] ?? 0, secondary[existing] ?? 0, primary[existing] ?? false];
    let v = 0;
    let s = 0;
    let small = false;
    const leaf = leafIndex.get(k);
    if (leaf !== undefined) {
      const cell = cells[leaf] as TableCell;
      v = cell.count;
      s = cell.secondary ?? 0;
    } else if (periodChildren.has(p)) {
      for (const child of periodChildren.get(p) ?? []) {
        if (!a.startsWith('^') && !leafAreasOf(child).has(a)) continue;
        const [cv, cs, cp] = nodeValue(child, a, c);
        v += cv;
        s += cs;
        small ||= cp && periodChildren.get(p)?.length === 1;
      }
    } else if (a.startsWith('^')) {
      for (const child of childAreas(p, a)) {
        const [cv, cs] = nodeValue(p, child, c);
        v += cv;
        s += cs;
      }
    }
    small ||= isSmallCount(v) || isSmallCount(s);
    const i = values.length;
    values.push(v);
    secondary.push(s);
    primary.push(small);
    index.set(k, i);
    return [v, s, small];
  };
  const cellOf = (p: string, a: string, c: string): number => {
    nodeValue(p, a, c);
    return index.get(key(p, a, c)) as number;
  };
  // Leaves first, so that their indices are the cells' own.
  for (const cell of cells) cellOf(cell.period, cell.areaCode, cell.category);

  const groups: LinearGroup[] = [];
  for (const p of allPeriods) {
    const leaves = leafAreasOf(p);
    const parents = parentsOf(p);
    if (parents.length > 1) parents.push(root);
    const areaNodes = [...leaves.keys(), ...parents];
    if (categories.length > 0)
      for (const a of areaNodes)
        groups.push({ total: cellOf(p, a, totalCategory), parts: categories.map((c) => cellOf(p, a, c)) });
    for (const parent of parents)
      for (const c of withTotal)
        groups.push({
          total: cellOf(p, parent, c),
          parts: childAreas(p, parent).map((a) => cellOf(p, a, c)),
        });
  }
  for (const [p, children] of periodChildren) {
    const leaves = leafAreasOf(p);
    const parents = parentsOf(p);
    if (parents.length > 1) parents.push(root);
    for (const a of [...leaves.keys(), ...parents])
      for (const c of withTotal) {
        const parts = children
          .filter((child) => a.startsWith('^') || leafAreasOf(child).has(a))
          .map((child) => cellOf(child, a, c));
        groups.push({ total: cellOf(p, a, c), parts });
      }
  }
  // Each area's total over the breakdown is what the same request without the breakdown serves: it keeps
  // that request's pattern and is never chosen here. Margins (parents, longer periods) are what coarser
  // requests serve: withheld when small, and as partners only when no cell of this table will do.
  const totals =
    categories.length > 0
      ? suppressionCube(
          cells.filter((c) => c.category === totalCategory),
          type,
        )
      : undefined;
  const totalsMask = new Map(totals?.keys.map((k, i) => [k, totals.mask[i] ?? false]));
  const fixed: boolean[] = [];
  const margin: boolean[] = [];
  for (const [k, i] of index) {
    const isTotal = totals !== undefined && k.endsWith(`\u0000${totalCategory}`);
    fixed[i] = isTotal;
    margin[i] = i >= cells.length;
    if (isTotal) primary[i] = totalsMask.get(k) ?? primary[i] ?? false;
  }
  const mask = complementarySuppression({ values, groups, primary, fixed, margin });
  const keys: string[] = [];
  for (const [k, i] of index) keys[i] = k;
  return { keys, values, groups, mask, primary, fixed, margin };
};
