import type { RoadNetwork } from './road-network.js';
import { RoadNetworkBuilder } from './road-network.js';

/** A small deterministic generator (mulberry32), so synthetic networks are the same on every run. */
const random = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/**
 * A road network shaped like a rural-to-urban region, for benchmarks and tests: a jittered grid with
 * about 200 m spacing where every 120th line is a trunk road, every 40th primary, every 10th secondary
 * and the rest residential; a few percent of the local links are missing, as on real street grids.
 */
export const syntheticRoadNetwork = (options: {
  columns: number;
  rows: number;
  seed?: number;
}): RoadNetwork => {
  const { columns, rows } = options;
  const next = random(options.seed ?? 1);
  const spacing = 200;
  const builder = new RoadNetworkBuilder();
  const x0 = 300_000;
  const y0 = 6_800_000;
  const xs = new Float64Array(columns * rows);
  const ys = new Float64Array(columns * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const x = x0 + c * spacing + (next() - 0.5) * 80;
      const y = y0 + r * spacing + (next() - 0.5) * 80;
      const v = builder.addNode(x, y);
      xs[v] = x;
      ys[v] = y;
    }
  }
  const classOf = (line: number) =>
    line % 120 === 0 ? 'trunk' : line % 40 === 0 ? 'primary' : line % 10 === 0 ? 'secondary' : 'residential';
  const link = (from: number, to: number, roadClass: string) => {
    const length = Math.hypot(
      (xs[to] as number) - (xs[from] as number),
      (ys[to] as number) - (ys[from] as number),
    );
    // Curves make roads longer than the straight line between junctions.
    builder.addEdge({ from, to, lengthMetres: Math.round(length * (1.05 + next() * 0.2)), roadClass });
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const v = r * columns + c;
      const rowClass = classOf(r);
      const columnClass = classOf(c);
      if (c + 1 < columns && (rowClass !== 'residential' || next() > 0.04)) link(v, v + 1, rowClass);
      if (r + 1 < rows && (columnClass !== 'residential' || next() > 0.04)) link(v, v + columns, columnClass);
    }
  }
  return builder.finish();
};
