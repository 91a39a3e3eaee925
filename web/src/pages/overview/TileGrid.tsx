import type { MonitoringSetView, TargetStatus } from '../../../../src/model/index.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { overviewMessages } from './messages.js';
import { setName } from './setTexts.js';
import { Tile } from './Tile.js';

export const statusCounts = (view: MonitoringSetView): Record<TargetStatus, number> => {
  const counts: Record<TargetStatus, number> = { onTarget: 0, near: 0, off: 0, unknown: 0 };
  for (const item of view.items) counts[item.assessment.status] += 1;
  return counts;
};

/** The set's indicators as tiles in the set's order, after a one-line count of statuses. */
export const TileGrid = ({ view }: { view: MonitoringSetView }) => {
  const { language } = useI18n();
  const text = usePageMessages(overviewMessages);
  const counts = statusCounts(view);
  if (view.items.length === 0) return <p>{text.emptySet}</p>;
  return (
    <>
      <p className="status-summary">
        {text.counts.summary(counts.onTarget, counts.near, counts.off, counts.unknown)}
      </p>
      <ul className="tiles" aria-label={text.tilesCaption(setName(view, language), String(view.toYear))}>
        {view.items.map((item) => (
          <li key={`${item.position}-${item.indicatorId}`}>
            <Tile item={item} />
          </li>
        ))}
      </ul>
    </>
  );
};
