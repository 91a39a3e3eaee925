import { useEffect, useRef, useState } from 'react';

/**
 * Figures that glide from their previous values to new ones over `milliseconds`, so that a bar is seen
 * to grow or shrink between years. With `still` (reduced motion), or when the number of figures
 * changes, they jump straight to the new values.
 */
export const useTweened = (
  target: readonly number[],
  milliseconds: number,
  still: boolean,
): readonly number[] => {
  const [shown, setShown] = useState<readonly number[]>(target);
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const targetRef = useRef(target);
  targetRef.current = target;
  // The figures themselves, not the array's identity, decide when to move.
  const key = target.join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the target's contents
  useEffect(() => {
    const to = targetRef.current;
    const from = shownRef.current;
    if (still || from.length !== to.length) {
      setShown(to);
      return;
    }
    let frame = 0;
    const start = performance.now();
    const step = (now: number) => {
      const progress = Math.min(1, (now - start) / milliseconds);
      const eased = 1 - (1 - progress) ** 3;
      setShown(to.map((value, i) => (from[i] ?? value) + (value - (from[i] ?? value)) * eased));
      if (progress < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [key, milliseconds, still]);

  // Still figures are drawn at once, in the same frame as the change; and until the effect has run, a
  // change of length would pair old figures with new rows.
  return still || shown.length !== target.length ? target : shown;
};
