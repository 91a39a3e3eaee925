import { useEffect, useRef, useState } from 'react';

export interface Playback {
  playing: boolean;
  play(): void;
  pause(): void;
}

/**
 * Steps through the years while playing, and stops at the last. Play never starts by itself, and a
 * pause control is always there (WCAG 2.2.2). Starting from the last year starts over from the first.
 */
export const usePlayback = (
  year: number,
  years: readonly number[],
  setYear: (year: number) => void,
  stepMilliseconds: number,
): Playback => {
  const [playing, setPlaying] = useState(false);
  const current = useRef(year);
  current.current = year;

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const next = years.find((candidate) => candidate > current.current);
      if (next === undefined) setPlaying(false);
      else setYear(next);
    }, stepMilliseconds);
    return () => window.clearInterval(timer);
  }, [playing, years, setYear, stepMilliseconds]);

  const last = years[years.length - 1];
  const first = years[0];
  return {
    playing,
    play: () => {
      if (first !== undefined && (last === undefined || year >= last)) setYear(first);
      setPlaying(true);
    },
    pause: () => setPlaying(false),
  };
};
