import {
  type CatalogueIndicator,
  type ChainIndicatorDefinition,
  isChainIndicator,
  type LocalText,
} from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import type { IndicatorChoice } from './choice.js';
import { indicatorsMessages } from './messages.js';

interface ChoicesProps {
  indicators: readonly CatalogueIndicator[];
  chainNames: ReadonlyMap<string, LocalText>;
  choice: IndicatorChoice;
  periods: readonly string[];
  shownPeriod: string | undefined;
  onChange(changes: Record<string, string | undefined>): void;
}

const serviceAreaOrder = ['health', 'social', 'elderly', 'all'] as const;

/** The chain measures grouped by chain, in the catalogue's order. */
const byChain = (indicators: readonly CatalogueIndicator[]): [string, ChainIndicatorDefinition[]][] => {
  const groups = new Map<string, ChainIndicatorDefinition[]>();
  for (const candidate of indicators)
    if (isChainIndicator(candidate))
      groups.set(candidate.chainId, [...(groups.get(candidate.chainId) ?? []), candidate]);
  return [...groups];
};

/**
 * The page's choices as ordinary labelled selects: each change shows at once and is kept in the URL. The
 * built-in indicators are grouped by service area, each service chain's measures under the chain.
 */
export const Choices = ({ indicators, chainNames, choice, periods, shownPeriod, onChange }: ChoicesProps) => {
  const { language } = useI18n();
  const text = usePageMessages(indicatorsMessages);
  const { indicator } = choice;
  const builtIn = indicators.filter((candidate) => !isChainIndicator(candidate));
  return (
    <fieldset className="indicator-choices">
      <legend>{text.choices.legend}</legend>
      <label className="field field--wide">
        <span>{text.choices.indicator}</span>
        <select
          id="choice-indicator"
          value={indicator.id}
          onChange={(event) => onChange({ id: event.target.value, period: undefined, breakdown: undefined })}
        >
          {serviceAreaOrder.map((area) => {
            const group = builtIn.filter((candidate) => candidate.serviceArea === area);
            return group.length === 0 ? null : (
              <optgroup key={area} label={text.serviceAreas[area]}>
                {group.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.title[language]}
                  </option>
                ))}
              </optgroup>
            );
          })}
          {byChain(indicators).map(([chainId, measures]) => (
            <optgroup key={chainId} label={text.chainGroup(chainNames.get(chainId)?.[language] ?? chainId)}>
              {measures.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title[language]}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{text.choices.level}</span>
        <select
          id="choice-level"
          value={choice.level}
          onChange={(event) => onChange({ level: event.target.value })}
        >
          {indicator.levels.map((level) => (
            <option key={level} value={level}>
              {text.levels[level]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{text.choices.periodType}</span>
        <select
          id="choice-period-type"
          value={choice.periodType}
          onChange={(event) => onChange({ type: event.target.value, period: undefined })}
        >
          {indicator.periods.map((period) => (
            <option key={period} value={period}>
              {text.periodTypes[period]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{text.choices.period}</span>
        <select
          id="choice-period"
          value={shownPeriod ?? ''}
          disabled={periods.length === 0}
          onChange={(event) => onChange({ period: event.target.value })}
        >
          {periods.map((period) => (
            <option key={period} value={period}>
              {period}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{text.choices.breakdown}</span>
        <select
          id="choice-breakdown"
          value={choice.breakdown ?? ''}
          onChange={(event) => onChange({ breakdown: event.target.value })}
        >
          <option value="">{text.choices.noBreakdown}</option>
          {indicator.breakdowns.map((dimension) => (
            <option key={dimension} value={dimension}>
              {text.breakdowns[dimension]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
};
