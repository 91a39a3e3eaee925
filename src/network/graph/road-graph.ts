import { createHash } from 'node:crypto';
import type { RoadSpeeds, TravelProfile } from '../../model/index.js';
import { largestStrongComponent } from './components.js';
import { type Adjacency, toAdjacency } from './csr.js';
import { nodeReach } from './islands.js';
import type { RoadNetwork } from './road-network.js';

/** A routable graph for one travel profile: arc costs in seconds, both directions in CSR. */
export interface RoadGraph {
  readonly kind: 'road';
  readonly profile: TravelProfile;
  readonly nodeCount: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Arcs leaving each node. */
  readonly forward: Adjacency;
  /** Arcs entering each node, reversed: a search over them from d gives every node's time to d. */
  readonly backward: Adjacency;
  /** 1 for nodes of the largest strongly connected component: points snap only to these, so that every snapped pair is connected. */
  readonly snappable: Uint8Array;
  /**
   * Per node, how it reaches the snappable network: 0 by road, 1 only by ferry, 2 not at all (an
   * island without a ferry in the data, a fragment). A point whose nearest node is 2 is reported
   * unreachable, never snapped across the water to a farther node.
   */
  readonly nodeReach: Uint8Array;
  /** Speed from a point to its snapped node, km/h. */
  readonly accessSpeedKmh: number;
  readonly detourFactor: number;
  /** Points farther than this from every snappable node are off the network (see compute.ts). */
  readonly maxSnapMetres: number;
  /** Straight-line speed, km/h (× detourFactor), for trips from or to a point off the network. */
  readonly fallbackSpeedKmh: number;
  /** Hash of the arcs and their costs: equal versions give equal travel times. */
  readonly version: string;
}

/** Cycling where no classes are configured: on the walkable ways, at 15 km/h. */
const bikeOf = (speeds: RoadSpeeds) => speeds.bike ?? { speedKmh: 15, classes: speeds.walk.classes };

/** The speed (km/h) of each highway class for a profile; 0 where the profile may not go. */
const classSpeedOf = (speeds: RoadSpeeds, profile: TravelProfile): ((name: string) => number) => {
  if (profile === 'car') return (name) => speeds.car[name] ?? 0;
  const { speedKmh, classes } = profile === 'walk' ? speeds.walk : bikeOf(speeds);
  const allowed = new Set(classes);
  return (name) => (allowed.has(name) ? speedKmh : 0);
};

const speedOf = (network: RoadNetwork, speeds: RoadSpeeds, profile: TravelProfile): Float64Array => {
  const byClass = Float64Array.from(network.classNames, classSpeedOf(speeds, profile));
  const speed = new Float64Array(network.edgeFrom.length);
  for (let e = 0; e < speed.length; e++) {
    const classSpeed = byClass[network.edgeClass[e] as number] as number;
    const limit = network.edgeMaxSpeedKmh[e] as number;
    // A speed limit slows cars; walkers and cyclists go slower than any limit anyway.
    speed[e] = profile === 'car' && limit > 0 && limit < classSpeed ? limit : classSpeed;
  }
  return speed;
};

/** Applies a travel profile's speeds to a road network; ways the profile does not use are left out. */
export const buildRoadGraph = (
  network: RoadNetwork,
  speeds: RoadSpeeds,
  profile: TravelProfile,
): RoadGraph => {
  const speed = speedOf(network, speeds, profile);
  const edgeCount = network.edgeFrom.length;
  const ferryClass = network.classNames.indexOf('ferry');
  let arcCount = 0;
  for (let e = 0; e < edgeCount; e++) {
    if ((speed[e] as number) <= 0) continue;
    arcCount += profile === 'car' && network.edgeOneway[e] !== 0 ? 1 : 2;
  }
  const tails = new Uint32Array(arcCount);
  const heads = new Uint32Array(arcCount);
  const seconds = new Float64Array(arcCount);
  const ferry = ferryClass >= 0 ? new Uint8Array(arcCount) : undefined;
  let a = 0;
  for (let e = 0; e < edgeCount; e++) {
    const kmh = speed[e] as number;
    if (kmh <= 0) continue;
    // A ferry's crossing time, where the file gives one, is its cost by car (waiting not included).
    const crossing = profile === 'car' ? (network.links?.crossingSeconds[e] ?? 0) : 0;
    const cost = crossing > 0 ? crossing : ((network.edgeLengthMetres[e] as number) / 1000 / kmh) * 3600;
    const from = network.edgeFrom[e] as number;
    const to = network.edgeTo[e] as number;
    const oneway = profile === 'car' ? (network.edgeOneway[e] as number) : 0;
    if (ferry && network.edgeClass[e] === ferryClass) ferry.fill(1, a, a + (oneway === 0 ? 2 : 1));
    if (oneway >= 0) {
      tails[a] = from;
      heads[a] = to;
      seconds[a++] = cost;
    }
    if (oneway <= 0) {
      tails[a] = to;
      heads[a] = from;
      seconds[a++] = cost;
    }
  }
  return graphFromArcs({
    profile,
    x: network.nodeX,
    y: network.nodeY,
    tails,
    heads,
    seconds,
    ferry,
    accessSpeedKmh: speeds.accessSpeedKmh[profile],
    detourFactor: speeds.detourFactor,
    maxSnapMetres: speeds.maxSnapMetres,
    fallbackSpeedKmh: speeds.fallbackSpeedKmh[profile],
  });
};

/** A graph straight from directed arcs with costs in seconds (tests, benchmarks, other importers). */
export const graphFromArcs = (input: {
  profile: TravelProfile;
  x: Float64Array;
  y: Float64Array;
  tails: Uint32Array;
  heads: Uint32Array;
  seconds: Float64Array;
  /** 1 for each ferry arc, aligned with tails; islands reached only by ferry are told apart by it. */
  ferry?: Uint8Array | undefined;
  accessSpeedKmh: number;
  detourFactor: number;
  /** Default: no limit, every point snaps. */
  maxSnapMetres?: number;
  /** Default: the access speed. */
  fallbackSpeedKmh?: number;
}): RoadGraph => {
  const maxSnapMetres = input.maxSnapMetres ?? Number.POSITIVE_INFINITY;
  const fallbackSpeedKmh = input.fallbackSpeedKmh ?? input.accessSpeedKmh;
  const nodeCount = input.x.length;
  const forward = toAdjacency(nodeCount, { tails: input.tails, heads: input.heads, seconds: input.seconds });
  const backward = toAdjacency(nodeCount, { tails: input.heads, heads: input.tails, seconds: input.seconds });
  const hash = createHash('sha256');
  hash.update(
    `${input.profile};${input.accessSpeedKmh};${input.detourFactor};${maxSnapMetres};${fallbackSpeedKmh};`,
  );
  for (const array of [input.x, input.y, forward.offsets, forward.heads, forward.seconds]) {
    hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  const snappable = largestStrongComponent(forward, backward);
  const reach = nodeReach({
    nodeCount,
    tails: input.tails,
    heads: input.heads,
    ferry: input.ferry,
    snappable,
  });
  // Points near an island are no longer snapped across to the mainland: such a graph's times differ.
  if (reach.some((code) => code !== 0)) hash.update(reach);
  return {
    kind: 'road',
    profile: input.profile,
    nodeCount,
    x: input.x,
    y: input.y,
    forward,
    backward,
    snappable,
    nodeReach: reach,
    accessSpeedKmh: input.accessSpeedKmh,
    detourFactor: input.detourFactor,
    maxSnapMetres,
    fallbackSpeedKmh,
    version: hash.digest('hex').slice(0, 16),
  };
};
