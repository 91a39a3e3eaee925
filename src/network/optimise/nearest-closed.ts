import type { PreparedProblem } from './types.js';

/**
 * The `count` closed sites nearest to demand i, nearest first. The returned array is reused by the next
 * call, so read it before asking again.
 */
export type NearestClosed = (i: number, isOpen: Uint8Array, count: number) => number[];

export const nearestClosedSites = (problem: PreparedProblem): NearestClosed => {
  const { m, dist } = problem;
  const nearBuffer: number[] = [];
  return (i, isOpen, count) => {
    nearBuffer.length = 0;
    const row = i * m;
    for (let s = 0; s < m; s++) {
      if (isOpen[s] === 1) continue;
      const d = dist[row + s] as number;
      if (nearBuffer.length < count) nearBuffer.push(s);
      else if (d < (dist[row + (nearBuffer[count - 1] as number)] as number)) nearBuffer[count - 1] = s;
      else continue;
      nearBuffer.sort((a, b) => (dist[row + a] as number) - (dist[row + b] as number));
    }
    return nearBuffer;
  };
};
