import { seriesColour } from '../../charts/index.js';
import type { LineKind } from './lines.js';

/**
 * How each kind of line is drawn: recorded history solid in the page's ink, the county's own projection
 * dashed and the official one dotted, so that the dash tells them apart as well as the colour (WCAG 1.4.1).
 */
export const lineStyles: Record<LineKind, { colour: string; dash: string | undefined }> = {
  history: { colour: '#1b2631', dash: undefined },
  estimated: { colour: seriesColour(0), dash: '6 4' },
  official: { colour: seriesColour(1), dash: '2 3' },
};

/** The chosen year's mark across the charts: thin and dashed, as the charts' reference lines are. */
export const yearMarkStyle = { colour: '#1b2631', dash: '5 4', width: 1.5 };
