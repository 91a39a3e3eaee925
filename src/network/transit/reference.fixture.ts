import type { OriginWalks, WalkLinks } from './raptor.js';
import type { DayTrip } from './timetable.js';

/**
 * Earliest arrival by a plain Dijkstra over the time-expanded graph: a node for every arrival and
 * departure of every trip at every stop, a chain of waiting nodes at each stop through its departure
 * times, and walks (to stops, between stops after alighting, to destinations) as edges to the first
 * waiting node they reach. Slow and obvious: what the round-based search is checked against. With
 * `maxRides`, the search runs over (node, rides so far) and boarding a vehicle counts a ride.
 */
export const timeExpandedArrivals = (input: {
  stopCount: number;
  trips: readonly DayTrip[];
  transfers: WalkLinks;
  egress: WalkLinks;
  destinationCount: number;
  origin: OriginWalks;
  departure: number;
  maxRides?: number;
}): number[] => {
  const { trips, stopCount, transfers, egress, destinationCount, origin, departure } = input;
  const time: number[] = [];
  // To, seconds, and 1 where the edge boards a vehicle.
  const edges: [number, number, number?][][] = [];
  const node = (t: number) => {
    time.push(t);
    edges.push([]);
    return time.length - 1;
  };
  const arrivalNode: number[][] = [];
  const departureNode: number[][] = [];
  for (const trip of trips) {
    arrivalNode.push(Array.from(trip.arrivals, (t) => node(t)));
    departureNode.push(Array.from(trip.departures, (t) => node(t)));
  }
  // Waiting chains: one node per departure time at each stop.
  const waits: { t: number; id: number }[][] = Array.from({ length: stopCount }, () => []);
  trips.forEach((trip, j) => {
    trip.stops.forEach((s, i) => {
      const id = node(trip.departures[i] as number);
      waits[s]?.push({ t: trip.departures[i] as number, id });
      edges[id]?.push([departureNode[j]?.[i] as number, 0, 1]);
    });
  });
  for (const chain of waits) {
    chain.sort((a, b) => a.t - b.t);
    for (let k = 0; k + 1 < chain.length; k++)
      edges[(chain[k] as { id: number }).id]?.push([
        (chain[k + 1] as { id: number }).id,
        (chain[k + 1] as { t: number }).t - (chain[k] as { t: number }).t,
      ]);
  }
  const firstWait = (s: number, t: number) => waits[s]?.find((w) => w.t >= t);
  const source = node(departure);
  const targets = Array.from({ length: destinationCount }, () => node(Number.NaN));
  trips.forEach((trip, j) => {
    for (let i = 0; i < trip.stops.length; i++) {
      const a = arrivalNode[j]?.[i] as number;
      const d = departureNode[j]?.[i] as number;
      const at = trip.arrivals[i] as number;
      edges[a]?.push([d, (trip.departures[i] as number) - at]);
      if (i + 1 < trip.stops.length)
        edges[d]?.push([
          arrivalNode[j]?.[i + 1] as number,
          (trip.arrivals[i + 1] as number) - (trip.departures[i] as number),
        ]);
      if (i === 0) continue;
      const s = trip.stops[i] as number;
      const here = firstWait(s, at);
      if (here) edges[a]?.push([here.id, here.t - at]);
      for (let e = transfers.offsets[s] as number; e < (transfers.offsets[s + 1] as number); e++) {
        const w = firstWait(transfers.targets[e] as number, at + (transfers.seconds[e] as number));
        if (w) edges[a]?.push([w.id, w.t - at]);
      }
    }
  });
  for (let u = 0; u < destinationCount; u++) {
    for (let e = egress.offsets[u] as number; e < (egress.offsets[u + 1] as number); e++) {
      const s = egress.targets[e] as number;
      trips.forEach((trip, j) => {
        trip.stops.forEach((stop, i) => {
          if (stop === s && i > 0)
            edges[arrivalNode[j]?.[i] as number]?.push([targets[u] as number, egress.seconds[e] as number]);
        });
      });
    }
    if ((origin.direct[u] as number) >= 0)
      edges[source]?.push([targets[u] as number, origin.direct[u] as number]);
  }
  origin.stops.forEach((s, i) => {
    const w = firstWait(s, departure + (origin.seconds[i] as number));
    if (w) edges[source]?.push([w.id, w.t - departure]);
  });
  const limit = input.maxRides;
  const layers = limit === undefined ? 1 : limit + 1;
  const states = time.length * layers;
  const distance = new Array<number>(states).fill(Number.POSITIVE_INFINITY);
  const done = new Array<boolean>(states).fill(false);
  distance[source * layers] = 0;
  for (;;) {
    let v = -1;
    for (let i = 0; i < states; i++)
      if (
        !done[i] &&
        (distance[i] as number) < Number.POSITIVE_INFINITY &&
        (v < 0 || (distance[i] as number) < (distance[v] as number))
      )
        v = i;
    if (v < 0) break;
    done[v] = true;
    const rides = v % layers;
    for (const [to, cost, boards] of edges[Math.floor(v / layers)] ?? []) {
      const after = limit !== undefined && boards ? rides + 1 : rides;
      if (after >= layers) continue;
      const w = to * layers + after;
      if ((distance[v] as number) + cost < (distance[w] as number))
        distance[w] = (distance[v] as number) + cost;
    }
  }
  return targets.map((t) => {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < layers; r++) best = Math.min(best, distance[t * layers + r] as number);
    return best;
  });
};
