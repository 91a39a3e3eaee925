import type { ComparisonRow, ScenarioComparison, ScenarioResult } from '../../model/index.js';

type Unit = ComparisonRow['unit'];

interface Metric {
  metric: string;
  serviceClass: string | null;
  unit: Unit;
  higherIsBetter: boolean | null;
  value(result: ScenarioResult): number | null;
}

const classMetrics = (code: string, thresholds: readonly number[]): Metric[] => {
  const of = (result: ScenarioResult) => result.classes.find((c) => c.serviceClass === code);
  const metrics: Omit<Metric, 'serviceClass'>[] = [
    { metric: 'unitCount', unit: 'count', higherIsBetter: null, value: (r) => of(r)?.unitCount ?? null },
    {
      metric: 'meanMinutes',
      unit: 'minutes',
      higherIsBetter: false,
      value: (r) => of(r)?.meanMinutes ?? null,
    },
    { metric: 'p90Minutes', unit: 'minutes', higherIsBetter: false, value: (r) => of(r)?.p90Minutes ?? null },
    ...thresholds.flatMap((limit): Omit<Metric, 'serviceClass'>[] => [
      {
        metric: `within${limit}Min`,
        unit: 'share',
        higherIsBetter: true,
        value: (r) => of(r)?.within.find((w) => w.minutes === limit)?.all ?? null,
      },
      {
        metric: `within${limit}MinAged75`,
        unit: 'share',
        higherIsBetter: true,
        value: (r) => of(r)?.within.find((w) => w.minutes === limit)?.aged75 ?? null,
      },
    ]),
    {
      metric: 'inPersonDemand',
      unit: 'demand',
      higherIsBetter: null,
      value: (r) => of(r)?.inPersonDemand ?? null,
    },
    { metric: 'unserved', unit: 'demand', higherIsBetter: false, value: (r) => of(r)?.unserved ?? null },
    {
      metric: 'unreachableDemand',
      unit: 'demand',
      higherIsBetter: false,
      value: (r) => of(r)?.unreachableDemand ?? null,
    },
    { metric: 'costEuros', unit: 'euros', higherIsBetter: false, value: (r) => of(r)?.costEuros ?? null },
  ];
  return metrics.map((m) => ({ ...m, serviceClass: code }));
};

const totalMetrics: Metric[] = [
  {
    metric: 'totalCostEuros',
    serviceClass: null,
    unit: 'euros',
    higherIsBetter: false,
    value: (r) => r.costs.totalEuros,
  },
  {
    metric: 'fixedCostEuros',
    serviceClass: null,
    unit: 'euros',
    higherIsBetter: false,
    value: (r) => r.costs.fixedEuros,
  },
  { metric: 'staffFte', serviceClass: null, unit: 'fte', higherIsBetter: null, value: (r) => r.staffFte },
  {
    metric: 'openUnits',
    serviceClass: null,
    unit: 'count',
    higherIsBetter: null,
    value: (r) => r.units.filter((u) => u.status !== 'closed').length,
  },
];

const monitoringMetrics = (results: ScenarioResult[]): Metric[] => {
  const codes = [...new Set(results.flatMap((r) => r.monitoring.map((m) => m.code)))];
  return codes.map((code) => {
    const sample = results.flatMap((r) => r.monitoring).find((m) => m.code === code);
    const unit: Unit =
      sample?.unit === 'minutes' || sample?.unit === 'euros'
        ? sample.unit
        : sample?.unit === 'count'
          ? 'count'
          : 'share';
    const higherIsBetter = /Within/.test(code)
      ? true
      : /Minutes|unserved|AtCapacity|cost/i.test(code)
        ? false
        : null;
    return {
      metric: code,
      serviceClass: null,
      unit,
      higherIsBetter,
      value: (r: ScenarioResult) => r.monitoring.find((m) => m.code === code)?.value ?? null,
    };
  });
};

/** Two or more results side by side, each figure with its difference from the first scenario's. */
export const compareResults = (results: ScenarioResult[]): ScenarioComparison => {
  const thresholds = results[0]?.thresholds ?? [];
  const classes = [...new Set(results.flatMap((r) => r.classes.map((c) => c.serviceClass)))];
  const metrics = [
    ...totalMetrics,
    ...monitoringMetrics(results),
    ...classes.flatMap((code) => classMetrics(code, thresholds)),
  ];
  return {
    scenarios: results.map((r) => ({
      id: r.scenarioId,
      name: r.name,
      version: r.version,
      targetYear: r.targetYear,
      travel: r.travel,
    })),
    rows: metrics.map((m) => {
      const values = results.map((r) => m.value(r));
      const first = values[0] ?? null;
      return {
        metric: m.metric,
        serviceClass: m.serviceClass,
        unit: m.unit,
        higherIsBetter: m.higherIsBetter,
        values,
        differences: values.map((v) => (v === null || first === null ? null : v - first)),
      };
    }),
  };
};
