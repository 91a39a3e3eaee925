import { useI18n } from './I18nProvider.js';
import type { Language } from './languages.js';

/**
 * A page's own texts, kept beside the page rather than in the app-wide dictionaries, so that each page
 * carries its words in all three languages. The Finnish text fixes the shape the others must match.
 */
export type PageMessages<Shape> = Record<Language, Shape>;

export const usePageMessages = <Shape>(messages: PageMessages<Shape>): Shape => messages[useI18n().language];
