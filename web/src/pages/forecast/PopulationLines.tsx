import { useState } from 'react';
import type { ForecastSeries } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { GroupLineChart } from './GroupLineChart.js';
import { groupTitle } from './groupTitle.js';
import { LineLegend } from './LineLegend.js';
import { LinesTable } from './LinesTable.js';
import { groupCharts, totalCode, yearsOf } from './lines.js';
import { forecastMessages } from './messages.js';
import { ToggleButton } from './ToggleButton.js';
import { variantLabel } from './variantLabel.js';

interface PopulationLinesProps {
  series: ForecastSeries;
  areaName: string;
  year: number;
}

/** Small multiples: the whole population and each age group, each on its own scale, years along the bottom. */
export const PopulationLines = ({ series, areaName, year }: PopulationLinesProps) => {
  const messages = usePageMessages(forecastMessages);
  const { language } = useI18n();
  const text = messages.lines;
  const [tableShown, setTableShown] = useState(false);
  const lines = series.lines.map((line) => ({
    ...line,
    label: variantLabel(line, language),
  }));
  const charts = groupCharts({ ...series, lines }, text.history);
  const years = yearsOf(charts);
  const span: [number, number] = [years[0] ?? year, years[years.length - 1] ?? year];
  const titles = new Map([
    [totalCode, text.total],
    ...series.ageGroups.map((group): [string, string] => [group.code, groupTitle(group)]),
  ]);
  const legendLines = charts[0]?.lines ?? [];
  return (
    <>
      <p className="hint">{text.lead}</p>
      {series.lines.some((line) => line.kind === 'official') ? null : (
        <p className="hint">{text.noOfficial}</p>
      )}
      <div className="lines-layout">
        <div className="lines-grid">
          {charts.map((chart) => {
            const title = titles.get(chart.code) ?? chart.code;
            return (
              <GroupLineChart
                key={chart.code}
                chart={chart}
                title={title}
                label={text.chartName(title)}
                years={span}
                year={year}
              />
            );
          })}
        </div>
        <LineLegend lines={legendLines} />
      </div>
      <div className="forecast-toolbar">
        <ToggleButton
          expanded={tableShown}
          controls="lines-figures"
          showLabel={text.showTable}
          hideLabel={text.hideTable}
          onToggle={() => setTableShown(!tableShown)}
        />
      </div>
      <div id="lines-figures" hidden={!tableShown}>
        {tableShown ? <LinesTable charts={charts} titles={titles} caption={text.caption(areaName)} /> : null}
      </div>
    </>
  );
};
