import type { ReactNode } from 'react';
import type { AreaView, ForecastVariant } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { areaName } from '../data/names.js';
import { areaKey } from './area.js';
import { forecastMessages } from './messages.js';
import { variantLabel } from './variantLabel.js';

interface ForecastControlsProps {
  counties: readonly AreaView[];
  municipalities: readonly AreaView[];
  variants: readonly ForecastVariant[];
  area: string;
  variant: string;
  onArea(key: string): void;
  onVariant(name: string): void;
  /** The year control, once the variant's years are known. */
  children?: ReactNode;
}

/** What the page shows: which area, which projection variant, and (as children) which year. */
export const ForecastControls = (props: ForecastControlsProps) => {
  const messages = usePageMessages(forecastMessages);
  const text = messages.controls;
  const { language } = useI18n();
  const option = (area: AreaView) => (
    <option key={areaKey(area)} value={areaKey(area)}>
      {areaName(area, language)}
    </option>
  );
  return (
    <form className="forecast-controls" aria-label={text.title} onSubmit={(event) => event.preventDefault()}>
      <div className="forecast-controls__field">
        <label htmlFor="forecast-area">{text.area}</label>
        <select id="forecast-area" value={props.area} onChange={(event) => props.onArea(event.target.value)}>
          <optgroup label={text.county}>{props.counties.map(option)}</optgroup>
          <optgroup label={text.municipalities}>{props.municipalities.map(option)}</optgroup>
        </select>
      </div>
      <div className="forecast-controls__field">
        <label htmlFor="forecast-variant">{text.variant}</label>
        <select
          id="forecast-variant"
          value={props.variant}
          onChange={(event) => props.onVariant(event.target.value)}
        >
          {props.variants.map((variant) => (
            <option key={variant.name} value={variant.name}>
              {variantLabel(variant, language)}
              {variant.kind === 'official' ? ` (${text.kinds.official})` : ''}
            </option>
          ))}
        </select>
      </div>
      {props.children}
    </form>
  );
};
