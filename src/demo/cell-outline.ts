/**
 * The outline of a union of grid cells as GeoJSON polygon rings: exterior rings counter-clockwise and
 * holes clockwise, as RFC 7946 asks. Every cell side that borders a cell outside the set is an edge,
 * directed so that the set lies on its left; the edges are then chained into rings.
 */

export type Ring = [number, number][];
/** MultiPolygon coordinates: polygons, each an exterior ring followed by its holes. */
export type MultiPolygonRings = Ring[][];

/** Direction codes: east, north, west, south; a left turn adds one. */
const steps: readonly [number, number][] = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
];

/**
 * `cells` are [column, row] pairs; `toPosition` maps a grid corner (column, row) to output
 * coordinates, e.g. EPSG:3067 metres.
 */
export const outlineCells = (
  cells: readonly (readonly [number, number])[],
  toPosition: (column: number, row: number) => [number, number] = (c, r) => [c, r],
): MultiPolygonRings => {
  const key = (column: number, row: number) => `${column},${row}`;
  const members = new Set(cells.map(([c, r]) => key(c, r)));
  // Outgoing edge directions per corner; a corner has at most two, when two cells meet only there.
  const outgoing = new Map<string, number[]>();
  const addEdge = (column: number, row: number, direction: number) => {
    const corner = key(column, row);
    const list = outgoing.get(corner);
    if (list) list.push(direction);
    else outgoing.set(corner, [direction]);
  };
  for (const [c, r] of cells) {
    if (!members.has(key(c, r - 1))) addEdge(c, r, 0);
    if (!members.has(key(c + 1, r))) addEdge(c + 1, r, 1);
    if (!members.has(key(c, r + 1))) addEdge(c + 1, r + 1, 2);
    if (!members.has(key(c - 1, r))) addEdge(c, r + 1, 3);
  }

  const rings: Ring[] = [];
  const cornersInOrder = [...outgoing.keys()].sort(compareCornerKeys);
  for (const startCorner of cornersInOrder) {
    for (;;) {
      const startList = outgoing.get(startCorner);
      if (!startList || startList.length === 0) break;
      rings.push(traceRing(startCorner, outgoing, key));
    }
  }
  return assembleMultiPolygon(rings.map(simplifyRing)).map((polygon) =>
    polygon.map((ring) => ring.map(([c, r]) => toPosition(c, r))),
  );
};

/**
 * Follows edges from a corner until the ring closes. Where two cells touch only at a corner the left
 * turn is taken, which keeps their outlines apart instead of letting a ring cross itself; that rule
 * pairs each incoming edge with one outgoing edge, so the ring closes exactly when the rule would
 * take the edge it started with.
 */
const traceRing = (
  startCorner: string,
  outgoing: Map<string, number[]>,
  key: (column: number, row: number) => string,
): Ring => {
  const [startColumn, startRow] = startCorner.split(',').map(Number) as [number, number];
  const ring: Ring = [[startColumn, startRow]];
  const startList = outgoing.get(startCorner) ?? [];
  const startDirection = startList.shift() ?? 0;
  let column = startColumn;
  let row = startRow;
  let direction = startDirection;
  for (;;) {
    const [dc, dr] = steps[direction] ?? [0, 0];
    column += dc;
    row += dr;
    ring.push([column, row]);
    const corner = key(column, row);
    const list = outgoing.get(corner) ?? [];
    const atStart = corner === startCorner;
    const candidates = atStart ? [...list, startDirection] : list;
    const preferred = [(direction + 1) % 4, direction, (direction + 3) % 4].find((d) =>
      candidates.includes(d),
    );
    if (preferred === undefined) throw new Error('cell outline does not close');
    if (atStart && preferred === startDirection && !list.includes(startDirection)) break;
    list.splice(list.indexOf(preferred), 1);
    direction = preferred;
  }
  return ring;
};

/** Drops corners where the outline runs straight on; the first point is repeated at the end. */
const simplifyRing = (ring: Ring): Ring => {
  const open = ring.slice(0, -1);
  const kept = open.filter((point, i) => {
    const previous = open[(i - 1 + open.length) % open.length] ?? point;
    const next = open[(i + 1) % open.length] ?? point;
    const cross =
      (point[0] - previous[0]) * (next[1] - point[1]) - (point[1] - previous[1]) * (next[0] - point[0]);
    return cross !== 0;
  });
  const first = kept[0];
  return first ? [...kept, first] : kept;
};

export const signedArea = (ring: Ring): number => {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] ?? [0, 0];
    const b = ring[i + 1] ?? [0, 0];
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return twice / 2;
};

/** Even–odd ray casting; only used with points that lie inside a cell, never on an edge. */
const contains = (ring: Ring, x: number, y: number): boolean => {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const a = ring[i] ?? [0, 0];
    const b = ring[j] ?? [0, 0];
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
};

/**
 * Counter-clockwise rings are exteriors; each clockwise ring is a hole of the smallest exterior that
 * holds the cell just inside its first edge.
 */
const assembleMultiPolygon = (rings: Ring[]): MultiPolygonRings => {
  const exteriors = rings
    .filter((ring) => signedArea(ring) > 0)
    .sort((a, b) => signedArea(a) - signedArea(b));
  const polygons: MultiPolygonRings = exteriors.map((ring) => [ring]);
  for (const hole of rings.filter((ring) => signedArea(ring) < 0)) {
    const a = hole[0] ?? [0, 0];
    const b = hole[1] ?? [0, 0];
    // Member cells lie to the left of every edge, a hole's too: take the centre of the first one.
    const ux = Math.sign(b[0] - a[0]);
    const uy = Math.sign(b[1] - a[1]);
    const x = a[0] + 0.5 * ux - 0.5 * uy;
    const y = a[1] + 0.5 * uy + 0.5 * ux;
    const index = exteriors.findIndex((ring) => contains(ring, x, y));
    if (index >= 0) polygons[index]?.push(hole);
  }
  return polygons;
};

const compareCornerKeys = (a: string, b: string): number => {
  const [ac, ar] = a.split(',').map(Number) as [number, number];
  const [bc, br] = b.split(',').map(Number) as [number, number];
  return ar - br || ac - bc;
};
