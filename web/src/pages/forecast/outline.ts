import { linePath, type Point } from './linePath.js';

/**
 * The outline of another year's bars on one side of the pyramid, as a stepped line: up the end of each
 * bar and across to the next. A missing figure breaks the line. `rowBottom(i)` is row i's lower edge, and
 * rows run upwards from i = 0.
 */
export const outlinePath = (
  values: readonly (number | null)[],
  {
    xOf,
    rowBottom,
    rowHeight,
  }: { xOf: (value: number) => number; rowBottom: (index: number) => number; rowHeight: number },
): string => {
  const points: (Point | null)[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      points.push(null);
      return;
    }
    const x = xOf(value);
    points.push({ x, y: rowBottom(index) }, { x, y: rowBottom(index) - rowHeight });
  });
  return linePath(points);
};
