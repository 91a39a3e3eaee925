import type { LocalText } from '../../../../src/model/index.js';
import type { Language } from '../../i18n/languages.js';

interface SetTexts {
  name: string;
  description: string;
  names: LocalText | null;
  descriptions: LocalText | null;
}

/** A shipped set's name in the reader's language; a set the county named itself, as it was named. */
export const setName = (set: SetTexts, language: Language): string => set.names?.[language] ?? set.name;

export const setDescription = (set: SetTexts, language: Language): string =>
  set.descriptions?.[language] ?? set.description;
