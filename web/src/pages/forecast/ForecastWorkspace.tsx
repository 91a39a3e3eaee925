import { useCallback, useMemo, useState } from 'react';
import type { AreaLevel, AreaView, ForecastVariant, ServiceClass } from '../../../../src/model/index.js';
import { Loaded } from '../../components/Loaded.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { areaName } from '../data/names.js';
import { useForecastDemand, useForecastSeries } from './api.js';
import { areaKey, parseAreaKey } from './area.js';
import { Busy } from './Busy.js';
import { ForecastControls } from './ForecastControls.js';
import { ForecastSections } from './ForecastSections.js';
import { forecastMessages } from './messages.js';
import { seriesYears } from './seriesYears.js';
import { useKept } from './useKept.js';
import { usePlayback } from './usePlayback.js';
import { usePrefersReducedMotion } from './usePrefersReducedMotion.js';
import { YearControl } from './YearControl.js';

interface ForecastWorkspaceProps {
  counties: readonly AreaView[];
  municipalities: readonly AreaView[];
  variants: readonly ForecastVariant[];
  serviceClasses: readonly ServiceClass[];
}

/** How far ahead the page opens: the horizon the service network is planned for. */
const defaultHorizonYears = 10;

/** The choices and everything that follows from them. */
export const ForecastWorkspace = ({
  counties,
  municipalities,
  variants,
  serviceClasses,
}: ForecastWorkspaceProps) => {
  const messages = usePageMessages(forecastMessages);
  const { language } = useI18n();
  const still = usePrefersReducedMotion();
  const firstArea = counties[0] ?? municipalities[0];
  const [chosenArea, setArea] = useState(firstArea ? areaKey(firstArea) : '');
  const [variant, setVariant] = useState(
    (variants.find((candidate) => candidate.kind === 'estimated') ?? variants[0])?.name ?? '',
  );
  const [chosenYear, setChosenYear] = useState<number | undefined>(undefined);
  const area = parseAreaKey(chosenArea);
  // Figures kept on screen while others load are named after the area they are about, not the one chosen.
  const nameOf = (level: AreaLevel, code: string) => {
    const key = areaKey({ level, code });
    const view = [...counties, ...municipalities].find((candidate) => areaKey(candidate) === key);
    return view ? areaName(view, language) : code;
  };
  const municipalityName = (code: string) => {
    const municipality = municipalities.find((candidate) => candidate.code === code);
    return municipality ? areaName(municipality, language) : code;
  };

  const { state: seriesState, busy: seriesBusy } = useKept(useForecastSeries(variant || undefined, area));
  const series = seriesState.status === 'ready' ? seriesState.data : undefined;
  // One array per answer: playback restarts its clock when the years change.
  const years = useMemo(() => (series ? seriesYears(series, variant) : []), [series, variant]);
  const firstYear = years[0];
  const lastYear = years[years.length - 1];
  const baseYear = series?.baseYear;
  const openingYear =
    baseYear === undefined ? undefined : Math.min(baseYear + defaultHorizonYears, lastYear ?? baseYear);
  const year =
    chosenYear !== undefined && firstYear !== undefined && lastYear !== undefined
      ? Math.min(Math.max(chosenYear, firstYear), lastYear)
      : openingYear;
  const setYear = useCallback((next: number) => setChosenYear(next), []);
  const playback = usePlayback(year ?? 0, { years, setYear, stepMilliseconds: still ? 1500 : 700 });
  const demand = useForecastDemand(variant || undefined, area, year);

  return (
    <>
      <ForecastControls
        counties={counties}
        municipalities={municipalities}
        variants={variants}
        area={chosenArea}
        variant={variant}
        onArea={setArea}
        onVariant={setVariant}
      >
        {year !== undefined && firstYear !== undefined && lastYear !== undefined ? (
          <YearControl
            year={year}
            firstYear={firstYear}
            lastYear={lastYear}
            baseYear={baseYear}
            playback={playback}
            onChange={setYear}
          />
        ) : null}
      </ForecastControls>
      {area && variant ? (
        // The series gives the years; until the first has come (or if one fails) there is nothing else to
        // show. A later choice keeps the figures shown, dimmed, until its series has come.
        <Loaded state={seriesState}>
          {(data) => (
            <Busy busy={seriesBusy}>
              <ForecastSections
                series={data}
                variant={variant}
                area={area}
                areaName={nameOf}
                year={year ?? data.baseYear}
                demand={demand}
                serviceClasses={serviceClasses}
                municipalityName={municipalityName}
                still={still}
              />
            </Busy>
          )}
        </Loaded>
      ) : (
        <p className="status">{messages.empty}</p>
      )}
    </>
  );
};
