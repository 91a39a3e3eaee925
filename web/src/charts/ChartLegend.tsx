import { useId } from 'react';
import { bandFill, referenceColour } from './palette.js';

export type LegendItem =
  | { kind: 'line'; label: string; colour: string; dash?: string | undefined }
  | { kind: 'dot'; label: string; colour: string }
  | { kind: 'bar'; label: string; colour: string; hatched?: boolean }
  | { kind: 'band'; label: string }
  | { kind: 'interval'; label: string }
  | { kind: 'reference'; label: string };

/** The mark itself, drawn exactly as in the chart. */
const Mark = ({ item, hatchId }: { item: LegendItem; hatchId: string }) => {
  switch (item.kind) {
    case 'line':
      return (
        <line
          x1={1}
          x2={27}
          y1={6}
          y2={6}
          stroke={item.colour}
          strokeWidth={2.5}
          strokeDasharray={item.dash}
        />
      );
    case 'dot':
      return <circle cx={14} cy={6} r={5} fill={item.colour} />;
    case 'bar':
      return (
        <>
          {item.hatched ? <Hatch id={hatchId} colour={item.colour} /> : null}
          <rect
            x={2}
            y={1}
            width={24}
            height={10}
            fill={item.hatched ? `url(#${hatchId})` : item.colour}
            stroke={item.colour}
          />
        </>
      );
    case 'band':
      return <rect x={1} y={2} width={26} height={8} fill={bandFill} />;
    case 'interval':
      return (
        <g stroke={referenceColour} strokeWidth={1.5}>
          <line x1={3} x2={25} y1={6} y2={6} />
          <line x1={3} x2={3} y1={2} y2={10} />
          <line x1={25} x2={25} y1={2} y2={10} />
        </g>
      );
    case 'reference':
      return (
        <line x1={1} x2={27} y1={6} y2={6} stroke={referenceColour} strokeWidth={1.5} strokeDasharray="5 4" />
      );
  }
};

/** A sample of the mark beside its name; the name says it all, so the sample is hidden from screen readers. */
const Sample = ({ item }: { item: LegendItem }) => {
  const hatchId = useId();
  return (
    <svg width={28} height={12} viewBox="0 0 28 12" aria-hidden="true">
      <Mark item={item} hatchId={hatchId} />
    </svg>
  );
};

/** Diagonal hatching, the second way (besides colour) to tell one bar series from another. */
export const Hatch = ({ id, colour }: { id: string; colour: string }) => (
  <defs>
    <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width={6} height={6} fill="#ffffff" />
      <line x1={0} y1={0} x2={0} y2={6} stroke={colour} strokeWidth={3} />
    </pattern>
  </defs>
);

export const ChartLegend = ({ items }: { items: readonly LegendItem[] }) => (
  <ul className="chart-legend">
    {items.map((item) => (
      <li key={`${item.kind}-${item.label}`}>
        <Sample item={item} />
        {item.label}
      </li>
    ))}
  </ul>
);
