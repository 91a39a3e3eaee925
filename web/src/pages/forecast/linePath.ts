export interface Point {
  x: number;
  y: number;
}

/** An SVG path through the points; a missing point breaks the line rather than bridging the gap. */
export const linePath = (points: readonly (Point | null)[]): string => {
  let path = '';
  let previous: Point | null = null;
  for (const point of points) {
    if (point) path += `${previous ? 'L' : 'M'}${round(point.x)},${round(point.y)}`;
    previous = point;
  }
  return path;
};

const round = (value: number): number => Math.round(value * 10) / 10;
