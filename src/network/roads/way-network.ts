import type { TravelPoint } from '../../model/index.js';
import { type RoadNetwork, RoadNetworkBuilder } from '../graph/road-network.js';
import { isClosed, maxSpeedOf, onewayOf, type Tags } from './highway-tags.js';

/**
 * Turns OSM-style data (nodes with ids and coordinates, ways listing node ids with tags) into a road
 * network: only highway ways of a kept class; each way is split at nodes shared with another way (the
 * junctions) and at its ends, and the pieces between junctions become edges whose length follows
 * every intermediate node. Nodes may arrive in any order relative to the ways.
 */
export class WayNetworkCollector {
  #nodeIds = new Float64Array(1 << 16);
  #nodeA = new Float64Array(1 << 16);
  #nodeB = new Float64Array(1 << 16);
  #nodeCount = 0;
  #sorted = true;
  #refs: number[] = [];
  #wayStart: number[] = [0];
  #wayClass: string[] = [];
  #wayOneway: (-1 | 0 | 1)[] = [];
  #wayMaxSpeed: number[] = [];

  /** @param keep highway classes to keep (those any profile uses). */
  constructor(readonly keep: ReadonlySet<string>) {}

  get wayCount(): number {
    return this.#wayClass.length;
  }

  /** A node in source coordinates (a, b): longitude and latitude for OSM. */
  node(id: number, a: number, b: number): void {
    if (this.#nodeCount === this.#nodeIds.length) {
      const grow = (array: Float64Array) => {
        const bigger = new Float64Array(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.#nodeIds = grow(this.#nodeIds);
      this.#nodeA = grow(this.#nodeA);
      this.#nodeB = grow(this.#nodeB);
    }
    const i = this.#nodeCount++;
    if (i > 0 && id <= (this.#nodeIds[i - 1] as number)) this.#sorted = false;
    this.#nodeIds[i] = id;
    this.#nodeA[i] = a;
    this.#nodeB[i] = b;
  }

  way(refs: readonly number[], tags: Tags): void {
    const highway = tags.highway;
    if (!highway || !this.keep.has(highway) || isClosed(tags) || refs.length < 2) return;
    for (const ref of refs) this.#refs.push(ref);
    this.#wayStart.push(this.#refs.length);
    this.#wayClass.push(highway);
    this.#wayOneway.push(onewayOf(tags));
    this.#wayMaxSpeed.push(maxSpeedOf(tags));
  }

  /** Index of each node id in the node arrays, -1 when the source did not include that node. */
  #lookup(): (id: number) => number {
    const n = this.#nodeCount;
    let order: Uint32Array | undefined;
    if (!this.#sorted) {
      const ids = this.#nodeIds;
      order = Uint32Array.from({ length: n }, (_, i) => i).sort(
        (a, b) => (ids[a] as number) - (ids[b] as number),
      );
    }
    const ids = this.#nodeIds;
    const at = (k: number) => (order ? (order[k] as number) : k);
    return (id) => {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const value = ids[at(mid)] as number;
        if (value === id) return at(mid);
        if (value < id) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    };
  }

  /** @param project source coordinates → EPSG:3067 metres. */
  finish(project: (a: number, b: number) => TravelPoint): RoadNetwork {
    const lookup = this.#lookup();
    const refIndex = Int32Array.from(this.#refs, lookup);
    // How many times each node is used; 2 or more (or a way's end) makes it a junction.
    const uses = new Uint16Array(this.#nodeCount);
    for (const i of refIndex) if (i >= 0 && (uses[i] as number) < 65535) uses[i] = (uses[i] as number) + 1;
    const projected = new Map<number, TravelPoint>();
    const position = (i: number) => {
      let p = projected.get(i);
      if (!p) {
        p = project(this.#nodeA[i] as number, this.#nodeB[i] as number);
        projected.set(i, p);
      }
      return p;
    };
    const builder = new RoadNetworkBuilder();
    const junction = new Map<number, number>();
    const junctionOf = (i: number) => {
      let j = junction.get(i);
      if (j === undefined) {
        const p = position(i);
        j = builder.addNode(p.x, p.y);
        junction.set(i, j);
      }
      return j;
    };
    for (let w = 0; w < this.#wayClass.length; w++) {
      const start = this.#wayStart[w] as number;
      const end = this.#wayStart[w + 1] as number;
      let from = -1;
      let length = 0;
      let previous = -1;
      for (let k = start; k < end; k++) {
        const i = refIndex[k] as number;
        if (i < 0) {
          // A node outside the extract: the way is cut there.
          from = -1;
          previous = -1;
          continue;
        }
        if (previous >= 0) {
          const a = position(previous);
          const b = position(i);
          length += Math.hypot(b.x - a.x, b.y - a.y);
        }
        previous = i;
        const isJunction = k === start || k === end - 1 || (uses[i] as number) > 1 || from < 0;
        if (!isJunction) continue;
        const node = junctionOf(i);
        if (from >= 0 && node !== from) {
          builder.addEdge({
            from,
            to: node,
            lengthMetres: length,
            roadClass: this.#wayClass[w] as string,
            oneway: this.#wayOneway[w],
            maxSpeedKmh: this.#wayMaxSpeed[w],
          });
        }
        from = node;
        length = 0;
      }
    }
    return builder.finish();
  }
}
