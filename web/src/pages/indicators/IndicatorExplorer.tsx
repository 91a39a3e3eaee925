import { useState } from 'react';
import {
  type CatalogueIndicator,
  type IndicatorValue,
  isChainIndicator,
  type LocalText,
} from '../../../../src/model/index.js';
import { combine } from '../../api/combine.js';
import { useAreaShapes } from '../../api/endpoints.js';
import { axisFormat, decimalFormat } from '../../charts/index.js';
import { Loaded } from '../../components/Loaded.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { useCan } from '../../session/SessionProvider.js';
import { useIndicatorResult, useNeedsStandardisedCost } from './api.js';
import { Choices } from './Choices.js';
import { ComparePicker, comparedCodes } from './ComparePicker.js';
import { CostComparison } from './CostComparison.js';
import { resolveChoice } from './choice.js';
import { Definition } from './Definition.js';
import { AreaComparison, BreakdownChart, Trend } from './Figures.js';
import type { AreaSelection } from './IndicatorMap.js';
import { MapPanel } from './MapPanel.js';
import { indicatorsMessages } from './messages.js';
import { useQueryParams } from './query.js';
import { Section } from './Section.js';
import { ValueTable } from './ValueTable.js';
import { periodsOf, shownPeriodOf } from './values.js';

interface ExplorerProps {
  indicators: readonly CatalogueIndicator[];
  /** The service chains' names by id, for their measures. */
  chainNames: ReadonlyMap<string, LocalText>;
  /** Years the store has events or costs for: the span every request covers. */
  years: readonly number[];
}

export const IndicatorExplorer = ({ indicators, chainNames, years }: ExplorerProps) => {
  const { language } = useI18n();
  const text = usePageMessages(indicatorsMessages);
  const [params, update] = useQueryParams();
  const [selection, setSelection] = useState<AreaSelection | null>(null);
  const choice = resolveChoice(params, indicators);
  const span = {
    fromYear: years.length ? Math.min(...years) : undefined,
    toYear: years.length ? Math.max(...years) : undefined,
  };
  const indicator = choice?.indicator;
  const request = {
    level: choice?.level ?? 'municipality',
    period: choice?.periodType ?? 'year',
    breakdown: choice?.breakdown,
    ...span,
  };
  const result = useIndicatorResult(indicator?.id, request);
  const county = useIndicatorResult(indicator?.id, { ...request, level: 'county' });
  const shapes = useAreaShapes('municipality', span.toYear);
  const seesNetCosts = useCan('viewUnsuppressed');
  const cost = useNeedsStandardisedCost(seesNetCosts);
  if (!choice || !indicator) return null;

  const format = decimalFormat(language, indicator.decimals);
  const formatCount = decimalFormat(language, 0);
  const formatTick = (value: number, step: number) => axisFormat(language, step)(value);
  const title = indicator.title[language];
  const periods = result.status === 'ready' ? periodsOf(result.data.values) : [];
  const shownPeriod = shownPeriodOf(periods, choice.period);

  return (
    <>
      <Choices
        indicators={indicators}
        chainNames={chainNames}
        choice={choice}
        periods={periods}
        shownPeriod={shownPeriod}
        onChange={update}
      />
      <Loaded state={combine(result, county)}>
        {([areaResult, countyResult]) => {
          const inPeriod = (value: IndicatorValue) => value.period === shownPeriod;
          const countyValue = countyResult.values.find((value) => value.isTotal && inPeriod(value))?.value;
          const areaTotals = areaResult.values.filter((value) => value.isTotal && inPeriod(value));
          const tableRows = areaResult.values.filter(
            (value) => inPeriod(value) && (choice.breakdown ? true : value.isTotal),
          );
          const figureProps = { format, formatTick };
          const compared = comparedCodes(params.get('compare'), areaTotals);
          const comparedSeries = compared.map((code) =>
            areaResult.values.filter((value) => value.isTotal && value.areaCode === code),
          );
          return (
            <>
              <Definition
                indicator={indicator}
                metadata={areaResult.metadata}
                chainName={isChainIndicator(indicator) ? chainNames.get(indicator.chainId) : undefined}
              />
              <div className="indicator-columns">
                <div>
                  <Trend
                    indicator={indicator}
                    values={countyResult.values}
                    compared={comparedSeries}
                    {...figureProps}
                  />
                  {choice.level === 'municipality' ? (
                    <ComparePicker
                      areas={areaTotals}
                      chosen={compared}
                      onChange={(codes) => update({ compare: codes.join(',') })}
                    />
                  ) : null}
                </div>
                {shownPeriod && choice.level !== 'county' ? (
                  <AreaComparison
                    indicator={indicator}
                    values={areaTotals}
                    period={shownPeriod}
                    countyValue={countyValue}
                    highlighted={new Set(compared)}
                    {...figureProps}
                  />
                ) : null}
              </div>
              {choice.breakdown && shownPeriod ? (
                <BreakdownChart
                  indicator={indicator}
                  values={countyResult.values}
                  dimension={text.breakdowns[choice.breakdown]}
                  period={shownPeriod}
                  {...figureProps}
                />
              ) : null}
              <div className="indicator-columns indicator-columns--table-map">
                <Section id="table" title={text.table.title}>
                  <ValueTable
                    caption={text.table.caption(title, shownPeriod ?? '')}
                    values={tableRows}
                    countyValue={countyValue}
                    withCategory={choice.breakdown !== undefined}
                    format={format}
                    formatCount={formatCount}
                    mapped={
                      choice.level === 'municipality' && shapes.status === 'ready'
                        ? new Set(
                            shapes.data.features.flatMap((f) => (f.geometry ? [f.properties.code] : [])),
                          )
                        : new Set()
                    }
                    onShow={(code) => {
                      setSelection({ code, fromTable: true });
                      document.getElementById('map')?.scrollIntoView({ block: 'start' });
                    }}
                  />
                </Section>
                <Section id="map" title={text.map.title}>
                  {choice.level === 'municipality' ? (
                    <Loaded state={shapes}>
                      {(collection) => (
                        <MapPanel
                          shapes={collection}
                          values={areaTotals}
                          indicatorTitle={title}
                          decimals={indicator.decimals}
                          format={format}
                          selection={selection}
                          onSelect={setSelection}
                        />
                      )}
                    </Loaded>
                  ) : (
                    <p className="hint">{text.map.onlyMunicipalities}</p>
                  )}
                </Section>
              </div>
            </>
          );
        }}
      </Loaded>
      {seesNetCosts && (
        <Section id="cost" title={text.cost.title}>
          {cost.status === 'ready' ? (
            <CostComparison cost={cost.data} />
          ) : cost.status === 'error' ? (
            <p className="hint">{text.cost.none}</p>
          ) : (
            <Loaded state={cost}>{() => null}</Loaded>
          )}
        </Section>
      )}
    </>
  );
};
