import type { EffectView } from '../../../../src/model/index.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { programmeMessages } from './messages.js';

const width = 420;
const height = 160;
const pad = { left: 44, right: 12, top: 10, bottom: 24 };

/**
 * An indicator's actual course (points with their intervals) against the expected straight line from
 * the baseline to the expected value. The figure is named for screen readers; the table beside it
 * holds every number.
 */
export const EffectChart = ({ effect, label }: { effect: EffectView; label: string }) => {
  const text = usePageMessages(programmeMessages);
  const baselineYear = Number(effect.baselinePeriod.slice(0, 4));
  const expectedYear = Number(effect.expectedBy.slice(0, 4));
  const years = effect.series.map((p) => Number(p.period.slice(0, 4)));
  const fromYear = Math.min(baselineYear, ...years);
  const toYear = Math.max(expectedYear, ...years);
  const values = [
    effect.baselineValue,
    effect.expectedValue,
    ...effect.series.flatMap((p) => [p.lower, p.upper, p.value].filter((v): v is number => v !== null)),
  ];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const margin = (high - low || Math.abs(high) || 1) * 0.1;
  const x = (year: number) =>
    pad.left + ((year + 1 - fromYear) / (toYear + 1 - fromYear)) * (width - pad.left - pad.right);
  const y = (value: number) =>
    pad.top + (1 - (value - (low - margin)) / (high - low + 2 * margin)) * (height - pad.top - pad.bottom);
  const digits = effect.decimals ?? 1;
  return (
    <svg className="effect-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line
        className="effect-axis"
        x1={pad.left}
        x2={width - pad.right}
        y1={height - pad.bottom}
        y2={height - pad.bottom}
      />
      {[low, high].map((v) => (
        <text key={v} className="effect-tick" x={pad.left - 4} y={y(v) + 4} textAnchor="end">
          {v.toFixed(digits)}
        </text>
      ))}
      {Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i).map((year) => (
        <text key={year} className="effect-tick" x={x(year) - 2} y={height - 6} textAnchor="end">
          {year}
        </text>
      ))}
      <line
        className="effect-expected"
        x1={x(baselineYear)}
        y1={y(effect.baselineValue)}
        x2={x(expectedYear)}
        y2={y(effect.expectedValue)}
      >
        <title>{text.legendExpected}</title>
      </line>
      {effect.series.map((p) => {
        const year = Number(p.period.slice(0, 4));
        if (p.value === null) return null;
        return (
          <g key={p.period} className="effect-actual">
            {p.lower !== null && p.upper !== null && (
              <line x1={x(year)} x2={x(year)} y1={y(p.lower)} y2={y(p.upper)} />
            )}
            <circle cx={x(year)} cy={y(p.value)} r={4} />
          </g>
        );
      })}
    </svg>
  );
};
