import { beforeAll, describe, expect, it } from 'vitest';
import { dictionaries } from '../src/i18n/messages.js';
import {
  containsPhrase,
  foreignIn,
  foreignTexts,
  namesIn,
  shippedTexts,
  type Texts,
} from './foreign-text.js';

describe('text of another language', () => {
  let texts: Texts;
  beforeAll(async () => {
    texts = await shippedTexts();
  });

  it("is found in the app's dictionaries, the pages' catalogues and the shipped texts", () => {
    const foreign = foreignTexts(texts, 'fi');
    expect(foreign).toContain(dictionaries.en.nav.overview);
    expect(foreign).toContain(dictionaries.sv.app.skipToContent);
    expect(foreign).toContain(dictionaries.sv.nav.network);
    expect(foreign).toContain('Top management monitoring set');
    expect(foreign).toContain('Munhälsovård');
    expect(foreignTexts(texts, 'en')).toContain(dictionaries.fi.nav.overview);
  });

  it('leaves out what languages share, proper names and the language switch', () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      const foreign = foreignTexts(texts, language);
      for (const shared of ['Soteatlas', 'Suomi', 'Svenska', 'English', 'THL'])
        expect(foreign).not.toContain(shared);
    }
  });

  it('is looked for as whole words, outside the county’s own names and file names', () => {
    expect(containsPhrase('Jour och Journal', 'Jour')).toBe(true);
    expect(containsPhrase('Journal', 'Jour')).toBe(false);
    const foreign = ['Kotihoito', 'population', 'Overview'];
    expect(
      foreignIn('Kotihoito Apuri Oy · population.json · Overview', foreign, ['Kotihoito Apuri Oy']),
    ).toEqual(['Overview']);
    expect(namesIn([{ code: 'TP1', name: 'Kotihoito Apuri', producerName: 'Apuri Oy' }])).toEqual([
      'Kotihoito Apuri',
      'Apuri Oy',
    ]);
  });
});
