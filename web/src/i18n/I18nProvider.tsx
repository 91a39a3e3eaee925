import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { formatDate, formatDateTime, formatNumber } from './format.js';
import type { Language } from './languages.js';
import { dictionaries, type Messages } from './messages.js';
import { readStoredLanguage, storeLanguage } from './storage.js';

export interface I18n {
  language: Language;
  t: Messages;
  setLanguage(language: Language): void;
  number(value: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [language, setLanguage] = useState<Language>(readStoredLanguage);

  useEffect(() => {
    // Screen readers pick their voice from <html lang>, so it must follow the chosen language.
    document.documentElement.lang = language;
    storeLanguage(language);
  }, [language]);

  const value = useMemo<I18n>(
    () => ({
      language,
      t: dictionaries[language],
      setLanguage,
      number: (value) => formatNumber(language, value),
      date: (iso) => formatDate(language, iso),
      dateTime: (iso) => formatDateTime(language, iso),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n is used outside <I18nProvider>');
  return i18n;
};
