import { defaultLanguage, isLanguage, type Language } from './languages.js';

const storageKey = 'soteatlas.language';

/** The language chosen earlier in this browser; storage can be unavailable (privacy modes), so it may throw. */
export const readStoredLanguage = (): Language => {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
};

export const storeLanguage = (language: Language): void => {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembering the choice is acceptable; the page keeps working in the chosen language.
  }
};
