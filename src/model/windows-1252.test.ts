import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252, encodeWindows1252, isWindows1252Encodable } from './windows-1252.js';

/** The characters Windows-1252 puts in 0x80–0x9F, by byte (WHATWG Encoding Standard index). */
const typographic: [string, number][] = [
  ['€', 0x80],
  ['‚', 0x82],
  ['„', 0x84],
  ['…', 0x85],
  ['Š', 0x8a],
  ['Ž', 0x8e],
  ['‘', 0x91],
  ['’', 0x92],
  ['“', 0x93],
  ['”', 0x94],
  ['–', 0x96],
  ['—', 0x97],
  ['™', 0x99],
  ['š', 0x9a],
  ['ž', 0x9e],
  ['Ÿ', 0x9f],
];

const latin1Text = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0xa0, max: 0xff })))
  .map((codes) => String.fromCharCode(...codes));

/** Characters near and inside the code page's edges, typographic ones and an emoji's surrogates. */
const mixedCharacter = fc.oneof(
  fc.integer({ min: 0, max: 0x17f }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('€', '™', '—', '→', '\ud83d', '\ude00'),
);

describe('decodeWindows1252', () => {
  it('reads the typographic characters of 0x80–0x9F, not Latin-1 controls', () => {
    for (const [character, byte] of typographic)
      expect(decodeWindows1252(Uint8Array.of(byte))).toBe(character);
    expect(decodeWindows1252(Buffer.from([0x6b, 0xe4, 0x80]))).toBe('kä€');
  });
});

describe('encodeWindows1252', () => {
  it('writes Finnish and Swedish letters as single Latin-1 bytes', () => {
    expect([...encodeWindows1252('ikä;Åsa;Öljy')]).toEqual([
      0x69, 0x6b, 0xe4, 0x3b, 0xc5, 0x73, 0x61, 0x3b, 0xd6, 0x6c, 0x6a, 0x79,
    ]);
  });

  it('round-trips Latin-1 text through TextDecoder', () => {
    fc.assert(
      fc.property(latin1Text, (text) => {
        expect(decodeWindows1252(encodeWindows1252(text))).toBe(text);
      }),
    );
  });

  it('puts the typographic characters in 0x80–0x9F', () => {
    for (const [character, byte] of typographic) expect([...encodeWindows1252(character)]).toEqual([byte]);
  });

  it('round-trips every byte through decodeWindows1252', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...encodeWindows1252(decodeWindows1252(bytes))]).toEqual([...bytes]);
  });

  it('refuses characters the code page does not have, and says which', () => {
    for (const text of ['→', 'ő', '😀', '\u0080']) {
      expect(isWindows1252Encodable(text)).toBe(false);
      expect(() => encodeWindows1252(`ok ${text}`)).toThrow(/at position 3/);
    }
  });

  it('agrees with isWindows1252Encodable on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: mixedCharacter }), (text) => {
        const encodable = isWindows1252Encodable(text);
        if (encodable) expect(encodeWindows1252(text)).toHaveLength(text.length);
        else expect(() => encodeWindows1252(text)).toThrow(RangeError);
      }),
    );
  });
});
