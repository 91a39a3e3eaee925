import { useMemo } from 'react';
import type { AreaLevel, ForecastPyramidYear } from '../../../../src/model/index.js';
import { Loaded } from '../../components/Loaded.js';
import { type AreaChoice, useForecastPyramids } from './api.js';
import { Busy } from './Busy.js';
import { PyramidPanel } from './PyramidPanel.js';
import { bandRows, largestFigure, type PyramidRow } from './pyramid.js';
import { useKept } from './useKept.js';

interface PyramidSectionProps {
  variant: string;
  area: AreaChoice | undefined;
  areaName(level: AreaLevel, code: string): string;
  year: number | undefined;
  /** The last recorded year, outlined over the projected ones. */
  baseYear: number | undefined;
  still: boolean;
}

/** A year of the API as the pyramid draws it: a withheld figure (null) stays withheld, never zero. */
export const pyramidRows = (pyramid: Pick<ForecastPyramidYear, 'male' | 'female'>): PyramidRow[] =>
  pyramid.male.map((male, age) => {
    const female = pyramid.female[age] ?? null;
    return {
      ageFrom: age,
      ageTo: age,
      male: { value: male, suppressed: male === null },
      female: { value: female, suppressed: female === null },
    };
  });

/** Loads the pyramids of every year of the variant in one answer and shows the chosen year's. */
export const PyramidSection = ({ variant, area, areaName, year, baseYear, still }: PyramidSectionProps) => {
  const { state, busy } = useKept(useForecastPyramids(variant || undefined, area));
  const data = state.status === 'ready' ? state.data : undefined;
  const byYear = useMemo(
    () =>
      new Map(
        data?.years.map((entry) => [entry.year, { observed: entry.observed, rows: pyramidRows(entry) }]),
      ),
    [data],
  );
  const largest = useMemo(
    () => ({
      single: data?.largest ?? largestFigure([...byYear.values()].map((entry) => entry.rows)),
      banded: largestFigure([...byYear.values()].map((entry) => bandRows(entry.rows, 5))),
    }),
    [data, byYear],
  );
  return (
    <Loaded state={state}>
      {(pyramids) => {
        // While another area or variant loads, the year may be one the kept answer lacks: its nearest then.
        const shownYear = year === undefined ? undefined : nearestYear([...byYear.keys()], year);
        const pyramid = shownYear === undefined ? undefined : byYear.get(shownYear);
        if (!pyramid || shownYear === undefined) return null;
        const recorded = baseYear === undefined ? undefined : byYear.get(baseYear);
        return (
          <Busy busy={busy}>
            <PyramidPanel
              rows={pyramid.rows}
              largest={largest}
              areaName={areaName(pyramids.areaLevel, pyramids.areaCode)}
              year={shownYear}
              observed={pyramid.observed}
              still={still}
              recorded={
                recorded && baseYear !== undefined ? { year: baseYear, rows: recorded.rows } : undefined
              }
            />
          </Busy>
        );
      }}
    </Loaded>
  );
};

const nearestYear = (years: readonly number[], year: number): number | undefined =>
  years.reduce<number | undefined>(
    (best, candidate) =>
      best === undefined || Math.abs(candidate - year) < Math.abs(best - year) ? candidate : best,
    undefined,
  );
