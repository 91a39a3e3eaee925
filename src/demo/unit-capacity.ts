import type { CountyModel } from './county-model.js';
import type { EventYearResult } from './event-year.js';
import { hashUnit } from './random.js';
import { type DemoUnit, isOpenAllYear } from './units.js';

/**
 * Yearly capacity from the volume a unit served in its last full year, times a factor between
 * 0.85 and 1.3: some units run over capacity, others have room, as in any real network. Housing
 * units count places (care days / 365), the rest visits, rounded to hundreds.
 */
export const unitCapacities = (
  seed: number,
  model: CountyModel,
  { units, results }: { units: readonly DemoUnit[]; results: readonly EventYearResult[] },
): number[] =>
  units.map((unit, i) => {
    const factor = 0.85 + 0.45 * hashUnit(seed, 1401, i);
    let volume = 0;
    model.eventYears.forEach((year, y) => {
      if (isOpenAllYear(unit, year)) volume = results[y]?.unitVolume[i] ?? volume;
    });
    // A unit closed before the first event year still had a size; give it a small one.
    if (unit.capacityUnit === 'places') return Math.max(1, Math.ceil(((volume || 3650) / 365) * factor));
    return Math.max(100, Math.round(((volume || 3000) * factor) / 100) * 100);
  });
