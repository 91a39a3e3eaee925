import type { MonitoringSetItemView } from '../../../../src/model/index.js';
import { decimalFormat, Sparkline } from '../../charts/index.js';
import { Count } from '../../components/Count.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { followLink } from '../../routing/navigation.js';
import { indicatorPath } from '../indicators/query.js';
import { overviewMessages } from './messages.js';
import { StatusBadge, statusColour } from './StatusBadge.js';

/** Where a tile leads: the indicator on the Indicators page, at the tile's period. */
export const tilePath = (item: MonitoringSetItemView): string =>
  indicatorPath(item.indicatorId, {
    level: item.scope.level === 'municipality' ? 'municipality' : undefined,
    period: item.period ?? undefined,
  });

/**
 * One indicator of the set: its value with interval against the target, the status in colour, shape and
 * word, and the recent trend. The title is the link; the whole tile takes the click.
 */
export const Tile = ({ item }: { item: MonitoringSetItemView }) => {
  const { language } = useI18n();
  const text = usePageMessages(overviewMessages);
  const format = decimalFormat(language, item.decimals ?? 1);
  const title = item.title?.[language] ?? item.indicatorId;
  const status = item.assessment.status;
  const target = item.target;
  const first = item.series[0]?.period ?? '';
  const last = item.series.at(-1)?.period ?? '';
  const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${format(Math.abs(value))}`;
  return (
    <article className="tile" style={{ borderTopColor: statusColour[status] }}>
      <h3 className="tile__title">
        <a href={tilePath(item)} onClick={followLink} className="tile__link">
          {title}
        </a>
      </h3>
      <p className="tile__unit">
        {item.unit?.[language]}
        {item.period ? ` · ${text.tile.period(item.period)}` : ''}
      </p>
      <p className="tile__value">
        <span className="visually-hidden">{text.tile.value}: </span>
        {item.value === null ? <Count value={null} suppressed={item.suppressed} /> : format(item.value)}
      </p>
      {item.lower !== null && item.upper !== null ? (
        <p className="tile__interval">{text.tile.interval(format(item.lower), format(item.upper))}</p>
      ) : null}
      <StatusBadge status={status} hasTarget={target !== null} />
      {target ? (
        <p className="tile__target">
          {text.tile.target}: {format(target.targetValue)} ({text.tile.targetPeriod(target.period)})
          {item.assessment.variance !== null
            ? `, ${text.tile.variance(signed(item.assessment.variance))}`
            : ''}
        </p>
      ) : null}
      {item.series.length > 0 ? (
        <Sparkline
          values={item.series.map((point) => point.value)}
          low={item.series.map((point) => point.lower)}
          high={item.series.map((point) => point.upper)}
          target={target?.targetValue ?? null}
          label={text.tile.sparkline(title, first, last)}
          width={200}
          height={40}
        />
      ) : null}
      {item.trend ? (
        <p className="tile__trend">
          {text.tile.movement[item.trend.movement]}. {text.tile.heading(item.trend.headingToTarget)}.
        </p>
      ) : null}
      {item.note ? <p className="tile__note">{item.note}</p> : null}
    </article>
  );
};
