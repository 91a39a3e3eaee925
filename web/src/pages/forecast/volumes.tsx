import { Count } from '../../components/Count.js';

/** Volumes are projected to fractions of a visit; they are shown whole. */
export const WholeVolume = ({ value }: { value: number | null }) => (
  <Count value={value === null ? null : Math.round(value)} />
);
