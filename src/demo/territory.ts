import { cellAt, cellColumn, cellIndex, cellRow, type GridWindow } from './grid.js';
import { MinHeap } from './min-heap.js';
import { hash32, hashUnit } from './random.js';
import { valueNoise } from './value-noise.js';

/**
 * The county's land split into municipalities. Each cell belongs to exactly one municipality, so
 * boundaries drawn from the cells can neither overlap nor leave gaps.
 */
export interface Territory {
  window: GridWindow;
  /** 1 for cells inside the county. */
  inCounty: Uint8Array;
  /** Index of the owning seat for each cell, −1 outside the county. */
  owner: Int16Array;
}

export interface Seat {
  x: number;
  y: number;
  /** How fast the municipality grows relative to its neighbours: larger means a larger area. */
  reach: number;
}

/**
 * A blob-shaped outline: a circle whose radius wobbles with a few low harmonics, which reads as a
 * plausible county shape rather than a geometric figure.
 */
export const drawCountyOutline = (
  seed: number,
  window: GridWindow,
  { centre, radiusKm }: { centre: { x: number; y: number }; radiusKm: number },
): Uint8Array => {
  const harmonics = [2, 3, 5].map((order, i) => ({
    order,
    amplitude: [0.07, 0.05, 0.03][i] ?? 0,
    phase: 2 * Math.PI * hashUnit(seed, 101, order),
  }));
  const inside = new Uint8Array(window.width * window.height);
  for (let row = 0; row < window.height; row++) {
    for (let column = 0; column < window.width; column++) {
      const dx = (window.westKm + column + 0.5) * 1000 - centre.x;
      const dy = (window.southKm + row + 0.5) * 1000 - centre.y;
      const angle = Math.atan2(dy, dx);
      let radius = radiusKm;
      for (const h of harmonics) radius += radiusKm * h.amplitude * Math.sin(h.order * angle + h.phase);
      if (Math.hypot(dx, dy) / 1000 < radius) inside[cellIndex(window, column, row)] = 1;
    }
  }
  return inside;
};

/**
 * Grows all municipalities at once from their centres across the county's cells, Dijkstra-fashion,
 * through a noisy cost field. Every cell is reached from a neighbour of the same owner, so each
 * municipality is one contiguous piece, and the noise makes borders wander instead of running straight.
 */
export const partitionTerritory = (
  seed: number,
  window: GridWindow,
  { inCounty, seats }: { inCounty: Uint8Array; seats: readonly Seat[] },
): Territory => {
  const noise = valueNoise(hash32(seed, 202), 12);
  const size = window.width * window.height;
  const owner = new Int16Array(size).fill(-1);
  const best = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const heap = new MinHeap();
  const ownerSlots = 64;
  seats.forEach((seat, i) => {
    const cell = cellAt(window, seat.x, seat.y);
    if (cell < 0 || inCounty[cell] !== 1) throw new Error(`seat ${i} lies outside the county`);
    best[cell] = 0;
    heap.push(0, cell * ownerSlots + i);
  });
  for (let top = heap.pop(); top; top = heap.pop()) {
    const [distance, payload] = top;
    const cell = Math.floor(payload / ownerSlots);
    const seatIndex = payload % ownerSlots;
    if (owner[cell] !== -1) continue;
    owner[cell] = seatIndex;
    const reach = seats[seatIndex]?.reach ?? 1;
    const column = cellColumn(window, cell);
    const row = cellRow(window, cell);
    for (const [dc, dr] of neighbourSteps) {
      const c = column + dc;
      const r = row + dr;
      if (c < 0 || r < 0 || c >= window.width || r >= window.height) continue;
      const next = cellIndex(window, c, r);
      if (inCounty[next] !== 1 || owner[next] !== -1) continue;
      const step = (0.5 + noise(window.westKm + c, window.southKm + r)) / reach;
      if (distance + step < (best[next] ?? 0)) {
        best[next] = distance + step;
        heap.push(distance + step, next * ownerSlots + seatIndex);
      }
    }
  }
  // A cell that touches the outline only at a corner is never reached; it is left out of the county.
  const reached = inCounty.map((inside, cell) => (inside === 1 && owner[cell] !== -1 ? 1 : 0));
  return { window, inCounty: reached, owner };
};

const neighbourSteps: readonly [number, number][] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
];
