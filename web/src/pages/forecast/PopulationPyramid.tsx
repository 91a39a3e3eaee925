import { Axis, linearScale, niceDomain, ticks as tickValues } from '../../charts/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { forecastMessages } from './messages.js';
import { outlinePath } from './outline.js';
import { ageLabel, type PyramidRow, pyramidColours } from './pyramid.js';
import { useTweened } from './useTweened.js';

interface PopulationPyramidProps {
  rows: readonly PyramidRow[];
  /** The axis maximum, the same for every year so that change is seen as change. */
  largest: number;
  /** Read out instead of the picture; the figures are in the table that goes with it. */
  label: string;
  still: boolean;
  /** Another year's figures (the last recorded one), drawn as an outline to compare with; same rows. */
  outline?: readonly PyramidRow[] | undefined;
}

const width = 640;
const gutter = 44;
const top = 28;
const plotHeight = 404;
const bottom = 30;
// Room at the outer ends for the half of the last tick label that stands beyond the axis.
const side = (width - gutter) / 2 - 24;
const centre = width / 2;

/** Ages are written every ten years (every other five-year band), so that the labels do not crowd. */
const labelled = (row: PyramidRow): boolean => row.ageFrom % 10 === 0;

/** Men to the left and women to the right of the ages, youngest at the bottom. */
export const PopulationPyramid = ({ rows, largest, label, still, outline }: PopulationPyramidProps) => {
  const text = usePageMessages(forecastMessages).pyramid;
  const { number } = useI18n();
  const domain = niceDomain([0, largest], { zero: true, count: 3 });
  const ticks = tickValues(domain, 3);
  const length = linearScale(domain, [0, side]);
  const target = rows.flatMap((row) => [row.male.value ?? 0, row.female.value ?? 0]);
  const shown = useTweened(target, 450, still);
  const rowHeight = plotHeight / Math.max(rows.length, 1);
  const barHeight = Math.max(1, rowHeight - (rowHeight > 6 ? 2 : 0.6));
  const yOf = (index: number) => top + plotHeight - (index + 1) * rowHeight;
  const axisY = top + plotHeight;
  const rowBottom = (index: number) => axisY - index * rowHeight;
  const sameRows = outline?.length === rows.length;

  return (
    <svg
      className="pyramid"
      viewBox={`0 0 ${width} ${top + plotHeight + bottom}`}
      role="img"
      aria-label={label}
    >
      <text x={centre - gutter / 2 - 4} y={16} textAnchor="end" className="pyramid__side">
        {text.men}
      </text>
      <text x={centre + gutter / 2 + 4} y={16} className="pyramid__side">
        {text.women}
      </text>
      {[-1, 1].map((direction) => (
        <Axis
          key={direction}
          orient="bottom"
          ticks={ticks}
          position={(tick) => centre + direction * (gutter / 2 + length(tick))}
          grid={[top, axisY]}
          labelAt={axisY + 18}
          label={number}
          className="pyramid__grid"
        />
      ))}
      {rows.map((row, index) => {
        const y = yOf(index);
        const male = length(shown[index * 2] ?? 0);
        const female = length(shown[index * 2 + 1] ?? 0);
        return (
          <g key={row.ageFrom}>
            <rect
              className="pyramid__bar pyramid__bar--male"
              fill={pyramidColours.male}
              x={centre - gutter / 2 - male}
              y={y}
              width={male}
              height={barHeight}
            />
            <rect
              className="pyramid__bar pyramid__bar--female"
              fill={pyramidColours.female}
              x={centre + gutter / 2}
              y={y}
              width={female}
              height={barHeight}
            />
            {labelled(row) ? (
              <text
                x={centre}
                y={y + barHeight / 2}
                textAnchor="middle"
                dominantBaseline="central"
                className="pyramid__age"
              >
                {ageLabel(row)}
              </text>
            ) : null}
          </g>
        );
      })}
      {outline && sameRows ? (
        <g className="pyramid__outline">
          <path
            d={outlinePath(
              outline.map((row) => row.male.value),
              { xOf: (value) => centre - gutter / 2 - length(value), rowBottom, rowHeight },
            )}
          />
          <path
            d={outlinePath(
              outline.map((row) => row.female.value),
              { xOf: (value) => centre + gutter / 2 + length(value), rowBottom, rowHeight },
            )}
          />
        </g>
      ) : null}
      <line
        className="pyramid__axis"
        x1={centre - gutter / 2 - side}
        x2={centre - gutter / 2}
        y1={axisY}
        y2={axisY}
      />
      <line
        className="pyramid__axis"
        x1={centre + gutter / 2}
        x2={centre + gutter / 2 + side}
        y1={axisY}
        y2={axisY}
      />
    </svg>
  );
};
