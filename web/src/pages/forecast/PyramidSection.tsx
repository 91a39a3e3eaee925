import { useMemo } from 'react';
import type { ForecastPyramid } from '../../../../src/model/index.js';
import { Loaded } from '../../components/Loaded.js';
import { type AreaChoice, useForecastPyramids } from './api.js';
import { PyramidPanel } from './PyramidPanel.js';
import { bandRows, largestFigure, type PyramidRow } from './pyramid.js';

interface PyramidSectionProps {
  variant: string;
  area: AreaChoice | undefined;
  areaName: string;
  years: readonly number[];
  year: number | undefined;
  /** The last recorded year, outlined over the projected ones. */
  baseYear: number | undefined;
  still: boolean;
}

/** A row of the API as the pyramid draws it: a withheld figure stays withheld, never zero. */
const pyramidRows = (pyramid: ForecastPyramid): PyramidRow[] =>
  pyramid.rows.map((row) => ({
    ageFrom: row.age,
    ageTo: row.age,
    male: { value: row.male, suppressed: row.male === null && row.suppressed },
    female: { value: row.female, suppressed: row.female === null && row.suppressed },
  }));

/** Loads the pyramids of every year of the variant and shows the chosen year's. */
export const PyramidSection = ({
  variant,
  area,
  areaName,
  years,
  year,
  baseYear,
  still,
}: PyramidSectionProps) => {
  const state = useForecastPyramids(variant || undefined, area, years);
  const data = state.status === 'ready' ? state.data : undefined;
  const rowsByYear = useMemo(
    () => new Map([...(data?.entries() ?? [])].map(([key, pyramid]) => [key, pyramidRows(pyramid)])),
    [data],
  );
  const largest = useMemo(
    () => ({
      single: largestFigure(rowsByYear.values()),
      banded: largestFigure([...rowsByYear.values()].map((rows) => bandRows(rows, 5))),
    }),
    [rowsByYear],
  );
  return (
    <Loaded state={state}>
      {(pyramids) => {
        const pyramid = year === undefined ? undefined : pyramids.get(year);
        const rows = year === undefined ? undefined : rowsByYear.get(year);
        if (!pyramid || !rows || year === undefined) return null;
        const recordedRows = baseYear === undefined ? undefined : rowsByYear.get(baseYear);
        return (
          <PyramidPanel
            rows={rows}
            largest={largest}
            areaName={areaName}
            year={year}
            observed={pyramid.observed}
            still={still}
            recorded={
              recordedRows && baseYear !== undefined ? { year: baseYear, rows: recordedRows } : undefined
            }
          />
        );
      }}
    </Loaded>
  );
};
