import { usePageMessages } from '../../i18n/usePageMessages.js';
import type { GapStatus } from './gapStatus.js';
import { forecastMessages } from './messages.js';

const icons: Record<GapStatus, string> = { shortfall: '▲', surplus: '✓', balanced: '=', unknown: '–' };

/** The gap's meaning in a word and a sign, with colour only as a third cue (WCAG 1.4.1). */
export const GapMarker = ({ status }: { status: GapStatus }) => {
  const text = usePageMessages(forecastMessages).gap;
  return (
    <span className={`gap-marker gap-marker--${status}`}>
      <span aria-hidden="true" className="gap-marker__icon">
        {icons[status]}
      </span>
      {text[status]}
    </span>
  );
};
