/**
 * The nearest unit of each cell. `columns[u][c]` is the travel time in minutes from cell c to unit u;
 * a cell no unit reaches gets unit -1 and Infinity. Ties go to the unit listed first, so that the
 * result does not depend on anything but the order the caller gives.
 */
export interface Nearest {
  unit: Int32Array;
  minutes: Float64Array;
}

export const nearestUnits = (columns: readonly ArrayLike<number>[], cellCount: number): Nearest => {
  const unit = new Int32Array(cellCount).fill(-1);
  const minutes = new Float64Array(cellCount).fill(Number.POSITIVE_INFINITY);
  columns.forEach((column, u) => {
    for (let c = 0; c < cellCount; c++) {
      const t = column[c] ?? Number.POSITIVE_INFINITY;
      if (t < (minutes[c] as number)) {
        minutes[c] = t;
        unit[c] = u;
      }
    }
  });
  return { unit, minutes };
};
