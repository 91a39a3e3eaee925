import type { Viewer } from '../../../src/model/index.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** A scope in words: the producer, and how many municipalities when not the whole county. */
export const useScopeText = (): ((scope: Pick<Viewer, 'areas' | 'producerCode'>) => string[]) => {
  const { t } = useI18n();
  return (scope) => [
    ...(scope.producerCode !== undefined ? [t.session.producerScope(scope.producerCode)] : []),
    ...(scope.areas !== undefined ? [t.session.areaScope(scope.areas.length)] : []),
  ];
};
