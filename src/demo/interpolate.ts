/** Piecewise-linear interpolation through [x, y] anchors sorted by x, held flat beyond the ends. */
export const interpolate = (anchors: readonly (readonly [number, number])[], x: number): number => {
  const first = anchors[0];
  if (!first) return 0;
  if (x <= first[0]) return first[1];
  for (let i = 1; i < anchors.length; i++) {
    const [x1, y1] = anchors[i] ?? first;
    if (x <= x1) {
      const [x0, y0] = anchors[i - 1] ?? first;
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return anchors[anchors.length - 1]?.[1] ?? 0;
};

/** The anchors evaluated at every integer from 0 to `last`. */
export const tabulate = (anchors: readonly (readonly [number, number])[], last: number): Float64Array =>
  Float64Array.from({ length: last + 1 }, (_, x) => interpolate(anchors, x));
