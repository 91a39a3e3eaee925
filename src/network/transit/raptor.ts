import type { Timetable } from './timetable.js';

/** Walking links in CSR form: from item i, to targets[offsets[i] … offsets[i+1]-1], each taking seconds. */
export interface WalkLinks {
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly seconds: Int32Array;
}

/** One origin's walks: to stops (access), and straight to each destination where near enough (NaN-free: -1 = too far). */
export interface OriginWalks {
  readonly stops: Uint32Array;
  readonly seconds: Int32Array;
  /** Seconds on foot to each destination, or -1 beyond the walking limit. */
  readonly direct: Int32Array;
}

export interface RaptorInput {
  readonly timetable: Timetable;
  /** Walks between stops after alighting (transfers), by stop. */
  readonly transfers: WalkLinks;
  /** Walks from stops to destinations after alighting (egress), by destination: stops and seconds. */
  readonly egress: WalkLinks;
  readonly destinationCount: number;
  readonly maxRides: number;
}

export const unreachable = 0x7fffffff;

/**
 * Range RAPTOR (Delling, Pajor & Werneck, "Round-Based Public Transit Routing", 2012, and its range
 * variant): departures are taken latest first, and the labels of a later departure are kept for the
 * next earlier one, since leaving earlier one can always wait. Round k holds the stops reachable with
 * k vehicles; a stop may be boarded from after walking to it from the origin or after alighting (and
 * at most one walk between stops); destinations are reached on foot from where one alights, or on
 * foot all the way. The workspace is reused from origin to origin.
 *
 * Labels are kept per number of rides, each the best with at most that many (so a label from a later
 * departure with more rides never hides one with fewer, which the ride limit could still extend).
 */
export class RangeRaptor {
  readonly #input: RaptorInput;
  /** Earliest time one may board at each stop after at most k rides: boardable[k * stopCount + s]. */
  readonly #boardable: Int32Array;
  /** Earliest arrival by vehicle at each stop with at most k rides: arrival[k * stopCount + s]. */
  readonly #arrival: Int32Array;
  readonly #marked: Uint8Array;
  #markedList: Uint32Array;
  #markedCount = 0;
  readonly #nextMarked: Uint8Array;
  #nextList: Uint32Array;
  #nextCount = 0;
  readonly #improved: Uint32Array;
  readonly #improvedFlag: Uint8Array;
  readonly #patternStart: Int32Array;
  readonly #patternList: Uint32Array;

  constructor(input: RaptorInput) {
    this.#input = input;
    const n = input.timetable.stopCount;
    this.#boardable = new Int32Array((input.maxRides + 1) * n);
    this.#arrival = new Int32Array((input.maxRides + 1) * n);
    this.#marked = new Uint8Array(n);
    this.#markedList = new Uint32Array(n);
    this.#nextMarked = new Uint8Array(n);
    this.#nextList = new Uint32Array(n);
    this.#improved = new Uint32Array(n);
    this.#improvedFlag = new Uint8Array(n);
    this.#patternStart = new Int32Array(input.timetable.patternCount).fill(-1);
    this.#patternList = new Uint32Array(input.timetable.patternCount);
  }

  /**
   * Travel seconds to each destination for each departure in `departures` (seconds after midnight,
   * any order), into `out[d * destinationCount + u]`, departures in the order given; `unreachable`
   * where no journey arrives.
   */
  run(origin: OriginWalks, departures: Int32Array, out: Int32Array): void {
    const { timetable: tt, egress, destinationCount, maxRides } = this.#input;
    const n = tt.stopCount;
    const boardable = this.#boardable;
    const arrival = this.#arrival;
    const lastRound = maxRides * n;
    boardable.fill(unreachable);
    arrival.fill(unreachable);
    const order = Array.from(departures.keys()).sort(
      (a, b) => (departures[b] as number) - (departures[a] as number),
    );
    for (const d of order) {
      const t = departures[d] as number;
      // Marks left by a search that stopped at the ride limit.
      for (let m = 0; m < this.#markedCount; m++) this.#marked[this.#markedList[m] as number] = 0;
      this.#markedCount = 0;
      // Round 0: walk to the stops.
      for (let i = 0; i < origin.stops.length; i++) {
        const s = origin.stops[i] as number;
        const at = t + (origin.seconds[i] as number);
        if (at < (boardable[s] as number)) {
          this.#keep(boardable, 0, s, at);
          this.#mark(s);
        }
      }
      for (let k = 1; k <= maxRides && this.#markedCount > 0; k++) this.#round(k, n);
      // Arrivals: on foot from where one alighted, or on foot all the way.
      const row = d * destinationCount;
      for (let u = 0; u < destinationCount; u++) {
        const walk = origin.direct[u] as number;
        let best = walk >= 0 ? t + walk : unreachable;
        const end = egress.offsets[u + 1] as number;
        for (let e = egress.offsets[u] as number; e < end; e++) {
          const a = arrival[lastRound + (egress.targets[e] as number)] as number;
          if (a === unreachable) continue;
          const at = a + (egress.seconds[e] as number);
          if (at < best) best = at;
        }
        out[row + u] = best === unreachable ? unreachable : best - t;
      }
    }
  }

  /** Sets `at` at stop s for k rides and for every greater number of rides that it improves. */
  #keep(labels: Int32Array, k: number, s: number, at: number): void {
    const n = this.#input.timetable.stopCount;
    for (let i = k * n + s; i < labels.length && at < (labels[i] as number); i += n) labels[i] = at;
  }

  #mark(s: number): void {
    if (this.#marked[s]) return;
    this.#marked[s] = 1;
    this.#markedList[this.#markedCount++] = s;
  }

  #markNext(s: number): void {
    if (this.#nextMarked[s]) return;
    this.#nextMarked[s] = 1;
    this.#nextList[this.#nextCount++] = s;
  }

  #round(k: number, n: number): void {
    const tt = this.#input.timetable;
    const transfers = this.#input.transfers;
    const previous = (k - 1) * n;
    const current = k * n;
    const boardable = this.#boardable;
    const arrival = this.#arrival;
    const patternStart = this.#patternStart;
    const patternList = this.#patternList;
    const { patternStopOffsets, patternStops, tripOffsets, tripTimeOffsets, arrivals, departures } = tt;
    // The patterns through stops marked in the last round, each from its first marked stop.
    let patternCount = 0;
    for (let m = 0; m < this.#markedCount; m++) {
      const s = this.#markedList[m] as number;
      this.#marked[s] = 0;
      const end = tt.stopPatternOffsets[s + 1] as number;
      for (let j = tt.stopPatternOffsets[s] as number; j < end; j++) {
        const p = tt.stopPatterns[j] as number;
        const position = tt.stopPositions[j] as number;
        const start = patternStart[p] as number;
        if (start === -1) {
          patternList[patternCount++] = p;
          patternStart[p] = position;
        } else if (position < start) patternStart[p] = position;
      }
    }
    this.#markedCount = 0;
    this.#nextCount = 0;
    let improvedCount = 0;
    const improved = this.#improved;
    const improvedFlag = this.#improvedFlag;
    for (let q = 0; q < patternCount; q++) {
      const p = patternList[q] as number;
      const from = patternStart[p] as number;
      patternStart[p] = -1;
      const stopBase = patternStopOffsets[p] as number;
      const stops = (patternStopOffsets[p + 1] as number) - stopBase;
      const firstTrip = tripOffsets[p] as number;
      const lastTrip = (tripOffsets[p + 1] as number) - 1;
      let trip = -1;
      let base = 0;
      for (let i = from; i < stops; i++) {
        const s = patternStops[stopBase + i] as number;
        if (trip >= 0) {
          const at = arrivals[base + i] as number;
          if (at < (arrival[current + s] as number)) {
            if (!improvedFlag[s]) {
              improvedFlag[s] = 1;
              improved[improvedCount++] = s;
            }
            this.#keep(arrival, k, s, at);
            if (at < (boardable[current + s] as number)) {
              this.#keep(boardable, k, s, at);
              this.#markNext(s);
            }
          }
        }
        const ready = boardable[previous + s] as number;
        if (ready === unreachable) continue;
        if (trip >= 0 && ready > (departures[base + i] as number)) continue;
        // The earliest trip leaving this stop at or after `ready`, by bisection over the pattern's trips.
        let lo = firstTrip;
        let hi = trip >= 0 ? trip : lastTrip + 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((departures[(tripTimeOffsets[mid] as number) + i] as number) >= ready) hi = mid;
          else lo = mid + 1;
        }
        if (lo <= lastTrip && lo !== trip) {
          trip = lo;
          base = tripTimeOffsets[lo] as number;
        }
      }
    }
    // One walk between stops after alighting.
    for (let m = 0; m < improvedCount; m++) {
      const s = improved[m] as number;
      improvedFlag[s] = 0;
      const alighted = arrival[current + s] as number;
      const end = transfers.offsets[s + 1] as number;
      for (let e = transfers.offsets[s] as number; e < end; e++) {
        const q = transfers.targets[e] as number;
        const at = alighted + (transfers.seconds[e] as number);
        if (at < (boardable[current + q] as number)) {
          this.#keep(boardable, k, q, at);
          this.#markNext(q);
        }
      }
    }
    // The stops improved in this round are the next round's marked stops.
    for (let m = 0; m < this.#nextCount; m++) {
      const s = this.#nextList[m] as number;
      this.#nextMarked[s] = 0;
      this.#mark(s);
    }
  }
}
