import type {
  CatalogueIndicator,
  MonitoringSet,
  MonitoringSetUpdate,
  TargetDirection,
  TargetScope,
} from '../../../../src/model/index.js';

/** A target as typed in the form: text fields stay text until the set is saved. */
export interface DraftTarget {
  targetValue: string;
  tolerance: string;
  period: string;
  direction: TargetDirection;
}

export interface DraftItem {
  indicatorId: string;
  scope: TargetScope;
  target: DraftTarget | null;
}

export interface DraftSet {
  name: string;
  description: string;
  items: DraftItem[];
}

/** "1 234,5" and "1234.5" alike; undefined for anything that is not a finite number. */
export const parseDecimal = (text: string): number | undefined => {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.')
    .replace('−', '-');
  if (cleaned === '' || !/^-?\d*\.?\d+$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
};

export const draftOf = (set: MonitoringSet, format: (value: number) => string): DraftSet => ({
  name: set.name,
  description: set.description,
  items: set.items.map((item) => ({
    indicatorId: item.indicatorId,
    scope: item.scope,
    target: item.target
      ? {
          targetValue: format(item.target.targetValue),
          tolerance: format(item.target.tolerance),
          period: item.target.period,
          direction: item.target.direction,
        }
      : null,
  })),
});

/** A new target's defaults: next year, in the indicator's good direction. */
export const newTarget = (indicator: CatalogueIndicator | undefined, year: number): DraftTarget => ({
  targetValue: '',
  tolerance: '0',
  period: String(year),
  direction: indicator?.direction === 'lowerIsBetter' ? 'lowerIsBetter' : 'higherIsBetter',
});

export const move = <T>(items: readonly T[], from: number, to: number): T[] => {
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
};

/**
 * The stored targets the draft lets go of: an item removed, or its target unticked. Saving the set leaves
 * them in place (a set's item without a target keeps the stored one), so they are deleted by id.
 */
export const droppedTargetIds = (set: MonitoringSet, draft: DraftSet): number[] =>
  set.items.flatMap((item) => {
    if (!item.target) return [];
    const kept = draft.items.some(
      (candidate) =>
        candidate.indicatorId === item.indicatorId &&
        candidate.scope.level === item.scope.level &&
        candidate.scope.code === item.scope.code &&
        candidate.target !== null,
    );
    return kept ? [] : [item.target.id];
  });

/**
 * The draft as the API takes it, or the list of the indicators whose target fields do not read as
 * numbers (so the form can say which to fix).
 */
export const updateOf = (draft: DraftSet, version: number): MonitoringSetUpdate | { invalid: string[] } => {
  const invalid: string[] = [];
  const items = draft.items.map((item) => {
    if (!item.target) return { indicatorId: item.indicatorId, scope: item.scope };
    const targetValue = parseDecimal(item.target.targetValue);
    const tolerance = parseDecimal(item.target.tolerance);
    if (targetValue === undefined || tolerance === undefined || tolerance < 0) invalid.push(item.indicatorId);
    return {
      indicatorId: item.indicatorId,
      scope: item.scope,
      target: {
        period: item.target.period.trim(),
        targetValue: targetValue ?? 0,
        tolerance: tolerance ?? 0,
        direction: item.target.direction,
      },
    };
  });
  if (invalid.length > 0) return { invalid };
  return { name: draft.name.trim(), description: draft.description.trim(), items, version };
};
