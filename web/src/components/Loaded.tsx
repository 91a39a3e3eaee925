import type { ReactNode } from 'react';
import type { ApiState } from '../api/useApi.js';
import { failureText } from '../i18n/failureText.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** Shows a request's progress or failure in words, and its data once it has arrived. */
export const Loaded = <T,>({ state, children }: { state: ApiState<T>; children: (data: T) => ReactNode }) => {
  const { t } = useI18n();
  if (state.status === 'loading') {
    return (
      <p className="status" role="status">
        {t.status.loading}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="status status--error" role="alert">
        {t.status.failed(failureText(t, state.reason))}
      </p>
    );
  }
  return <>{children(state.data)}</>;
};
