import type { DemoUnit } from './units.js';
import { isOpenAllYear } from './units.js';

/** Which units offer a class in a year: the physical ones residents choose between, and a virtual one. */
export interface ClassNetwork {
  physical: number[];
  /** Index of a county-wide remote unit for the class, or −1. */
  virtual: number;
}

export const classNetworks = (
  units: readonly DemoUnit[],
  classCodes: readonly string[],
  year: number,
): ClassNetwork[] =>
  classCodes.map((code) => {
    const open = units.flatMap((unit, i) =>
      isOpenAllYear(unit, year) && unit.serviceClasses.includes(code) ? [i] : [],
    );
    return {
      physical: open.filter((i) => !units[i]?.virtual),
      virtual: open.find((i) => units[i]?.virtual) ?? -1,
    };
  });

/** A cell's view of the network: how far the nearest unit of each class is, and whom its residents pick. */
export interface CellChoice {
  nearestKm: Float64Array;
  /** Cumulative choice weights per class, aligned with the class network's physical units. */
  cumulative: Float64Array[];
}

export const emptyCellChoice = (networks: readonly ClassNetwork[]): CellChoice => ({
  nearestKm: new Float64Array(networks.length),
  cumulative: networks.map((network) => new Float64Array(network.physical.length)),
});

/**
 * Fills `choice` for a cell centre. A unit's pull is its attractiveness times exp(−distance / scale):
 * the nearest unit gets most residents, a big unit a little further away still gets some, the
 * gravity model of health-service choice.
 */
export const fillCellChoice = (
  choice: CellChoice,
  {
    networks,
    units,
    choiceKm,
    at: { x, y },
  }: {
    networks: readonly ClassNetwork[];
    units: readonly DemoUnit[];
    /** Each class's choice distance scale (km), in class order. */
    choiceKm: readonly number[];
    /** The cell centre (metres). */
    at: { x: number; y: number };
  },
): void => {
  networks.forEach((network, k) => {
    const cumulative = choice.cumulative[k] ?? new Float64Array(0);
    const scale = choiceKm[k] ?? 10;
    let nearest = Number.POSITIVE_INFINITY;
    let sum = 0;
    network.physical.forEach((unitIndex, i) => {
      const unit = units[unitIndex];
      if (!unit) return;
      const distance = Math.hypot(unit.x - x, unit.y - y) / 1000;
      if (distance < nearest) nearest = distance;
      sum += unit.attractiveness * Math.exp(-distance / scale);
      cumulative[i] = sum;
    });
    choice.nearestKm[k] = nearest;
  });
};
