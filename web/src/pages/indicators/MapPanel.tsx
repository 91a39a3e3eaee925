import { lazy, Suspense, useMemo } from 'react';
import type { AreaFeatureCollection, IndicatorValue } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { choroplethColours, classOf, noValueColour, quantileBreaks } from './choropleth.js';
import type { AreaSelection } from './IndicatorMap.js';
import { indicatorsMessages } from './messages.js';

// MapLibre is most of the app's weight; it loads only when a map is shown.
const IndicatorMap = lazy(() =>
  import('./IndicatorMap.js').then((module) => ({ default: module.IndicatorMap })),
);

interface MapPanelProps {
  shapes: AreaFeatureCollection;
  values: readonly IndicatorValue[];
  indicatorTitle: string;
  decimals: number;
  format(value: number): string;
  selection: AreaSelection | null;
  onSelect(selection: AreaSelection | null): void;
}

/** The choropleth with its legend: each class's range in words, and the grey of areas without a figure. */
export const MapPanel = ({
  shapes,
  values,
  indicatorTitle,
  decimals,
  format,
  selection,
  onSelect,
}: MapPanelProps) => {
  const { t, language } = useI18n();
  const text = usePageMessages(indicatorsMessages);
  const byCode = useMemo(() => new Map(values.map((value) => [value.areaCode, value])), [values]);
  const breaks = useMemo(
    () =>
      quantileBreaks(
        values.flatMap((value) => (value.value === null ? [] : [value.value])),
        choroplethColours.length,
        decimals,
      ),
    [values, decimals],
  );
  // Fewer distinct values give fewer classes; they take the darker end of the scale.
  const colours = useMemo(
    () => choroplethColours.slice(choroplethColours.length - breaks.length - 1),
    [breaks],
  );
  const fills = useMemo(() => {
    const map = new Map<string, string>();
    for (const value of values) {
      if (value.value !== null)
        map.set(value.areaCode, colours[classOf(value.value, breaks)] ?? noValueColour);
    }
    return map;
  }, [values, breaks, colours]);
  const known = values.flatMap((value) => (value.value === null ? [] : [value.value]));
  const min = Math.min(...known);
  const max = Math.max(...known);
  const classes = colours.map((colour, i) => ({
    colour,
    from: i === 0 ? min : (breaks[i - 1] ?? min),
    to: i === breaks.length ? max : (breaks[i] ?? max),
  }));
  const describe = (code: string) => {
    const value = byCode.get(code);
    const shape = shapes.features.find((feature) => feature.properties.code === code);
    const name = value?.areaName ?? shape?.properties.nameFi ?? code;
    const figure =
      value?.value != null
        ? format(value.value)
        : value?.suppressed
          ? `<5 (${t.status.suppressedLabel})`
          : t.status.notAvailable;
    return { title: name, detail: `${indicatorTitle}: ${figure}` };
  };
  const selected = selection ? describe(selection.code) : undefined;
  return (
    <>
      <p id="indicator-map-help" className="hint">
        {text.map.help}
      </p>
      <div className="map-frame">
        <Suspense
          fallback={
            <p className="status" role="status">
              {t.status.loading}
            </p>
          }
        >
          <IndicatorMap
            key={language}
            areas={shapes}
            fills={fills}
            fallback={noValueColour}
            selection={selection}
            onSelect={onSelect}
            describe={describe}
            name={text.map.name(indicatorTitle)}
            describedBy="indicator-map-help"
            labels={{ zoomIn: text.map.zoomIn, zoomOut: text.map.zoomOut, close: text.map.close }}
            unavailable={text.map.unavailable}
          />
        </Suspense>
      </div>
      <div className="map-legend indicator-map-legend">
        <h3 id="indicator-legend-title">{text.map.legend}</h3>
        <ul aria-labelledby="indicator-legend-title">
          {known.length > 0
            ? classes.map((item) => (
                <li key={item.colour}>
                  <span
                    className="swatch swatch--area"
                    style={{ background: item.colour }}
                    aria-hidden="true"
                  />
                  {text.map.range(format(item.from), format(item.to))}
                </li>
              ))
            : null}
          <li>
            <span className="swatch swatch--area" style={{ background: noValueColour }} aria-hidden="true" />
            {text.map.noValue}
          </li>
        </ul>
      </div>
      <p className="visually-hidden" role="status">
        {selected ? text.map.selected(`${selected.title}, ${selected.detail}`) : ''}
      </p>
    </>
  );
};
