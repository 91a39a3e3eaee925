/** The parts of a JSON-stat 2.0 dataset the merge reads and writes; anything else is kept from the first part. */
export interface JsonStatDataset {
  id: string[];
  size: number[];
  dimension: Record<
    string,
    {
      label?: string;
      category: { index?: string[] | Record<string, number>; label?: Record<string, string> };
    } & Record<string, unknown>
  >;
  value: (number | null)[] | Record<string, number | null>;
  status?: Record<string, string> | string[] | string;
  [key: string]: unknown;
}

export const isJsonStatDataset = (value: unknown): value is JsonStatDataset =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as JsonStatDataset).id) &&
  Array.isArray((value as JsonStatDataset).size) &&
  typeof (value as JsonStatDataset).dimension === 'object' &&
  'value' in value;

const codesOf = (dataset: JsonStatDataset, id: string): string[] => {
  const index = dataset.dimension[id]?.category.index;
  if (Array.isArray(index)) return index;
  if (index)
    return Object.entries(index)
      .sort(([, a], [, b]) => a - b)
      .map(([code]) => code);
  return Object.keys(dataset.dimension[id]?.category.label ?? {});
};

/**
 * Joins the answers to a split query back into one dataset: each dimension's categories in the order
 * the parts first give them, each value at its place. The parts must have the same dimensions.
 */
export const mergeDatasets = (parts: JsonStatDataset[]): JsonStatDataset => {
  const [first] = parts;
  if (!first) throw new Error('nothing to merge');
  if (parts.length === 1) return first;
  const ids = first.id;
  for (const part of parts)
    if (part.id.join('\u0000') !== ids.join('\u0000'))
      throw new Error(`the answers have different dimensions: ${ids.join(', ')} and ${part.id.join(', ')}`);
  const codes = ids.map((id) => {
    const seen = new Set<string>();
    for (const part of parts) for (const code of codesOf(part, id)) seen.add(code);
    return [...seen];
  });
  const positions = codes.map((list) => new Map(list.map((code, i) => [code, i])));
  const size = codes.map((list) => list.length);
  const total = size.reduce((a, b) => a * b, 1);
  const value: (number | null)[] = new Array<number | null>(total).fill(null);
  const status: Record<string, string> = {};
  for (const part of parts) {
    const partCodes = ids.map((id) => codesOf(part, id));
    const partTotal = part.size.reduce((a, b) => a * b, 1);
    for (let i = 0; i < partTotal; i++) {
      let rest = i;
      let at = 0;
      let stride = 1;
      for (let d = ids.length - 1; d >= 0; d--) {
        const n = part.size[d] ?? 1;
        const code = partCodes[d]?.[rest % n] ?? '';
        rest = Math.floor(rest / n);
        at += (positions[d]?.get(code) ?? 0) * stride;
        stride *= size[d] ?? 1;
      }
      const v = Array.isArray(part.value) ? part.value[i] : part.value[String(i)];
      value[at] = v ?? null;
      const s = part.status;
      const mark = typeof s === 'string' ? s : Array.isArray(s) ? s[i] : s?.[String(i)];
      if (mark !== undefined) status[String(at)] = mark;
    }
  }
  const dimension = Object.fromEntries(
    ids.map((id, d) => {
      const labels: Record<string, string> = {};
      for (const part of parts) Object.assign(labels, part.dimension[id]?.category.label ?? {});
      const base = first.dimension[id] ?? { category: {} };
      return [
        id,
        {
          ...base,
          category: {
            ...base.category,
            index: Object.fromEntries((codes[d] ?? []).map((code, i) => [code, i])),
            label: Object.fromEntries((codes[d] ?? []).map((code) => [code, labels[code] ?? code])),
          },
        },
      ];
    }),
  );
  const { status: _dropped, ...rest } = first;
  return { ...rest, size, dimension, value, ...(Object.keys(status).length > 0 && { status }) };
};
