import { useState } from 'react';
import { ChartLegend } from '../../charts/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { BandChoice } from './BandChoice.js';
import { forecastMessages } from './messages.js';
import { PopulationPyramid } from './PopulationPyramid.js';
import { PyramidTable } from './PyramidTable.js';
import { bandRows, type PyramidRow, pyramidColours, totalsOf } from './pyramid.js';
import { ToggleButton } from './ToggleButton.js';

interface PyramidPanelProps {
  /** Single-year rows of the chosen year. */
  rows: readonly PyramidRow[];
  /** The largest single-year figure of any year; bands scale from it too. */
  largest: { single: number; banded: number };
  areaName: string;
  year: number;
  observed: boolean;
  still: boolean;
  /** The last recorded year's single-year rows, outlined over the other years for comparison. */
  recorded?: { year: number; rows: readonly PyramidRow[] } | undefined;
}

/** The pyramid, its choice of age bands, and its figures as a table on request. */
export const PyramidPanel = ({
  rows,
  largest,
  areaName,
  year,
  observed,
  still,
  recorded,
}: PyramidPanelProps) => {
  const text = usePageMessages(forecastMessages).pyramid;
  const { number } = useI18n();
  const [bandWidth, setBandWidth] = useState(5);
  const [tableShown, setTableShown] = useState(false);
  const shown = bandRows(rows, bandWidth);
  const outline = recorded && recorded.year !== year ? bandRows(recorded.rows, bandWidth) : undefined;
  const totals = totalsOf(rows);
  const figure = (value: number | null) => (value === null ? '–' : number(value));
  const yearText = `${year} (${observed ? text.recorded : text.projected})`;
  const label = `${text.name(areaName, yearText)}. ${text.summary(figure(totals.male.value), figure(totals.female.value))}`;
  return (
    <>
      <div className="forecast-toolbar">
        <BandChoice bandWidth={bandWidth} onChange={setBandWidth} />
        <ToggleButton
          expanded={tableShown}
          controls="pyramid-figures"
          showLabel={text.showTable}
          hideLabel={text.hideTable}
          onToggle={() => setTableShown(!tableShown)}
        />
      </div>
      <figure className="pyramid-figure">
        <figcaption className="pyramid-figure__caption">
          <span className="pyramid-figure__year">{year}</span> {observed ? text.recorded : text.projected}
        </figcaption>
        <PopulationPyramid
          rows={shown}
          largest={bandWidth === 1 ? largest.single : largest.banded}
          label={label}
          still={still}
          outline={outline}
        />
        <ChartLegend
          items={[
            { kind: 'bar', label: text.men, colour: pyramidColours.male },
            { kind: 'bar', label: text.women, colour: pyramidColours.female },
            ...(outline && recorded
              ? [
                  {
                    kind: 'line' as const,
                    label: text.outline(String(recorded.year)),
                    colour: pyramidColours.outline,
                  },
                ]
              : []),
          ]}
        />
      </figure>
      <div id="pyramid-figures" hidden={!tableShown}>
        {tableShown ? <PyramidTable rows={shown} caption={text.caption(areaName, yearText)} /> : null}
      </div>
    </>
  );
};
