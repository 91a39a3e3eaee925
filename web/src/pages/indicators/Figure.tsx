import { Count } from '../../components/Count.js';

/**
 * An indicator's figure in the reader's locale with the indicator's decimals; a withheld figure is shown
 * as the app shows every withheld count ("<5", explained to screen readers), never as 0.
 */
export const Figure = ({
  value,
  suppressed,
  format,
}: {
  value: number | null;
  suppressed: boolean;
  format(value: number): string;
}) => (value === null ? <Count value={null} suppressed={suppressed} /> : format(value));
