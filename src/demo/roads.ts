import type { Geography } from './geography.js';
import { cellAt } from './grid.js';
import { hashUnit } from './random.js';

/**
 * The county's road network, drawn on a 250 m lattice so that roads meet exactly where they cross:
 * trunk roads from the main centre to the towns, primary roads joining every municipal centre into one
 * network (a minimum spanning tree), secondary roads to each rural centre's nearest other centre, a
 * street grid in every centre (tertiary main streets through the town hall, residential streets around
 * it) and unclassified country roads every 2 km on land. Each lattice point is shifted a
 * little by a hash of its position, so roads wind without losing their junctions.
 */
export interface DemoRoad {
  highway: 'trunk' | 'primary' | 'secondary' | 'tertiary' | 'residential' | 'unclassified';
  /** EPSG:3067 metres. */
  coordinates: [number, number][];
}

const step = 250;
const countryRoadEvery = 8;
const streetRadiusKm = { centre: 4, town: 2.5, suburb: 2, rural: 1 } as const;

type Vertex = readonly [number, number];

const lattice = (x: number, y: number): Vertex => [Math.round(x / step), Math.round(y / step)];

/** Lattice vertices from a to b in king's moves, bending through a waypoint pushed sideways. */
const latticePath = (
  seed: number,
  { from: a, to: b, salt }: { from: Vertex; to: Vertex; salt: number },
): Vertex[] => {
  const [ax, ay] = a;
  const [bx, by] = b;
  const bend = (hashUnit(seed, 71, salt) - 0.5) * 0.3;
  const mid: Vertex = [
    Math.round((ax + bx) / 2 - (by - ay) * bend),
    Math.round((ay + by) / 2 + (bx - ax) * bend),
  ];
  const walk = (from: Vertex, to: Vertex): Vertex[] => {
    const path: Vertex[] = [];
    let [x, y] = from;
    while (x !== to[0] || y !== to[1]) {
      const dx = to[0] - x;
      const dy = to[1] - y;
      // Step diagonally while both differences are comparable, else straight along the longer one.
      const diagonal =
        Math.abs(dx) > 0 &&
        Math.abs(dy) > 0 &&
        Math.min(Math.abs(dx), Math.abs(dy)) * 2 >= Math.max(Math.abs(dx), Math.abs(dy)) * 0.5;
      if (diagonal || Math.abs(dx) >= Math.abs(dy)) x += Math.sign(dx);
      if (diagonal || Math.abs(dy) > Math.abs(dx)) y += Math.sign(dy);
      path.push([x, y]);
    }
    return path;
  };
  return [a, ...walk(a, mid), ...walk(mid, b)];
};

const spanningTree = (points: readonly { x: number; y: number }[]): [number, number][] => {
  const inTree = [0];
  const edges: [number, number][] = [];
  while (inTree.length < points.length) {
    let best: [number, number] | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const i of inTree) {
      points.forEach((p, j) => {
        if (inTree.includes(j)) return;
        const q = points[i] as { x: number; y: number };
        const d = Math.hypot(p.x - q.x, p.y - q.y);
        if (d < bestDistance) {
          bestDistance = d;
          best = [i, j];
        }
      });
    }
    if (!best) break;
    edges.push(best);
    inTree.push(best[1]);
  }
  return edges;
};

export const demoRoads = (seed: number, geography: Geography): DemoRoad[] => {
  const { territory, settlement } = geography;
  const window = territory.window;
  // The original municipalities only: the merged one shares its predecessors' seats' places.
  const municipalities = geography.municipalities.filter((m) => m.territories.length === 1);
  const seats = municipalities.map((m) => lattice(m.seat.x, m.seat.y));
  const roads: DemoRoad[] = [];
  const jitter = ([i, j]: Vertex): [number, number] => [
    Math.round(i * step + (hashUnit(seed, 72, i, j) - 0.5) * 90),
    Math.round(j * step + (hashUnit(seed, 73, i, j) - 0.5) * 90),
  ];
  const add = (highway: DemoRoad['highway'], path: readonly Vertex[]) => {
    if (path.length >= 2) roads.push({ highway, coordinates: path.map(jitter) });
  };
  const land = ([i, j]: Vertex): boolean => {
    const cell = cellAt(window, i * step, j * step);
    return cell >= 0 && territory.inCounty[cell] === 1 && settlement.lake[cell] === 0;
  };

  // Between centres.
  const centre = municipalities.findIndex((m) => m.kind === 'centre');
  const linked = new Set<string>();
  const link = (a: number, b: number, highway: DemoRoad['highway']) => {
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (linked.has(key)) return;
    linked.add(key);
    add(highway, latticePath(seed, { from: seats[a] as Vertex, to: seats[b] as Vertex, salt: a * 100 + b }));
  };
  municipalities.forEach((m, i) => {
    if (m.kind === 'town' && centre >= 0) link(centre, i, 'trunk');
  });
  for (const [a, b] of spanningTree(municipalities.map((m) => m.seat))) link(a, b, 'primary');
  municipalities.forEach((m, i) => {
    if (m.kind !== 'rural') return;
    const others = municipalities
      .map((o, j) => ({ j, d: Math.hypot(o.seat.x - m.seat.x, o.seat.y - m.seat.y) }))
      .filter((o) => o.j !== i)
      .sort((p, q) => p.d - q.d);
    for (const other of others.slice(0, 2)) link(i, other.j, 'secondary');
  });

  // Streets: a grid around each town hall, cut where it meets water.
  municipalities.forEach((m, index) => {
    const [si, sj] = seats[index] as Vertex;
    const reach = Math.round((streetRadiusKm[m.kind] * 1000) / step);
    const inside = (i: number, j: number) => (i - si) ** 2 + (j - sj) ** 2 <= reach * reach && land([i, j]);
    for (const horizontal of [true, false]) {
      for (let offset = -reach; offset <= reach; offset++) {
        const highway = offset === 0 ? 'tertiary' : 'residential';
        let run: Vertex[] = [];
        for (let along = -reach; along <= reach + 1; along++) {
          const vertex: Vertex = horizontal ? [si + along, sj + offset] : [si + offset, sj + along];
          if (along <= reach && (inside(vertex[0], vertex[1]) || (offset === 0 && along === 0)))
            run.push(vertex);
          else {
            add(highway, run);
            run = [];
          }
        }
      }
    }
  });

  // Country and forest roads every 2 km on land.
  const west = Math.ceil((window.westKm * 1000) / step / countryRoadEvery) * countryRoadEvery;
  const south = Math.ceil((window.southKm * 1000) / step / countryRoadEvery) * countryRoadEvery;
  const east = ((window.westKm + window.width) * 1000) / step;
  const north = ((window.southKm + window.height) * 1000) / step;
  for (const horizontal of [true, false]) {
    for (
      let line = horizontal ? south : west;
      line <= (horizontal ? north : east);
      line += countryRoadEvery
    ) {
      let run: Vertex[] = [];
      for (let along = horizontal ? west : south; along <= (horizontal ? east : north) + 1; along++) {
        const vertex: Vertex = horizontal ? [along, line] : [line, along];
        if (land(vertex)) run.push(vertex);
        else {
          add('unclassified', run);
          run = [];
        }
      }
    }
  }
  return roads;
};

/** The roads as a GeoJSON FeatureCollection in EPSG:3067, as a county's GIS would export them. */
export const roadsGeojson = (roads: readonly DemoRoad[]): string =>
  `${JSON.stringify({
    type: 'FeatureCollection',
    name: 'tiestö',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3067' } },
    features: roads.map((road) => ({
      type: 'Feature',
      properties: { highway: road.highway },
      geometry: { type: 'LineString', coordinates: road.coordinates },
    })),
  })}\n`;
