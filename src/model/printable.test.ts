import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable', () => {
  it('writes line breaks, tabs and backslashes as escapes', () => {
    expect(printable('a\nb\r\nc\td\\n')).toBe('a\\nb\\r\\nc\\td\\\\n');
  });

  it('writes terminal escapes, DEL, C1 controls and bidirectional overrides as \\u escapes', () => {
    expect(printable('\u001b[31mred\u007f\u009b\u202eevil')).toBe('\\u001b[31mred\\u007f\\u009b\\u202eevil');
  });

  it('keeps ordinary text, Finnish letters included', () => {
    expect(printable('Päijät-Häme / Åland: 12 €')).toBe('Päijät-Häme / Åland: 12 €');
  });

  it('answers one line of nothing but printable characters, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
        expect(printable(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
});
