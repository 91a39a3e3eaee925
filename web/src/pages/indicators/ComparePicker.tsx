import type { IndicatorValue } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localeOf } from '../../i18n/languages.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { indicatorsMessages } from './messages.js';

/** More lines than this and the trend chart stops being readable. */
export const mostCompared = 3;

/** Codes from the URL's "compare" list that name areas of the result, at most three. */
export const comparedCodes = (param: string | null, areas: readonly IndicatorValue[]): string[] => {
  const known = new Set(areas.map((value) => value.areaCode));
  return (param ?? '')
    .split(',')
    .filter((code) => known.has(code))
    .slice(0, mostCompared);
};

interface ComparePickerProps {
  areas: readonly IndicatorValue[];
  chosen: readonly string[];
  onChange(codes: string[]): void;
}

/** Checkboxes of the municipalities; once three are chosen, the rest wait until one is let go. */
export const ComparePicker = ({ areas, chosen, onChange }: ComparePickerProps) => {
  const { language } = useI18n();
  const text = usePageMessages(indicatorsMessages).compare;
  const collator = new Intl.Collator(localeOf[language]);
  const sorted = [...areas].sort((a, b) =>
    collator.compare(a.areaName ?? a.areaCode, b.areaName ?? b.areaCode),
  );
  const full = chosen.length >= mostCompared;
  return (
    <fieldset className="compare-picker" aria-describedby="compare-hint">
      <legend>{text.legend}</legend>
      <p id="compare-hint" className="hint">
        {text.hint}
      </p>
      <ul>
        {sorted.map((area) => {
          const checked = chosen.includes(area.areaCode);
          return (
            <li key={area.areaCode}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={!checked && full}
                  onChange={() =>
                    onChange(
                      checked ? chosen.filter((code) => code !== area.areaCode) : [...chosen, area.areaCode],
                    )
                  }
                />
                {area.areaName ?? area.areaCode}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
};
