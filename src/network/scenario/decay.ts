import type { DecayChoice } from '../../model/index.js';
import { binaryDecay, type DecayWeight, gaussianDecay, stepDecay } from '../access/index.js';

/** The E2SFCA weights of a decay choice; stepwise takes Luo & Qi's weights over the catchment's thirds. */
export const decayWeight = (decay: DecayChoice): DecayWeight => {
  const edge = decay.catchmentMinutes;
  if (decay.kind === 'binary') return binaryDecay(edge);
  if (decay.kind === 'stepwise')
    return stepDecay([
      { upTo: edge / 3, weight: 1 },
      { upTo: (2 * edge) / 3, weight: 0.68 },
      { upTo: edge, weight: 0.22 },
    ]);
  return gaussianDecay(edge);
};

export const decayKey = (decay: DecayChoice) => `${decay.kind}:${decay.catchmentMinutes}`;

/** A travel-time column's decay weights under a decay choice. */
export type DecayedColumn = (decay: DecayChoice, column: Float64Array) => Float64Array;

/**
 * Decay weights depend only on a column's travel times, so each location's are worked out once per
 * decay and kept as long as the column is.
 */
export const decayedColumns = (): DecayedColumn => {
  const caches = new Map<string, { weight: DecayWeight; byColumn: WeakMap<Float64Array, Float64Array> }>();
  return (decay, column) => {
    const key = decayKey(decay);
    let cache = caches.get(key);
    if (!cache) {
      cache = { weight: decayWeight(decay), byColumn: new WeakMap() };
      caches.set(key, cache);
    }
    let weights = cache.byColumn.get(column);
    if (!weights) {
      weights = column.map(cache.weight);
      cache.byColumn.set(column, weights);
    }
    return weights;
  };
};
