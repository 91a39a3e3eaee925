/**
 * Nearest-point lookup on a uniform grid: points are bucketed by cell (CSR again), and a query scans
 * rings of cells outwards until the ring is farther than the best point found. Road nodes are spread
 * evenly enough that a cell holding a few points on average keeps each query to a handful of cells.
 */
export interface GridIndex {
  /** Index of the nearest point and its distance, or -1 when the index is empty. */
  nearest(x: number, y: number): { index: number; distance: number };
}

export const gridIndex = (x: Float64Array, y: Float64Array, include?: Uint8Array): GridIndex => {
  const members: number[] = [];
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    if (include && !include[i]) continue;
    members.push(i);
    const px = x[i] as number;
    const py = y[i] as number;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  if (members.length === 0) return { nearest: () => ({ index: -1, distance: Number.POSITIVE_INFINITY }) };
  const width = Math.max(maxX - minX, 1);
  const height = Math.max(maxY - minY, 1);
  // About two points per cell.
  const cellSize = Math.max(Math.sqrt((width * height) / Math.max(members.length / 2, 1)), 1);
  const columns = Math.floor(width / cellSize) + 1;
  const rows = Math.floor(height / cellSize) + 1;
  const cellOf = (px: number, py: number) =>
    Math.floor((py - minY) / cellSize) * columns + Math.floor((px - minX) / cellSize);
  const start = new Uint32Array(columns * rows + 1);
  for (const i of members) {
    const c = cellOf(x[i] as number, y[i] as number) + 1;
    start[c] = (start[c] as number) + 1;
  }
  for (let c = 0; c < columns * rows; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, columns * rows);
  const points = new Uint32Array(members.length);
  for (const i of members) {
    const c = cellOf(x[i] as number, y[i] as number);
    points[fill[c] as number] = i;
    fill[c] = (fill[c] as number) + 1;
  }

  const nearest = (qx: number, qy: number) => {
    const column = Math.min(Math.max(Math.floor((qx - minX) / cellSize), 0), columns - 1);
    const row = Math.min(Math.max(Math.floor((qy - minY) / cellSize), 0), rows - 1);
    // A query outside the box starts at its nearest edge cell. A point k rings out is then at least
    // (k - 1) cells away across the box's edge or along it, and the gap to the box is at right angles
    // to the second: it is at least hypot(gap, (k - 1) cells) away. Adding the two instead overstated
    // the bound for points along the edge, and a far query could stop before its nearest point.
    const outside = Math.hypot(
      Math.max(minX - qx, 0, qx - (minX + columns * cellSize)),
      Math.max(minY - qy, 0, qy - (minY + rows * cellSize)),
    );
    let best = -1;
    let bestSquared = Number.POSITIVE_INFINITY;
    const maxRing = Math.max(columns, rows);
    for (let ring = 0; ring <= maxRing; ring++) {
      const ringDistance = ring === 0 ? 0 : Math.hypot(outside, (ring - 1) * cellSize);
      if (best >= 0 && ringDistance > 0 && ringDistance * ringDistance > bestSquared) break;
      for (let r = row - ring; r <= row + ring; r++) {
        if (r < 0 || r >= rows) continue;
        const edgeRow = r === row - ring || r === row + ring;
        for (let c = column - ring; c <= column + ring; c += edgeRow ? 1 : 2 * ring) {
          if (c >= 0 && c < columns) {
            const cell = r * columns + c;
            for (let p = start[cell] as number; p < (start[cell + 1] as number); p++) {
              const i = points[p] as number;
              const dx = (x[i] as number) - qx;
              const dy = (y[i] as number) - qy;
              const squared = dx * dx + dy * dy;
              if (squared < bestSquared || (squared === bestSquared && i < best)) {
                bestSquared = squared;
                best = i;
              }
            }
          }
          if (ring === 0) break;
        }
      }
    }
    return { index: best, distance: Math.sqrt(bestSquared) };
  };
  return { nearest };
};
