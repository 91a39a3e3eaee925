import type { ClassResult, ScenarioResult, UnitResult } from '../../model/index.js';

export interface MonitoringInput {
  classes: readonly ClassResult[];
  units: readonly UnitResult[];
  thresholds: readonly number[];
  totalCostEuros: number;
  residents: number;
}

/** The monitoring-set figures that depend on the network: access to primary care, load, cost per resident. */
export const monitoringFigures = ({
  classes,
  units,
  thresholds,
  totalCostEuros,
  residents,
}: MonitoringInput): ScenarioResult['monitoring'] => {
  const primary = classes.find((c) => c.serviceClass === 'HC') ?? classes[0];
  const limit = thresholds.includes(20) ? 20 : (thresholds[Math.min(1, thresholds.length - 1)] as number);
  const share = primary?.within.find((w) => w.minutes === limit);
  const open = units.filter((u) => u.status !== 'closed' && u.utilisation !== null);
  const demand = classes.reduce((a, c) => a + c.inPersonDemand, 0);
  const unserved = classes.reduce((a, c) => a + c.unserved, 0);
  return [
    { code: `primaryCareWithin${limit}Min`, value: share?.all ?? null, unit: 'share' },
    { code: `primaryCareWithin${limit}MinAged75`, value: share?.aged75 ?? null, unit: 'share' },
    { code: 'primaryCareMeanMinutes', value: primary?.meanMinutes ?? null, unit: 'minutes' },
    {
      code: 'meanUtilisation',
      value: open.length > 0 ? open.reduce((a, u) => a + (u.utilisation ?? 0), 0) / open.length : null,
      unit: 'share',
    },
    {
      code: 'unitsAtCapacity',
      value: open.filter((u) => (u.utilisation ?? 0) >= 0.995).length,
      unit: 'count',
    },
    { code: 'unservedShare', value: demand > 0 ? unserved / demand : null, unit: 'share' },
    { code: 'costPerResident', value: residents > 0 ? totalCostEuros / residents : null, unit: 'euros' },
  ];
};
