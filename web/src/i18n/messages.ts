import { en } from './en.js';
import { fi, type Messages } from './fi.js';
import type { Language } from './languages.js';
import { sv } from './sv.js';

export type { Messages };

export const dictionaries: Record<Language, Messages> = { fi, sv, en };
