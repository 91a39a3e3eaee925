/**
 * The union of equal, aligned grid squares as polygons: outer rings counter-clockwise, holes clockwise,
 * each hole under the outer ring around it. Squares that touch only at a corner stay separate polygons,
 * so every ring is simple, as GIS tools expect.
 */

/** A square by its column and row: its south-west corner is (column × size, row × size). */
export interface GridSquare {
  column: number;
  row: number;
}

export type Ring = [number, number][];
/** One polygon: its outer ring, then its holes; coordinates in the grid's units (column × size). */
export type Polygon = Ring[];

const key = (column: number, row: number) => `${column},${row}`;

/** Directions in counter-clockwise order: east, north, west, south. */
const steps: readonly [number, number][] = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
];

interface Edge {
  from: [number, number];
  direction: number;
  used: boolean;
}

/** Boundary edges with the filled side on their left, indexed by their start vertex. */
const boundaryEdges = (squares: readonly GridSquare[]): Map<string, Edge[]> => {
  const filled = new Set(squares.map((s) => key(s.column, s.row)));
  const edges = new Map<string, Edge[]>();
  const add = (x: number, y: number, direction: number) => {
    const at = key(x, y);
    const list = edges.get(at) ?? [];
    list.push({ from: [x, y], direction, used: false });
    edges.set(at, list);
  };
  for (const { column: c, row: r } of squares) {
    if (!filled.has(key(c, r - 1))) add(c, r, 0);
    if (!filled.has(key(c + 1, r))) add(c + 1, r, 1);
    if (!filled.has(key(c, r + 1))) add(c + 1, r + 1, 2);
    if (!filled.has(key(c - 1, r))) add(c, r + 1, 3);
  }
  return edges;
};

/** Follows unused edges into closed rings, turning left where two leave one vertex. */
const traceRings = (edges: Map<string, Edge[]>): Ring[] => {
  const rings: Ring[] = [];
  for (const list of edges.values()) {
    for (const start of list) {
      if (start.used) continue;
      const ring: Ring = [];
      let edge: Edge | undefined = start;
      while (edge && !edge.used) {
        edge.used = true;
        ring.push(edge.from);
        const [dx, dy] = steps[edge.direction] as [number, number];
        const next: Edge[] = edges.get(key(edge.from[0] + dx, edge.from[1] + dy)) ?? [];
        const incoming: number = edge.direction;
        // Left turn first, then straight on, then right: keeps corner-touching squares apart.
        edge = [1, 0, 3]
          .map((turn) => next.find((e) => !e.used && e.direction === (incoming + turn) % 4))
          .find((e) => e !== undefined);
      }
      ring.push([...(ring[0] as [number, number])]);
      rings.push(withoutStraightVertices(ring));
    }
  }
  return rings;
};

/** Drops vertices where the ring goes straight on; the ring stays closed. */
const withoutStraightVertices = (ring: Ring): Ring => {
  const open = ring.slice(0, -1);
  const kept = open.filter((point, i) => {
    const before = open[(i - 1 + open.length) % open.length] as [number, number];
    const after = open[(i + 1) % open.length] as [number, number];
    return (
      (point[0] - before[0]) * (after[1] - point[1]) - (point[1] - before[1]) * (after[0] - point[0]) !== 0
    );
  });
  return [...kept, [...(kept[0] as [number, number])]];
};

export const signedArea = (ring: Ring): number => {
  let area = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    area += x1 * y2 - x2 * y1;
  }
  return area / 2;
};

const contains = (ring: Ring, [x, y]: [number, number]): boolean => {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

/** The squares' union as polygons, in grid units; scale and shift the coordinates to place them. */
export const dissolveSquares = (squares: readonly GridSquare[]): Polygon[] => {
  const rings = traceRings(boundaryEdges(squares));
  const outers = rings.filter((r) => signedArea(r) > 0).map((ring): Polygon => [ring]);
  for (const hole of rings.filter((r) => signedArea(r) < 0)) {
    // The filled side of a hole's first edge is on its left: the middle of the square there.
    const [x1, y1] = hole[0] as [number, number];
    const [x2, y2] = hole[1] as [number, number];
    const dx = Math.sign(x2 - x1);
    const dy = Math.sign(y2 - y1);
    const probe: [number, number] = [x1 + dx * 0.5 - dy * 0.5, y1 + dy * 0.5 + dx * 0.5];
    outers.find((polygon) => contains(polygon[0] as Ring, probe))?.push(hole);
  }
  return outers;
};
