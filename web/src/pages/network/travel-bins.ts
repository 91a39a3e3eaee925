/**
 * Travel-time classes of the map, from near (pale) to far (dark): a sequential yellow–green–blue scale
 * that stays ordered for colour-blind readers and in greyscale. The legend gives each class in minutes,
 * so colour is never the only carrier.
 */
export interface TravelBin {
  from: number;
  /** Exclusive; Infinity for the last class. */
  to: number;
  colour: string;
}

export const travelBins: readonly TravelBin[] = [
  { from: 0, to: 10, colour: '#ffffcc' },
  { from: 10, to: 20, colour: '#a1dab4' },
  { from: 20, to: 30, colour: '#41b6c4' },
  { from: 30, to: 45, colour: '#2c7fb8' },
  { from: 45, to: Number.POSITIVE_INFINITY, colour: '#253494' },
];

export const unreachableColour = '#9e9e9e';

/** A closed road: red on a white casing, apart from every travel-time and difference colour. */
export const closedLinkColour = '#c8102e';

/** The class of a travel time, or -1 for none (unreachable). */
export const binOf = (minutes: number | null): number =>
  minutes === null ? -1 : travelBins.findIndex((bin) => minutes >= bin.from && minutes < bin.to);

/** Residents per class (and unreachable last), withheld counts left out. */
export const residentsByBin = (
  cells: readonly { minutes: number | null; population: number | null }[],
): number[] => {
  const totals = new Array<number>(travelBins.length + 1).fill(0);
  for (const cell of cells) {
    const bin = binOf(cell.minutes);
    const index = bin < 0 ? travelBins.length : bin;
    totals[index] = (totals[index] ?? 0) + (cell.population ?? 0);
  }
  return totals;
};

/**
 * Change of travel time against the reference network, nearer (blue) to farther (orange), after a
 * diverging scale that colour-blind readers can tell apart; "no change" is a neutral grey.
 */
export const differenceBins: readonly TravelBin[] = [
  { from: Number.NEGATIVE_INFINITY, to: -5, colour: '#2166ac' },
  { from: -5, to: -0.5, colour: '#92c5de' },
  { from: -0.5, to: 0.5, colour: '#d9d9d9' },
  { from: 0.5, to: 5, colour: '#fdb863' },
  { from: 5, to: 15, colour: '#e08214' },
  { from: 15, to: Number.POSITIVE_INFINITY, colour: '#8c3a07' },
];

export const differenceBinOf = (minutes: number | null): number =>
  minutes === null ? -1 : differenceBins.findIndex((bin) => minutes >= bin.from && minutes < bin.to);

/** Residents per class of change (and without a figure last), withheld counts left out. */
export const residentsByDifference = (
  cells: readonly { differenceMinutes: number | null; population: number | null }[],
): number[] => {
  const totals = new Array<number>(differenceBins.length + 1).fill(0);
  for (const cell of cells) {
    const bin = differenceBinOf(cell.differenceMinutes);
    const index = bin < 0 ? differenceBins.length : bin;
    totals[index] = (totals[index] ?? 0) + (cell.population ?? 0);
  }
  return totals;
};
