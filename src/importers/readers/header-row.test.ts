import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHeaderRow } from './header-row.js';

describe('findHeaderRow', () => {
  it('finds a plain header on the first record', () => {
    expect(findHeaderRow(['a;b;c', '1;2;3', '4;5;6'])).toEqual({ index: 0, delimiter: ';' });
    expect(findHeaderRow(['a,b', '1,2'])).toEqual({ index: 0, delimiter: ',' });
  });

  it('skips a quoted PxWeb title holding commas and judges a comma file as comma', () => {
    const records = [
      '"Väestö 31.12. muuttujina Alue, Ikä, Sukupuoli ja Vuosi"',
      '"Alue","Ikä","Miehet 2019 Väestö 31.12.","Naiset 2019 Väestö 31.12."',
      '"Helsinki","0",3156,3007',
      '"Lähde: Tilastokeskus"',
    ];
    expect(findHeaderRow(records)).toEqual({ index: 1, delimiter: ',' });
  });

  it('skips an unquoted title whose commas the rows below do not agree with', () => {
    expect(findHeaderRow(['Väestö, 2019', 'Alue;Ikä;Väestö', 'Helsinki;0;1', 'Espoo;0;2'])).toEqual({
      index: 1,
      delimiter: ';',
    });
  });

  it('finds the header below any number of title lines up to six, for every delimiter', () => {
    const word = fc.stringMatching(/^[A-Za-zÄÖäö ]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.constantFrom(', ', '; ', '')), { maxLength: 6 }),
        fc.constantFrom(';' as const, ',' as const, '\t' as const),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 0, max: 30 }),
        (titles, delimiter, width, rows) => {
          const titleLines = titles.map(([w, sep]) => `"${w}${sep}${w}"`);
          const header = Array.from({ length: width }, (_, i) => `"h${i}"`).join(delimiter);
          const data = Array.from({ length: rows }, (_, r) =>
            Array.from({ length: width }, (_, i) => String(r * i)).join(delimiter),
          );
          const found = findHeaderRow([...titleLines, header, ...data]);
          expect(found).toEqual({ index: titleLines.length, delimiter });
        },
      ),
    );
  });
});
