import { describe, expect, it } from 'vitest';
import { referenceTitle } from './title.js';

describe('referenceTitle', () => {
  const titles = {
    fi: 'Kuolleisuus / 100 000 asukasta',
    sv: 'Dödlighet / 100 000 invånare',
    en: 'Mortality per 100 000 inhabitants',
  };

  it("gives the title in the reader's language", () => {
    expect(referenceTitle(titles, 'sv', '186')).toEqual({ text: titles.sv, lang: undefined });
    expect(referenceTitle(titles, 'en', '186')).toEqual({ text: titles.en, lang: undefined });
  });

  it('falls back to a title in another language, marked as such, and to the id when there is none', () => {
    expect(referenceTitle({ ...titles, en: null }, 'en', '186')).toEqual({ text: titles.fi, lang: 'fi' });
    expect(referenceTitle({ fi: null, sv: titles.sv, en: null }, 'fi', '186')).toEqual({
      text: titles.sv,
      lang: 'sv',
    });
    expect(referenceTitle({ fi: null, sv: null, en: null }, 'fi', '186')).toEqual({
      text: '186',
      lang: undefined,
    });
  });
});
