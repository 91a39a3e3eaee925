import type { TargetStatus } from '../../../../src/model/index.js';
import { usePageMessages } from '../../i18n/usePageMessages.js';
import { overviewMessages } from './messages.js';

/**
 * Status colours, each at least 4.5:1 against white so that the word in that colour reads too. Each
 * status also has its own shape (circle, triangle, square, dashed circle) and its word: colour is never
 * the only carrier of the meaning (WCAG 1.4.1).
 */
export const statusColour: Record<TargetStatus, string> = {
  onTarget: '#17754a',
  near: '#8a5300',
  off: '#a4161a',
  unknown: '#5f6368',
};

const StatusIcon = ({ status }: { status: TargetStatus }) => {
  const colour = statusColour[status];
  return (
    <svg width={18} height={18} viewBox="0 0 18 18" aria-hidden="true" className="status-icon">
      {status === 'onTarget' ? (
        <>
          <circle cx={9} cy={9} r={8} fill={colour} />
          <path d="M5 9.5l2.6 2.6L13 6.5" fill="none" stroke="#ffffff" strokeWidth={2} />
        </>
      ) : status === 'near' ? (
        <>
          <path d="M9 1.5L17 16H1z" fill={colour} />
          <path d="M9 6.5v4.5M9 12.6v1.4" stroke="#ffffff" strokeWidth={2} />
        </>
      ) : status === 'off' ? (
        <>
          <rect x={1.5} y={1.5} width={15} height={15} rx={2} fill={colour} />
          <path d="M5.5 5.5l7 7M12.5 5.5l-7 7" stroke="#ffffff" strokeWidth={2} />
        </>
      ) : (
        <>
          <circle cx={9} cy={9} r={7.5} fill="none" stroke={colour} strokeWidth={1.5} strokeDasharray="3 2" />
          <path d="M6 9h6" stroke={colour} strokeWidth={2} />
        </>
      )}
    </svg>
  );
};

/** The status as an icon and a word in the status colour. */
export const StatusBadge = ({ status, hasTarget }: { status: TargetStatus; hasTarget: boolean }) => {
  const text = usePageMessages(overviewMessages);
  return (
    <span className={`status-badge status-badge--${status}`} style={{ color: statusColour[status] }}>
      <StatusIcon status={status} />
      {hasTarget ? text.status[status] : text.noTarget}
    </span>
  );
};
