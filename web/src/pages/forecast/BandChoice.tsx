import { usePageMessages } from '../../i18n/usePageMessages.js';
import { forecastMessages } from './messages.js';

interface BandChoiceProps {
  bandWidth: number;
  onChange(bandWidth: number): void;
}

/** Single years or five-year bands, as a pair of radio buttons (arrow keys move between them). */
export const BandChoice = ({ bandWidth, onChange }: BandChoiceProps) => {
  const text = usePageMessages(forecastMessages).pyramid;
  const options = [
    { value: 1, label: text.singleYears },
    { value: 5, label: text.fiveYears },
  ];
  return (
    <fieldset className="forecast-choice">
      <legend>{text.bands}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name="pyramid-bands"
            value={option.value}
            checked={bandWidth === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
};
