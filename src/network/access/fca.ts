/**
 * Two-step floating catchment area (2SFCA, Luo & Wang 2003) and its enhanced form with distance-decay
 * weights (E2SFCA, Luo & Qi 2009). Step 1: each unit's supply divided by the weighted population within
 * its catchment. Step 2: each cell sums the ratios of the units within reach, weighted the same way.
 * With every unit's catchment populated, the population-weighted sum of the cells' figures equals the
 * total supply, whatever the weights.
 */
export type DecayWeight = (minutes: number) => number;

/** Plain 2SFCA: everyone within the catchment counts fully. */
export const binaryDecay =
  (catchmentMinutes: number): DecayWeight =>
  (t) =>
    t <= catchmentMinutes ? 1 : 0;

/** Stepwise weights per travel-time zone, e.g. Luo & Qi's [{upTo:10,weight:1},{upTo:20,weight:0.68},{upTo:30,weight:0.22}]. */
export const stepDecay =
  (steps: readonly { upTo: number; weight: number }[]): DecayWeight =>
  (t) => {
    for (const step of steps) if (t <= step.upTo) return step.weight;
    return 0;
  };

const gaussianEdge = Math.exp(-0.5);

/** Gaussian decay that falls from 1 at zero to 0 at the catchment's edge (Dai 2010). */
export const gaussianDecay =
  (catchmentMinutes: number): DecayWeight =>
  (t) => {
    if (t > catchmentMinutes) return 0;
    return (Math.exp(-0.5 * (t / catchmentMinutes) ** 2) - gaussianEdge) / (1 - gaussianEdge);
  };

export interface FloatingCatchment {
  /** Supply per resident of each unit's catchment; null for a unit nobody reaches. */
  unitRatio: (number | null)[];
  /** Supply per resident reachable from each cell. */
  cellRatio: Float64Array;
}

export const floatingCatchment = (
  columns: readonly ArrayLike<number>[],
  {
    supply,
    population,
    weight,
  }: {
    /** Each unit's supply, in column order. */
    supply: readonly number[];
    /** Residents of each cell. */
    population: ArrayLike<number>;
    weight: DecayWeight;
  },
): FloatingCatchment =>
  floatingCatchmentOfWeights(
    columns.map((column) =>
      Float64Array.from({ length: population.length }, (_, c) => weight(column[c] as number)),
    ),
    supply,
    population,
  );

/** The same from decay weights already worked out per unit and cell (they depend only on the travel times). */
export const floatingCatchmentOfWeights = (
  weights: readonly ArrayLike<number>[],
  supply: readonly number[],
  population: ArrayLike<number>,
): FloatingCatchment => {
  const cellCount = population.length;
  const unitRatio = weights.map((column, u) => {
    let demand = 0;
    for (let c = 0; c < cellCount; c++) demand += (column[c] as number) * (population[c] as number);
    return demand > 0 ? (supply[u] ?? 0) / demand : null;
  });
  const cellRatio = new Float64Array(cellCount);
  weights.forEach((column, u) => {
    const ratio = unitRatio[u];
    if (ratio === null || ratio === undefined) return;
    for (let c = 0; c < cellCount; c++) {
      const w = column[c] as number;
      if (w > 0) cellRatio[c] = (cellRatio[c] as number) + w * ratio;
    }
  });
  return { unitRatio, cellRatio };
};
