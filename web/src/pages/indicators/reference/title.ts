import type { ReferenceTitles } from '../../../../../src/model/index.js';
import type { Language } from '../../../i18n/languages.js';

/**
 * A published indicator's title in the reader's language, where its publisher gives one; else in the
 * first language it has, marked with that language so that a screen reader reads it right.
 */
export const referenceTitle = (
  titles: ReferenceTitles,
  language: Language,
  fallback: string,
): { text: string; lang: Language | undefined } => {
  const own = titles[language];
  if (own) return { text: own, lang: undefined };
  for (const other of ['fi', 'sv', 'en'] as const) {
    const text = titles[other];
    if (text) return { text, lang: other };
  }
  return { text: fallback, lang: undefined };
};
