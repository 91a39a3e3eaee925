import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtInVariants, officialLabels } from '../../src/forecast/index.js';
import { builtInIndicators } from '../../src/indicators/index.js';
import { endonymOf, type Language, languages } from '../src/i18n/languages.js';
import { dictionaries } from '../src/i18n/messages.js';

export type Texts = Record<Language, Set<string>>;

const webSrc = fileURLToPath(new URL('../src', import.meta.url));
const configDir = fileURLToPath(new URL('../../config', import.meta.url));

/** Names that are the same word in every language, and the language switch that names each language. */
const properNames = new Set(['Soteatlas', 'THL', 'Kela', 'OpenStreetMap', ...Object.values(endonymOf)]);

// Stands in for a message's arguments, so that a message function gives up its fixed words.
const hole = '\u2063';

const add = (texts: Texts, language: Language, text: string): void => {
  for (const part of text.split(hole)) {
    const trimmed = part.replace(/\s+/g, ' ').replace(/^[\s\p{P}\p{S}\d]+|[\s\p{P}\p{S}\d]+$/gu, '');
    // Fragments of fewer than four letters ("min", "km") say nothing about a language.
    if ((trimmed.match(/\p{L}/gu) ?? []).length >= 4) texts[language].add(trimmed);
  }
};

/** Every string of a message catalogue in one language, message functions called with stand-ins. */
const addMessages = (texts: Texts, language: Language, value: unknown): void => {
  if (typeof value === 'string') add(texts, language, value);
  else if (typeof value === 'function') {
    try {
      const result: unknown = value(hole, hole, hole, hole, hole, hole);
      addMessages(texts, language, result);
    } catch {
      // A message that computes with its arguments gives nothing with stand-ins; its neighbours still do.
    }
  } else if (Array.isArray(value)) for (const item of value) addMessages(texts, language, item);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) addMessages(texts, language, item);
};

/** `{ fi, sv, en }` and `nameFi`/`nameSv`/`nameEn` wherever they stand in shipped data. */
const addShipped = (texts: Texts, value: unknown): void => {
  if (Array.isArray(value)) for (const item of value) addShipped(texts, item);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const language of languages) {
      const local = record[language];
      const suffixed = record[`name${language[0]?.toUpperCase()}${language.slice(1)}`];
      if (typeof local === 'string' && languages.every((l) => typeof record[l] === 'string'))
        add(texts, language, local);
      if (typeof suffixed === 'string') add(texts, language, suffixed);
    }
    for (const item of Object.values(record)) addShipped(texts, item);
  }
};

const filesUnder = (dir: string, wanted: (name: string) => boolean): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(wanted)
    .map((name) => join(dir, name));

/**
 * Every text the app can show, by language: the app's dictionaries, each page's own catalogue
 * (any messages.ts under web/src), the built-in indicators' and forecast variants' texts and the
 * shipped configuration's.
 */
export const shippedTexts = async (): Promise<Texts> => {
  const texts: Texts = { fi: new Set(), sv: new Set(), en: new Set() };
  const catalogues: unknown[] = [dictionaries];
  for (const file of filesUnder(webSrc, (name) => /(^|\/)messages\.ts$/.test(name))) {
    catalogues.push(...Object.values(await import(pathToFileURL(file).href)));
  }
  for (const catalogue of catalogues) {
    const byLanguage = catalogue as Partial<Record<Language, unknown>>;
    if (!languages.every((language) => byLanguage[language] && typeof byLanguage[language] === 'object'))
      continue;
    for (const language of languages) addMessages(texts, language, byLanguage[language]);
  }
  addShipped(texts, [builtInIndicators, builtInVariants, officialLabels]);
  for (const file of filesUnder(configDir, (name) => name.endsWith('.json'))) {
    addShipped(texts, JSON.parse(readFileSync(file, 'utf8')));
  }
  return texts;
};

/**
 * The texts of the other two languages that the chosen one never uses: strings equal across languages
 * ("Soteatlas", "HiGHS") and words the chosen language also has inside its own texts are not foreign.
 */
export const foreignTexts = (texts: Texts, chosen: Language): string[] => {
  const own = [...texts[chosen]].join('\n');
  const foreign = new Set<string>();
  for (const language of languages) {
    if (language === chosen) continue;
    for (const text of texts[language]) {
      if (texts[chosen].has(text) || properNames.has(text) || containsPhrase(own, text)) continue;
      foreign.add(text);
    }
  }
  return [...foreign].sort();
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The phrase as whole words: "Jour" is not found in "Journal". */
export const containsPhrase = (text: string, phrase: string): boolean =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'u').test(text);

/** Every value under a key with "name" in it: the names of a county's units, producers and areas. */
export const namesIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(namesIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    /name/i.test(key) && typeof item === 'string' ? [item] : namesIn(item),
  );
};

/**
 * Which of the foreign texts the visible text of a page shows, once the county's own names ("Kotihoito
 * Apuri Oy" is a company's name in every language) and file names ("population.json") are taken out.
 */
export const foreignIn = (
  visibleText: string,
  foreign: readonly string[],
  names: readonly string[] = [],
): string[] => {
  let text = visibleText.replace(/\s+/g, ' ').replace(/\S+\.(csv|json|geojson|xlsx|txt|pbf|osm)\b/g, '\n');
  for (const name of [...names].sort((a, b) => b.length - a.length)) text = text.split(name).join('\n');
  return foreign.filter((phrase) => text.includes(phrase) && containsPhrase(text, phrase));
};
