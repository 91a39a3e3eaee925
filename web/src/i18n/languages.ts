/** The languages of the user interface: Finland's two national languages and English. */
export const languages = ['fi', 'sv', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'fi';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

/**
 * Intl locale for each language: Swedish as written in Finland (d.M.yyyy, space as thousands separator),
 * English in the British style that Finnish public bodies use in their English texts.
 */
export const localeOf: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** Each language's name in that language, so that a reader finds their own language in the switch. */
export const endonymOf: Record<Language, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };
