import type { ForecastVariantLabels } from '../../../../src/model/index.js';
import type { Language } from '../../i18n/languages.js';

/** A variant (or a line of one) in the reader's language as the server names it, else by its one label. */
export const variantLabel = (
  variant: { label: string; labels?: ForecastVariantLabels | undefined },
  language: Language,
): string => variant.labels?.[language] ?? variant.label;
