/**
 * A road network as imported, before any travel profile is applied: junction nodes in EPSG:3067 and
 * the road edges between them with their length, highway class and direction. Speeds are applied
 * later (build-graph.ts), so a county can change its speeds without importing the roads again.
 */
export interface RoadNetwork {
  readonly nodeX: Float64Array;
  readonly nodeY: Float64Array;
  readonly edgeFrom: Uint32Array;
  readonly edgeTo: Uint32Array;
  readonly edgeLengthMetres: Float64Array;
  /** Index into classNames. */
  readonly edgeClass: Uint8Array;
  /** 0: both ways; 1: only from → to; -1: only to → from (for cars; walking ignores it). */
  readonly edgeOneway: Int8Array;
  /** The way's own speed limit in km/h, 0 when it has none. */
  readonly edgeMaxSpeedKmh: Float32Array;
  readonly classNames: readonly string[];
  /** What a network of identified links (Digiroad) keeps per edge beyond that; absent for OSM. */
  readonly links?: EdgeLinks;
}

/**
 * Per edge: the link it is (or is a part of), its winter speed limit (0: none, the summer limit holds)
 * and a ferry's crossing time (0: none given). Variants close links by id and re-weight by season.
 */
export interface EdgeLinks {
  readonly id: readonly string[];
  readonly winterSpeedKmh: Float32Array;
  readonly crossingSeconds: Float64Array;
}

export type Oneway = -1 | 0 | 1;

export interface RoadEdgeInput {
  from: number;
  to: number;
  lengthMetres: number;
  roadClass: string;
  oneway?: Oneway;
  maxSpeedKmh?: number;
}

const grow = <T extends Float64Array | Uint32Array | Uint8Array | Int8Array | Float32Array>(
  array: T,
  needed: number,
): T => {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
};

/** Collects nodes and edges into growing typed arrays; `finish()` trims them into a RoadNetwork. */
export class RoadNetworkBuilder {
  #nodeCount = 0;
  #edgeCount = 0;
  #nodeX = new Float64Array(1024);
  #nodeY = new Float64Array(1024);
  #from = new Uint32Array(1024);
  #to = new Uint32Array(1024);
  #length = new Float64Array(1024);
  #class = new Uint8Array(1024);
  #oneway = new Int8Array(1024);
  #maxSpeed = new Float32Array(1024);
  #classIndex = new Map<string, number>();
  #classNames: string[] = [];

  get nodeCount(): number {
    return this.#nodeCount;
  }

  get edgeCount(): number {
    return this.#edgeCount;
  }

  addNode(x: number, y: number): number {
    const i = this.#nodeCount++;
    this.#nodeX = grow(this.#nodeX, i + 1);
    this.#nodeY = grow(this.#nodeY, i + 1);
    this.#nodeX[i] = x;
    this.#nodeY[i] = y;
    return i;
  }

  addEdge(edge: RoadEdgeInput): void {
    if (edge.from === edge.to) return;
    let klass = this.#classIndex.get(edge.roadClass);
    if (klass === undefined) {
      if (this.#classNames.length === 255) throw new Error('more than 255 road classes');
      klass = this.#classNames.length;
      this.#classNames.push(edge.roadClass);
      this.#classIndex.set(edge.roadClass, klass);
    }
    const i = this.#edgeCount++;
    this.#from = grow(this.#from, i + 1);
    this.#to = grow(this.#to, i + 1);
    this.#length = grow(this.#length, i + 1);
    this.#class = grow(this.#class, i + 1);
    this.#oneway = grow(this.#oneway, i + 1);
    this.#maxSpeed = grow(this.#maxSpeed, i + 1);
    this.#from[i] = edge.from;
    this.#to[i] = edge.to;
    this.#length[i] = edge.lengthMetres;
    this.#class[i] = klass;
    this.#oneway[i] = edge.oneway ?? 0;
    this.#maxSpeed[i] = edge.maxSpeedKmh ?? 0;
  }

  finish(): RoadNetwork {
    const n = this.#nodeCount;
    const m = this.#edgeCount;
    return {
      nodeX: this.#nodeX.slice(0, n),
      nodeY: this.#nodeY.slice(0, n),
      edgeFrom: this.#from.slice(0, m),
      edgeTo: this.#to.slice(0, m),
      edgeLengthMetres: this.#length.slice(0, m),
      edgeClass: this.#class.slice(0, m),
      edgeOneway: this.#oneway.slice(0, m),
      edgeMaxSpeedKmh: this.#maxSpeed.slice(0, m),
      classNames: [...this.#classNames],
    };
  }
}
