import { usePageMessages } from '../../i18n/usePageMessages.js';
import { forecastMessages } from './messages.js';
import { PlayButton } from './PlayButton.js';
import type { Playback } from './usePlayback.js';
import { YearInput } from './YearInput.js';

interface YearControlProps {
  year: number;
  firstYear: number;
  lastYear: number;
  /** The last recorded year; the years after it are projected. */
  baseYear: number | undefined;
  playback: Playback;
  onChange(year: number): void;
}

/** The year as a slider and as a number field (the two move together), and play or pause. */
export const YearControl = ({
  year,
  firstYear,
  lastYear,
  baseYear,
  playback,
  onChange,
}: YearControlProps) => {
  const text = usePageMessages(forecastMessages).controls;
  return (
    <div className="year-control">
      <label htmlFor="forecast-year">{text.year}</label>
      <div className="year-control__inputs">
        <input
          type="range"
          min={firstYear}
          max={lastYear}
          step={1}
          value={year}
          aria-label={text.yearSlider}
          aria-valuetext={String(year)}
          onChange={(event) => onChange(Number(event.target.value))}
        />
        <YearInput
          id="forecast-year"
          year={year}
          firstYear={firstYear}
          lastYear={lastYear}
          onChange={onChange}
        />
        <PlayButton playback={playback} describedBy="forecast-play-help" />
      </div>
      <p id="forecast-play-help" className="hint">
        {baseYear === undefined ? '' : `${text.history(String(baseYear))} `}
        {text.playHelp}
      </p>
    </div>
  );
};
