/**
 * Windows-1252 encoding, as the WHATWG Encoding Standard defines it (and so as `TextDecoder`
 * decodes it): bytes 0x00–0x7F and 0xA0–0xFF are Latin-1, 0x80–0x9F hold typographic characters,
 * and the five bytes Microsoft left undefined decode to the C1 control with the same number.
 */
const highBytes: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

const byteOfHighCharacter = new Map<number, number>(highBytes.map((codePoint, i) => [codePoint, 0x80 + i]));

/**
 * Characters where Latin-1 and Windows-1252 part ways: 0x80–0x9F, and everything above 0xFF. Text
 * without them is encoded by Node's fast 'latin1' encoder.
 */
export const beyondLatin1 = /[\u0080-\u009f\u0100-\uffff]/;

export const isWindows1252Encodable = (text: string): boolean => {
  if (!beyondLatin1.test(text)) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!(code < 0x80 || (code >= 0xa0 && code <= 0xff) || byteOfHighCharacter.has(code))) return false;
  }
  return true;
};

/**
 * The text as Windows-1252 bytes. A character the code page cannot hold is a bug in the caller, not
 * something to replace silently with "?", so it throws.
 */
export const encodeWindows1252 = (text: string): Buffer => {
  if (!beyondLatin1.test(text)) return Buffer.from(text, 'latin1');
  const bytes = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) {
      bytes[i] = code;
      continue;
    }
    const byte = byteOfHighCharacter.get(code);
    if (byte === undefined) {
      throw new RangeError(
        `U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${i} has no Windows-1252 byte`,
      );
    }
    bytes[i] = byte;
  }
  return bytes;
};

const highCharacters = /[\u0080-\u009f]/g;

/**
 * Windows-1252 bytes as text. Written here rather than left to `TextDecoder`, because some Node
 * builds decode 0x80–0x9F (€, –, ” …) as Latin-1 control characters. Each byte is one character,
 * so a stream can be decoded chunk by chunk.
 */
export const decodeWindows1252 = (bytes: Uint8Array): string => {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(highCharacters, (c) =>
    String.fromCharCode(highBytes[c.charCodeAt(0) - 0x80] ?? 0xfffd),
  );
};
