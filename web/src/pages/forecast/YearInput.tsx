import { useEffect, useState } from 'react';

interface YearInputProps {
  id: string;
  year: number;
  firstYear: number;
  lastYear: number;
  onChange(year: number): void;
}

/**
 * A number field for the year. What is typed is kept as typed ("20" on the way to "2035") and the year
 * changes once it is a year in range; leaving the field shows the year in force again.
 */
export const YearInput = ({ id, year, firstYear, lastYear, onChange }: YearInputProps) => {
  const [draft, setDraft] = useState(String(year));
  useEffect(() => setDraft(String(year)), [year]);
  return (
    <input
      id={id}
      type="number"
      inputMode="numeric"
      min={firstYear}
      max={lastYear}
      step={1}
      value={draft}
      onChange={(event) => {
        setDraft(event.target.value);
        const parsed = Number(event.target.value);
        if (Number.isInteger(parsed) && parsed >= firstYear && parsed <= lastYear) onChange(parsed);
      }}
      onBlur={() => setDraft(String(year))}
    />
  );
};
