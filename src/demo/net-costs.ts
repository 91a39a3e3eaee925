import type { CountyModel } from './county-model.js';
import type { EventYearResult } from './event-year.js';
import { isValidIn } from './geography.js';
import { Random } from './random.js';
import type { CostRow } from './writers/costs-csv.js';

/**
 * Net operating cost by municipality, year and class: the events' costs plus 6–14 % for
 * administration, premises and everything else no event carries.
 */
export const netCostRows = (
  seed: number,
  model: CountyModel,
  { classCodes, results }: { classCodes: readonly string[]; results: readonly EventYearResult[] },
): CostRow[] => {
  const random = Random.of(seed, 1301);
  return model.eventYears.flatMap((year, y) =>
    model.geography.municipalities.flatMap((municipality, m) =>
      isValidIn(municipality, year)
        ? classCodes.map((serviceClass, k) => ({
            municipalityCode: municipality.code,
            year,
            serviceClass,
            netOperatingCostEuros:
              ((results[y]?.costCents[m * classCodes.length + k] ?? 0) / 100) * random.between(1.06, 1.14),
          }))
        : [],
    ),
  );
};
