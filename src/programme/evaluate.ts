import type {
  CourseStatus,
  EffectPoint,
  EffectView,
  ExpectedEffect,
  IndicatorSource,
  MonitoringSet,
  MonitoringSetItemView,
  ProgrammeView,
  Project,
  ProjectView,
  Viewer,
} from '../model/index.js';
import type { Store } from '../store/index.js';
import { evaluateMonitoringSet } from '../targets/index.js';
import { courseOf, expectedOn, latestPoint, periodEnd, worstCourse } from './on-course.js';

export interface ProgrammeOptions {
  viewer: Viewer;
  /** The day milestones are overdue against; today by default. */
  asOf?: string;
  /** The last year measured; by default the latest with events. */
  toYear?: number;
  /** Indicators computed elsewhere than in the indicator engine (the service chains' measures). */
  source?: IndicatorSource | undefined;
}

const effectKey = (e: Pick<ExpectedEffect, 'indicatorId' | 'scope'>) =>
  `${e.indicatorId}|${e.scope.level}|${e.scope.code ?? ''}`;

const effectView = (effect: ExpectedEffect, item: MonitoringSetItemView | undefined): EffectView => {
  const series: EffectPoint[] = (item?.series ?? []).map((p) => ({
    period: p.period,
    periodEnd: p.periodEnd,
    value: p.value,
    lower: p.lower,
    upper: p.upper,
    suppressed: p.suppressed,
    expected: expectedOn(effect, p.periodEnd),
  }));
  const latest = latestPoint(effect, series);
  return {
    ...effect,
    title: item?.title ?? null,
    unit: item?.unit ?? null,
    decimals: item?.decimals ?? null,
    status: courseOf(effect, latest),
    latest: latest ?? null,
    series,
    note: item ? item.note : 'not computed',
  };
};

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export const projectView = (
  project: Project,
  items: ReadonlyMap<string, MonitoringSetItemView>,
  asOf: string,
): ProjectView => {
  const effectViews = project.effects.map((e) => effectView(e, items.get(effectKey(e))));
  const reports = [...project.statusReports].sort((a, b) => a.date.localeCompare(b.date));
  return {
    ...project,
    course: worstCourse(effectViews.map((e) => e.status)),
    effectViews,
    overdueMilestones: project.milestones.filter((m) => m.done === null && m.due < asOf).length,
    latestStatus: reports.at(-1) ?? null,
    budgetEuros: sum(project.funding.map((f) => f.budgetEuros)),
    spentEuros: sum(project.funding.map((f) => f.spentEuros)),
    topRiskScore: Math.max(0, ...project.risks.map((r) => r.likelihood * r.impact)),
  };
};

/** Years of series needed to show every effect from its baseline on (the engine computes at most 10). */
const yearsNeeded = (projects: readonly Project[], toYear: number | undefined): number => {
  const first = Math.min(
    ...projects.flatMap((p) => p.effects.map((e) => Number(periodEnd(e.baselinePeriod).slice(0, 4)))),
  );
  const last = toYear ?? new Date().getUTCFullYear();
  return Number.isFinite(first) ? Math.min(10, Math.max(1, last - first + 1)) : 1;
};

/**
 * The programme as the steering group reads it: every project with its indicators' actual course
 * against the line it promised (computed by the indicator engine for the viewer, so figures about few
 * people are withheld and read as unknown), its milestones, money, risks and latest status report.
 * All projects' indicators are computed in one evaluation, one engine request per area level.
 */
export const evaluateProgramme = async (
  store: Store,
  projects: readonly Project[],
  options: ProgrammeOptions,
): Promise<ProgrammeView> => {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const effects = new Map(projects.flatMap((p) => p.effects.map((e) => [effectKey(e), e] as const)));
  const items = new Map<string, MonitoringSetItemView>();
  if (effects.size > 0) {
    const set: MonitoringSet = {
      id: 1,
      name: 'programme',
      description: '',
      names: null,
      descriptions: null,
      version: 1,
      updatedAt: asOf,
      indicatorCount: effects.size,
      items: [...effects.values()].map((e, position) => ({
        position,
        indicatorId: e.indicatorId,
        scope: e.scope,
        target: null,
      })),
    };
    const view = await evaluateMonitoringSet(store, set, {
      viewer: options.viewer,
      source: options.source,
      periodType: 'year',
      years: yearsNeeded(projects, options.toYear),
      ...(options.toYear !== undefined && { toYear: options.toYear }),
    });
    for (const item of view.items) items.set(effectKey(item), item);
  }
  const views = projects.map((p) => projectView(p, items, asOf));
  const counts: Record<CourseStatus, number> = { onCourse: 0, uncertain: 0, offCourse: 0, unknown: 0 };
  for (const v of views) counts[v.course]++;
  return { asOf, projects: views, counts };
};
