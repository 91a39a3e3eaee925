import type {
  NeedCoefficientSet,
  NeedsStandardisedCost,
  NeedsStandardisedCostRow,
} from '../../model/index.js';
import { type AgeSexStandardisationInput, ageSexNeedCoefficients } from './age-sex.js';

export interface AreaCost {
  areaCode: string;
  /** Residents, the denominator of cost per resident. */
  population: number;
  netCostEuros: number;
}

/**
 * THL's needs-standardised cost index: (area's net cost per resident / reference's net cost per resident)
 * / need coefficient × 100. 100 is what the reference would spend on the area's need; above 100 the area
 * spends more than its need explains. The reference's cost per resident is, unless given, that of the
 * areas together (the county, when the areas are its municipalities).
 */
export const needsStandardisedCostIndex = (
  coefficients: NeedCoefficientSet,
  costs: readonly AreaCost[],
  referenceCostPerResidentEuros?: number,
): NeedsStandardisedCost => {
  const residents = costs.reduce((sum, c) => sum + c.population, 0);
  const spent = costs.reduce((sum, c) => sum + c.netCostEuros, 0);
  const reference = referenceCostPerResidentEuros ?? (residents > 0 ? spent / residents : null);
  const costOf = new Map(costs.map((c) => [c.areaCode, c]));
  const rows = coefficients.areas.flatMap((area): NeedsStandardisedCostRow[] => {
    const cost = area.areaCode === null ? undefined : costOf.get(area.areaCode);
    if (!cost || area.areaCode === null) return [];
    const perResident = cost.population > 0 ? cost.netCostEuros / cost.population : null;
    const rawIndex = perResident !== null && reference ? (perResident / reference) * 100 : null;
    const standardised = area.total > 0;
    return [
      {
        areaCode: area.areaCode,
        name: area.name,
        population: cost.population,
        populationSuppressed: false,
        netCostEuros: cost.netCostEuros,
        costPerResidentEuros: perResident,
        needCoefficient: area.total,
        rawIndex,
        costIndex: rawIndex !== null && standardised ? rawIndex / area.total : null,
        needsStandardisedCostPerResidentEuros:
          perResident !== null && standardised ? perResident / area.total : null,
      },
    ];
  });
  return {
    year: coefficients.year,
    method: coefficients.method,
    reference: coefficients.reference,
    referenceCostPerResidentEuros: reference,
    rows,
  };
};

/**
 * The needs-standardised cost index of a county's municipalities when only age and sex are known: need
 * coefficients by indirect age-sex standardisation against the county, then the index against the
 * county's cost per resident. Pure, for the indicator engine; `method` in the result says which
 * standardisation was used.
 */
export const ageSexStandardisedCost = (
  need: AgeSexStandardisationInput,
  costs: readonly { areaCode: string; netCostEuros: number }[],
): NeedsStandardisedCost => {
  const residents = new Map<string, number>();
  for (const p of need.population) residents.set(p.areaCode, (residents.get(p.areaCode) ?? 0) + p.count);
  const spent = new Map<string, number>();
  for (const c of costs) spent.set(c.areaCode, (spent.get(c.areaCode) ?? 0) + c.netCostEuros);
  return needsStandardisedCostIndex(
    ageSexNeedCoefficients(need),
    need.areas.map(({ code }) => ({
      areaCode: code,
      population: residents.get(code) ?? 0,
      netCostEuros: spent.get(code) ?? 0,
    })),
  );
};
