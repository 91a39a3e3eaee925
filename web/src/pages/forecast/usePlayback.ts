import { useEffect, useRef, useState } from 'react';
import { nextYear, startYear } from './steps.js';

export interface Playback {
  playing: boolean;
  play(): void;
  pause(): void;
}

/**
 * Steps through the years while playing, and stops at the last. Play never starts by itself, and a
 * pause control is always there (WCAG 2.2.2).
 */
export const usePlayback = (
  year: number,
  {
    years,
    setYear,
    stepMilliseconds,
  }: { years: readonly number[]; setYear: (year: number) => void; stepMilliseconds: number },
): Playback => {
  const [playing, setPlaying] = useState(false);
  // The interval reads the year shown now, not the one it was started with.
  const current = useRef(year);
  current.current = year;

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const next = nextYear(years, current.current);
      if (next === undefined) setPlaying(false);
      else setYear(next);
    }, stepMilliseconds);
    return () => window.clearInterval(timer);
  }, [playing, years, setYear, stepMilliseconds]);

  return {
    playing,
    play: () => {
      const start = startYear(years, year);
      if (start !== year) setYear(start);
      setPlaying(true);
    },
    pause: () => setPlaying(false),
  };
};
