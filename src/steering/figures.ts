import { wilsonInterval } from '../indicators/index.js';
import { isSmallCount, type SteeringFigure } from '../model/index.js';

const withheld: SteeringFigure = { value: null, lower: null, upper: null, count: null, suppressed: true };

/** A share with Wilson's interval; withheld when it or its complement rests on 1–4 events. */
export const shareFigure = (successes: number, trials: number, unsuppressed: boolean): SteeringFigure => {
  if (trials === 0) return { value: null, lower: null, upper: null, count: 0, suppressed: false };
  if (!unsuppressed && (isSmallCount(trials) || isSmallCount(successes) || isSmallCount(trials - successes)))
    return withheld;
  const interval = wilsonInterval(successes, trials);
  return {
    value: successes / trials,
    lower: interval?.lower ?? null,
    upper: interval?.upper ?? null,
    count: trials,
    suppressed: false,
  };
};

/** A figure over `count` events with no interval of its own (a median, a rate); withheld below five events. */
export const plainFigure = (value: number | null, count: number, unsuppressed: boolean): SteeringFigure =>
  !unsuppressed && isSmallCount(count)
    ? withheld
    : { value: count === 0 ? null : value, lower: null, upper: null, count, suppressed: false };
