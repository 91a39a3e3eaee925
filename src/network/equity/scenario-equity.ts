import {
  discloseCount,
  type EquityGroup,
  type EquityResult,
  populationAgeGroups,
} from '../../model/index.js';
import type { Store } from '../../store/index.js';
import type { CellPopulation } from '../scenario/context-data.js';
import { equitySummary, type GroupDistribution } from './measures.js';

/** The municipality each grid cell lies in, as the area hierarchy records it (its parent code). */
export const cellMunicipalities = async (store: Store): Promise<Map<string, string>> => {
  const rows = await store.all<{ code: string; parent: string | null }>(
    `SELECT code, any_value(parent_code) AS parent FROM areas WHERE level = 'gridCell' GROUP BY code`,
  );
  return new Map(rows.flatMap((r) => (r.parent ? [[r.code, r.parent] as [string, string]] : [])));
};

const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** A group as a viewer may see it: counts of 1–4 withheld unless unsuppressed, and then no times either. */
export const disclosedGroup = (group: GroupDistribution, unsuppressed: boolean): EquityGroup => {
  const counts = [group.residents, group.beyondLimit, group.unreachable].map((n) =>
    unsuppressed ? { value: Math.round(n), suppressed: false } : discloseCount(Math.round(n)),
  );
  // A group of 1–4 residents shows no times either: they would describe those few people.
  const hidden = counts[0]?.suppressed === true;
  return {
    group: group.group,
    residents: counts[0]?.value ?? null,
    mean: hidden ? null : round(group.mean),
    median: hidden ? null : round(group.median),
    p90: hidden ? null : round(group.p90),
    beyondLimit: hidden ? null : (counts[1]?.value ?? null),
    unreachable: hidden ? null : (counts[2]?.value ?? null),
    suppressed: counts.some((c) => c.suppressed),
  };
};

/**
 * Equity of access for one class under a scenario, from each cell's time to its nearest unit and its
 * residents by age group. Cells without a recorded municipality are grouped under ''.
 */
export const scenarioEquity = (input: {
  serviceClass: string;
  cells: CellPopulation;
  minutes: Float64Array;
  municipalities: ReadonlyMap<string, string>;
  limitMinutes: number;
  unsuppressed: boolean;
}): EquityResult => {
  const { cells, minutes } = input;
  const rows: { minutes: number; residents: number; groups: Record<string, string> }[] = [];
  cells.codes.forEach((code, c) => {
    populationAgeGroups.forEach((group, g) => {
      const residents = (cells.byAgeGroup[g] as Float64Array)[c] as number;
      if (!(residents > 0)) return;
      rows.push({
        minutes: minutes[c] as number,
        residents,
        groups: { ageGroup: group.code, municipality: input.municipalities.get(code) ?? '' },
      });
    });
  });
  const summary = equitySummary(rows, input.limitMinutes);
  const beyond = input.unsuppressed
    ? { value: Math.round(summary.beyondLimit), suppressed: false }
    : discloseCount(Math.round(summary.beyondLimit));
  const order = new Map(populationAgeGroups.map((g, i) => [g.code, i]));
  return {
    serviceClass: input.serviceClass,
    limitMinutes: input.limitMinutes,
    residents: Math.round(summary.residents),
    gini: summary.gini === null ? null : Math.round(summary.gini * 1000) / 1000,
    palma: summary.palma === null ? null : Math.round(summary.palma * 100) / 100,
    beyondLimit: beyond.value,
    byAgeGroup: [...(summary.byGroup.ageGroup ?? [])]
      .sort((a, b) => (order.get(a.group) ?? 0) - (order.get(b.group) ?? 0))
      .map((g) => disclosedGroup(g, input.unsuppressed)),
    byMunicipality: [...(summary.byGroup.municipality ?? [])]
      .sort((a, b) => a.group.localeCompare(b.group))
      .map((g) => disclosedGroup(g, input.unsuppressed)),
  };
};
