/**
 * Class breaks for a choropleth map: quantiles, so that each colour holds about as many areas, rounded
 * to the indicator's decimals so that the legend's ranges read as the table does.
 */
export const quantileBreaks = (values: readonly number[], classes: number, decimals: number): number[] => {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const factor = 10 ** decimals;
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const position = (sorted.length - 1) * (i / classes);
    const lowerIndex = Math.floor(position);
    const lower = sorted[lowerIndex] ?? 0;
    const upper = sorted[Math.min(lowerIndex + 1, sorted.length - 1)] ?? lower;
    const value = Math.round((lower + (upper - lower) * (position - lowerIndex)) * factor) / factor;
    if (
      breaks[breaks.length - 1] !== value &&
      value > (sorted[0] ?? 0) &&
      value < (sorted[sorted.length - 1] ?? 0)
    )
      breaks.push(value);
  }
  return breaks;
};

/** Index of the class a value falls into: below the first break is 0, at or above the last is breaks.length. */
export const classOf = (value: number, breaks: readonly number[]): number => {
  let index = 0;
  while (index < breaks.length && value >= (breaks[index] ?? Number.POSITIVE_INFINITY)) index++;
  return index;
};

/**
 * Five steps of one blue, light to dark, each telling apart from its neighbours; the lightest still has 3:1
 * against the map's background edge only through the outline, which every area has.
 */
export const choroplethColours = ['#dbe9f6', '#a9cce8', '#6baed6', '#2f7fbf', '#0b4f8a'] as const;

/** Areas without a value (missing or withheld) are grey, apart from every class colour. */
export const noValueColour = '#bdbdbd';
