import { usePageMessages } from '../../i18n/usePageMessages.js';
import { forecastMessages } from './messages.js';
import type { Playback } from './usePlayback.js';

/** One button that plays or pauses; its name says what pressing it does now. */
export const PlayButton = ({ playback, describedBy }: { playback: Playback; describedBy: string }) => {
  const text = usePageMessages(forecastMessages).controls;
  return (
    <button
      type="button"
      className="play-button"
      aria-describedby={describedBy}
      onClick={playback.playing ? playback.pause : playback.play}
    >
      <span aria-hidden="true" className="play-button__icon">
        {playback.playing ? '❚❚' : '▶'}
      </span>
      {playback.playing ? text.pause : text.play}
    </button>
  );
};
