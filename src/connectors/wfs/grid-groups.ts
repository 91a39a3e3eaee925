/**
 * The population figures a 1 km grid cell of Statistics Finland's grid layer (vaestoruutu:vakiYYYY_1km)
 * carries beside its total: men, women and three age groups. Statistics Finland hides the breakdown of a
 * cell with few residents by writing -1: that is kept as suppressed, never as a number.
 */
export interface GridGroupColumn {
  /** The property of the layer's features. */
  column: string;
  sex: 'total' | 'male' | 'female';
  ageFrom: number;
  /** The last age of the group; null for an open group (65 and over) and for all ages. */
  ageTo: number | null;
}

export const gridGroupColumns: readonly GridGroupColumn[] = [
  { column: 'vaesto', sex: 'total', ageFrom: 0, ageTo: null },
  { column: 'miehet', sex: 'male', ageFrom: 0, ageTo: null },
  { column: 'naiset', sex: 'female', ageFrom: 0, ageTo: null },
  { column: 'ika_0_14', sex: 'total', ageFrom: 0, ageTo: 14 },
  { column: 'ika_15_64', sex: 'total', ageFrom: 15, ageTo: 64 },
  { column: 'ika_65_', sex: 'total', ageFrom: 65, ageTo: null },
];

/** Statistics Finland's mark for a figure withheld because the cell has too few residents. */
export const suppressedMark = -1;

export interface GridGroupRow {
  code: string;
  year: number;
  sex: GridGroupColumn['sex'];
  ageFrom: number;
  ageTo: number | null;
  /** The count; null when Statistics Finland withheld it. */
  count: number | null;
  suppressed: boolean;
  /** The feature's place in the answer, from 1. */
  line: number;
}

export interface GridGroupReject {
  line: number;
  column: string;
  value: string;
  reason: 'missing' | 'notACount';
}

export interface GridGroups {
  rows: GridGroupRow[];
  rejects: GridGroupReject[];
}

const countOf = (value: unknown): number | 'suppressed' | 'missing' | 'notACount' => {
  if (value === null || value === undefined || value === '') return 'missing';
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (typeof value === 'string' && !/^-?\d+$/.test(value.trim())) return 'notACount';
  if (n === suppressedMark) return 'suppressed';
  return Number.isSafeInteger(n) && n >= 0 ? n : 'notACount';
};

/**
 * Every figure of every cell as a row, or as a reject with its reason (a figure that is missing or is
 * not a count). Each cell and column gives exactly one of the two. Pure.
 */
export const gridGroups = (
  features: readonly { properties: Record<string, unknown> | null }[],
  year: number,
  codeOf: (properties: Record<string, unknown>) => string,
): GridGroups => {
  const rows: GridGroupRow[] = [];
  const rejects: GridGroupReject[] = [];
  features.forEach((feature, index) => {
    const p = feature.properties ?? {};
    const line = index + 1;
    const code = codeOf(p);
    for (const group of gridGroupColumns) {
      const value = p[group.column];
      const count = countOf(value);
      if (count === 'missing' || count === 'notACount') {
        rejects.push({
          line,
          column: group.column,
          value: value === undefined || value === null ? '' : String(value),
          reason: count,
        });
        continue;
      }
      rows.push({
        code,
        year,
        sex: group.sex,
        ageFrom: group.ageFrom,
        ageTo: group.ageTo,
        count: count === 'suppressed' ? null : count,
        suppressed: count === 'suppressed',
        line,
      });
    }
  });
  return { rows, rejects };
};
