import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';

/** Figures that are being replaced: dimmed, aria-busy, and the wait said to screen readers. */
export const Busy = ({ busy, children }: { busy: boolean; children: ReactNode }) => {
  const { t } = useI18n();
  return (
    <div className={busy ? 'forecast-busy forecast-busy--on' : 'forecast-busy'} aria-busy={busy}>
      <p className="visually-hidden" role="status">
        {busy ? t.status.loading : ''}
      </p>
      {children}
    </div>
  );
};
